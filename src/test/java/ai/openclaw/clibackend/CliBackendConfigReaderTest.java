package ai.openclaw.clibackend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.openclaw.config.ConfigException;
import ai.openclaw.config.ConfigLoader;
import ai.openclaw.config.OpenClawConfig;
import ai.openclaw.env.LayeredEnv;
import ai.openclaw.paths.StatePaths;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CliBackendConfigReaderTest {
    static OpenClawConfig config(String json5) {
        Path home = Path.of("/home/test");
        return ConfigLoader.parse(Path.of("/home/test/.openclaw/openclaw.json"), json5, LayeredEnv.ofProcess(Map.of()),
                StatePaths.resolve(Map.of(), home));
    }

    static OpenClawConfig backend(String body) {
        return config("{agents: {defaults: {cliBackends: {'claude-cli': {" + body + "}}}}}");
    }

    @Test
    void noConfig_givesTheBuiltInEraCDefaults() {
        CliBackendConfig c = CliBackendConfigReader.claudeCli(config("{}"));

        assertThat(c).isEqualTo(CliBackendConfig.claudeCliDefaults());
        assertThat(c.command()).isEqualTo("claude");
        assertThat(c.args()).containsExactly("-p", "--output-format", "stream-json", "--verbose",
                "--permission-mode", "bypassPermissions");
        assertThat(c.resumeArgs()).endsWith("--resume", "{sessionId}");
        assertThat(c.clearEnv()).containsExactlyInAnyOrder("ANTHROPIC_API_KEY", "ANTHROPIC_API_KEY_OLD");
        assertThat(c.sessionArg()).isEqualTo("--session-id");
        assertThat(c.systemPromptArg()).isEqualTo("--append-system-prompt");
        assertThat(c.maxConcurrent()).isEqualTo(1);
        assertThat(c.cliModel("claude-opus-4-6")).isEqualTo("opus");
        assertThat(c.cliModel("Sonnet-4.5")).isEqualTo("sonnet");
        assertThat(c.cliModel("claude-haiku-3-5")).isEqualTo("haiku");
        assertThat(c.cliModel("claude-sonnet-4-5-20250929")).isEqualTo("claude-sonnet-4-5-20250929");
    }

    @Test
    void userSettings_areMergedOverTheDefaults() {
        CliBackendConfig c = CliBackendConfigReader.claudeCli(backend("""
                command: '/opt/claude/bin/claude', env: {CLAUDE_CONFIG_DIR: '/srv/claude'},
                clearEnv: ['OPENAI_API_KEY'], modelAliases: {'Fast': 'haiku'}, timeoutSeconds: 30,
                noOutputTimeoutSeconds: 5, maxConcurrent: 2, maxQueued: 0, input: 'stdin', sessionMode: 'existing',
                systemPromptWhen: 'always', somethingNew: {kept: true}"""));

        assertThat(c.command()).isEqualTo("/opt/claude/bin/claude");
        assertThat(c.args()).isEqualTo(CliBackendConfig.claudeCliDefaults().args());
        assertThat(c.env()).containsExactly(Map.entry("CLAUDE_CONFIG_DIR", "/srv/claude"));
        assertThat(c.clearEnv()).containsExactlyInAnyOrder("ANTHROPIC_API_KEY", "ANTHROPIC_API_KEY_OLD",
                "OPENAI_API_KEY");
        assertThat(c.cliModel("fast")).isEqualTo("haiku");
        assertThat(c.cliModel("opus")).as("built-in aliases stay").isEqualTo("opus");
        assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.noOutputTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.maxConcurrent()).isEqualTo(2);
        assertThat(c.maxQueued()).isZero();
        assertThat(c.input()).isEqualTo(CliBackendConfig.Input.STDIN);
        assertThat(c.sessionMode()).isEqualTo(CliBackendConfig.SessionMode.EXISTING);
        assertThat(c.systemPromptWhen()).isEqualTo(CliBackendConfig.SystemPromptWhen.ALWAYS);
    }

    @Test
    void userArgs_replaceTheDefaultsWholesale_andTheResumeArgsFollowThem() {
        CliBackendConfig c = CliBackendConfigReader.claudeCli(backend(
                "args: ['-p', '--output-format', 'stream-json', '--verbose', '--include-partial-messages']"));

        assertThat(c.args()).containsExactly("-p", "--output-format", "stream-json", "--verbose",
                "--include-partial-messages");
        assertThat(c.resumeArgs()).containsExactly("-p", "--output-format", "stream-json", "--verbose",
                "--include-partial-messages", "--resume", "{sessionId}");
    }

    @Test
    void legacySkipPermissionsFlag_isRewrittenToThePermissionMode() {
        CliBackendConfig c = CliBackendConfigReader.claudeCli(backend(
                "args: ['-p', '--output-format', 'json', '--dangerously-skip-permissions'], output: 'json'"));

        assertThat(c.args()).containsExactly("-p", "--output-format", "json", "--permission-mode",
                "bypassPermissions");
        assertThat(c.args()).doesNotContain("--dangerously-skip-permissions");
        assertThat(c.resumeArgs()).doesNotContain("--dangerously-skip-permissions");
    }

    @Test
    void blankFlag_meansTheFlagIsNotPassed() {
        CliBackendConfig c = CliBackendConfigReader.claudeCli(backend("modelArg: '', systemPromptArg: null"));

        assertThat(c.modelArg()).isNull();
        assertThat(c.systemPromptArg()).isNull();
    }

    @Test
    void wrongType_isAConfigErrorNamingThePathAndPosition() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> CliBackendConfigReader.claudeCli(backend("\n  timeoutSeconds: 'soon'")));

        assertThat(e.jsonPath().toString()).isEqualTo("agents.defaults.cliBackends[\"claude-cli\"].timeoutSeconds");
        assertThat(e.getMessage()).contains("openclaw.json:2:").contains("expected a positive integer")
                .doesNotContain("soon");
    }

    @Test
    void invalidValues_areConfigErrors() {
        for (String body : List.of("command: ''", "args: 'claude -p'", "env: {A: 1}", "maxConcurrent: 0",
                "sessionMode: 'sometimes'", "output: 'text'", "resumeArgs: ['-p']", "maxQueued: -1")) {
            ConfigException e = catchThrowableOfType(ConfigException.class,
                    () -> CliBackendConfigReader.claudeCli(backend(body)));
            assertThat(e).as(body).isNotNull();
            assertThat(e.jsonPath().toString()).as(body).startsWith("agents.defaults.cliBackends[\"claude-cli\"].");
        }
        ConfigException notObject = catchThrowableOfType(ConfigException.class,
                () -> CliBackendConfigReader.claudeCli(config("{agents: {defaults: {cliBackends: {'claude-cli': 1}}}}")));
        assertThat(notObject.jsonPath().toString()).isEqualTo("agents.defaults.cliBackends[\"claude-cli\"]");
    }

    @Test
    void toString_namesEnvKeysButNotValues() {
        CliBackendConfig c = CliBackendConfigReader.claudeCli(backend("env: {SOME_TOKEN: 'tok-secret-value'}"));

        assertThat(c.toString()).contains("SOME_TOKEN").doesNotContain("tok-secret-value");
    }
}
