package ai.openclaw.oauth;

import ai.openclaw.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The claims of a JWT, read without checking its signature. That is enough for what we take from it (which account
 * and e-mail a token we just received from the token endpoint over TLS belongs to); nothing here may be used to
 * decide whether to trust a token.
 *
 * <p>Limits of logins §2.8 keep a hostile token from costing memory: the token at most {@value #MAX_TOKEN_CHARS}
 * characters, its payload segment at most {@value #MAX_PAYLOAD_SEGMENT_CHARS}. The reference's third limit (16384
 * decoded bytes) follows from the second: 8192 base64 characters decode to at most 6144 bytes.
 */
public final class JwtPayload {
    public static final int MAX_TOKEN_CHARS = 16_384;
    public static final int MAX_PAYLOAD_SEGMENT_CHARS = 8_192;

    private final JsonNode claims;

    private JwtPayload(JsonNode claims) {
        this.claims = claims;
    }

    /**
     * The payload of {@code token}: exactly three dot-separated parts, the middle one base64url (padding optional)
     * of a JSON object. Empty for anything else, including tokens over the size limits.
     */
    public static Optional<JwtPayload> decode(String token) {
        if (token == null || token.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[1].isEmpty() || parts[1].length() > MAX_PAYLOAD_SEGMENT_CHARS) {
            return Optional.empty();
        }
        byte[] json;
        try {
            json = Base64.getUrlDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(new String(json, StandardCharsets.UTF_8));
            return node != null && node.isObject() ? Optional.of(new JwtPayload(node)) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /**
     * The non-blank string at {@code path} (claim names, e.g. {@code "https://api.openai.com/auth",
     * "chatgpt_account_id"}), trimmed; empty when absent, blank or not a string.
     */
    public Optional<String> string(String... path) {
        JsonNode node = claims;
        for (String name : path) {
            node = node == null || !node.isObject() ? null : node.get(Objects.requireNonNull(name));
        }
        if (node == null || !node.isString() || node.asString().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(node.asString().strip());
    }

    @Override
    public String toString() {
        // claims are not secret, but a payload can be large; names are enough to debug
        return "JwtPayload" + claims.propertyNames();
    }
}
