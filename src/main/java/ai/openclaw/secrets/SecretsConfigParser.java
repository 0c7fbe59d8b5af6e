package ai.openclaw.secrets;

import ai.openclaw.secrets.SecretProviderConfig.EnvProvider;
import ai.openclaw.secrets.SecretProviderConfig.ExecProvider;
import ai.openclaw.secrets.SecretProviderConfig.FileMode;
import ai.openclaw.secrets.SecretProviderConfig.FileProvider;
import ai.openclaw.secrets.SecretProviderConfig.PluginExecProvider;
import ai.openclaw.secrets.SecretRef.Source;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Turns the {@code secrets} JSON node into a {@link SecretsConfig}, enforcing the reference schema: strict
 * keys, integer bounds, absolute paths. Errors name the JSON path and the rule, never the value, because
 * exec {@code env} values and similar fields may hold tokens.
 */
final class SecretsConfigParser {
    private static final Set<String> TOP_KEYS = Set.of("providers", "defaults", "resolution");
    private static final Set<String> DEFAULT_KEYS = Set.of("env", "file", "exec");
    private static final Set<String> RESOLUTION_KEYS = Set.of("maxProviderConcurrency", "maxRefsPerProvider", "maxBatchBytes");
    private static final Set<String> ENV_KEYS = Set.of("source", "allowlist");
    private static final Set<String> FILE_KEYS = Set.of("source", "path", "mode", "timeoutMs", "maxBytes", "allowInsecurePath");
    private static final Set<String> EXEC_KEYS = Set.of("source", "command", "args", "timeoutMs", "noOutputTimeoutMs",
            "maxOutputBytes", "jsonOnly", "env", "passEnv", "trustedDirs", "allowInsecurePath", "allowSymlinkCommand");
    private static final Set<String> PLUGIN_EXEC_KEYS = Set.of("source", "pluginIntegration");
    private static final Set<String> PLUGIN_INTEGRATION_KEYS = Set.of("pluginId", "integrationId");
    private static final int MAX_ALLOWLIST = 256;
    private static final int MAX_ARGS = 128;
    private static final int MAX_ARG_LENGTH = 1024;
    private static final int MAX_PASS_ENV = 128;
    private static final int MAX_TRUSTED_DIRS = 64;
    private static final int MAX_PLUGIN_ID_LENGTH = 128;

    private final Path home;

    SecretsConfigParser(Path home) {
        this.home = Objects.requireNonNull(home, "home");
    }

    SecretsConfig parse(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return SecretsConfig.EMPTY;
        }
        String at = "secrets";
        requireObject(node, at, TOP_KEYS);
        return new SecretsConfig(
                parseDefaults(node.get("defaults"), at + ".defaults"),
                parseProviders(node.get("providers"), at + ".providers"),
                parseResolution(node.get("resolution"), at + ".resolution"));
    }

    private SecretDefaults parseDefaults(JsonNode node, String at) {
        if (absent(node)) {
            return SecretDefaults.NONE;
        }
        requireObject(node, at, DEFAULT_KEYS);
        return new SecretDefaults(
                alias(node.get("env"), at + ".env"),
                alias(node.get("file"), at + ".file"),
                alias(node.get("exec"), at + ".exec"));
    }

    private static String alias(JsonNode node, String at) {
        if (absent(node)) {
            return SecretRef.DEFAULT_PROVIDER_ALIAS;
        }
        String value = string(node, at).strip();
        if (!SecretRefs.PROVIDER_ALIAS.matcher(value).matches()) {
            throw problem(at, "must match " + SecretRefs.PROVIDER_ALIAS.pattern());
        }
        return value;
    }

    private static ResolutionLimits parseResolution(JsonNode node, String at) {
        if (absent(node)) {
            return ResolutionLimits.DEFAULTS;
        }
        requireObject(node, at, RESOLUTION_KEYS);
        return new ResolutionLimits(
                positiveInt(node.get("maxProviderConcurrency"), at + ".maxProviderConcurrency",
                        ResolutionLimits.DEFAULT_MAX_PROVIDER_CONCURRENCY, ResolutionLimits.CAP_MAX_PROVIDER_CONCURRENCY),
                positiveInt(node.get("maxRefsPerProvider"), at + ".maxRefsPerProvider",
                        ResolutionLimits.DEFAULT_MAX_REFS_PER_PROVIDER, ResolutionLimits.CAP_MAX_REFS_PER_PROVIDER),
                positiveInt(node.get("maxBatchBytes"), at + ".maxBatchBytes",
                        ResolutionLimits.DEFAULT_MAX_BATCH_BYTES, ResolutionLimits.CAP_MAX_BATCH_BYTES));
    }

    private Map<String, SecretProviderConfig> parseProviders(JsonNode node, String at) {
        if (absent(node)) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw problem(at, "must be an object");
        }
        Map<String, SecretProviderConfig> providers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String alias = entry.getKey();
            String providerAt = at + "." + alias;
            if (!SecretRefs.PROVIDER_ALIAS.matcher(alias).matches()) {
                throw problem(providerAt, "provider alias must match " + SecretRefs.PROVIDER_ALIAS.pattern());
            }
            providers.put(alias, parseProvider(entry.getValue(), providerAt));
        }
        return providers;
    }

    private SecretProviderConfig parseProvider(JsonNode node, String at) {
        if (node == null || !node.isObject()) {
            throw problem(at, "must be an object");
        }
        JsonNode sourceNode = node.get("source");
        if (absent(sourceNode)) {
            throw problem(at + ".source", "is required (env, file or exec)");
        }
        String sourceText = string(sourceNode, at + ".source");
        Source source = Source.parse(sourceText);
        if (source == null || !source.wireName().equals(sourceText)) {
            throw problem(at + ".source", "must be one of env, file, exec");
        }
        return switch (source) {
            case ENV -> parseEnv(node, at);
            case FILE -> parseFile(node, at);
            case EXEC -> node.has("pluginIntegration") ? parsePluginExec(node, at) : parseExec(node, at);
        };
    }

    private static EnvProvider parseEnv(JsonNode node, String at) {
        requireObject(node, at, ENV_KEYS);
        JsonNode allowlist = node.get("allowlist");
        if (absent(allowlist)) {
            return new EnvProvider(null);
        }
        return new EnvProvider(envNames(allowlist, at + ".allowlist", MAX_ALLOWLIST));
    }

    private FileProvider parseFile(JsonNode node, String at) {
        requireObject(node, at, FILE_KEYS);
        JsonNode pathNode = node.get("path");
        if (absent(pathNode)) {
            throw problem(at + ".path", "is required");
        }
        Path path = absolutePath(pathNode, at + ".path");
        FileMode mode = FileMode.JSON;
        JsonNode modeNode = node.get("mode");
        if (!absent(modeNode)) {
            String text = string(modeNode, at + ".mode");
            mode = switch (text) {
                case "json" -> FileMode.JSON;
                case "singleValue" -> FileMode.SINGLE_VALUE;
                default -> throw problem(at + ".mode", "must be \"json\" or \"singleValue\"");
            };
        }
        return new FileProvider(
                path,
                mode,
                positiveInt(node.get("timeoutMs"), at + ".timeoutMs",
                        SecretProviderConfig.DEFAULT_TIMEOUT_MS, SecretProviderConfig.MAX_TIMEOUT_MS),
                positiveInt(node.get("maxBytes"), at + ".maxBytes",
                        SecretProviderConfig.DEFAULT_MAX_BYTES, SecretProviderConfig.MAX_MAX_BYTES),
                bool(node.get("allowInsecurePath"), at + ".allowInsecurePath"));
    }

    private ExecProvider parseExec(JsonNode node, String at) {
        requireObject(node, at, EXEC_KEYS);
        JsonNode commandNode = node.get("command");
        if (absent(commandNode)) {
            throw problem(at + ".command", "is required");
        }
        Path command = absolutePath(commandNode, at + ".command");
        int timeoutMs = positiveInt(node.get("timeoutMs"), at + ".timeoutMs",
                SecretProviderConfig.DEFAULT_TIMEOUT_MS, SecretProviderConfig.MAX_TIMEOUT_MS);
        return new ExecProvider(
                command,
                args(node.get("args"), at + ".args"),
                timeoutMs,
                positiveInt(node.get("noOutputTimeoutMs"), at + ".noOutputTimeoutMs", timeoutMs,
                        SecretProviderConfig.MAX_TIMEOUT_MS),
                positiveInt(node.get("maxOutputBytes"), at + ".maxOutputBytes",
                        SecretProviderConfig.DEFAULT_MAX_BYTES, SecretProviderConfig.MAX_MAX_BYTES),
                absent(node.get("jsonOnly")) || bool(node.get("jsonOnly"), at + ".jsonOnly"),
                stringMap(node.get("env"), at + ".env"),
                absent(node.get("passEnv")) ? List.of() : envNames(node.get("passEnv"), at + ".passEnv", MAX_PASS_ENV),
                trustedDirs(node.get("trustedDirs"), at + ".trustedDirs"),
                bool(node.get("allowInsecurePath"), at + ".allowInsecurePath"),
                bool(node.get("allowSymlinkCommand"), at + ".allowSymlinkCommand"));
    }

    private static PluginExecProvider parsePluginExec(JsonNode node, String at) {
        requireObject(node, at, PLUGIN_EXEC_KEYS);
        String integrationAt = at + ".pluginIntegration";
        JsonNode integration = node.get("pluginIntegration");
        requireObject(integration, integrationAt, PLUGIN_INTEGRATION_KEYS);
        return new PluginExecProvider(
                boundedName(integration.get("pluginId"), integrationAt + ".pluginId"),
                boundedName(integration.get("integrationId"), integrationAt + ".integrationId"));
    }

    private static String boundedName(JsonNode node, String at) {
        if (absent(node)) {
            throw problem(at, "is required");
        }
        String value = string(node, at);
        if (value.isEmpty() || value.length() > MAX_PLUGIN_ID_LENGTH) {
            throw problem(at, "must be 1 to " + MAX_PLUGIN_ID_LENGTH + " characters");
        }
        return value;
    }

    private static List<String> args(JsonNode node, String at) {
        if (absent(node)) {
            return List.of();
        }
        List<String> values = strings(node, at, MAX_ARGS);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).length() > MAX_ARG_LENGTH) {
                throw problem(at + "[" + i + "]", "must be at most " + MAX_ARG_LENGTH + " characters");
            }
            if (values.get(i).indexOf('\0') >= 0) {
                throw problem(at + "[" + i + "]", "must not contain NUL characters");
            }
        }
        return values;
    }

    private List<Path> trustedDirs(JsonNode node, String at) {
        if (absent(node)) {
            return List.of();
        }
        if (!node.isArray()) {
            throw problem(at, "must be an array of strings");
        }
        if (node.size() > MAX_TRUSTED_DIRS) {
            throw problem(at, "must have at most " + MAX_TRUSTED_DIRS + " entries");
        }
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            dirs.add(absolutePath(node.get(i), at + "[" + i + "]"));
        }
        return dirs;
    }

    private static Map<String, String> stringMap(JsonNode node, String at) {
        if (absent(node)) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw problem(at, "must be an object of strings");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            // The key is a variable name (safe to print); the value may be a token (never printed).
            values.put(entry.getKey(), string(entry.getValue(), at + "." + entry.getKey()));
        }
        return values;
    }

    private static List<String> envNames(JsonNode node, String at, int max) {
        List<String> names = strings(node, at, max);
        for (int i = 0; i < names.size(); i++) {
            if (!SecretRefs.ENV_ID.matcher(names.get(i)).matches()) {
                throw problem(at + "[" + i + "]", "must match " + SecretRefs.ENV_ID.pattern());
            }
        }
        return names;
    }

    private static List<String> strings(JsonNode node, String at, int max) {
        if (!node.isArray()) {
            throw problem(at, "must be an array of strings");
        }
        if (node.size() > max) {
            throw problem(at, "must have at most " + max + " entries");
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            values.add(string(node.get(i), at + "[" + i + "]"));
        }
        return values;
    }

    /**
     * A path that is absolute after {@code ~} expansion. The reference resolves relative paths against the
     * working directory; here they are rejected so resolution never depends on where the CLI was started.
     */
    private Path absolutePath(JsonNode node, String at) {
        String text = string(node, at).strip();
        if (text.isEmpty()) {
            throw problem(at, "must not be empty");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw problem(at, "is unsafe (contains control characters)");
        }
        String expanded = expandTilde(text);
        Path path;
        try {
            path = Path.of(expanded);
        } catch (InvalidPathException e) {
            throw problem(at, "is not a valid path");
        }
        if (!path.isAbsolute()) {
            throw problem(at, "must be an absolute path");
        }
        return path;
    }

    private String expandTilde(String text) {
        if (text.equals("~")) {
            return home.toString();
        }
        if (text.startsWith("~/")) {
            return home.resolve(text.substring(2)).toString();
        }
        return text;
    }

    private static int positiveInt(JsonNode node, String at, int fallback, int max) {
        if (absent(node)) {
            return fallback;
        }
        // JSON numbers are doubles in the reference, so 5000.0 is the integer 5000 there too.
        if (!node.isNumber()) {
            throw problem(at, "must be a positive integer");
        }
        double value = node.numberValue().doubleValue();
        if (value != Math.rint(value) || value < 1) {
            throw problem(at, "must be a positive integer");
        }
        if (value > max) {
            throw problem(at, "must be at most " + max);
        }
        return (int) value;
    }

    private static boolean bool(JsonNode node, String at) {
        if (absent(node)) {
            return false;
        }
        if (!node.isBoolean()) {
            throw problem(at, "must be true or false");
        }
        return node.booleanValue();
    }

    private static String string(JsonNode node, String at) {
        if (node == null || !node.isString()) {
            throw problem(at, "must be a string");
        }
        return node.stringValue();
    }

    private static void requireObject(JsonNode node, String at, Set<String> allowedKeys) {
        if (node == null || !node.isObject()) {
            throw problem(at, "must be an object");
        }
        Set<String> unknown = new TreeSet<>(node.propertyNames());
        unknown.removeAll(allowedKeys);
        if (!unknown.isEmpty()) {
            throw problem(at, "unknown key(s) " + unknown + "; allowed: " + new TreeSet<>(allowedKeys));
        }
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    private static IllegalArgumentException problem(String at, String rule) {
        return new IllegalArgumentException(at + ": " + rule);
    }
}
