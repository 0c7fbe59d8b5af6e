package ai.openclaw.testing;

import ai.openclaw.upstream.UpstreamHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A request as {@link FakeUpstream} received it.
 *
 * @param method       HTTP method
 * @param path         path without the query
 * @param query        raw query string, or null
 * @param headers      header fields in arrival order (case-insensitive lookup)
 * @param body         the body bytes (chunked bodies decoded)
 * @param connectionId the number of the TCP connection it came on (1, 2, ...), to check connection reuse
 * @param sequence     arrival order over the whole server (1, 2, ...)
 */
public record RecordedRequest(String method, String path, String query, UpstreamHeaders headers, byte[] body,
                              int connectionId, int sequence) {
    public RecordedRequest {
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public Optional<String> header(String name) {
        return headers.first(name);
    }

    /**
     * The credential the request carried: the token of {@code authorization: Bearer <token>}, else the value of
     * {@code x-api-key}, else empty.
     */
    public Optional<String> credential() {
        Optional<String> auth = headers.first("authorization");
        if (auth.isPresent() && auth.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(auth.get().substring(7).strip());
        }
        return headers.first("x-api-key").map(String::strip);
    }

    @Override
    public String toString() {
        return "RecordedRequest[#" + sequence + " " + method + " " + path + " conn=" + connectionId + ", headers="
                + headers.names() + ", body=" + body.length + " bytes]";
    }
}
