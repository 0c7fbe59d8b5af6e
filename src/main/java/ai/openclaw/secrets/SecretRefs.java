package ai.openclaw.secrets;

import ai.openclaw.secrets.SecretRef.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Recognises SecretRefs in configuration and credential files and checks their ids against the patterns
 * OpenClaw enforces. Recognition is deliberately shape-only: a value that looks like a ref but has a bad
 * id is still a ref (so it is never mistaken for a plaintext secret); {@link #validate} reports the id.
 */
public final class SecretRefs {
    static final Pattern PROVIDER_ALIAS = Pattern.compile("^[a-z][a-z0-9_-]{0,63}$");
    static final Pattern ENV_ID = Pattern.compile("^[A-Z][A-Z0-9_]{0,127}$");
    private static final Pattern EXEC_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:/#-]{0,255}$");
    private static final Pattern FILE_POINTER_SEGMENT = Pattern.compile("^(?:[^~]|~0|~1)*$");
    private static final Pattern ENV_TEMPLATE = Pattern.compile("^\\$\\{([A-Z][A-Z0-9_]{0,127})}$");
    private static final Pattern ENV_SHORTHAND = Pattern.compile("^\\$([A-Z][A-Z0-9_]{0,127})$");
    private static final List<String> LEGACY_ENV_MARKERS = List.of("secretref-env:", "__env__:");
    private static final Set<String> THREE_KEYS = Set.of("source", "provider", "id");
    private static final Set<String> TWO_KEYS = Set.of("source", "id");

    /** The file-provider id that means "the whole file" in {@code singleValue} mode. */
    public static final String SINGLE_VALUE_ID = "value";

    private SecretRefs() {}

    /**
     * The ref held by a JSON object {@code {source, provider, id}}, or by the legacy form {@code {source, id}}
     * (provider {@code null}). Empty for anything else: non-objects, other or extra keys, an unknown source,
     * or a blank/non-string provider or id.
     */
    public static Optional<SecretRef> fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        Set<String> keys = Set.copyOf(node.propertyNames());
        boolean legacy = keys.equals(TWO_KEYS);
        if (!legacy && !keys.equals(THREE_KEYS)) {
            return Optional.empty();
        }
        JsonNode source = node.get("source");
        if (source == null || !source.isString()) {
            return Optional.empty();
        }
        // Exact wire names only: " env" is not a ref, matching the reference's strict comparison.
        Source parsed = Source.parse(source.stringValue());
        if (parsed == null || !parsed.wireName().equals(source.stringValue())) {
            return Optional.empty();
        }
        String id = nonBlankString(node.get("id"));
        if (id == null) {
            return Optional.empty();
        }
        if (legacy) {
            return Optional.of(new SecretRef(parsed, null, id));
        }
        String provider = nonBlankString(node.get("provider"));
        return provider == null ? Optional.empty() : Optional.of(new SecretRef(parsed, provider, id));
    }

    /**
     * The env ref a SecretInput string stands for: exactly {@code ${VAR}} or {@code $VAR}, or the legacy
     * markers {@code secretref-env:VAR} / {@code __env__:VAR}, with VAR an env id. Surrounding whitespace is
     * ignored. The provider is {@code null} (the default env alias). Empty for any other string, which is
     * then a literal value.
     */
    public static Optional<SecretRef> fromShorthand(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.strip();
        for (Pattern pattern : List.of(ENV_TEMPLATE, ENV_SHORTHAND)) {
            Matcher m = pattern.matcher(text);
            if (m.matches()) {
                return Optional.of(SecretRef.env(m.group(1)));
            }
        }
        for (String marker : LEGACY_ENV_MARKERS) {
            if (text.startsWith(marker)) {
                String variable = text.substring(marker.length());
                return ENV_ID.matcher(variable).matches() ? Optional.of(SecretRef.env(variable)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Either form: a ref object, or a string shorthand. Empty for literals and anything else. */
    public static Optional<SecretRef> fromSecretInput(JsonNode node) {
        if (node != null && node.isString()) {
            return fromShorthand(node.stringValue());
        }
        return fromJson(node);
    }

    /**
     * Problems with the ref's provider alias and id, each naming the ref and the rule; empty when valid.
     * Never includes anything but the ref's own (non-secret) coordinates.
     */
    public static List<String> validate(SecretRef ref) {
        List<String> problems = new ArrayList<>();
        if (ref.provider() != null && !PROVIDER_ALIAS.matcher(ref.provider()).matches()) {
            problems.add("Secret provider alias must match " + PROVIDER_ALIAS.pattern() + " (ref: " + ref.key() + ").");
        }
        String id = ref.id();
        if (id.isBlank()) {
            problems.add("Secret reference id is empty (ref: " + ref.key() + ").");
            return List.copyOf(problems);
        }
        switch (ref.source()) {
            case ENV -> {
                if (!ENV_ID.matcher(id).matches()) {
                    problems.add("Env secret reference id must match " + ENV_ID.pattern()
                            + " (example: \"OPENAI_API_KEY\") (ref: " + ref.key() + ").");
                }
            }
            case FILE -> {
                if (!isValidFileId(id)) {
                    problems.add("File secret reference id must be \"" + SINGLE_VALUE_ID
                            + "\" or an absolute JSON pointer (example: \"/providers/openai/apiKey\") (ref: "
                            + ref.key() + ").");
                }
            }
            case EXEC -> {
                if (!isValidExecId(id)) {
                    problems.add("Exec secret reference id must match " + EXEC_ID.pattern()
                            + " and must not include \".\" or \"..\" path segments"
                            + " (example: \"vault/openai/api-key\") (ref: " + ref.key() + ").");
                }
            }
        }
        return List.copyOf(problems);
    }

    static boolean isValidFileId(String id) {
        if (id.equals(SINGLE_VALUE_ID)) {
            return true;
        }
        if (!id.startsWith("/")) {
            return false;
        }
        for (String segment : id.substring(1).split("/", -1)) {
            if (!FILE_POINTER_SEGMENT.matcher(segment).matches()) {
                return false;
            }
        }
        return true;
    }

    static boolean isValidExecId(String id) {
        if (!EXEC_ID.matcher(id).matches()) {
            return false;
        }
        for (String segment : id.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static String nonBlankString(JsonNode node) {
        if (node == null || !node.isString() || node.stringValue().isBlank()) {
            return null;
        }
        return node.stringValue();
    }
}
