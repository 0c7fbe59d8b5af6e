package ai.openclaw.secrets;

import ai.openclaw.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads an exec provider's stdout: {@code {"protocolVersion":1,"values":{id:value},"errors":{id:{"message":…}}}},
 * or with {@code jsonOnly:false} and a single id, a bare value. Messages describe the shape problem only;
 * stdout is never quoted because it is where the secrets are.
 */
final class ExecResponseParser {
    /** Provider-supplied error texts are shown, but bounded: they are untrusted output. */
    static final int MAX_PROVIDER_MESSAGE_CHARS = 200;

    private ExecResponseParser() {}

    static Map<String, IdResult> parse(String alias, List<String> ids, String stdout, boolean jsonOnly)
            throws ResolutionFailure {
        String prefix = "Exec provider \"" + alias + "\"";
        String trimmed = stdout.strip();
        if (trimmed.isEmpty()) {
            throw new ResolutionFailure(prefix + " returned empty stdout.");
        }
        boolean rawAllowed = !jsonOnly && ids.size() == 1;
        JsonNode parsed;
        try {
            parsed = Json.MAPPER.readTree(trimmed);
        } catch (JacksonException e) {
            if (rawAllowed) {
                return Map.of(ids.getFirst(), new IdResult.Value(trimmed));
            }
            throw new ResolutionFailure(prefix + " returned invalid JSON.");
        }
        if (parsed == null || parsed.isMissingNode()) {
            throw new ResolutionFailure(prefix + " returned invalid JSON.");
        }
        if (!parsed.isObject()) {
            if (rawAllowed && parsed.isString()) {
                return Map.of(ids.getFirst(), new IdResult.Value(parsed.stringValue()));
            }
            throw new ResolutionFailure(prefix + " response must be an object.");
        }
        JsonNode version = parsed.get("protocolVersion");
        if (version == null || !version.isNumber() || version.numberValue().doubleValue() != 1.0) {
            throw new ResolutionFailure(prefix + " protocolVersion must be 1.");
        }
        JsonNode values = parsed.get("values");
        if (values == null || !values.isObject()) {
            throw new ResolutionFailure(prefix + " response missing \"values\".");
        }
        JsonNode errors = parsed.get("errors");
        boolean hasErrors = errors != null && errors.isObject();
        Map<String, IdResult> results = new LinkedHashMap<>();
        for (String id : ids) {
            if (hasErrors && errors.has(id)) {
                results.put(id, new IdResult.Problem(idError(prefix, id, errors.get(id))));
            } else if (!values.has(id)) {
                results.put(id, new IdResult.Problem(prefix + " response missing id \"" + id + "\"."));
            } else {
                JsonNode value = values.get(id);
                results.put(id, new IdResult.Value(value.isString() ? value.stringValue() : null));
            }
        }
        return results;
    }

    private static String idError(String prefix, String id, JsonNode entry) {
        JsonNode message = entry.isObject() ? entry.get("message") : null;
        if (message != null && message.isString() && !message.stringValue().isBlank()) {
            return prefix + " failed for id \"" + id + "\" (" + bounded(message.stringValue()) + ").";
        }
        return prefix + " failed for id \"" + id + "\".";
    }

    /** One line, no control characters (no terminal escapes), at most 200 characters. */
    static String bounded(String text) {
        String clean = text.strip().replaceAll("\\p{Cntrl}+", " ");
        if (clean.length() <= MAX_PROVIDER_MESSAGE_CHARS) {
            return clean;
        }
        return clean.substring(0, MAX_PROVIDER_MESSAGE_CHARS - 1) + "…";
    }
}
