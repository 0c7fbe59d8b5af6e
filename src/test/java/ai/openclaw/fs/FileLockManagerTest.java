package ai.openclaw.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLockManagerTest {
    private static final long OWN_PID = ProcessHandle.current().pid();
    private static final LockPolicy SMALL = new LockPolicy(3, 2, 10, 1000, false, 30_000);
    private static final Sleeper NO_SLEEP = ms -> {
        throw new AssertionError("unexpected back-off sleep of " + ms + " ms");
    };

    @TempDir
    Path dir;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    private final List<Long> sleeps = new ArrayList<>();
    private Path target;
    private Path lockPath;
    private Process liveOwner;

    @BeforeEach
    void setUp() throws IOException {
        target = dir.resolve("auth-profiles.json");
        lockPath = dir.resolve("auth-profiles.json.lock");
        liveOwner = OsProcesses.startSleeper();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        liveOwner.destroyForcibly();
        liveOwner.waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void lockPathFor_isTheSiblingNamedAfterTheTargetPlusLock() {
        assertThat(FileLockManager.lockPathFor(dir.resolve("a/../auth-profiles.json"))).isEqualTo(lockPath);
    }

    @Test
    void withLock_writesPrettyOwnerRecordWithMode0600AndRemovesItAfterwards() throws IOException {
        Clock fixed = Clock.fixed(Instant.parse("2026-01-02T03:04:05.006Z"), ZoneOffset.UTC);
        FileLockManager locks = new FileLockManager(fixed, OWN_PID, NO_SLEEP, () -> 0);
        Path nested = dir.resolve("agents/main/agent/auth-profiles.json");
        Path nestedLock = nested.resolveSibling("auth-profiles.json.lock");

        String seenInside = locks.withLock(nested, SMALL, () -> readUnchecked(nestedLock));

        assertThat(seenInside).isEqualTo("{\n  \"pid\": " + OWN_PID + ",\n  \"createdAt\": \"2026-01-02T03:04:05.006Z\"\n}\n");
        assertThat(nestedLock).doesNotExist();
        assertThat(nested).doesNotExist();
        assertThat(mode(dir.resolve("agents/main/agent"))).isEqualTo("rwx------");
        locks.withLock(nested, SMALL, () -> assertThat(modeUnchecked(nestedLock)).isEqualTo("rw-------"));
    }

    @Test
    void theLockFileAppearsWithItsOwner_andNoStagingFileIsLeftBehind() throws IOException {
        FileLockManager locks = manager(NO_SLEEP);

        java.util.List<String> inside = locks.withLock(target, SMALL, () -> {
            try (var files = Files.list(dir)) {
                return files.map(f -> f.getFileName().toString()).sorted().toList();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        assertThat(inside).containsExactly(lockPath.getFileName().toString());
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void withLock_propagatesBodyExceptionUnchangedAndReleasesTheLock() {
        FileLockManager locks = manager(NO_SLEEP);
        IllegalStateException failure = new IllegalStateException("boom");

        assertThatThrownBy(() -> locks.withLock(target, SMALL, () -> {
            throw failure;
        })).isSameAs(failure);
        assertThat(lockPath).doesNotExist();
        assertThat(locks.isHeldByCurrentThread(target)).isFalse();
    }

    @Test
    void withLock_isReentrantInOneThreadAndOnlyOutermostHoldRemovesTheFile() {
        FileLockManager locks = manager(NO_SLEEP);

        String result = locks.withLock(target, SMALL, () -> {
            String inner = locks.withLock(target, SMALL, () -> {
                assertThat(locks.isHeldByCurrentThread(target)).isTrue();
                return "inner";
            });
            assertThat(lockPath).as("lock file after inner release").exists();
            return inner + "+outer";
        });

        assertThat(result).isEqualTo("inner+outer");
        assertThat(lockPath).doesNotExist();
        assertThat(locks.isHeldByCurrentThread(target)).isFalse();
    }

    @Test
    void withLock_takesOverLockOfDeadProcessWithoutWaiting() throws Exception {
        writeLock(OsProcesses.deadPid(), now.toString());
        FileLockManager locks = manager(NO_SLEEP);

        String inside = locks.withLock(target, SMALL, () -> readUnchecked(lockPath));

        assertThat(inside).contains("\"pid\": " + OWN_PID);
        assertThat(lockPath).doesNotExist();
    }

    @Test
    void withLock_takesOverLockOlderThanStaleMsEvenWhenOwnerIsAlive() throws IOException {
        writeLock(liveOwner.pid(), now.minusMillis(SMALL.staleMs() + 1).toString());
        FileLockManager locks = manager(NO_SLEEP);

        AtomicBoolean ran = new AtomicBoolean();
        locks.withLock(target, SMALL, () -> ran.set(true));

        assertThat(ran).isTrue();
        assertThat(lockPath).doesNotExist();
    }

    @Test
    void withLock_waitsWithBackoffForFreshLockOfLiveProcessThenTimesOut() throws IOException {
        writeLock(liveOwner.pid(), now.minusSeconds(5).toString());
        String before = Files.readString(lockPath);
        FileLockManager locks = manager(sleeps::add);
        AtomicBoolean ran = new AtomicBoolean();

        assertThatThrownBy(() -> locks.withLock(target, SMALL, () -> ran.set(true)))
                .isInstanceOf(LockTimeoutException.class)
                .hasMessageContaining(lockPath.toString())
                .hasMessageContaining("the auth store lock may be busy. Wait a moment and retry.")
                .satisfies(e -> assertThat(((LockTimeoutException) e).lockPath()).isEqualTo(lockPath));

        assertThat(sleeps).containsExactly(10L, 20L, 40L);
        assertThat(ran).isFalse();
        assertThat(Files.readString(lockPath)).isEqualTo(before);
    }

    @Test
    void withLock_randomizesBackoffWithTheRandomSource() throws IOException {
        writeLock(liveOwner.pid(), now.toString());
        FileLockManager locks = new FileLockManager(clock, OWN_PID, sleeps::add, () -> 0.5);
        LockPolicy randomized = new LockPolicy(2, 2, 10, 1000, true, 30_000);

        assertThatThrownBy(() -> locks.withLock(target, randomized, () -> {})).isInstanceOf(LockTimeoutException.class);

        assertThat(sleeps).containsExactly(15L, 30L);
    }

    @Test
    void withLock_treatsCreatedAtInTheFutureAsFresh() throws IOException {
        writeLock(liveOwner.pid(), now.plus(Duration.ofHours(1)).toString());
        FileLockManager locks = manager(sleeps::add);

        assertThatThrownBy(() -> locks.withLock(target, SMALL, () -> {})).isInstanceOf(LockTimeoutException.class);
        assertThat(lockPath).exists();
    }

    @Test
    void withLock_acquiresOnceTheHolderReleasesWhileWaiting() throws IOException {
        writeLock(liveOwner.pid(), now.toString());
        FileLockManager locks = manager(ms -> {
            sleeps.add(ms);
            if (sleeps.size() == 2) {
                deleteUnchecked(lockPath); // the holder finishes during our second back-off
            }
        });

        String inside = locks.withLock(target, SMALL, () -> readUnchecked(lockPath));

        assertThat(sleeps).containsExactly(10L, 20L);
        assertThat(inside).contains("\"pid\": " + OWN_PID);
    }

    @Test
    void withLock_takesOverUnparseableLockWhoseMtimeIsOld() throws IOException {
        Files.writeString(lockPath, "");
        Files.setLastModifiedTime(lockPath, FileTime.from(now.minus(Duration.ofHours(1))));
        FileLockManager locks = manager(NO_SLEEP);

        AtomicBoolean ran = new AtomicBoolean();
        locks.withLock(target, SMALL, () -> ran.set(true));

        assertThat(ran).isTrue();
        assertThat(lockPath).doesNotExist();
    }

    @Test
    void withLock_waitsForUnparseableLockWhoseMtimeIsFresh() throws IOException {
        // An empty file is what a competitor's lock looks like between O_EXCL create and its write.
        Files.writeString(lockPath, "");
        Files.setLastModifiedTime(lockPath, FileTime.from(now.minusSeconds(1)));
        FileLockManager locks = manager(sleeps::add);

        assertThatThrownBy(() -> locks.withLock(target, SMALL, () -> {})).isInstanceOf(LockTimeoutException.class);
        assertThat(sleeps).hasSize(SMALL.retries());
        assertThat(lockPath).exists();
    }

    @Test
    void withLock_judgesLockWithoutCreatedAtByItsMtime() throws IOException {
        Files.writeString(lockPath, "{\"pid\": " + liveOwner.pid() + "}\n");
        Files.setLastModifiedTime(lockPath, FileTime.from(now.minus(Duration.ofMinutes(5))));
        FileLockManager locks = manager(NO_SLEEP);

        AtomicBoolean ran = new AtomicBoolean();
        locks.withLock(target, SMALL, () -> ran.set(true));

        assertThat(ran).isTrue();
    }

    @Test
    void withLock_releaseLeavesALockThatSomeoneElseTookOver() throws IOException {
        FileLockManager locks = manager(NO_SLEEP);
        String foreign = "{\n  \"pid\": " + liveOwner.pid() + ",\n  \"createdAt\": \"" + now + "\"\n}\n";

        locks.withLock(target, SMALL, () -> {
            // Simulates another process that judged our lock stale and replaced it.
            writeUnchecked(lockPath, foreign);
        });

        assertThat(Files.readString(lockPath)).isEqualTo(foreign);
    }

    @Test
    void withLock_interruptedWhileWaitingThrowsTimeoutAndKeepsInterruptFlag() throws IOException {
        writeLock(liveOwner.pid(), now.toString());
        FileLockManager locks = manager(ms -> {
            throw new InterruptedException();
        });

        try {
            assertThatThrownBy(() -> locks.withLock(target, SMALL, () -> {}))
                    .isInstanceOf(LockTimeoutException.class)
                    .hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void withLock_inImmutableDirectoryFailsWithFileWriteExceptionNamingTheLock() throws Exception {
        FileLockManager locks = manager(NO_SLEEP);
        OsProcesses.setImmutable(dir, true);
        try {
            assertThatThrownBy(() -> locks.withLock(target, SMALL, () -> {}))
                    .isInstanceOf(FileWriteException.class)
                    .hasMessageContaining(lockPath.toString());
        } finally {
            OsProcesses.setImmutable(dir, false);
        }
    }

    @Test
    void withLock_twoManagersOfOneProcessStillExcludeEachOtherThroughTheFile() {
        FileLockManager first = manager(NO_SLEEP);
        FileLockManager second = manager(NO_SLEEP);

        Optional<String> nested = first.withLock(target, SMALL, () -> second.tryWithLock(target, () -> "ran"));

        assertThat(nested).isEmpty();
    }

    @Test
    void tryWithLock_runsBodyWhenFree() {
        FileLockManager locks = manager(NO_SLEEP);

        assertThat(locks.tryWithLock(target, () -> "done")).contains("done");
        assertThat(lockPath).doesNotExist();
    }

    @Test
    void tryWithLock_returnsEmptyWithoutWaitingWhenHeldByLiveProcess() throws IOException {
        writeLock(liveOwner.pid(), now.toString());
        FileLockManager locks = manager(NO_SLEEP);
        AtomicBoolean ran = new AtomicBoolean();

        assertThat(locks.tryWithLock(target, () -> ran.getAndSet(true))).isEmpty();
        assertThat(ran).isFalse();
        assertThat(lockPath).exists();
    }

    @Test
    void tryWithLock_takesOverStaleLock() throws Exception {
        writeLock(OsProcesses.deadPid(), now.toString());
        FileLockManager locks = manager(NO_SLEEP);

        assertThat(locks.tryWithLock(target, () -> 42)).contains(42);
    }

    @Test
    void tryWithLock_returnsEmptyWhenAnotherThreadOfThisProcessHoldsTheLock() throws Exception {
        FileLockManager locks = manager(NO_SLEEP);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> locks.withLock(target, SMALL, () -> {
            held.countDown();
            awaitUnchecked(done);
        }));
        try {
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(locks.tryWithLock(target, () -> "ran")).isEmpty();
        } finally {
            done.countDown();
        }
        holder.get(10, TimeUnit.SECONDS);
        assertThat(locks.tryWithLock(target, () -> "ran")).contains("ran");
    }

    private FileLockManager manager(Sleeper sleeper) {
        return new FileLockManager(clock, OWN_PID, sleeper, () -> 0);
    }

    private void writeLock(long pid, String createdAt) throws IOException {
        Files.writeString(lockPath, "{\n  \"pid\": " + pid + ",\n  \"createdAt\": \"" + createdAt + "\"\n}\n");
    }

    private static String readUnchecked(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void deleteUnchecked(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void writeUnchecked(Path path, String content) {
        try {
            Files.writeString(path, content);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitUnchecked(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static String modeUnchecked(Path path) {
        try {
            return mode(path);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
