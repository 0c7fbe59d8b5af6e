package ai.openclaw.clibackend;

import ai.openclaw.config.ConfigException;
import ai.openclaw.config.JsonPath;
import ai.openclaw.config.OpenClawConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code agents.defaults.cliBackends.<id>} and merges it over the built-in defaults (logins §3.7):
 * <ul>
 *   <li>scalars ({@code command}, {@code modelArg}, {@code timeoutSeconds}, ...) replace the default;</li>
 *   <li>{@code args}, {@code resumeArgs}, {@code sessionArgs}, {@code sessionIdFields} replace it wholesale; when
 *       {@code args} is set and {@code resumeArgs} is not, the resume arguments are the new {@code args} plus
 *       {@code --resume {sessionId}} (so an added flag applies to both);</li>
 *   <li>a legacy {@code --dangerously-skip-permissions} in {@code args}/{@code resumeArgs} becomes
 *       {@code --permission-mode bypassPermissions};</li>
 *   <li>{@code env} and {@code modelAliases} are merged key by key; {@code clearEnv} is added to the defaults;</li>
 *   <li>unknown keys are allowed (and stay in the file); a value of the wrong type is a {@link ConfigException}
 *       naming its path and position in the file.</li>
 * </ul>
 * A blank {@code modelArg}, {@code sessionArg} or {@code systemPromptArg} means "do not pass it". {@code output}
 * may only be {@code jsonl} or {@code json}: both are read by the one stream-json parser.
 */
public final class CliBackendConfigReader {
    private static final String LEGACY_SKIP_PERMISSIONS = "--dangerously-skip-permissions";

    private final OpenClawConfig config;

    private CliBackendConfigReader(OpenClawConfig config) {
        this.config = config;
    }

    /**
     * The {@code claude-cli} backend of {@code config}.
     *
     * @throws ConfigException a value under {@code agents.defaults.cliBackends["claude-cli"]} has the wrong type
     */
    public static CliBackendConfig claudeCli(OpenClawConfig config) {
        return new CliBackendConfigReader(config).read(CliBackendConfig.claudeCliDefaults());
    }

    /** Where the backend's settings live, e.g. {@code agents.defaults.cliBackends["claude-cli"]}. */
    public static JsonPath pathOf(String backendId) {
        return JsonPath.of("agents", "defaults", "cliBackends", backendId);
    }

    private CliBackendConfig read(CliBackendConfig d) {
        JsonPath base = pathOf(d.id());
        JsonNode node = section(d.id());
        if (node == null) {
            return d;
        }
        List<String> args = stringList(node, base, "args").map(CliBackendConfigReader::rewriteLegacy)
                .orElse(d.args());
        List<String> resumeArgs = stringList(node, base, "resumeArgs").map(CliBackendConfigReader::rewriteLegacy)
                .orElse(node.has("args") ? CliBackendConfig.resumeArgsFor(args) : d.resumeArgs());
        if (!resumeArgs.contains(CliBackendConfig.SESSION_ID_PLACEHOLDER)) {
            throw config.errorAt(base.key("resumeArgs"), "must contain \"" + CliBackendConfig.SESSION_ID_PLACEHOLDER
                    + "\" where the session id goes");
        }
        string(node, base, "output").ifPresent(output -> {
            if (!output.equals("jsonl") && !output.equals("json")) {
                throw config.errorAt(base.key("output"), "expected \"jsonl\" (claude --output-format stream-json) "
                        + "or \"json\"; other output formats are not supported");
            }
        });
        CliBackendConfig.Input input = choice(node, base, "input", CliBackendConfig.Input.values(),
                CliBackendConfig.Input::wireName).orElse(d.input());
        Map<String, String> aliases = new LinkedHashMap<>(d.modelAliases());
        stringMap(node, base, "modelAliases").forEach((k, v) -> aliases.put(k.strip().toLowerCase(Locale.ROOT), v));
        Map<String, String> env = new LinkedHashMap<>(d.env());
        env.putAll(stringMap(node, base, "env"));
        Set<String> clearEnv = new LinkedHashSet<>(d.clearEnv());
        clearEnv.addAll(stringList(node, base, "clearEnv").orElse(List.of()));
        String command = string(node, base, "command").orElse(d.command());
        if (command.isBlank()) {
            throw config.errorAt(base.key("command"), "must be a non-empty string (the program to run)");
        }
        List<String> sessionArgs = stringList(node, base, "sessionArgs").orElse(d.sessionArgs());
        if (!sessionArgs.isEmpty() && !sessionArgs.contains(CliBackendConfig.SESSION_ID_PLACEHOLDER)) {
            throw config.errorAt(base.key("sessionArgs"), "must contain \""
                    + CliBackendConfig.SESSION_ID_PLACEHOLDER + "\" where the session id goes");
        }
        return new CliBackendConfig(d.id(), command.strip(), args, resumeArgs, input,
                positiveInt(node, base, "maxPromptArgChars", 1).orElse(d.maxPromptArgChars()),
                flag(node, base, "modelArg", d.modelArg()), aliases,
                flag(node, base, "sessionArg", d.sessionArg()), sessionArgs,
                choice(node, base, "sessionMode", CliBackendConfig.SessionMode.values(),
                        CliBackendConfig.SessionMode::wireName).orElse(d.sessionMode()),
                stringList(node, base, "sessionIdFields").orElse(d.sessionIdFields()),
                flag(node, base, "systemPromptArg", d.systemPromptArg()),
                choice(node, base, "systemPromptWhen", CliBackendConfig.SystemPromptWhen.values(),
                        CliBackendConfig.SystemPromptWhen::wireName).orElse(d.systemPromptWhen()),
                clearEnv, env,
                positiveInt(node, base, "timeoutSeconds", 1).map(Duration::ofSeconds).orElse(d.timeout()),
                positiveInt(node, base, "noOutputTimeoutSeconds", 1).map(Duration::ofSeconds)
                        .orElse(d.noOutputTimeout()),
                positiveInt(node, base, "maxConcurrent", 1).orElse(d.maxConcurrent()),
                positiveInt(node, base, "maxQueued", 0).orElse(d.maxQueued()));
    }

    /** The backend's object, or null when the config does not mention it; every level on the way must be an object. */
    private JsonNode section(String backendId) {
        JsonNode node = config.agentsNode();
        JsonPath at = JsonPath.of("agents");
        for (String key : List.of("defaults", "cliBackends", backendId)) {
            if (node == null || node.isMissingNode() || node.isNull()) {
                return null;
            }
            if (!node.isObject()) {
                throw config.errorAt(at, "expected an object");
            }
            node = node.get(key);
            at = at.key(key);
        }
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw config.errorAt(at, "expected an object such as {command: \"/usr/local/bin/claude\"}");
        }
        return node;
    }

    /** {@code --dangerously-skip-permissions} → {@code --permission-mode bypassPermissions} (Era C/D). */
    static List<String> rewriteLegacy(List<String> args) {
        List<String> out = new ArrayList<>(args.size() + 1);
        for (String a : args) {
            if (a.equals(LEGACY_SKIP_PERMISSIONS)) {
                out.add("--permission-mode");
                out.add("bypassPermissions");
            } else {
                out.add(a);
            }
        }
        return out;
    }

    private static JsonNode member(JsonNode parent, String key) {
        JsonNode v = parent.get(key);
        return v == null || v.isNull() ? null : v;
    }

    private Optional<String> string(JsonNode parent, JsonPath base, String key) {
        JsonNode v = member(parent, key);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isString()) {
            throw config.errorAt(base.key(key), "expected a string");
        }
        return Optional.of(v.stringValue());
    }

    /** A flag name; blank means none (null). */
    private String flag(JsonNode parent, JsonPath base, String key, String fallback) {
        JsonNode v = parent.get(key);
        if (v == null) {
            return fallback;
        }
        if (v.isNull()) {
            return null;
        }
        String s = string(parent, base, key).orElse("");
        return s.isBlank() ? null : s.strip();
    }

    private Optional<List<String>> stringList(JsonNode parent, JsonPath base, String key) {
        JsonNode v = member(parent, key);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isArray()) {
            throw config.errorAt(base.key(key), "expected an array of strings");
        }
        List<String> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isString()) {
                throw config.errorAt(base.key(key).index(i), "expected a string");
            }
            out.add(v.get(i).stringValue());
        }
        return Optional.of(List.copyOf(out));
    }

    private Map<String, String> stringMap(JsonNode parent, JsonPath base, String key) {
        JsonNode v = member(parent, key);
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null) {
            return out;
        }
        if (!v.isObject()) {
            throw config.errorAt(base.key(key), "expected an object of strings");
        }
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            if (!e.getValue().isString()) {
                throw config.errorAt(base.key(key).key(e.getKey()), "expected a string");
            }
            out.put(e.getKey(), e.getValue().stringValue());
        }
        return out;
    }

    private Optional<Integer> positiveInt(JsonNode parent, JsonPath base, String key, int min) {
        JsonNode v = member(parent, key);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min) {
            throw config.errorAt(base.key(key), min == 0 ? "expected an integer >= 0" : "expected a positive integer");
        }
        return Optional.of(v.intValue());
    }

    private <E> Optional<E> choice(JsonNode parent, JsonPath base, String key, E[] values,
                                   Function<E, String> wireName) {
        Optional<String> text = string(parent, base, key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (E e : values) {
            if (wireName.apply(e).equals(text.get().strip())) {
                return Optional.of(e);
            }
        }
        List<String> allowed = java.util.Arrays.stream(values).map(e -> "\"" + wireName.apply(e) + "\"").toList();
        throw config.errorAt(base.key(key), "expected one of " + String.join(", ", allowed));
    }
}
