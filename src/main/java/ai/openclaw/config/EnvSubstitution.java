package ai.openclaw.config;

import ai.openclaw.env.LayeredEnv;
import ai.openclaw.secrets.SecretRefs;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ${VAR}} substitution in config string values (keys are never touched). Names match
 * {@code [A-Z_][A-Z0-9_]*}; anything else after {@code $} is literal text. {@code $${VAR}} is an escape that
 * yields the literal {@code ${VAR}}. A missing or blank variable is an error naming the file, position,
 * JSON path and variable, never a value.
 *
 * <p>Exception: where a SecretInput is expected ({@code models.providers.*.apiKey} and
 * {@code models.providers.*.headers.*}), a string that is exactly a SecretRef shorthand such as
 * {@code ${OPENAI_API_KEY}} is kept as written, so the credential layer sees an env SecretRef. A variable
 * missing there is then an unresolved credential for that one provider, not a failure of the whole config.
 *
 * <p>Works on a copy; the input tree is not modified.
 */
final class EnvSubstitution {
    private static final Pattern NAME = Pattern.compile("^[A-Z_][A-Z0-9_]*$");

    private EnvSubstitution() {}

    static ObjectNode apply(ParsedDocument document, LayeredEnv env) {
        JsonNode root = document.root();
        if (!root.isObject()) {
            throw document.errorAt(JsonPath.ROOT, "the config must be a JSON5 object");
        }
        return (ObjectNode) substitute(document, env, root, JsonPath.ROOT);
    }

    /** Paths whose value is a SecretInput: {@code models.providers.<id>.apiKey} and {@code ...headers.<name>}. */
    static boolean isSecretInputPath(JsonPath path) {
        var s = path.segments();
        boolean provider = s.size() >= 4
                && s.get(0) instanceof JsonPath.Key(String a) && a.equals("models")
                && s.get(1) instanceof JsonPath.Key(String b) && b.equals("providers")
                && s.get(2) instanceof JsonPath.Key;
        if (!provider) {
            return false;
        }
        if (s.size() == 4) {
            return s.get(3) instanceof JsonPath.Key(String field) && field.equals("apiKey");
        }
        return s.size() == 5
                && s.get(3) instanceof JsonPath.Key(String field) && field.equals("headers")
                && s.get(4) instanceof JsonPath.Key;
    }

    private static JsonNode substitute(ParsedDocument document, LayeredEnv env, JsonNode node, JsonPath path) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.set(e.getKey(), substitute(document, env, e.getValue(), path.key(e.getKey())));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode(node.size());
            for (int i = 0; i < node.size(); i++) {
                out.add(substitute(document, env, node.get(i), path.index(i)));
            }
            return out;
        }
        if (node.isString()) {
            String text = node.stringValue();
            if (isSecretInputPath(path) && SecretRefs.fromShorthand(text).isPresent()) {
                return node;
            }
            String replaced = substituteString(document, env, text, path);
            return replaced.equals(text) ? node : JsonNodeFactory.instance.stringNode(replaced);
        }
        return node; // numbers, booleans and null are immutable
    }

    static String substituteString(ParsedDocument document, LayeredEnv env, String value, JsonPath path) {
        if (value.indexOf('$') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
                continue;
            }
            boolean escaped = value.startsWith("$${", i);
            int open = escaped ? i + 3 : i + 2;
            if (escaped || value.startsWith("${", i)) {
                int close = value.indexOf('}', open);
                String name = close < 0 ? null : value.substring(open, close);
                if (name != null && NAME.matcher(name).matches()) {
                    if (escaped) {
                        out.append("${").append(name).append('}');
                    } else {
                        out.append(env.get(name).orElseThrow(() -> document.errorAt(path,
                                "environment variable \"" + name + "\" (referenced as ${" + name
                                        + "}) is missing or empty; set it or write $${" + name + "} for the literal text")));
                    }
                    i = close + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
