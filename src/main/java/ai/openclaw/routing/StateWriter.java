package ai.openclaw.routing;

import ai.openclaw.core.ProviderIds;
import ai.openclaw.store.AuthState;
import ai.openclaw.store.AuthStore;
import ai.openclaw.store.AuthStoreRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Writes recorded outcomes to {@code auth-state.json} off the request path: one background thread takes everything
 * pending for an agent and applies it in a single {@link AuthStoreRepository#update} (store lock, fresh read, apply
 * the changes in order, write). Applying the changes to the fresh read, never writing an old snapshot, is what lets
 * several gateways and CLIs share a state directory without losing updates.
 *
 * <p>The thread waits {@code coalesce} after the first pending change so that a burst of requests costs one write.
 * A write that fails (lock busy, unreadable file) is retried with the changes that arrived meanwhile, up to
 * {@link #MAX_ATTEMPTS} times, then dropped and reported.
 */
final class StateWriter implements AutoCloseable {
    static final int MAX_ATTEMPTS = 5;
    private static final long MAX_BACKOFF_MS = 30_000;

    /** Hears about every write and every failed one; called on the writing thread. */
    interface Listener {
        void written(String agentId, AuthState onDisk, long upToSeq);

        void failed(String agentId, RuntimeException error, int attempt, boolean dropped, long upToSeq);
    }

    private final Function<String, AuthStoreRepository> repositories;
    private final Clock clock;
    private final long coalesceNanos;
    private final Listener listener;
    private final ReentrantLock queueLock = new ReentrantLock();
    private final Condition hasWork = queueLock.newCondition();
    private final Condition stopping = queueLock.newCondition();
    /** Held while a drained batch is being written, so that {@link #flush} returns only after it landed. */
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Map<String, Batch> pending = new LinkedHashMap<>();
    private final Thread thread;
    private boolean closed;

    StateWriter(Function<String, AuthStoreRepository> repositories, Clock clock, Duration coalesce,
                Listener listener) {
        this.repositories = repositories;
        this.clock = clock;
        this.coalesceNanos = coalesce.toNanos();
        this.listener = listener;
        this.thread = Thread.ofPlatform().daemon().name("openclaw-auth-state-writer").start(this::run);
    }

    void submit(String agentId, StateChange change, long seq) {
        boolean writeNow;
        queueLock.lock();
        try {
            pending.computeIfAbsent(agentId, a -> new Batch()).add(change, seq);
            writeNow = closed;
            hasWork.signalAll();
        } finally {
            queueLock.unlock();
        }
        if (writeNow) {
            writePending();
        }
    }

    /**
     * Writes everything submitted before this call, on the calling thread.
     *
     * @throws StateWriteException when a write failed (its changes stay pending for the next attempt)
     */
    void flush() {
        List<String> errors = writePending();
        if (!errors.isEmpty()) {
            throw new StateWriteException(String.join("; ", errors));
        }
    }

    /** Stops the thread and writes what is left. */
    @Override
    public void close() {
        queueLock.lock();
        try {
            closed = true;
            hasWork.signalAll();
            stopping.signalAll();
        } finally {
            queueLock.unlock();
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        try {
            flush();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        int failedRounds = 0;
        while (true) {
            queueLock.lock();
            try {
                while (pending.isEmpty() && !closed) {
                    hasWork.awaitUninterruptibly();
                }
                if (closed || !pause(coalesceNanos)) {
                    return;
                }
            } finally {
                queueLock.unlock();
            }
            failedRounds = writePending().isEmpty() ? 0 : failedRounds + 1;
            if (failedRounds > 0) {
                long backoffMs = Math.min(MAX_BACKOFF_MS, 100L << Math.min(failedRounds, 16));
                queueLock.lock();
                try {
                    if (closed || !pause(TimeUnit.MILLISECONDS.toNanos(backoffMs))) {
                        return;
                    }
                } finally {
                    queueLock.unlock();
                }
            }
        }
    }

    /** Waits (holding {@link #queueLock}) unless closing; false when closing. */
    private boolean pause(long nanos) {
        long left = nanos;
        while (left > 0 && !closed) {
            try {
                left = stopping.awaitNanos(left);
            } catch (InterruptedException e) {
                return false;
            }
        }
        return !closed;
    }

    /** Writes and empties the queue; returns the errors (failed batches are queued again or dropped). */
    private List<String> writePending() {
        List<String> errors = new ArrayList<>();
        writeLock.lock();
        try {
            Map<String, Batch> drained;
            queueLock.lock();
            try {
                drained = new LinkedHashMap<>(pending);
                pending.clear();
            } finally {
                queueLock.unlock();
            }
            drained.forEach((agentId, batch) -> {
                try {
                    AuthStore written = repositories.apply(agentId).update(store -> store.withState(
                            UsageUpdates.sweepExpired(batch.applyTo(store.state()), clock.millis())));
                    listener.written(agentId, written.state(), batch.maxSeq);
                } catch (RuntimeException e) {
                    batch.attempts++;
                    boolean dropped = batch.attempts >= MAX_ATTEMPTS;
                    if (!dropped) {
                        requeue(agentId, batch);
                    }
                    listener.failed(agentId, e, batch.attempts, dropped, batch.maxSeq);
                    errors.add("agent " + agentId + ": " + e.getMessage());
                }
            });
        } finally {
            writeLock.unlock();
        }
        return errors;
    }

    /** Puts a failed batch back in front of anything that arrived for the agent meanwhile. */
    private void requeue(String agentId, Batch failed) {
        queueLock.lock();
        try {
            Batch newer = pending.remove(agentId);
            if (newer != null) {
                failed.changes.addAll(newer.changes);
                failed.maxSeq = Math.max(failed.maxSeq, newer.maxSeq);
            }
            pending.put(agentId, failed);
        } finally {
            queueLock.unlock();
        }
    }

    /** The changes of one agent, in recording order. Confined to the queue lock or the writing thread. */
    private static final class Batch {
        final List<StateChange> changes = new ArrayList<>();
        long maxSeq;
        int attempts;

        void add(StateChange change, long seq) {
            if (!(change instanceof StateChange.Success s) || !replacedEarlierSuccess(s)) {
                changes.add(change);
            }
            maxSeq = Math.max(maxSeq, seq);
        }

        /**
         * Every served request records a success, so under load a batch would grow by one change per request until
         * the next write. A success sets everything an earlier success of the same profile set (it keeps only
         * {@code lastFailureAt}, which no success changes) and the same {@code lastGood} entry, and touches nothing
         * else. So the latest success can take the place of an earlier one of the same profile and provider when
         * nothing between them touches that profile or that provider's {@code lastGood}: the result, including the
         * order in which new entries are added, is the same. The search stops at anything else.
         */
        private boolean replacedEarlierSuccess(StateChange.Success s) {
            String provider = ProviderIds.normalize(s.provider());
            for (int i = changes.size() - 1; i >= 0 && changes.get(i) instanceof StateChange.Success earlier; i--) {
                boolean sameProfile = earlier.profileId().equals(s.profileId());
                if (sameProfile && earlier.provider().equals(s.provider())) {
                    changes.set(i, s);
                    return true;
                }
                if (sameProfile || ProviderIds.normalize(earlier.provider()).equals(provider)) {
                    return false;
                }
            }
            return false;
        }

        AuthState applyTo(AuthState state) {
            AuthState s = state;
            for (StateChange c : changes) {
                s = c.applyTo(s);
            }
            return s;
        }
    }
}
