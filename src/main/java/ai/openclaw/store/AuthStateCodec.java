package ai.openclaw.store;

import ai.openclaw.json.Json;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes {@code order}, {@code lastGood} and {@code usageStats}, whether they live in
 * {@code auth-state.json} or (older releases) inline in {@code auth-profiles.json}, and this implementation's
 * {@code refreshErrors} ({@code {<profileId>: {at, code, message}}}, see {@link RefreshError}). Invalid values are
 * dropped on load, as the reference loader does.
 */
public final class AuthStateCodec {
    private static final Set<String> BLOCKED_SOURCES = Set.of("codex_rate_limits", "wham");

    private AuthStateCodec() {}

    public static AuthState decode(JsonNode root) {
        if (root == null || !root.isObject()) {
            return AuthState.EMPTY;
        }
        return new AuthState(order(root.get("order")), lastGood(root.get("lastGood")), usage(root.get("usageStats")),
                refreshErrors(root.get("refreshErrors")));
    }

    private static Map<String, RefreshError> refreshErrors(JsonNode node) {
        Map<String, RefreshError> out = new LinkedHashMap<>();
        if (node == null || !node.isObject()) {
            return out;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            Long at = JsonFields.positiveMillis(e.getValue(), "at");
            String code = JsonFields.text(e.getValue(), "code");
            if (at != null && code != null && !e.getKey().isBlank()) {
                String message = JsonFields.text(e.getValue(), "message");
                out.put(e.getKey(), new RefreshError(at, code, message));
            }
        }
        return out;
    }

    private static Map<String, List<String>> order(JsonNode node) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (node == null || !node.isObject()) {
            return out;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String provider = e.getKey().strip().toLowerCase(Locale.ROOT);
            if (provider.isEmpty() || !e.getValue().isArray()) {
                continue;
            }
            List<String> ids = new ArrayList<>();
            for (JsonNode id : e.getValue()) {
                if (id.isString() && !id.asString().isBlank()) {
                    ids.add(id.asString().strip());
                }
            }
            if (!ids.isEmpty()) {
                out.put(provider, ids);
            }
        }
        return out;
    }

    private static Map<String, String> lastGood(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || !node.isObject()) {
            return out;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getValue().isString() && !e.getValue().asString().isBlank()) {
                out.put(e.getKey().strip().toLowerCase(Locale.ROOT), e.getValue().asString().strip());
            }
        }
        return out;
    }

    private static Map<String, UsageStats> usage(JsonNode node) {
        Map<String, UsageStats> out = new LinkedHashMap<>();
        if (node == null || !node.isObject()) {
            return out;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getValue().isObject()) {
                UsageStats s = stats(e.getValue());
                if (!s.isEmpty()) {
                    out.put(e.getKey(), s);
                }
            }
        }
        return out;
    }

    static UsageStats stats(JsonNode n) {
        Map<FailureReason, Integer> counts = new EnumMap<>(FailureReason.class);
        JsonNode fc = n.get("failureCounts");
        if (fc != null && fc.isObject()) {
            for (Map.Entry<String, JsonNode> e : fc.properties()) {
                FailureReason r = FailureReason.parse(e.getKey());
                if (r != null && e.getValue().isNumber() && e.getValue().asDouble() >= 1) {
                    counts.put(r, (int) e.getValue().asDouble());
                }
            }
        }
        String blockedReason = "subscription_limit".equals(JsonFields.text(n, "blockedReason"))
                ? "subscription_limit" : null;
        String blockedSource = JsonFields.text(n, "blockedSource");
        if (blockedSource != null && !BLOCKED_SOURCES.contains(blockedSource)) {
            blockedSource = null;
        }
        JsonNode ec = n.get("errorCount");
        Integer errorCount = ec != null && ec.isNumber() && ec.asDouble() >= 0 ? (int) ec.asDouble() : null;
        return new UsageStats(
                JsonFields.positiveMillis(n, "lastUsed"),
                JsonFields.positiveMillis(n, "cooldownUntil"), FailureReason.parse(JsonFields.text(n, "cooldownReason")),
                JsonFields.text(n, "cooldownModel"),
                JsonFields.positiveMillis(n, "disabledUntil"), FailureReason.parse(JsonFields.text(n, "disabledReason")),
                JsonFields.positiveMillis(n, "blockedUntil"), blockedReason, blockedSource,
                JsonFields.text(n, "blockedModel"),
                errorCount, counts, JsonFields.positiveMillis(n, "lastFailureAt"));
    }

    /** {@code {version: 1, order?, lastGood?, usageStats?, refreshErrors?}} with only non-empty maps. */
    public static ObjectNode encode(AuthState state) {
        ObjectNode root = Json.object();
        root.put("version", 1);
        if (!state.order().isEmpty()) {
            ObjectNode o = root.putObject("order");
            state.order().forEach((p, ids) -> {
                ArrayNode a = o.putArray(p);
                ids.forEach(a::add);
            });
        }
        if (!state.lastGood().isEmpty()) {
            ObjectNode g = root.putObject("lastGood");
            state.lastGood().forEach(g::put);
        }
        if (!state.usageStats().isEmpty()) {
            ObjectNode u = root.putObject("usageStats");
            state.usageStats().forEach((id, s) -> u.set(id, encodeStats(s)));
        }
        if (!state.refreshErrors().isEmpty()) {
            ObjectNode r = root.putObject("refreshErrors");
            state.refreshErrors().forEach((id, e) -> {
                ObjectNode o = r.putObject(id);
                o.put("at", e.at());
                o.put("code", e.code());
                if (!e.message().isEmpty()) {
                    o.put("message", e.message());
                }
            });
        }
        return root;
    }

    static ObjectNode encodeStats(UsageStats s) {
        ObjectNode o = Json.object();
        putLong(o, "lastUsed", s.lastUsed());
        putLong(o, "cooldownUntil", s.cooldownUntil());
        putText(o, "cooldownReason", s.cooldownReason() == null ? null : s.cooldownReason().wireName());
        putText(o, "cooldownModel", s.cooldownModel());
        putLong(o, "disabledUntil", s.disabledUntil());
        putText(o, "disabledReason", s.disabledReason() == null ? null : s.disabledReason().wireName());
        putLong(o, "blockedUntil", s.blockedUntil());
        putText(o, "blockedReason", s.blockedReason());
        putText(o, "blockedSource", s.blockedSource());
        putText(o, "blockedModel", s.blockedModel());
        if (s.errorCount() != null) {
            o.put("errorCount", s.errorCount());
        }
        if (!s.failureCounts().isEmpty()) {
            ObjectNode fc = o.putObject("failureCounts");
            s.failureCountsByWireName().forEach(fc::put);
        }
        putLong(o, "lastFailureAt", s.lastFailureAt());
        return o;
    }

    private static void putLong(ObjectNode o, String f, Long v) {
        if (v != null) {
            o.put(f, v);
        }
    }

    private static void putText(ObjectNode o, String f, String v) {
        if (v != null) {
            o.put(f, v);
        }
    }
}
