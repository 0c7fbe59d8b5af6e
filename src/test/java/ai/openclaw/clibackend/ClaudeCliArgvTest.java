package ai.openclaw.clibackend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClaudeCliArgvTest {
    static final CliBackendConfig DEFAULTS = CliBackendConfig.claudeCliDefaults();
    static final ClaudeCliPrompt PROMPT = new ClaudeCliPrompt("Hello", "Be brief.");

    @Test
    void freshRun_argsModelSystemPromptSessionId_promptLast() {
        ClaudeCliArgv a = ClaudeCliArgv.build(DEFAULTS, "/bin/claude", "claude-sonnet-4-6",
                new ClaudeCliArgv.Session.Fresh("11111111-2222-3333-4444-555555555555"), PROMPT);

        assertThat(a.argv()).containsExactly("/bin/claude", "-p", "--output-format", "stream-json", "--verbose",
                "--permission-mode", "bypassPermissions", "--model", "sonnet", "--append-system-prompt", "Be brief.",
                "--session-id", "11111111-2222-3333-4444-555555555555", "Hello");
        assertThat(a.stdin()).isNull();
    }

    @Test
    void resumedRun_usesResumeArgs_keepsTheModel_butNoSystemPromptNorNewSessionId() {
        ClaudeCliArgv a = ClaudeCliArgv.build(DEFAULTS, "/bin/claude", "claude-opus-4-6",
                new ClaudeCliArgv.Session.Resume("abc"), PROMPT);

        assertThat(a.argv()).containsExactly("/bin/claude", "-p", "--output-format", "stream-json", "--verbose",
                "--permission-mode", "bypassPermissions", "--resume", "abc", "--model", "opus", "Hello");
    }

    @Test
    void unknownModel_isPassedAsItIs_andNoSessionMeansNoSessionArgs() {
        ClaudeCliArgv a = ClaudeCliArgv.build(DEFAULTS, "/bin/claude", "claude-sonnet-4-5-20250929",
                new ClaudeCliArgv.Session.None(), new ClaudeCliPrompt("Hi", null));

        assertThat(a.argv()).containsSubsequence("--model", "claude-sonnet-4-5-20250929", "Hi")
                .doesNotContain("--session-id", "--append-system-prompt", "--resume");
    }

    @Test
    void longPrompt_goesToStdin() {
        String longText = "x".repeat(DEFAULTS.maxPromptArgChars() + 1);
        ClaudeCliArgv a = ClaudeCliArgv.build(DEFAULTS, "/bin/claude", "sonnet", new ClaudeCliArgv.Session.None(),
                new ClaudeCliPrompt(longText, null));

        assertThat(a.argv()).doesNotContain(longText).last().isEqualTo("sonnet");
        assertThat(a.stdin()).isEqualTo(longText);
    }

    @Test
    void promptThatLooksLikeAnOption_goesToStdin() {
        ClaudeCliArgv a = ClaudeCliArgv.build(DEFAULTS, "/bin/claude", "sonnet", new ClaudeCliArgv.Session.None(),
                new ClaudeCliPrompt("--help me", null));

        assertThat(a.argv()).doesNotContain("--help me");
        assertThat(a.stdin()).isEqualTo("--help me");
    }

    @Test
    void stdinInput_neverPutsThePromptOnTheCommandLine() {
        CliBackendConfig c = withInput(CliBackendConfig.Input.STDIN);
        ClaudeCliArgv a = ClaudeCliArgv.build(c, "/bin/claude", "sonnet", new ClaudeCliArgv.Session.None(), PROMPT);

        assertThat(a.argv()).doesNotContain("Hello");
        assertThat(a.stdin()).isEqualTo("Hello");
        assertThat(a.toString()).doesNotContain("Hello").doesNotContain("Be brief");
    }

    @Test
    void sessionArgs_replaceTheSessionFlag() {
        CliBackendConfig d = DEFAULTS;
        CliBackendConfig c = new CliBackendConfig(d.id(), d.command(), d.args(), d.resumeArgs(), d.input(),
                d.maxPromptArgChars(), d.modelArg(), d.modelAliases(), d.sessionArg(),
                List.of("--session", "id={sessionId}"), d.sessionMode(), d.sessionIdFields(), d.systemPromptArg(),
                CliBackendConfig.SystemPromptWhen.NEVER, d.clearEnv(), d.env(), d.timeout(), d.noOutputTimeout(),
                d.maxConcurrent(), d.maxQueued());
        ClaudeCliArgv a = ClaudeCliArgv.build(c, "/bin/claude", "sonnet", new ClaudeCliArgv.Session.Fresh("s1"),
                PROMPT);

        assertThat(a.argv()).containsSubsequence("--session", "id=s1", "Hello")
                .doesNotContain("--session-id", "--append-system-prompt");
    }

    static CliBackendConfig withInput(CliBackendConfig.Input input) {
        CliBackendConfig d = DEFAULTS;
        return new CliBackendConfig(d.id(), d.command(), d.args(), d.resumeArgs(), input, d.maxPromptArgChars(),
                d.modelArg(), d.modelAliases(), d.sessionArg(), d.sessionArgs(), d.sessionMode(), d.sessionIdFields(),
                d.systemPromptArg(), d.systemPromptWhen(), d.clearEnv(), d.env(), d.timeout(), d.noOutputTimeout(),
                d.maxConcurrent(), d.maxQueued());
    }
}
