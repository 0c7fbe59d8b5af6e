package ai.openclaw.fs;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoubleSupplier;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

/**
 * Cross-process, re-entrant locks on files, compatible with the sidecar lock files of the reference
 * implementation: locking {@code dir/auth-profiles.json} creates {@code dir/auth-profiles.json.lock}
 * exclusively ({@code O_EXCL}) with content {@code {"pid": <int>, "createdAt": "<ISO-8601>"}}.
 *
 * <p><b>Concurrency.</b> Create exactly one instance per process (the composition root does); the
 * in-process part of the lock lives in the instance. For each target (by absolute normalized path) a
 * thread first takes a fair in-process {@link ReentrantLock}, so threads of this process queue there
 * instead of polling the file system; only the outermost hold of a thread creates and deletes the lock
 * file, which makes nested {@code withLock} calls on the same target safe. Threads wait for another
 * thread of this process at most {@link LockPolicy#totalBackoffMs()}.
 *
 * <p><b>Stale locks.</b> A lock file whose pid is not a running process, or that is older than the
 * policy's {@code staleMs}, is deleted (only if unchanged since it was judged) and acquisition is
 * retried at once. Bodies must therefore finish well within {@code staleMs}.
 *
 * <p>The file lock is advisory: it only excludes code that uses the same protocol.
 */
public final class FileLockManager {
    /** Immediate retries per attempt after a lock vanished or was removed as stale; bounds the loop. */
    private static final int MAX_IMMEDIATE_RETRIES = 8;

    private final Clock clock;
    private final long pid;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final LongPredicate processAlive = p -> ProcessHandle.of(p).isPresent();
    private final ConcurrentHashMap<Path, Gate> gates = new ConcurrentHashMap<>();

    /**
     * @param clock source of {@code createdAt} and of "now" for staleness
     * @param pid the pid written into lock files, normally {@code ProcessHandle.current().pid()}
     */
    public FileLockManager(Clock clock, long pid) {
        this(clock, pid, Thread::sleep, () -> ThreadLocalRandom.current().nextDouble());
    }

    FileLockManager(Clock clock, long pid, Sleeper sleeper, DoubleSupplier random) {
        if (pid <= 0) {
            throw new IllegalArgumentException("pid must be positive");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pid = pid;
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The sidecar lock file of {@code target}: same directory, file name plus {@code .lock}. */
    public static Path lockPathFor(Path target) {
        Path key = key(target);
        return key.resolveSibling(key.getFileName() + ".lock");
    }

    /**
     * Runs {@code body} while holding the lock of {@code target}, waiting per {@code policy}.
     * Exceptions from {@code body} propagate unchanged after the lock is released.
     *
     * @throws LockTimeoutException when the lock stays busy for all attempts (body not run)
     * @throws FileWriteException when the lock file cannot be created or removed for another reason
     */
    public <T> T withLock(Path target, LockPolicy policy, Supplier<T> body) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(body, "body");
        Path key = key(target);
        Path lockPath = lockPathFor(key);
        Gate gate = enter(key);
        try {
            acquireInProcess(gate.lock, policy, lockPath);
            try {
                return runHolding(gate.lock, lockPath, policy, true, body).orElseThrow().value();
            } finally {
                gate.lock.unlock();
            }
        } finally {
            leave(key);
        }
    }

    /** {@link #withLock(Path, LockPolicy, Supplier)} for a body without a result. */
    public void withLock(Path target, LockPolicy policy, Runnable body) {
        Objects.requireNonNull(body, "body");
        withLock(target, policy, () -> {
            body.run();
            return Boolean.TRUE;
        });
    }

    /**
     * Runs {@code body} only if the lock of {@code target} is free right now (one attempt, no waiting;
     * a stale lock, judged by {@link LockPolicy#STORE}, is still taken over).
     *
     * @return the body's result, or empty when the lock is held (a {@code null} result is also empty)
     */
    public <T> Optional<T> tryWithLock(Path target, Supplier<T> body) {
        return tryWithLock(target, LockPolicy.STORE, body);
    }

    /** Like {@link #tryWithLock(Path, Supplier)}, judging staleness by {@code policy.staleMs()}. */
    public <T> Optional<T> tryWithLock(Path target, LockPolicy policy, Supplier<T> body) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(body, "body");
        Path key = key(target);
        Path lockPath = lockPathFor(key);
        Gate gate = enter(key);
        try {
            if (!gate.lock.tryLock()) {
                return Optional.empty();
            }
            try {
                return runHolding(gate.lock, lockPath, policy.withRetries(0), false, body).map(Ran::value);
            } finally {
                gate.lock.unlock();
            }
        } finally {
            leave(key);
        }
    }

    /** Whether the current thread holds the lock of {@code target} (e.g. to assert it in callers). */
    public boolean isHeldByCurrentThread(Path target) {
        Gate gate = gates.get(key(target));
        return gate != null && gate.lock.isHeldByCurrentThread();
    }

    /**
     * With the in-process lock held: takes the file lock if this is the outermost hold, runs the body,
     * releases. Returns empty (body not run) when the file lock is busy and {@code failWhenBusy}
     * is false.
     */
    private <T> Optional<Ran<T>> runHolding(
            ReentrantLock inProcess, Path lockPath, LockPolicy policy, boolean failWhenBusy, Supplier<T> body) {
        if (inProcess.getHoldCount() > 1) {
            return Optional.of(new Ran<>(body.get()));
        }
        Optional<LockOwner> acquired = acquireFile(lockPath, policy);
        if (acquired.isEmpty()) {
            if (failWhenBusy) {
                throw new LockTimeoutException(lockPath, null);
            }
            return Optional.empty();
        }
        LockOwner owner = acquired.get();
        T result;
        try {
            result = body.get();
        } catch (Throwable failure) {
            try {
                SidecarLockFile.releaseIfOwned(lockPath, owner);
            } catch (IOException e) {
                failure.addSuppressed(FileWriteException.of("remove lock file", lockPath, e));
            }
            throw failure;
        }
        try {
            SidecarLockFile.releaseIfOwned(lockPath, owner);
        } catch (IOException e) {
            // The body's changes are done; a lock file we cannot delete would block everyone until it goes stale.
            throw FileWriteException.of("remove lock file", lockPath, e);
        }
        return Optional.of(new Ran<>(result));
    }

    private void acquireInProcess(ReentrantLock lock, LockPolicy policy, Path lockPath) {
        if (lock.isHeldByCurrentThread()) {
            lock.lock();
            return;
        }
        try {
            if (!lock.tryLock(policy.totalBackoffMs(), TimeUnit.MILLISECONDS)) {
                throw new LockTimeoutException(lockPath, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LockTimeoutException(lockPath, e);
        }
    }

    /**
     * Attempts to create the lock file up to {@code retries + 1} times with back-off in between. A
     * vanished or stale lock leads to an immediate retry that does not count as an attempt.
     */
    private Optional<LockOwner> acquireFile(Path lockPath, LockPolicy policy) {
        try {
            Permissions.createPrivateDirs(lockPath.getParent());
        } catch (IOException e) {
            throw FileWriteException.of("create directory", lockPath.getParent(), e);
        }
        for (int attempt = 0; ; attempt++) {
            for (int immediate = 0; immediate <= MAX_IMMEDIATE_RETRIES; immediate++) {
                LockOwner owner = LockOwner.of(pid, clock.instant());
                try {
                    if (SidecarLockFile.tryCreate(lockPath, owner)) {
                        return Optional.of(owner);
                    }
                    if (!freedJustNow(lockPath, policy)) {
                        break;
                    }
                } catch (IOException e) {
                    throw FileWriteException.of("create lock file", lockPath, e);
                }
            }
            if (attempt >= policy.retries()) {
                return Optional.empty();
            }
            try {
                sleeper.sleep(policy.backoffMs(attempt, random.getAsDouble()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LockTimeoutException(lockPath, e);
            }
        }
    }

    /** True when the existing lock file has vanished or was stale and is now removed. */
    private boolean freedJustNow(Path lockPath, LockPolicy policy) throws IOException {
        Optional<LockSnapshot> seen = SidecarLockFile.observe(lockPath);
        if (seen.isEmpty()) {
            return true;
        }
        if (!seen.get().isStale(clock.instant(), policy.staleMs(), processAlive)) {
            return false;
        }
        return SidecarLockFile.removeIfUnchanged(lockPath, seen.get());
    }

    private Gate enter(Path key) {
        return gates.compute(key, (k, gate) -> {
            Gate entered = gate == null ? new Gate() : gate;
            entered.users++;
            return entered;
        });
    }

    /** Drops the gate when no thread uses it any more, so the map does not grow with every path ever locked. */
    private void leave(Path key) {
        gates.computeIfPresent(key, (k, gate) -> --gate.users == 0 ? null : gate);
    }

    private static Path key(Path target) {
        Path key = target.toAbsolutePath().normalize();
        if (key.getFileName() == null || key.getParent() == null) {
            throw new IllegalArgumentException("cannot lock " + target + ": not a file path");
        }
        return key;
    }

    /** A body that ran, with its (possibly null) result. */
    private record Ran<T>(T value) {}

    /**
     * The in-process side of one path's lock. {@code users} counts threads between enter and leave; it is
     * only read and written inside {@link ConcurrentHashMap#compute}, which serializes them per key.
     */
    private static final class Gate {
        final ReentrantLock lock = new ReentrantLock(true);
        int users;
    }
}
