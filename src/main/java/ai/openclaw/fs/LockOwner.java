package ai.openclaw.fs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import ai.openclaw.json.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The content of a sidecar lock file: {@code {"pid": <int>, "createdAt": "<ISO-8601>"}}.
 *
 * @param pid the owning process, or {@code 0} when the file did not name one
 * @param createdAt the timestamp text exactly as stored (compared verbatim to recognise our own lock),
 *     or {@code null} when absent
 */
record LockOwner(long pid, String createdAt) {
    /** Like JavaScript's {@code Date.toISOString()}: always milliseconds, always {@code Z}. */
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    static LockOwner of(long pid, Instant createdAt) {
        return new LockOwner(pid, ISO_MILLIS.format(createdAt));
    }

    byte[] toBytes() {
        ObjectNode node = Json.object();
        node.put("pid", pid);
        node.put("createdAt", createdAt);
        return Json.prettyBytes(node);
    }

    /** Parses lock file content; empty when it is not a JSON object (e.g. still being written). */
    static Optional<LockOwner> parse(byte[] content) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(new String(content, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            return Optional.empty();
        }
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        JsonNode pid = node.get("pid");
        JsonNode createdAt = node.get("createdAt");
        return Optional.of(new LockOwner(
                pid != null && pid.canConvertToLong() && pid.isIntegralNumber() ? pid.asLong() : 0,
                createdAt != null && createdAt.isString() ? createdAt.asString() : null));
    }

    /** The parsed {@code createdAt}, empty when absent or not ISO-8601. */
    Optional<Instant> createdInstant() {
        if (createdAt == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(DateTimeFormatter.ISO_INSTANT.parse(createdAt, Instant::from));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
