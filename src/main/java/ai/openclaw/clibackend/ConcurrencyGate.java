package ai.openclaw.clibackend;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Limits how many runs of one backend happen at once, with a bounded waiting line. The limits are passed on every
 * {@link #acquire} (they come from the config in force, which may be reloaded); a lower limit takes effect as runs
 * end. Waiters are woken in no particular order.
 *
 * <p>Uses a {@link ReentrantLock} (not {@code synchronized}): waiting request threads are virtual and must not pin
 * their carrier. A waiter checks {@code cancelled} every {@link #CHECK_MS} ms, so a caller that went away stops
 * waiting promptly. Thread-safe.
 */
final class ConcurrencyGate {
    static final long CHECK_MS = 50;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition freed = lock.newCondition();
    private int running;
    private int waiting;

    /** A taken slot; {@link #release()} gives it back (once; later calls do nothing). */
    interface Permit {
        void release();
    }

    /** Why no slot was obtained. */
    enum Refusal {
        /** {@code maxQueued} requests are already waiting. */
        QUEUE_FULL,
        /** The wait took longer than allowed. */
        WAITED_TOO_LONG,
        /** The caller went away (or the thread was interrupted). */
        CANCELLED
    }

    /** Thrown by {@link #acquire} when no slot was obtained. */
    static final class RefusedException extends Exception {
        private final Refusal refusal;
        private final int running;
        private final int waiting;

        RefusedException(Refusal refusal, int running, int waiting) {
            super(refusal.name(), null, false, false);
            this.refusal = refusal;
            this.running = running;
            this.waiting = waiting;
        }

        Refusal refusal() {
            return refusal;
        }

        int running() {
            return running;
        }

        int waiting() {
            return waiting;
        }
    }

    /**
     * Takes a slot, waiting in line while {@code maxConcurrent} runs are in progress.
     *
     * @param maxWaitNanos how long to wait at most
     * @param cancelled    polled while waiting; true ends the wait
     */
    Permit acquire(int maxConcurrent, int maxQueued, long maxWaitNanos, BooleanSupplier cancelled)
            throws RefusedException {
        long deadline = System.nanoTime() + maxWaitNanos;
        lock.lock();
        try {
            if (running < maxConcurrent) {
                running++;
                return permit();
            }
            if (waiting >= maxQueued) {
                throw new RefusedException(Refusal.QUEUE_FULL, running, waiting);
            }
            waiting++;
            try {
                while (running >= maxConcurrent) {
                    if (cancelled.getAsBoolean()) {
                        throw new RefusedException(Refusal.CANCELLED, running, waiting - 1);
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new RefusedException(Refusal.WAITED_TOO_LONG, running, waiting - 1);
                    }
                    freed.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(CHECK_MS)), TimeUnit.NANOSECONDS);
                }
                running++;
                return permit();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RefusedException(Refusal.CANCELLED, running, waiting - 1);
            } finally {
                waiting--;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs in progress (for tests and messages). */
    int running() {
        lock.lock();
        try {
            return running;
        } finally {
            lock.unlock();
        }
    }

    private Permit permit() {
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                lock.lock();
                try {
                    running--;
                    freed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        };
    }
}
