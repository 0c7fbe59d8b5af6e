package ai.openclaw.routing;

import ai.openclaw.core.ProviderIds;
import ai.openclaw.core.Secret;
import ai.openclaw.env.LayeredEnv;
import ai.openclaw.providers.ProviderEnvVars;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Collects a provider's API keys from the environment (store-and-selection §7), in the order they are tried.
 *
 * <ol>
 *   <li>{@code OPENCLAW_LIVE_<P>_KEY} when set: that key alone.</li>
 *   <li>Else the list variable split on whitespace, {@code ,} and {@code ;} ({@code <P>_API_KEYS}; for Anthropic
 *       {@code OPENCLAW_LIVE_ANTHROPIC_KEYS}, which is what OpenClaw's code reads, not the documented name), then
 *       {@code <P>_API_KEY}, then every {@code <P>_API_KEY_*} sorted by name, then {@code GOOGLE_API_KEY} for Google,
 *       then the provider's other known variables ({@link ProviderEnvVars}, e.g. {@code ANTHROPIC_OAUTH_TOKEN}).</li>
 * </ol>
 *
 * <p>{@code <P>_API_KEY_*} order: OpenClaw takes them in the order the OS lists the environment, which Java does not
 * expose, so they are sorted by name, runs of digits compared as numbers ({@code _2} before {@code _10}). Values are
 * trimmed; blanks dropped; a value seen before is dropped.
 */
public final class EnvKeys {
    /** One key and the variable it came from ({@code OPENAI_API_KEYS[2]} for the second entry of a list). */
    public record EnvKey(String variable, Secret value) {}

    private EnvKeys() {}

    public static List<EnvKey> collect(String provider, LayeredEnv env) {
        String p = ProviderIds.normalize(provider);
        String base = ProviderIds.envBase(p);
        String live = "OPENCLAW_LIVE_" + base + "_KEY";
        Optional<String> liveValue = env.get(live).map(String::strip).filter(v -> !v.isEmpty());
        if (liveValue.isPresent()) {
            return List.of(new EnvKey(live, Secret.of(liveValue.get())));
        }
        List<EnvKey> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String listVar = p.equals("anthropic") ? "OPENCLAW_LIVE_ANTHROPIC_KEYS" : base + "_API_KEYS";
        env.get(listVar).ifPresent(list -> {
            int i = 0;
            for (String part : list.split("[\\s,;]+")) {
                if (!part.isBlank()) {
                    add(out, seen, listVar + "[" + (++i) + "]", part);
                }
            }
        });
        String primary = base + "_API_KEY";
        addVar(out, seen, env, primary);
        String prefix = primary + "_";
        env.asMap().keySet().stream().filter(n -> n.startsWith(prefix)).sorted(NATURAL)
                .forEach(n -> addVar(out, seen, env, n));
        if (p.equals("google") || p.equals("google-vertex")) {
            addVar(out, seen, env, "GOOGLE_API_KEY");
        }
        for (String name : ProviderEnvVars.candidates(p)) {
            if (!name.equals(live)) {
                addVar(out, seen, env, name);
            }
        }
        return List.copyOf(out);
    }

    private static void addVar(List<EnvKey> out, Set<String> seen, LayeredEnv env, String name) {
        env.get(name).ifPresent(v -> add(out, seen, name, v));
    }

    private static void add(List<EnvKey> out, Set<String> seen, String label, String value) {
        String v = value.strip();
        if (!v.isEmpty() && seen.add(v)) {
            out.add(new EnvKey(label, Secret.of(v)));
        }
    }

    /** Name order with digit runs compared by value. */
    static final Comparator<String> NATURAL = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    };
}
