package ai.openclaw.gateway;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Request;

/**
 * Notices a client that hangs up while the gateway is still waiting for an upstream, so the upstream request can be
 * cancelled at once. Jetty does not watch an HTTP/1.1 connection for reads while a request is being handled, so the
 * socket is polled (non-blocking) every {@link #INTERVAL_MS} ms until {@link #close()}: end of stream means the client
 * left. Should a client pipeline its next request meanwhile (rare; browsers never do), the connection is marked to
 * close after this response, so no request is ever half-read.
 */
final class DisconnectWatch implements AutoCloseable {
    static final long INTERVAL_MS = 50;

    private final ScheduledFuture<?> task;
    private final AtomicBoolean pipelined = new AtomicBoolean();

    private DisconnectWatch(ScheduledFuture<?> task) {
        this.task = task;
    }

    private DisconnectWatch() {
        this.task = null;
    }

    static DisconnectWatch start(Request request, ScheduledExecutorService scheduler, Runnable onDisconnect) {
        Object transport = request.getConnectionMetaData().getConnection().getEndPoint().getTransport();
        if (!(transport instanceof SocketChannel channel)) {
            return new DisconnectWatch();
        }
        AtomicBoolean done = new AtomicBoolean();
        DisconnectWatch[] self = new DisconnectWatch[1];
        ByteBuffer probe = ByteBuffer.allocate(1);
        ScheduledFuture<?> f = scheduler.scheduleWithFixedDelay(() -> {
            if (done.get()) {
                return;
            }
            try {
                probe.clear();
                int n = channel.read(probe);
                if (n < 0) {
                    done.set(true);
                    onDisconnect.run();
                } else if (n > 0) {
                    done.set(true);
                    self[0].pipelined.set(true);
                }
            } catch (IOException e) {
                done.set(true);
                onDisconnect.run();
            }
        }, INTERVAL_MS, INTERVAL_MS, TimeUnit.MILLISECONDS);
        self[0] = new DisconnectWatch(f);
        return self[0];
    }

    /** True when the client sent bytes of another request while this one was handled. */
    boolean sawPipelinedData() {
        return pipelined.get();
    }

    @Override
    public void close() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
