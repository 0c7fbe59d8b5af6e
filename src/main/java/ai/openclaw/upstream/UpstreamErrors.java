package ai.openclaw.upstream;

import ai.openclaw.core.Secret;
import ai.openclaw.json.Json;
import ai.openclaw.routing.UpstreamFailure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Turns a non-2xx upstream response into an {@link UpstreamFailure}.
 *
 * <p><b>Body shapes</b> (first match wins; a top-level array uses its first element, as Google's OpenAI-compatible
 * endpoint sometimes answers):
 * <ul>
 *   <li>OpenAI and compatibles: {@code {"error":{"message","type","code"}}}; code = {@code code} when it is a string,
 *       else {@code type};</li>
 *   <li>Anthropic: {@code {"type":"error","error":{"type","message"}}}; code = {@code error.type};</li>
 *   <li>Google: {@code {"error":{"code":429,"status":"RESOURCE_EXHAUSTED","message"}}}; code = {@code status};</li>
 *   <li>other JSON: {@code {"error":"text"}} (Ollama), top-level {@code message}/{@code type}/{@code code}
 *       (Mistral), {@code detail} (FastAPI servers such as vLLM); a numeric code only when nothing else names one;</li>
 *   <li>anything else: the text itself (HTML tags and all), or a sentence naming the status when the body is empty.</li>
 * </ul>
 * The message is redacted ({@link Redaction}) and at most {@value Redaction#MAX_MESSAGE_CHARS} characters.
 *
 * <p><b>Retry-After</b>: {@code retry-after-ms} (milliseconds, decimals allowed) wins over {@code retry-after}, which
 * is either delta seconds (decimals allowed) or an HTTP date, taken relative to the injected clock (a past date gives
 * 0). Unparseable or negative values are ignored.
 */
public final class UpstreamErrors {
    private final Clock clock;

    public UpstreamErrors(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public UpstreamFailure toFailure(int status, UpstreamHeaders headers, byte[] body) {
        return toFailure(status, headers, body, List.of());
    }

    /** As above, also removing the given secrets (e.g. the key the attempt used) wherever the body echoes them. */
    public UpstreamFailure toFailure(int status, UpstreamHeaders headers, byte[] body, Collection<Secret> knownSecrets) {
        String text = decode(body == null ? new byte[0] : body).strip();
        Parsed parsed = parse(text);
        String message = parsed.message();
        if (message == null || message.isBlank()) {
            message = text.isEmpty() ? "Upstream answered HTTP " + status + " with an empty body." : text;
        }
        String code = parsed.code() == null ? null : Redaction.forMessage(parsed.code(), knownSecrets);
        return new UpstreamFailure(status, code, Redaction.forMessage(message, knownSecrets),
                retryAfterMs(headers == null ? UpstreamHeaders.empty() : headers), null);
    }

    /** The provider's requested wait in milliseconds, or null (see the class comment). */
    public Long retryAfterMs(UpstreamHeaders headers) {
        Optional<String> ms = headers.first("retry-after-ms");
        if (ms.isPresent()) {
            Long value = decimal(ms.get(), 1);
            if (value != null) {
                return value;
            }
        }
        Optional<String> after = headers.first("retry-after");
        if (after.isEmpty()) {
            return null;
        }
        String v = after.get().strip();
        Long seconds = decimal(v, 1000);
        if (seconds != null) {
            return seconds;
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            long delta = Duration.between(clock.instant(), at.toInstant()).toMillis();
            return Math.max(0, delta);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A non-negative decimal number times {@code scale}, rounded up to whole milliseconds; null if not one. */
    private static Long decimal(String text, int scale) {
        String v = text.strip();
        if (v.isEmpty() || !v.matches("\\d{1,12}(\\.\\d{1,9})?")) {
            return null;
        }
        return new BigDecimal(v).multiply(BigDecimal.valueOf(scale))
                .setScale(0, RoundingMode.CEILING).longValueExact();
    }

    private record Parsed(String code, String message) {
        static final Parsed NONE = new Parsed(null, null);
    }

    private static Parsed parse(String text) {
        if (text.isEmpty() || !(text.startsWith("{") || text.startsWith("["))) {
            return Parsed.NONE;
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            return Parsed.NONE;
        }
        if (root != null && root.isArray() && !root.isEmpty()) {
            root = root.get(0);
        }
        if (root == null || !root.isObject()) {
            return Parsed.NONE;
        }
        JsonNode error = root.get("error");
        if (error != null && error.isObject()) {
            return new Parsed(code(error), text(error.get("message")));
        }
        if (error != null && error.isString()) {
            return new Parsed(code(root), error.asString());
        }
        String message = text(root.get("message"));
        if (message == null) {
            message = detail(root.get("detail"));
        }
        return new Parsed(code(root), message);
    }

    /** String {@code code}, then {@code type} (unless it is Anthropic's envelope "error"), then {@code status}, then numeric code. */
    private static String code(JsonNode node) {
        JsonNode code = node.get("code");
        if (code != null && code.isString() && !code.asString().isBlank()) {
            return code.asString();
        }
        String type = text(node.get("type"));
        if (type != null && !type.equals("error")) {
            return type;
        }
        String status = text(node.get("status"));
        if (status != null) {
            return status;
        }
        if (code != null && code.isIntegralNumber()) {
            return code.asString();
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }

    private static String detail(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isArray() && !node.isEmpty() && node.get(0).has("msg")) {
            return text(node.get(0).get("msg"));
        }
        return Json.compact(node);
    }

    /** UTF-8, falling back to ISO-8859-1 for bodies that are not UTF-8. */
    private static String decode(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    @Override
    public String toString() {
        return "UpstreamErrors[" + clock + "]";
    }
}
