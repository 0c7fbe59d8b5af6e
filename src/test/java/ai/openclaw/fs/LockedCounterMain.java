package ai.openclaw.fs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Child-process helper for the multi-process lock test: increments a counter file {@code n} times,
 * each a read-modify-write under {@link FileLockManager#withLock}, with a short pause inside the lock
 * to widen the window for lost updates. Arguments: counter file, increments, min and max back-off ms.
 */
public final class LockedCounterMain {
    private LockedCounterMain() {}

    public static void main(String[] args) throws Exception {
        Path counter = Path.of(args[0]);
        int increments = Integer.parseInt(args[1]);
        LockPolicy policy = new LockPolicy(1000, 2, Long.parseLong(args[2]), Long.parseLong(args[3]), true, 30_000);
        FileLockManager locks = new FileLockManager(Clock.systemUTC(), ProcessHandle.current().pid());
        for (int i = 0; i < increments; i++) {
            locks.withLock(counter, policy, () -> incrementSlowly(counter));
        }
    }

    static void incrementSlowly(Path counter) {
        try {
            int value = Files.exists(counter) ? Integer.parseInt(Files.readString(counter).strip()) : 0;
            Thread.sleep(2);
            AtomicWriter.write(counter, Integer.toString(value + 1).getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
