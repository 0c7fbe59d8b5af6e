package ai.openclaw.upstream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;

/** The response of an {@link ApacheCall}; its body stream maps failures and knows whether it reached the end. */
final class ApacheResponse implements UpstreamResponse {
    private final ApacheCall call;
    private final ClassicHttpResponse response;
    private final UpstreamHeaders headers;
    private final Body body;
    private final ChunkedBody chunked;

    ApacheResponse(ApacheCall call, ClassicHttpResponse response, ChunkedBody chunked)
            throws UpstreamTransportException {
        this.call = call;
        this.response = response;
        this.chunked = chunked;
        UpstreamHeaders.Builder h = UpstreamHeaders.builder();
        for (Header header : response.getHeaders()) {
            h.add(header.getName(), header.getValue());
        }
        this.headers = h.build();
        HttpEntity entity = response.getEntity();
        InputStream content;
        try {
            content = entity == null ? null : entity.getContent();
        } catch (IOException e) {
            abort();
            throw call.isAborted() ? TransportFailures.abortedException(e)
                    : TransportFailures.map(e, TransportFailures.Phase.BODY, call.request().uri(),
                            call.request().timeout());
        }
        this.body = new Body(content);
    }

    @Override
    public int status() {
        return response.getCode();
    }

    @Override
    public UpstreamHeaders headers() {
        return headers;
    }

    @Override
    public InputStream body() {
        return body;
    }

    @Override
    public boolean bodyEnded() throws UpstreamTransportException {
        if (!body.eof && chunked != null && chunked.atEnd()) {
            try {
                // the decoder is at its end, so this read returns -1 at once; reading it releases the connection
                body.read();
            } catch (UpstreamTransportException e) {
                throw e;
            } catch (IOException e) {
                throw fail(e);
            }
        }
        return body.eof;
    }

    @Override
    public byte[] readBody(int maxBytes) throws UpstreamTransportException {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 8192));
            byte[] buf = new byte[8192];
            while (out.size() < maxBytes) {
                int n = body.read(buf, 0, Math.min(buf.length, maxBytes - out.size()));
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (UpstreamTransportException e) {
            throw e;
        } catch (IOException e) {
            throw fail(e);
        } finally {
            close();
        }
    }

    @Override
    public void abort() {
        call.abort();
    }

    @Override
    public void close() {
        body.close();
    }

    private UpstreamTransportException fail(IOException e) {
        if (call.isAborted()) {
            return TransportFailures.abortedException(e);
        }
        return TransportFailures.map(e, TransportFailures.Phase.BODY, call.request().uri(), call.request().timeout());
    }

    @Override
    public String toString() {
        return "UpstreamResponse[" + status() + ", headers=" + headers.names() + "]";
    }

    /**
     * The body: failures become {@link UpstreamTransportException}; closing before the end aborts instead of
     * draining, so a half-read stream never blocks the closer.
     */
    private final class Body extends InputStream {
        private final InputStream in;
        private volatile boolean eof;
        private volatile boolean closed;

        Body(InputStream in) {
            this.in = in;
            this.eof = in == null;
        }

        @Override
        public int read() throws IOException {
            if (eof) {
                return -1;
            }
            checkOpen();
            try {
                int b = in.read();
                if (b < 0) {
                    eof = true;
                }
                return b;
            } catch (IOException e) {
                throw fail(e);
            }
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (eof) {
                return -1;
            }
            checkOpen();
            try {
                int n = in.read(buf, off, len);
                if (n < 0) {
                    eof = true;
                }
                return n;
            } catch (IOException e) {
                throw fail(e);
            }
        }

        @Override
        public int available() throws IOException {
            if (eof || closed) {
                return 0;
            }
            try {
                return in.available();
            } catch (IOException e) {
                throw fail(e);
            }
        }

        private void checkOpen() throws IOException {
            if (call.isAborted()) {
                throw TransportFailures.abortedException(null);
            }
            if (closed) {
                throw new IOException("upstream response body is closed");
            }
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (!eof) {
                // Never drain: a stream may be endless or stalled. Closing the connection is immediate.
                call.abort();
            }
            try {
                response.close();
            } catch (IOException | RuntimeException ignored) {
                // The connection is discarded either way.
            }
        }
    }
}
