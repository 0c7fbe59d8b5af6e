package ai.openclaw.upstream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteBufferEntity;

/** One {@link UpstreamCall} on Apache HttpClient: the cancellable request object is what {@link #abort()} cancels. */
final class ApacheCall implements UpstreamCall {
    private final CloseableHttpClient http;
    private final UpstreamRequest request;
    private final HttpUriRequestBase httpRequest;
    private final HttpClientContext context;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean aborted = new AtomicBoolean();
    /** The body decoder of a chunked response, set while {@link #execute()} runs. */
    private ChunkedBody chunkedBody;

    ApacheCall(CloseableHttpClient http, UpstreamRequest request, RequestConfig config) {
        this.http = http;
        this.request = request;
        this.httpRequest = new HttpUriRequestBase(request.method(), request.uri());
        for (UpstreamHeaders.Field f : request.headers().fields()) {
            httpRequest.addHeader(f.name(), f.value());
        }
        if (request.bodyLength() > 0 || !request.method().equals("GET")) {
            // No content type on the entity: the request's own content-type header is the only one sent.
            httpRequest.setEntity(new BodyEntity(request));
        }
        this.context = HttpClientContext.create();
        this.context.setRequestConfig(config);
    }

    @Override
    public UpstreamRequest request() {
        return request;
    }

    @Override
    public UpstreamResponse execute() throws UpstreamTransportException {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("an upstream call can be executed once");
        }
        if (aborted.get()) {
            throw TransportFailures.abortedException(null);
        }
        ClassicHttpResponse response;
        try {
            response = ScopedValue.where(UpstreamConnections.CHUNKED_BODY, (ChunkedBody body) -> chunkedBody = body)
                    .call(() -> http.executeOpen(HttpHost.create(request.uri()), httpRequest, context));
        } catch (IOException e) {
            throw aborted.get() ? TransportFailures.abortedException(e)
                    : TransportFailures.map(e, TransportFailures.Phase.RESPONSE_HEAD, request.uri(), request.timeout());
        } catch (RuntimeException e) {
            if (aborted.get()) {
                throw TransportFailures.abortedException(e);
            }
            throw e;
        }
        return new ApacheResponse(this, response, chunkedBody);
    }

    @Override
    public void abort() {
        if (aborted.compareAndSet(false, true)) {
            httpRequest.cancel();
        }
    }

    @Override
    public boolean isAborted() {
        return aborted.get();
    }

    @Override
    public String toString() {
        return "UpstreamCall[" + request + (aborted.get() ? ", aborted" : "") + "]";
    }

    /**
     * A {@link ByteBufferEntity} (not repeatable, not streaming, fixed length, no content type) that writes the body
     * straight from the request's array: the inherited {@code writeTo} copies it through a fresh 4 KB buffer on every
     * request. Like the inherited one, it consumes the entity's buffer, so a second write sends nothing.
     */
    private static final class BodyEntity extends ByteBufferEntity {
        private final ByteBuffer buffer;
        private final byte[] array;

        BodyEntity(UpstreamRequest request) {
            this(request.bodyBuffer(), request.bodyArray());
        }

        private BodyEntity(ByteBuffer buffer, byte[] array) {
            super(buffer, (ContentType) null);
            this.buffer = buffer;
            this.array = array;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            java.util.Objects.requireNonNull(out, "Output stream");
            int from = buffer.position();
            int n = buffer.remaining();
            buffer.position(buffer.limit());
            out.write(array, from, n);
        }
    }
}
