package ai.openclaw.probe;

import ai.openclaw.json.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code auth.probes} of {@code models status --json --probe} (documented in {@code docs/models-status-json.md}). */
public final class ProbeJson {
    private ProbeJson() {}

    public static ObjectNode render(ProbeSummary s) {
        ObjectNode o = Json.object();
        o.put("startedAt", s.startedAt());
        o.put("finishedAt", s.finishedAt());
        o.put("durationMs", s.durationMs());
        o.put("totalTargets", s.totalTargets());
        ObjectNode options = o.putObject("options");
        if (s.options().provider() != null) {
            options.put("provider", s.options().provider());
        }
        if (!s.options().profileIds().isEmpty()) {
            ArrayNode ids = options.putArray("profileIds");
            s.options().profileIds().forEach(ids::add);
        }
        options.put("timeoutMs", s.options().timeoutMs());
        options.put("concurrency", s.options().concurrency());
        options.put("maxTokens", s.options().maxTokens());
        ArrayNode results = o.putArray("results");
        for (ProbeResult r : s.results()) {
            ObjectNode row = results.addObject();
            row.put("provider", r.provider());
            putIfSet(row, "model", r.model());
            putIfSet(row, "profileId", r.profileId());
            row.put("label", r.label());
            row.put("source", r.source().wireName());
            putIfSet(row, "mode", r.mode());
            row.put("status", r.status().wireName());
            putIfSet(row, "reasonCode", r.reasonCode());
            putIfSet(row, "error", r.error());
            if (r.latencyMs() != null) {
                row.put("latencyMs", r.latencyMs());
            }
        }
        return o;
    }

    private static void putIfSet(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }
}
