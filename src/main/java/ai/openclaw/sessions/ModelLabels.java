package ai.openclaw.sessions;

import ai.openclaw.models.ModelRef;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How models are named in replies: {@code provider/model}, or {@code Alias (provider/model)} when an alias was typed. */
final class ModelLabels {
    private ModelLabels() {}

    static String label(ModelRef model, String alias) {
        return alias == null ? model.key() : alias + " (" + model.key() + ")";
    }

    /** The configured aliases of {@code model}, in config order. */
    static List<String> aliasesOf(ModelRef model, Map<String, String> aliases) {
        return aliases.entrySet().stream().filter(e -> e.getValue().equals(model.key())).map(Map.Entry::getKey)
                .toList();
    }

    /**
     * The alias the user typed, as configured: {@code ref} without its {@code @<profileId>} suffix, compared
     * case-insensitively with the aliases; null when the model was named another way.
     */
    static String typedAlias(String ref, String profileId, Map<String, String> aliases) {
        String model = ref.strip();
        if (profileId != null && model.endsWith("@" + profileId)) {
            model = model.substring(0, model.length() - profileId.length() - 1).strip();
        }
        String typed = model.toLowerCase(Locale.ROOT);
        return aliases.keySet().stream().filter(a -> a.strip().toLowerCase(Locale.ROOT).equals(typed)).findFirst()
                .orElse(null);
    }
}
