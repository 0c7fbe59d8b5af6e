package ai.openclaw.gateway;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Request;

/**
 * Notices a client that hangs up while the gateway is still waiting for an upstream, so the upstream request can be
 * cancelled at once. Jetty does not watch an HTTP/1.1 connection for reads while a request is being handled, so the
 * socket is polled (non-blocking) every {@link #INTERVAL_MS} ms, the first time {@link #INTERVAL_MS} ms after the
 * watch started, until {@link #close()}: end of stream means the client left. Should a client pipeline its next
 * request meanwhile (rare; browsers never do), the connection is marked to close after this response, so no request
 * is ever half-read.
 *
 * <p>The watches of a process are polled by one {@link Poller}, not by a scheduled task each: most upstreams answer
 * well within the first interval, and a task per attempt cost a scheduler-queue insertion, a wake-up of the
 * scheduler thread and a cancellation on every request, for a poll that almost never happens.
 */
final class DisconnectWatch implements AutoCloseable {
    static final long INTERVAL_MS = 50;
    private static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(INTERVAL_MS);
    /** The poller never sleeps less than this, so that watches due at nearly the same time share one wake-up. */
    private static final long MIN_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Poller poller;
    private final SocketChannel channel;
    private final Runnable onDisconnect;
    private volatile boolean pipelined;
    /** When the next poll is due ({@link System#nanoTime()}); read and written by the polling task only. */
    private long dueNanos;

    private DisconnectWatch(Poller poller, SocketChannel channel, Runnable onDisconnect) {
        this.poller = poller;
        this.channel = channel;
        this.onDisconnect = onDisconnect;
        this.dueNanos = System.nanoTime() + INTERVAL_NANOS;
    }

    static DisconnectWatch start(Request request, Poller poller, Runnable onDisconnect) {
        Object transport = request.getConnectionMetaData().getConnection().getEndPoint().getTransport();
        if (!(transport instanceof SocketChannel channel)) {
            return new DisconnectWatch(null, null, onDisconnect);
        }
        return poller.watch(channel, onDisconnect);
    }

    /** True when the client sent bytes of another request while this one was handled. */
    boolean sawPipelinedData() {
        return pipelined;
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.active.remove(this);
        }
    }

    /** One non-blocking read; true when the watch is done (client gone, or it sent its next request). */
    private boolean poll(ByteBuffer probe) {
        try {
            probe.clear();
            int n = channel.read(probe);
            if (n < 0) {
                onDisconnect.run();
                return true;
            }
            if (n > 0) {
                pipelined = true;
                return true;
            }
            return false;
        } catch (IOException e) {
            onDisconnect.run();
            return true;
        }
    }

    /**
     * Polls the open watches of one process from a single task on {@code scheduler}: the task runs when the earliest
     * open watch is due and is scheduled only while there are open watches, so an idle gateway does not wake up and a
     * busy one wakes up about once per interval rather than once per request.
     */
    static final class Poller {
        private final ScheduledExecutorService scheduler;
        private final Set<DisconnectWatch> active = ConcurrentHashMap.newKeySet();
        /** Whether a polling task is scheduled or running; at most one is, so polls never overlap. */
        private final AtomicBoolean scheduled = new AtomicBoolean();
        /** Receives the byte a poll may read (discarded); used by the one polling task only. */
        private final ByteBuffer probe = ByteBuffer.allocate(1);

        Poller(ScheduledExecutorService scheduler) {
            this.scheduler = scheduler;
        }

        /** Starts watching {@code channel} (non-blocking mode); the first poll is {@link #INTERVAL_MS} ms away. */
        DisconnectWatch watch(SocketChannel channel, Runnable onDisconnect) {
            DisconnectWatch w = new DisconnectWatch(this, channel, onDisconnect);
            add(w);
            return w;
        }

        private void add(DisconnectWatch w) {
            active.add(w);
            if (scheduled.compareAndSet(false, true)) {
                try {
                    scheduler.schedule(this::tick, INTERVAL_NANOS, TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException e) {
                    // shutting down: nothing will poll; fail the watch as scheduling it used to
                    scheduled.set(false);
                    active.remove(w);
                    throw e;
                }
            }
        }

        private void tick() {
            long now = System.nanoTime();
            long wait = Long.MAX_VALUE;
            for (DisconnectWatch w : active) {
                long left = w.dueNanos - now;
                if (left <= 0) {
                    boolean done;
                    try {
                        done = w.poll(probe);
                    } catch (RuntimeException e) {
                        done = true; // a failing abort must not stop the polling of the other watches
                    }
                    if (done) {
                        active.remove(w);
                        continue;
                    }
                    w.dueNanos = now + INTERVAL_NANOS;
                    left = INTERVAL_NANOS;
                }
                wait = Math.min(wait, left);
            }
            if (wait == Long.MAX_VALUE) {
                scheduled.set(false);
                // a watch added after the loop saw the task still scheduled and left the polling to it
                if (active.isEmpty() || !scheduled.compareAndSet(false, true)) {
                    return;
                }
                wait = INTERVAL_NANOS;
            }
            try {
                scheduler.schedule(this::tick, Math.max(wait, MIN_WAIT_NANOS), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                scheduled.set(false); // shut down: the gateway is stopping
            }
        }
    }
}
