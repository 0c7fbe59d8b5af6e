package ai.openclaw.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An immutable, typed view of {@code openclaw.json}. Built by {@link ConfigLoader}.
 *
 * <p>Two trees are kept: the raw one exactly as parsed (with {@code ${VAR}} text; this is what writes start
 * from) and the substituted one the typed blocks are built from. Node accessors hand out deep copies.
 * Unknown keys are kept in both trees. {@link #toString()} never prints values.
 */
public final class OpenClawConfig {
    private final Path path;
    private final boolean exists;
    private final ObjectNode raw;
    private final ObjectNode resolved;
    private final SourceMap sourceMap;
    private final AuthConfig auth;
    private final ModelsConfig models;
    private final AgentsConfig agents;
    private final List<String> migrations;

    OpenClawConfig(Path path, boolean exists, ObjectNode raw, ObjectNode resolved, SourceMap sourceMap,
            AuthConfig auth, ModelsConfig models, AgentsConfig agents, List<String> migrations) {
        this.path = Objects.requireNonNull(path, "path");
        this.exists = exists;
        this.raw = raw.deepCopy();
        this.resolved = resolved.deepCopy();
        this.sourceMap = Objects.requireNonNull(sourceMap, "sourceMap");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.models = Objects.requireNonNull(models, "models");
        this.agents = Objects.requireNonNull(agents, "agents");
        this.migrations = List.copyOf(migrations);
    }

    /** The configuration of a missing file: every block empty, {@link #exists()} false. */
    public static OpenClawConfig empty(Path path) {
        ObjectNode none = JsonNodeFactory.instance.objectNode();
        return new OpenClawConfig(path, false, none, none, SourceMap.empty(),
                AuthConfig.EMPTY, ModelsConfig.EMPTY, AgentsConfig.EMPTY, List.of());
    }

    /** The config file this view was read from (or would be written to). */
    public Path path() {
        return path;
    }

    /** Whether the file existed. */
    public boolean exists() {
        return exists;
    }

    /** The tree as parsed, before {@code ${VAR}} substitution (a copy). */
    public ObjectNode rawTree() {
        return raw.deepCopy();
    }

    /** The tree after {@code ${VAR}} substitution (a copy). */
    public ObjectNode resolvedTree() {
        return resolved.deepCopy();
    }

    /** Positions of values in the file, for error messages about them. */
    public SourceMap sourceMap() {
        return sourceMap;
    }

    /** A {@link ConfigException} at {@code jsonPath}, for checks done by other packages (eligibility...). */
    public ConfigException errorAt(JsonPath jsonPath, String problem) {
        return new ConfigException(path, sourceMap.valueAt(jsonPath), jsonPath, problem);
    }

    public AuthConfig auth() {
        return auth;
    }

    public ModelsConfig models() {
        return models;
    }

    public AgentsConfig agents() {
        return agents;
    }

    /** Shortcut for {@link AgentsConfig#defaultAgentId()}. */
    public String defaultAgentId() {
        return agents.defaultAgentId();
    }

    /** The substituted {@code env} block (a copy), or a missing node. */
    public JsonNode envNode() {
        return section("env");
    }

    /** The substituted {@code secrets} block (a copy), or a missing node. */
    public JsonNode secretsNode() {
        return section("secrets");
    }

    /**
     * The substituted {@code agents} block (a copy), or a missing node: for the parts other packages read
     * themselves ({@code agents.defaults.cliBackends}), reporting problems with {@link #errorAt}.
     */
    public JsonNode agentsNode() {
        return section("agents");
    }

    /** The substituted {@code gateway} block (a copy), or a missing node. */
    public JsonNode gatewayNode() {
        return section("gateway");
    }

    /**
     * {@code agents.defaults.cliBackends.<backendId>.command} after substitution, when it is a non-blank string
     * (e.g. the absolute path of {@code claude} for a daemon whose {@code PATH} is minimal).
     */
    public java.util.Optional<String> cliBackendCommand(String backendId) {
        JsonNode command = resolved.path("agents").path("defaults").path("cliBackends").path(backendId).path("command");
        return command.isString() && !command.stringValue().isBlank()
                ? java.util.Optional.of(command.stringValue().strip()) : java.util.Optional.empty();
    }

    /**
     * Notes for old shapes that were read as migrated (e.g.
     * {@code auth.profiles["anthropic:claude-cli"].mode: token → oauth}); {@code doctor --fix} persists
     * them with {@link ConfigMigrations#apply}.
     */
    public List<String> migrations() {
        return migrations;
    }

    private JsonNode section(String key) {
        JsonNode node = resolved.get(key);
        return node == null ? MissingNode.getInstance() : node.deepCopy();
    }

    @Override
    public String toString() {
        return "OpenClawConfig[" + path + (exists ? "" : " (missing)") + ", profiles=" + auth.profiles().size()
                + ", providers=" + models.providers().size() + ", agents=" + agents.list().size() + "]";
    }
}
