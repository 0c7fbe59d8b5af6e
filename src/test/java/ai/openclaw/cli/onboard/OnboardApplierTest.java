package ai.openclaw.cli.onboard;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.app.Agents;
import ai.openclaw.app.AppContext;
import ai.openclaw.cli.CliHarness;
import ai.openclaw.cli.ScriptedTerminal;
import ai.openclaw.env.ShellEnvRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Handing logins over: the wizard's login choices reach the {@link LoginLauncher} and nothing else is written. */
class OnboardApplierTest {
    @TempDir
    Path dir;
    CliHarness h;
    AppContext ctx;
    final StringWriter out = new StringWriter();

    /** Records which login ran for which agent. */
    static final class RecordingLauncher implements LoginLauncher {
        final List<String> calls = new ArrayList<>();

        @Override
        public LoginOutcome codexBrowserLogin(Agents.Agent agent) {
            calls.add("codex:" + agent.id());
            return new LoginOutcome(true, "codex", List.of("openai-codex:me@example.com"));
        }

        @Override
        public LoginOutcome claudeCliLogin(Agents.Agent agent) {
            calls.add("claude-cli:" + agent.id());
            return LoginOutcome.pending("claude");
        }
    }

    @BeforeEach
    void setUp() {
        h = new CliHarness(dir);
        ctx = new AppContext(h.env(), h.home(), h.clock(), 1, ShellEnvRunner.disabled(), ScriptedTerminal.stdin(""),
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
    }

    @Test
    void loginChoices_runTheirLauncherForTheAgent_andWriteNothingThemselves() {
        RecordingLauncher launcher = new RecordingLauncher();
        OnboardApplier applier = new OnboardApplier(ctx, launcher);
        Agents.Agent main = ctx.agents().resolve(null);

        OnboardResult codex = applier.apply(main, new OnboardPlan(AuthChoice.OPENAI_CODEX,
                new AuthStep.Login(AuthChoice.OPENAI_CODEX), null, null));
        OnboardResult claude = applier.apply(main, new OnboardPlan(AuthChoice.CLAUDE_CLI,
                new AuthStep.Login(AuthChoice.CLAUDE_CLI), null, null));

        assertThat(launcher.calls).containsExactly("codex:main", "claude-cli:main");
        assertThat(codex.login().completed()).isTrue();
        assertThat(codex.login().profileIds()).containsExactly("openai-codex:me@example.com");
        assertThat(claude.login().completed()).isFalse();
        assertThat(codex.configUpdated()).isFalse();
        assertThat(Files.exists(h.store("main"))).isFalse();
        assertThat(Files.exists(h.configPath())).isFalse();
    }

    @Test
    void aDefaultModelChosenAlongALogin_isWrittenToTheConfig() {
        RecordingLauncher launcher = new RecordingLauncher();
        OnboardResult r = new OnboardApplier(ctx, launcher).apply(ctx.agents().resolve(null), new OnboardPlan(
                AuthChoice.OPENAI_CODEX, new AuthStep.Login(AuthChoice.OPENAI_CODEX), null, "openai-codex/gpt-5"));
        assertThat(r.configUpdated()).isTrue();
        assertThat(r.defaultModelChanged()).isTrue();
        assertThat(CliHarness.json(h.configPath()).get("agents").get("defaults").get("model").get("primary")
                .asString()).isEqualTo("openai-codex/gpt-5");
    }
}
