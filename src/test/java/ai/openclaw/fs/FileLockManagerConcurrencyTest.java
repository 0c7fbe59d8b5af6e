package ai.openclaw.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLockManagerConcurrencyTest {
    private static final int WORKERS = 4;
    private static final int INCREMENTS = 25;

    @TempDir
    Path dir;

    @Test
    void withLock_serializesReadModifyWriteAcrossThreadsOfOneProcess() throws Exception {
        Path counter = dir.resolve("counter.json");
        FileLockManager locks = new FileLockManager(Clock.systemUTC(), ProcessHandle.current().pid());
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();

        try (ExecutorService pool = Executors.newFixedThreadPool(WORKERS)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < INCREMENTS; i++) {
                        locks.withLock(counter, LockPolicy.STORE, () -> {
                            maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            LockedCounterMain.incrementSlowly(counter);
                            inside.decrementAndGet();
                        });
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        }

        assertThat(Files.readString(counter)).isEqualTo(Integer.toString(WORKERS * INCREMENTS));
        assertThat(maxInside).hasValue(1);
        assertThat(dir.resolve("counter.json.lock")).doesNotExist();
    }

    @Test
    void withLock_serializesReadModifyWriteAcrossProcesses() throws Exception {
        Path counter = dir.resolve("counter.json");
        List<Process> children = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        try {
            for (int w = 0; w < WORKERS; w++) {
                Path output = dir.resolve("child-" + w + ".out");
                outputs.add(output);
                children.add(ChildJvm.start(LockedCounterMain.class, output,
                        counter.toString(), Integer.toString(INCREMENTS), "5", "100"));
            }
            for (int w = 0; w < WORKERS; w++) {
                Process child = children.get(w);
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child %d finished", w).isTrue();
                assertThat(child.exitValue()).as("child %d exit code; output:%n%s", w, Files.readString(outputs.get(w)))
                        .isZero();
            }
        } finally {
            children.forEach(Process::destroyForcibly);
        }

        assertThat(Files.readString(counter)).isEqualTo(Integer.toString(WORKERS * INCREMENTS));
        assertThat(dir.resolve("counter.json.lock")).doesNotExist();
    }
}
