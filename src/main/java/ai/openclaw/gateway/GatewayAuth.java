package ai.openclaw.gateway;

import ai.openclaw.core.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Checks the gateway credential a client presents: {@code Authorization: Bearer <secret>} (OpenAI-style clients)
 * or {@code x-api-key: <secret>} (Anthropic-style clients), compared in constant time.
 */
public final class GatewayAuth {
    private final byte[] expected;

    /** @param secret null when the gateway runs without auth (loopback only) */
    public GatewayAuth(Secret secret) {
        this.expected = secret == null ? null : secret.reveal().getBytes(StandardCharsets.UTF_8);
    }

    public boolean required() {
        return expected != null;
    }

    public boolean accepts(String authorizationHeader, String apiKeyHeader) {
        if (expected == null) {
            return true;
        }
        String presented = null;
        if (authorizationHeader != null && authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = authorizationHeader.substring(7).strip();
        } else if (apiKeyHeader != null) {
            presented = apiKeyHeader.strip();
        }
        if (presented == null) {
            return false;
        }
        // MessageDigest.isEqual takes time independent of where the arrays differ
        return MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
    }
}
