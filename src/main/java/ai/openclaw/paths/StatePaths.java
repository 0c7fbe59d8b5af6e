package ai.openclaw.paths;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where OpenClaw keeps its state, after applying the {@code OPENCLAW_*} overrides.
 *
 * @param home             the directory every {@code ~} expands to ({@code OPENCLAW_HOME}, else the OS home)
 * @param stateDir         {@code OPENCLAW_STATE_DIR}, else {@code ~/.openclaw}, else an existing legacy {@code ~/.clawdbot}
 * @param configPath       the JSON5 config file
 * @param configDir        the folder of the global {@code .env}
 * @param oauthDir         the legacy OAuth folder ({@code OPENCLAW_OAUTH_DIR}, else {@code <stateDir>/credentials})
 * @param agentDirOverride {@code OPENCLAW_AGENT_DIR}, else {@code PI_CODING_AGENT_DIR}; the "current" agent dir
 *                         for CLI/compat callers
 */
public record StatePaths(
        Path home, Path stateDir, Path configPath, Path configDir, Path oauthDir, Optional<Path> agentDirOverride) {

    static final String STATE_DIR_NAME = ".openclaw";
    static final String LEGACY_STATE_DIR_NAME = ".clawdbot";
    static final String CONFIG_FILE_NAME = "openclaw.json";
    static final String LEGACY_CONFIG_FILE_NAME = "clawdbot.json";

    public StatePaths {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(configPath, "configPath");
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(oauthDir, "oauthDir");
        Objects.requireNonNull(agentDirOverride, "agentDirOverride");
    }

    /**
     * Resolves every location from the process environment. Blank variables count as unset. Relative
     * override paths are made absolute against the working directory.
     *
     * @param processEnv the process environment (injected so tests and embedders control it)
     * @param userHome   the OS home directory, used when {@code OPENCLAW_HOME} is not set
     */
    public static StatePaths resolve(Map<String, String> processEnv, Path userHome) {
        Objects.requireNonNull(processEnv, "processEnv");
        Objects.requireNonNull(userHome, "userHome");
        Path home = env(processEnv, "OPENCLAW_HOME")
                .map(value -> expand(value, userHome))
                .orElse(userHome)
                .toAbsolutePath()
                .normalize();

        Optional<Path> stateOverride = env(processEnv, "OPENCLAW_STATE_DIR").map(value -> expand(value, home));
        Path stateDir = stateOverride.orElseGet(() -> defaultStateDir(home));

        Optional<Path> configOverride = env(processEnv, "OPENCLAW_CONFIG_PATH").map(value -> expand(value, home));
        Path configPath = configOverride.orElseGet(() -> defaultConfigPath(stateDir));

        // The global .env follows the explicit overrides only; an auto-detected legacy state dir does not move it.
        Path configDir = stateOverride
                .or(() -> configOverride.map(p -> Optional.ofNullable(p.getParent()).orElse(p)))
                .orElseGet(() -> home.resolve(STATE_DIR_NAME));

        Path oauthDir = env(processEnv, "OPENCLAW_OAUTH_DIR")
                .map(value -> expand(value, home))
                .orElseGet(() -> stateDir.resolve("credentials"));

        Optional<Path> agentDirOverride = env(processEnv, "OPENCLAW_AGENT_DIR")
                .or(() -> env(processEnv, "PI_CODING_AGENT_DIR"))
                .map(value -> expand(value, home));

        return new StatePaths(home, stateDir, configPath, configDir, oauthDir, agentDirOverride);
    }

    /** {@code <stateDir>/agents/<agentId>/agent}; the id is validated with {@link AgentIds#normalize}. */
    public Path defaultAgentDir(String agentId) {
        return stateDir.resolve("agents").resolve(AgentIds.normalize(agentId)).resolve("agent");
    }

    /** Expands a leading {@code ~} or {@code ~/} against {@link #home()}; other paths are made absolute. */
    /** A path as people read it: under the home directory it is shown as {@code ~/...}. */
    public String display(Path path) {
        String s = path.toString();
        String h = home.toString();
        return s.startsWith(h + "/") ? "~" + s.substring(h.length()) : s;
    }

    public Path expandTilde(String path) {
        return expand(path, home);
    }

    static Path expand(String raw, Path home) {
        String value = raw.strip();
        Path path;
        if (value.equals("~")) {
            path = home;
        } else if (value.startsWith("~/") || value.startsWith("~" + java.io.File.separator)) {
            path = home.resolve(value.substring(2));
        } else {
            path = Path.of(value);
        }
        return path.toAbsolutePath().normalize();
    }

    private static Path defaultStateDir(Path home) {
        Path current = home.resolve(STATE_DIR_NAME);
        if (Files.exists(current)) {
            return current;
        }
        Path legacy = home.resolve(LEGACY_STATE_DIR_NAME);
        return Files.exists(legacy) ? legacy : current;
    }

    private static Path defaultConfigPath(Path stateDir) {
        Path current = stateDir.resolve(CONFIG_FILE_NAME);
        if (Files.exists(current)) {
            return current;
        }
        Path legacy = stateDir.resolve(LEGACY_CONFIG_FILE_NAME);
        return Files.exists(legacy) ? legacy : current;
    }

    private static Optional<String> env(Map<String, String> processEnv, String name) {
        String value = processEnv.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
