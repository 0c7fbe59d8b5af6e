package ai.openclaw.config;

import ai.openclaw.core.ProviderIds;
import ai.openclaw.paths.AgentIds;
import ai.openclaw.paths.StatePaths;
import ai.openclaw.secrets.SecretRef;
import ai.openclaw.secrets.SecretRefs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.DoubleSupplier;
import tools.jackson.databind.JsonNode;

/**
 * Builds the typed blocks of {@link OpenClawConfig} from the substituted tree. Only {@code auth.profiles.<id>}
 * is strict about unknown keys (it mirrors a strict schema upstream); everywhere else unknown keys are
 * allowed and kept in the raw nodes.
 */
final class ConfigParser {
    private static final Set<String> PROFILE_KEYS = Set.of("provider", "mode", "email", "displayName");
    private static final JsonPath AUTH = JsonPath.of("auth");
    private static final JsonPath MODELS = JsonPath.of("models");
    private static final JsonPath AGENTS = JsonPath.of("agents");

    private final JsonNode root;
    private final NodeReader reader;
    private final StatePaths paths;

    ConfigParser(ParsedDocument resolved, StatePaths paths) {
        this.root = resolved.root();
        this.reader = new NodeReader(resolved);
        this.paths = paths;
    }

    // ---------------------------------------------------------------- auth

    AuthConfig auth(List<String> migrations) {
        JsonNode auth = reader.object(root, JsonPath.ROOT, "auth");
        if (auth == null) {
            return AuthConfig.EMPTY;
        }
        return new AuthConfig(profiles(auth, migrations), order(auth), cooldowns(auth));
    }

    private Map<String, AuthProfileConfig> profiles(JsonNode auth, List<String> migrations) {
        JsonNode profiles = reader.object(auth, AUTH, "profiles");
        Map<String, AuthProfileConfig> out = new LinkedHashMap<>();
        if (profiles == null) {
            return out;
        }
        JsonPath base = AUTH.key("profiles");
        for (Map.Entry<String, JsonNode> entry : profiles.properties()) {
            String id = entry.getKey();
            JsonPath path = base.key(id);
            JsonNode profile = entry.getValue();
            if (!profile.isObject()) {
                throw reader.error(path, "expected an object {provider, mode, email?, displayName?}");
            }
            reader.onlyKeys(profile, path, PROFILE_KEYS);
            String provider = ProviderIds.normalize(reader.requiredString(profile, path, "provider"));
            String modeText = reader.requiredString(profile, path, "mode");
            AuthMode mode = AuthMode.fromWireName(modeText).orElseThrow(() -> reader.error(path.key("mode"),
                    "expected one of \"api_key\", \"token\", \"oauth\", \"aws-sdk\""));
            if (id.equals(ConfigMigrations.CLAUDE_CLI_PROFILE_ID) && mode == AuthMode.TOKEN) {
                mode = AuthMode.OAUTH;
                migrations.addAll(ConfigMigrations.pending(root));
            }
            out.put(id, new AuthProfileConfig(id, provider, mode,
                    reader.string(profile, path, "email").orElse(null),
                    reader.string(profile, path, "displayName").orElse(null)));
        }
        return out;
    }

    private Map<String, List<String>> order(JsonNode auth) {
        JsonNode order = reader.object(auth, AUTH, "order");
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (order == null) {
            return out;
        }
        JsonPath base = AUTH.key("order");
        for (String key : order.propertyNames()) {
            List<String> ids = reader.stringList(order, base, key);
            String provider = ProviderIds.normalize(key);
            if (out.putIfAbsent(provider, ids) != null) {
                throw reader.keyError(base.key(key),
                        "another key of auth.order names the same provider \"" + provider + "\"; merge them");
            }
        }
        return out;
    }

    private CooldownConfig cooldowns(JsonNode auth) {
        JsonNode c = reader.object(auth, AUTH, "cooldowns");
        if (c == null) {
            return CooldownConfig.DEFAULTS;
        }
        JsonPath path = AUTH.key("cooldowns");
        CooldownConfig d = CooldownConfig.DEFAULTS;
        Map<String, Double> byProvider = new LinkedHashMap<>();
        JsonNode perProvider = reader.object(c, path, "billingBackoffHoursByProvider");
        if (perProvider != null) {
            JsonPath perPath = path.key("billingBackoffHoursByProvider");
            for (String key : perProvider.propertyNames()) {
                OptionalDouble hours = positive(reader.number(perProvider, perPath, key));
                if (hours.isPresent()) {
                    byProvider.put(ProviderIds.normalize(key), hours.getAsDouble());
                }
            }
        }
        return new CooldownConfig(
                positiveOr(c, path, "billingBackoffHours", d::billingBackoffHours),
                byProvider,
                positiveOr(c, path, "billingMaxHours", d::billingMaxHours),
                positiveOr(c, path, "authPermanentBackoffMinutes", d::authPermanentBackoffMinutes),
                positiveOr(c, path, "authPermanentMaxMinutes", d::authPermanentMaxMinutes),
                positiveOr(c, path, "failureWindowHours", d::failureWindowHours),
                (int) positiveOr(c, path, "overloadedProfileRotations", d::overloadedProfileRotations),
                (long) positiveOr(c, path, "overloadedBackoffMs", d::overloadedBackoffMs),
                (int) positiveOr(c, path, "rateLimitedProfileRotations", d::rateLimitedProfileRotations));
    }

    private double positiveOr(JsonNode object, JsonPath path, String key, DoubleSupplier fallback) {
        OptionalDouble value = positive(reader.number(object, path, key));
        return value.isPresent() ? value.getAsDouble() : fallback.getAsDouble();
    }

    private static OptionalDouble positive(OptionalDouble value) {
        return value.isPresent() && value.getAsDouble() > 0 && Double.isFinite(value.getAsDouble())
                ? value
                : OptionalDouble.empty();
    }

    // ---------------------------------------------------------------- models

    ModelsConfig models() {
        JsonNode models = reader.object(root, JsonPath.ROOT, "models");
        if (models == null) {
            return ModelsConfig.EMPTY;
        }
        ModelsConfig.Mode mode = reader.string(models, MODELS, "mode")
                .map(text -> ModelsConfig.Mode.fromWireName(text).orElseThrow(() ->
                        reader.error(MODELS.key("mode"), "expected \"merge\" or \"replace\"")))
                .orElse(ModelsConfig.Mode.MERGE);
        JsonNode providers = reader.object(models, MODELS, "providers");
        Map<String, ProviderConfig> out = new LinkedHashMap<>();
        if (providers != null) {
            for (Map.Entry<String, JsonNode> entry : providers.properties()) {
                JsonPath path = MODELS.key("providers").key(entry.getKey());
                ProviderConfig provider = provider(entry.getKey(), entry.getValue(), path);
                if (out.putIfAbsent(ProviderIds.normalize(entry.getKey()), provider) != null) {
                    throw reader.keyError(path, "another key of models.providers names the same provider \""
                            + ProviderIds.normalize(entry.getKey()) + "\"; merge them");
                }
            }
        }
        return new ModelsConfig(mode, out);
    }

    private ProviderConfig provider(String id, JsonNode node, JsonPath path) {
        if (!node.isObject()) {
            throw reader.error(path, "expected an object");
        }
        ProviderAuth auth = reader.string(node, path, "auth").map(text -> ProviderAuth.fromWireName(text)
                .orElseThrow(() -> reader.error(path.key("auth"),
                        "expected one of \"api-key\", \"aws-sdk\", \"oauth\", \"token\"")))
                .orElse(null);
        Map<String, SecretInput> headers = new LinkedHashMap<>();
        JsonNode headerNode = reader.object(node, path, "headers");
        if (headerNode != null) {
            for (Map.Entry<String, JsonNode> header : headerNode.properties()) {
                secretInput(header.getValue(), path.key("headers").key(header.getKey()))
                        .ifPresent(value -> headers.put(header.getKey(), value));
            }
        }
        Integer timeout = null;
        JsonNode timeoutNode = NodeReader.member(node, "timeoutSeconds");
        if (timeoutNode != null) {
            if (!timeoutNode.isIntegralNumber() || !timeoutNode.canConvertToInt() || timeoutNode.intValue() <= 0) {
                throw reader.error(path.key("timeoutSeconds"), "expected a positive integer");
            }
            timeout = timeoutNode.intValue();
        }
        return new ProviderConfig(
                id,
                reader.string(node, path, "baseUrl").orElse(null),
                reader.string(node, path, "api").orElse(null),
                secretInput(NodeReader.member(node, "apiKey"), path.key("apiKey")).orElse(null),
                auth,
                headers,
                reader.bool(node, path, "authHeader").orElse(null),
                timeout,
                modelDefinitions(node, path),
                node);
    }

    private List<ModelDefinition> modelDefinitions(JsonNode provider, JsonPath providerPath) {
        JsonNode models = reader.array(provider, providerPath, "models");
        List<ModelDefinition> out = new ArrayList<>();
        if (models == null) {
            return out;
        }
        for (int i = 0; i < models.size(); i++) {
            JsonPath path = providerPath.key("models").index(i);
            JsonNode model = models.get(i);
            if (!model.isObject()) {
                throw reader.error(path, "expected an object with an \"id\"");
            }
            out.add(new ModelDefinition(reader.requiredString(model, path, "id"),
                    reader.string(model, path, "name").orElse(null), model));
        }
        return out;
    }

    /** A string (literal or ref shorthand) or a SecretRef object; absent for null. */
    private Optional<SecretInput> secretInput(JsonNode node, JsonPath path) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        Optional<SecretRef> ref = SecretRefs.fromSecretInput(node);
        if (ref.isPresent()) {
            return Optional.of(new SecretInput.Ref(ref.get()));
        }
        if (node.isString()) {
            return Optional.of(new SecretInput.Plain(node.stringValue()));
        }
        throw reader.error(path, "expected a string or a SecretRef object {source: \"env\"|\"file\"|\"exec\", provider?, id}");
    }

    // ---------------------------------------------------------------- agents

    AgentsConfig agents() {
        JsonNode agents = reader.object(root, JsonPath.ROOT, "agents");
        if (agents == null) {
            return AgentsConfig.EMPTY;
        }
        JsonPath defaultsPath = AGENTS.key("defaults");
        JsonNode defaults = reader.object(agents, AGENTS, "defaults");
        String primary = null;
        List<String> fallbacks = List.of();
        Map<String, String> aliases = new LinkedHashMap<>();
        if (defaults != null) {
            JsonNode model = NodeReader.member(defaults, "model");
            JsonPath modelPath = defaultsPath.key("model");
            if (model != null && model.isString()) {
                primary = model.stringValue();
            } else if (model != null && model.isObject()) {
                primary = reader.string(model, modelPath, "primary").orElse(null);
                fallbacks = reader.stringList(model, modelPath, "fallbacks");
            } else if (model != null) {
                throw reader.error(modelPath, "expected a model ref string or an object {primary, fallbacks}");
            }
            JsonNode modelMap = reader.object(defaults, defaultsPath, "models");
            if (modelMap != null) {
                for (Map.Entry<String, JsonNode> entry : modelMap.properties()) {
                    JsonPath path = defaultsPath.key("models").key(entry.getKey());
                    JsonNode value = entry.getValue();
                    if (!value.isNull() && !value.isObject()) {
                        throw reader.error(path, "expected an object such as {alias: \"...\"}");
                    }
                    aliases.put(entry.getKey(), reader.string(value, path, "alias").orElse(null));
                }
            }
        }
        return new AgentsConfig(primary, fallbacks, aliases, agentList(agents));
    }

    private List<AgentEntry> agentList(JsonNode agents) {
        JsonNode list = reader.array(agents, AGENTS, "list");
        List<AgentEntry> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonPath path = AGENTS.key("list").index(i);
            JsonNode entry = list.get(i);
            if (!entry.isObject()) {
                throw reader.error(path, "expected an object with an \"id\"");
            }
            String rawId = reader.requiredString(entry, path, "id");
            String id;
            try {
                id = AgentIds.normalize(rawId);
            } catch (IllegalArgumentException e) {
                throw reader.error(path.key("id"), e.getMessage());
            }
            if (out.stream().anyMatch(existing -> existing.id().equals(id))) {
                throw reader.error(path.key("id"), "duplicate agent id \"" + id + "\"");
            }
            Path agentDir = reader.string(entry, path, "agentDir")
                    .filter(s -> !s.isBlank())
                    .map(paths::expandTilde)
                    .orElse(null);
            out.add(new AgentEntry(id, reader.string(entry, path, "name").orElse(null),
                    reader.string(entry, path, "workspace").orElse(null), agentDir,
                    reader.bool(entry, path, "default").orElse(false), entry));
        }
        return out;
    }
}
