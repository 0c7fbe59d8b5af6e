package ai.openclaw.sessions;

import ai.openclaw.models.ModelRef;
import ai.openclaw.models.ModelSelection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The models the directives show for an agent: the default, the fallbacks, the allowlist, then the catalog (only
 * allowed entries when there is an allowlist), without duplicates.
 */
final class KnownModels {
    private final ModelSelection selection;
    private final Set<ModelRef> models;

    KnownModels(ModelSelection selection, List<ModelRef> catalog) {
        this.selection = selection;
        LinkedHashSet<ModelRef> all = new LinkedHashSet<>();
        all.add(selection.primary());
        all.addAll(selection.fallbacks());
        selection.allowed().forEach(k -> ModelRef.parse(k).ifPresent(all::add));
        catalog.stream().filter(this::isAllowed).forEach(all::add);
        this.models = all;
    }

    /** Allowed when there is no allowlist, when listed, or when it is the default. */
    boolean isAllowed(ModelRef ref) {
        return selection.allowed().isEmpty() || selection.allowed().contains(ref.key())
                || ref.equals(selection.primary());
    }

    /** Provider to its models, providers and models in order of first appearance. */
    Map<String, List<ModelRef>> byProvider() {
        Map<String, List<ModelRef>> out = new LinkedHashMap<>();
        for (ModelRef m : models) {
            out.computeIfAbsent(m.provider(), p -> new ArrayList<>()).add(m);
        }
        return out;
    }
}
