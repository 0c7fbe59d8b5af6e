package ai.openclaw.cli;

import static ai.openclaw.claudecli.ClaudeCliFixtures.credentialsJson;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.app.Agents;
import ai.openclaw.app.AppContext;
import ai.openclaw.claudecli.ClaudeCliFixtures;
import ai.openclaw.cli.onboard.LoginOutcome;
import ai.openclaw.env.ShellEnvRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Onboarding's logins run the real {@code models auth login} flows for the agent being onboarded. */
class CommandLoginLauncherTest {
    private static final String ACCESS = "sk-ant-oat01-launcher-access-000000000000000000000000000000000000000000001";
    private static final String REFRESH = "sk-ant-ort01-launcher-refresh-00000000000000000000000000000000000000000002";

    @TempDir
    Path dir;
    CliHarness h;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() {
        h = new CliHarness(dir);
    }

    private AppContext context() {
        return new AppContext(h.env(), h.home(), h.clock(), 1, ShellEnvRunner.disabled(), ScriptedTerminal.stdin(""),
                new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void claudeCliChoice_storesTheClaudeCliLogin_andReportsTheProfile() {
        Path bin = dir.resolve("bin");
        ClaudeCliFixtures.fakeClaude(bin, dir.resolve("argv.txt"), 0);
        h.env("PATH", bin + ":/usr/bin:/bin");
        ClaudeCliFixtures.writeCredentials(h.home(), credentialsJson(ACCESS, REFRESH, h.now() + 8 * 3_600_000L));
        AppContext ctx = context();
        Agents.Agent main = ctx.agents().resolve(null);

        LoginOutcome outcome = new CommandLoginLauncher(ctx).claudeCliLogin(main);

        assertThat(outcome.completed()).as(err.toString()).isTrue();
        assertThat(outcome.profileIds()).containsExactly("anthropic:claude-cli");
        assertThat(CliHarness.json(h.store("main")).get("profiles").get("anthropic:claude-cli").get("type")
                .asString()).isEqualTo("oauth");
        assertThat(out.toString()).contains("Auth profile: anthropic:claude-cli (anthropic/oauth)")
                .doesNotContain(ACCESS).doesNotContain(REFRESH);
    }

    @Test
    void aLoginThatFails_isReported_andLeftAsTheCommandToRunAgain() {
        h.env("PATH", dir.resolve("empty-bin") + ":/usr/bin:/bin");
        AppContext ctx = context();
        Agents.Agent main = ctx.agents().resolve(null);

        LoginOutcome outcome = new CommandLoginLauncher(ctx).claudeCliLogin(main);

        assertThat(outcome).isEqualTo(LoginOutcome.pending(CommandLoginLauncher.CLAUDE_CLI_COMMAND));
        assertThat(err.toString()).contains("Claude CLI not found");
        assertThat(Files.exists(h.store("main"))).isFalse();
    }
}
