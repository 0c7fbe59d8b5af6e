package ai.openclaw.sessions;

import ai.openclaw.models.ModelRef;
import ai.openclaw.models.ModelSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reply of {@code /model status}: {@code Current:}, {@code Default:}, {@code Agent:}, {@code Auth file:}, then for
 * each provider with known models {@code [<provider>] endpoint: <baseUrl|default>[ api: <api>] auth: <label>} and
 * its models as {@code   • <provider/model>[ (<aliases>)]}.
 */
final class ModelStatusReply {
    private ModelStatusReply() {}

    /**
     * @param current        the session's model (or the default)
     * @param resetToDefault the session's selection is no longer allowed, so the default applies
     * @param noSessionLine  a line saying why nothing can be kept, or null
     */
    static String render(String agentId, ModelRef current, boolean resetToDefault, String noSessionLine,
                         ModelSelection selection, KnownModels known, AuthStatus auth, ProviderEndpoints endpoints) {
        List<String> lines = new ArrayList<>();
        lines.add("Current: " + current.key());
        lines.add("Default: " + selection.primary().key());
        lines.add("Agent: " + agentId);
        lines.add("Auth file: " + auth.report().storePath());
        if (resetToDefault) {
            lines.add("(previous selection reset to default)");
        }
        if (noSessionLine != null) {
            lines.add(noSessionLine);
        }
        for (Map.Entry<String, List<ModelRef>> e : known.byProvider().entrySet()) {
            String provider = e.getKey();
            lines.add("");
            lines.add("[" + provider + "]" + endpoint(endpoints, provider) + " auth: "
                    + AuthLabels.label(provider, auth));
            for (ModelRef model : e.getValue()) {
                List<String> aliases = ModelLabels.aliasesOf(model, selection.aliases());
                lines.add("  \u2022 " + model.key() + (aliases.isEmpty() ? "" : " (" + String.join(", ", aliases) + ")"));
            }
        }
        return String.join("\n", lines);
    }

    private static String endpoint(ProviderEndpoints endpoints, String provider) {
        ProviderEndpoints.EndpointInfo info = endpoints.describe(provider).orElse(null);
        String baseUrl = info == null || info.baseUrl() == null || info.baseUrl().isBlank() ? "default" : info.baseUrl();
        String api = info == null || info.api() == null || info.api().isBlank() ? "" : " api: " + info.api();
        return " endpoint: " + baseUrl + api;
    }
}
