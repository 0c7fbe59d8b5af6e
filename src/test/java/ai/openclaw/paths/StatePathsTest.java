package ai.openclaw.paths;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatePathsTest {
    @TempDir
    Path home;

    @Test
    void resolve_withoutOverrides_usesDotOpenclawUnderHome() {
        StatePaths paths = StatePaths.resolve(Map.of(), home);

        assertThat(paths.home()).isEqualTo(home);
        assertThat(paths.stateDir()).isEqualTo(home.resolve(".openclaw"));
        assertThat(paths.configPath()).isEqualTo(home.resolve(".openclaw/openclaw.json"));
        assertThat(paths.configDir()).isEqualTo(home.resolve(".openclaw"));
        assertThat(paths.oauthDir()).isEqualTo(home.resolve(".openclaw/credentials"));
        assertThat(paths.agentDirOverride()).isEmpty();
        assertThat(paths.defaultAgentDir("main")).isEqualTo(home.resolve(".openclaw/agents/main/agent"));
    }

    @Test
    void resolve_fallsBackToExistingLegacyClawdbotDir_andItsLegacyConfigName() throws Exception {
        Path legacy = Files.createDirectories(home.resolve(".clawdbot"));
        Files.writeString(legacy.resolve("clawdbot.json"), "{}");

        StatePaths paths = StatePaths.resolve(Map.of(), home);

        assertThat(paths.stateDir()).isEqualTo(legacy);
        assertThat(paths.configPath()).isEqualTo(legacy.resolve("clawdbot.json"));
        // The global .env does not follow an auto-detected legacy dir.
        assertThat(paths.configDir()).isEqualTo(home.resolve(".openclaw"));
    }

    @Test
    void resolve_prefersDotOpenclaw_whenBothItAndLegacyExist() throws Exception {
        Files.createDirectories(home.resolve(".clawdbot"));
        Files.createDirectories(home.resolve(".openclaw"));

        assertThat(StatePaths.resolve(Map.of(), home).stateDir()).isEqualTo(home.resolve(".openclaw"));
    }

    @Test
    void resolve_prefersOpenclawJson_overLegacyClawdbotJson() throws Exception {
        Path state = Files.createDirectories(home.resolve(".openclaw"));
        Files.writeString(state.resolve("clawdbot.json"), "{}");
        Files.writeString(state.resolve("openclaw.json"), "{}");

        assertThat(StatePaths.resolve(Map.of(), home).configPath()).isEqualTo(state.resolve("openclaw.json"));
    }

    @Test
    void resolve_openclawHome_replacesHomeForEveryTildeExpansion() {
        Path other = home.resolve("other-home");
        StatePaths paths = StatePaths.resolve(Map.of("OPENCLAW_HOME", other.toString(), "OPENCLAW_STATE_DIR", "~/state"), home);

        assertThat(paths.home()).isEqualTo(other);
        assertThat(paths.stateDir()).isEqualTo(other.resolve("state"));
        assertThat(paths.expandTilde("~/x/y")).isEqualTo(other.resolve("x/y"));
        assertThat(paths.expandTilde("~")).isEqualTo(other);
    }

    @Test
    void resolve_stateDirOverride_isTildeExpanded_andMovesConfigAndEnvAndOauth() {
        StatePaths paths = StatePaths.resolve(Map.of("OPENCLAW_STATE_DIR", "~/custom"), home);

        assertThat(paths.stateDir()).isEqualTo(home.resolve("custom"));
        assertThat(paths.configPath()).isEqualTo(home.resolve("custom/openclaw.json"));
        assertThat(paths.configDir()).isEqualTo(home.resolve("custom"));
        assertThat(paths.oauthDir()).isEqualTo(home.resolve("custom/credentials"));
    }

    @Test
    void resolve_configPathOverride_setsConfigFileAndEnvDir_butNotStateDir() {
        Path config = home.resolve("etc/oc/my.json");
        StatePaths paths = StatePaths.resolve(Map.of("OPENCLAW_CONFIG_PATH", config.toString()), home);

        assertThat(paths.configPath()).isEqualTo(config);
        assertThat(paths.configDir()).isEqualTo(home.resolve("etc/oc"));
        assertThat(paths.stateDir()).isEqualTo(home.resolve(".openclaw"));
    }

    @Test
    void resolve_stateDirOverride_winsOverConfigPathForEnvDir() {
        StatePaths paths = StatePaths.resolve(Map.of(
                "OPENCLAW_STATE_DIR", home.resolve("s").toString(),
                "OPENCLAW_CONFIG_PATH", home.resolve("c/cfg.json").toString()), home);

        assertThat(paths.configDir()).isEqualTo(home.resolve("s"));
        assertThat(paths.configPath()).isEqualTo(home.resolve("c/cfg.json"));
    }

    @Test
    void resolve_oauthDirOverride() {
        StatePaths paths = StatePaths.resolve(Map.of("OPENCLAW_OAUTH_DIR", "~/oauth"), home);

        assertThat(paths.oauthDir()).isEqualTo(home.resolve("oauth"));
    }

    @Test
    void resolve_agentDirOverride_prefersOpenclawAgentDir_overPiCodingAgentDir() {
        StatePaths both = StatePaths.resolve(Map.of(
                "OPENCLAW_AGENT_DIR", "~/a", "PI_CODING_AGENT_DIR", "~/b"), home);
        StatePaths piOnly = StatePaths.resolve(Map.of("PI_CODING_AGENT_DIR", "~/b"), home);

        assertThat(both.agentDirOverride()).contains(home.resolve("a"));
        assertThat(piOnly.agentDirOverride()).contains(home.resolve("b"));
    }

    @Test
    void resolve_blankOverrides_countAsUnset() {
        StatePaths paths = StatePaths.resolve(Map.of("OPENCLAW_STATE_DIR", "  ", "OPENCLAW_AGENT_DIR", ""), home);

        assertThat(paths.stateDir()).isEqualTo(home.resolve(".openclaw"));
        assertThat(paths.agentDirOverride()).isEmpty();
    }
}
