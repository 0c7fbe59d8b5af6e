package ai.openclaw.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ContentLengthStrategy;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.http.io.SessionInputBuffer;

/**
 * Creates the pool's upstream connections: HttpClient's own, except that a chunked response body is read by
 * {@link ChunkedBody}, whose {@code available()} reaches across chunk boundaries (what lets a stream relay copy
 * every event that has arrived in one write). Everything else (fixed-length bodies, requests, the connection's
 * life cycle) is HttpClient's.
 */
final class UpstreamConnections implements HttpConnectionFactory<ManagedHttpClientConnection> {
    /**
     * Where a call that is executing on this thread wants its chunked body handed (HttpClient wraps the body stream
     * in its own, which cannot say whether the end has arrived). Bound by {@link ApacheCall#execute()}.
     */
    static final ScopedValue<Consumer<ChunkedBody>> CHUNKED_BODY = ScopedValue.newInstance();

    private final AtomicLong ids = new AtomicLong();

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
        Connection connection = new Connection("upstream-" + ids.getAndIncrement());
        if (socket != null) {
            connection.bind(socket);
        }
        return connection;
    }

    private static final class Connection extends DefaultManagedHttpClientConnection {
        Connection(String id) {
            super(id);
        }

        @Override
        protected InputStream createContentInputStream(long length, SessionInputBuffer buffer, InputStream socket) {
            if (length == ContentLengthStrategy.CHUNKED) {
                ChunkedBody body = new ChunkedBody(buffer, socket);
                if (CHUNKED_BODY.isBound()) {
                    CHUNKED_BODY.get().accept(body);
                }
                return body;
            }
            return super.createContentInputStream(length, buffer, socket);
        }
    }
}
