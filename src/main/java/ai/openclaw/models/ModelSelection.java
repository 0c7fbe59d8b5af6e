package ai.openclaw.models;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The models an agent uses: the default (primary) model, its fallbacks, the aliases and the allowlist of
 * {@code agents.defaults.models}. Refs without a provider resolve through the aliases, else to the default
 * provider.
 *
 * @param primary       the resolved default model
 * @param primaryRaw    what the config said (null when the built-in default applies)
 * @param problems      refs that could not be resolved, for status output
 */
public record ModelSelection(ModelRef primary, String primaryRaw, List<ModelRef> fallbacks,
                             Map<String, String> aliases, List<String> allowed, List<String> problems) {
    /** Used when the config names no default model (OpenClaw ships an Anthropic default). */
    public static final ModelRef BUILT_IN_DEFAULT = new ModelRef("anthropic", "claude-opus-4-6");

    public ModelSelection {
        fallbacks = List.copyOf(fallbacks);
        aliases = Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
        allowed = List.copyOf(allowed);
        problems = List.copyOf(problems);
    }

    /**
     * @param modelEntries {@code agents.defaults.models}: model key → alias (null when the entry has none)
     */
    public static ModelSelection resolve(String primaryRaw, List<String> fallbacksRaw,
                                         Map<String, String> modelEntries) {
        Map<String, String> aliases = new LinkedHashMap<>();
        modelEntries.forEach((key, alias) -> {
            if (alias != null && !alias.isBlank()) {
                aliases.put(alias.strip(), ModelRef.parse(key).map(ModelRef::key).orElse(key));
            }
        });
        List<String> problems = new ArrayList<>();
        ModelRef primary = BUILT_IN_DEFAULT;
        if (primaryRaw != null && !primaryRaw.isBlank()) {
            Optional<ModelRef> r = resolveRef(primaryRaw, aliases, BUILT_IN_DEFAULT.provider());
            if (r.isPresent()) {
                primary = r.get();
            } else {
                problems.add("default model \"" + primaryRaw + "\" is not a valid provider/model reference");
            }
        }
        LinkedHashSet<ModelRef> fallbacks = new LinkedHashSet<>();
        for (String raw : fallbacksRaw) {
            Optional<ModelRef> r = resolveRef(raw, aliases, primary.provider());
            if (r.isPresent()) {
                fallbacks.add(r.get());
            } else {
                problems.add("fallback model \"" + raw + "\" is not a valid provider/model reference");
            }
        }
        List<String> allowed = new ArrayList<>();
        modelEntries.keySet().forEach(k -> allowed.add(ModelRef.parse(k).map(ModelRef::key).orElse(k)));
        return new ModelSelection(primary, primaryRaw, new ArrayList<>(fallbacks), aliases, allowed, problems);
    }

    /** Alias (case-insensitive) first, then {@code provider/model}, then a bare id of the default provider. */
    public static Optional<ModelRef> resolveRef(String raw, Map<String, String> aliases, String defaultProvider) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String t = raw.strip();
        for (Map.Entry<String, String> a : aliases.entrySet()) {
            if (a.getKey().toLowerCase(Locale.ROOT).equals(t.toLowerCase(Locale.ROOT))) {
                return ModelRef.parse(a.getValue());
            }
        }
        if (t.contains("/")) {
            return ModelRef.parse(t);
        }
        return Optional.of(new ModelRef(defaultProvider, t));
    }

    /** Default first, then fallbacks: the models whose providers {@code --check} examines. */
    public List<ModelRef> inUse() {
        List<ModelRef> out = new ArrayList<>();
        out.add(primary);
        fallbacks.stream().filter(f -> !f.equals(primary)).forEach(out::add);
        return out;
    }
}
