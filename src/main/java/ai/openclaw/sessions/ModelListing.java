package ai.openclaw.sessions;

import ai.openclaw.models.ModelRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The replies of {@code /models} and {@code /model list}: providers with counts, or one provider's models by page. */
final class ModelListing {
    static final String SWITCH_HINT = "Switch: /model <provider/model>";
    static final String USE_HINT = "Use: /models <provider>";

    private ModelListing() {}

    static String render(Directive.ListModels request, KnownModels known) {
        Map<String, List<String>> byProvider = new TreeMap<>();
        known.byProvider().forEach((p, models) ->
                byProvider.put(p, models.stream().map(ModelRef::model).sorted().distinct().toList()));
        List<String> lines = new ArrayList<>();
        if (request.provider() == null) {
            lines.add("Providers:");
            byProvider.forEach((p, models) -> lines.add("- " + p + " (" + models.size() + ")"));
            lines.add("");
            lines.add(USE_HINT);
            lines.add(SWITCH_HINT);
            return String.join("\n", lines);
        }
        String provider = request.provider();
        List<String> models = byProvider.get(provider);
        if (models == null) {
            lines.add("Unknown provider: " + provider);
            lines.add("");
            lines.add("Available providers:");
            byProvider.keySet().forEach(p -> lines.add("- " + p));
            lines.add("");
            lines.add(USE_HINT);
            return String.join("\n", lines);
        }
        int total = models.size();
        int pageSize = request.all() ? total : request.limit();
        int pageCount = (total + pageSize - 1) / pageSize;
        int page = request.all() ? 1 : request.page();
        if (page > pageCount) {
            lines.add("Page out of range: " + page + " (valid: 1-" + pageCount + ")");
            lines.add("");
            lines.add("Try: /models " + provider + " " + pageCount);
            lines.add("All: /models " + provider + " all");
            return String.join("\n", lines);
        }
        int from = (page - 1) * pageSize;
        int to = Math.min(total, from + pageSize);
        lines.add("Models (" + provider + ") \u2014 showing " + (from + 1) + "-" + to + " of " + total
                + " (page " + page + "/" + pageCount + ")");
        models.subList(from, to).forEach(m -> lines.add("- " + provider + "/" + m));
        lines.add("");
        lines.add(SWITCH_HINT);
        if (!request.all() && page < pageCount) {
            lines.add("More: /models " + provider + " " + (page + 1));
        }
        if (!request.all()) {
            lines.add("All: /models " + provider + " all");
        }
        return String.join("\n", lines);
    }
}
