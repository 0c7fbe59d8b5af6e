package ai.openclaw.gateway;

import java.util.concurrent.Executors;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Jetty server: one connector on the configured address, each request handled on its own virtual thread,
 * graceful stop (no new connections, in-flight requests drained up to {@code stopTimeoutMs}).
 */
public final class GatewayServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;

    public GatewayServer(String host, int port, Handler handler, long stopTimeoutMs) {
        QueuedThreadPool pool = new QueuedThreadPool();
        pool.setName("gateway");
        pool.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(300_000);
        // on stop, idle keep-alive connections are closed at once instead of after Jetty's default 1 s
        connector.setShutdownIdleTimeout(50);
        server.addConnector(connector);
        server.setHandler(new GracefulHandler(handler));
        server.setStopTimeout(stopTimeoutMs);
        server.setStopAtShutdown(false);
    }

    public void start() throws Exception {
        server.start();
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops accepting, waits for in-flight requests (up to the stop timeout), then closes. */
    @Override
    public void close() throws Exception {
        server.stop();
    }
}
