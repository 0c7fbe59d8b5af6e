package ai.openclaw.sessions;

import ai.openclaw.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts a session object of {@code sessions.json} to a {@link SessionEntry} and back. Typed fields are read
 * only when they have the expected type; anything else stays in {@link SessionEntry#extra()}. Writing keeps the
 * field order of the entry it replaces and appends new fields.
 */
final class SessionEntryCodec {
    private SessionEntryCodec() {}

    static SessionEntry decode(ObjectNode node) {
        ObjectNode extra = Json.object();
        String provider = null;
        String model = null;
        String profile = null;
        String source = null;
        Integer compactionCount = null;
        Long updatedAt = null;
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            boolean typed = true;
            switch (name) {
                case SessionEntry.PROVIDER_OVERRIDE -> typed = (provider = text(value)) != null;
                case SessionEntry.MODEL_OVERRIDE -> typed = (model = text(value)) != null;
                case SessionEntry.AUTH_PROFILE_OVERRIDE -> typed = (profile = text(value)) != null;
                case SessionEntry.AUTH_PROFILE_OVERRIDE_SOURCE -> typed = (source = text(value)) != null;
                case SessionEntry.AUTH_PROFILE_OVERRIDE_COMPACTION_COUNT ->
                        typed = (compactionCount = count(value)) != null;
                case SessionEntry.UPDATED_AT -> typed = (updatedAt = millis(value)) != null;
                default -> typed = false;
            }
            if (!typed) {
                extra.set(name, value.deepCopy());
            }
        }
        return new SessionEntry(provider, model, profile, source, compactionCount, updatedAt, extra);
    }

    /**
     * The JSON of {@code entry}. Fields of {@code previous} (the object it replaces, or null) keep their positions;
     * fields it did not have follow, typed ones first.
     */
    static ObjectNode encode(SessionEntry entry, JsonNode previous) {
        Map<String, JsonNode> pending = new LinkedHashMap<>(typedFields(entry));
        ObjectNode extra = entry.extra();
        for (Map.Entry<String, JsonNode> e : extra.properties()) {
            pending.putIfAbsent(e.getKey(), e.getValue());
        }
        ObjectNode out = Json.object();
        if (previous != null && previous.isObject()) {
            for (String name : previous.propertyNames()) {
                JsonNode value = pending.remove(name);
                if (value != null) {
                    out.set(name, value);
                }
            }
        }
        pending.forEach(out::set);
        return out;
    }

    private static Map<String, JsonNode> typedFields(SessionEntry e) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Map<String, JsonNode> out = new LinkedHashMap<>();
        putText(out, SessionEntry.PROVIDER_OVERRIDE, e.providerOverride());
        putText(out, SessionEntry.MODEL_OVERRIDE, e.modelOverride());
        putText(out, SessionEntry.AUTH_PROFILE_OVERRIDE, e.authProfileOverride());
        putText(out, SessionEntry.AUTH_PROFILE_OVERRIDE_SOURCE, e.authProfileOverrideSource());
        if (e.authProfileOverrideCompactionCount() != null) {
            out.put(SessionEntry.AUTH_PROFILE_OVERRIDE_COMPACTION_COUNT,
                    f.numberNode(e.authProfileOverrideCompactionCount()));
        }
        if (e.updatedAt() != null) {
            out.put(SessionEntry.UPDATED_AT, f.numberNode(e.updatedAt()));
        }
        return out;
    }

    private static void putText(Map<String, JsonNode> out, String name, String value) {
        if (value != null) {
            out.put(name, JsonNodeFactory.instance.stringNode(value));
        }
    }

    private static String text(JsonNode v) {
        if (!v.isString() || v.asString().isBlank()) {
            return null;
        }
        return v.asString();
    }

    private static Integer count(JsonNode v) {
        return v.isIntegralNumber() && v.canConvertToInt() && v.intValue() >= 0 ? v.intValue() : null;
    }

    private static Long millis(JsonNode v) {
        return v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= 0 ? v.longValue() : null;
    }
}
