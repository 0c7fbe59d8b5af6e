package ai.openclaw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.cli.CliHarness.Result;
import ai.openclaw.claudecli.ClaudeCliFixtures;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code openclaw models auth setup-token}: TTY only, runs {@code claude setup-token}, validates the pasted token. */
@Timeout(120)
class SetupTokenCommandTest {
    static final String TOKEN = "sk-ant-oat01-" + "Zq9".repeat(30) + "-setup";
    static final String CONFIRM = "Run `claude setup-token` now? [Y/n] ";
    static final String PASTE = "Paste Anthropic setup-token: ";

    @TempDir
    Path dir;
    CliHarness h;
    Path bin;
    Path argv;

    @BeforeEach
    void setUp() {
        h = new CliHarness(dir);
        bin = dir.resolve("bin");
        argv = dir.resolve("claude-argv.txt");
    }

    /** A fake {@code claude} on PATH that records its arguments and exits with {@code exit}. */
    private void claudeOnPath(int exit) {
        ClaudeCliFixtures.fakeClaude(bin, argv, exit);
        h.env("PATH", bin + ":/usr/local/bin:/usr/bin:/bin");
    }

    private JsonNode profile(String id) {
        return CliHarness.json(h.store("main")).get("profiles").get(id);
    }

    @Test
    void withoutATerminal_itRefusesAndPointsToPasteToken_storingNothing() {
        claudeOnPath(0);
        Result r = h.runWithStdin(TOKEN + "\n", "models", "auth", "setup-token", "--provider", "anthropic");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Error: setup-token requires an interactive TTY. To store a setup-token from a "
                + "script, pipe it to `openclaw models auth paste-token --provider anthropic`.\n");
        assertThat(h.store("main")).doesNotExist();
        assertThat(h.configPath()).doesNotExist();
        assertThat(argv).as("claude was not run").doesNotExist();
        assertThat(h.lastTerminal().unread()).as("standard input was not read").isEqualTo(1);
    }

    @Test
    void anotherProvider_isRefused() {
        Result r = h.runInteractive(List.of(TOKEN), "models", "auth", "setup-token", "--provider", "openai");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Error: Only --provider anthropic is supported for setup-token.\n");
        assertThat(h.store("main")).doesNotExist();
    }

    @Test
    void onATerminal_itRunsClaudeSetupToken_thenStoresThePastedToken() {
        claudeOnPath(0);
        Result r = h.runInteractive(List.of("y", "  " + TOKEN + "  "), "models", "auth", "setup-token");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(CliHarness.read(argv)).as("claude got only the subcommand").isEqualTo("setup-token\n");
        assertThat(h.lastTerminal().prompts()).containsExactly(CONFIRM, PASTE);
        assertThat(h.lastTerminal().secretPrompts()).containsExactly(PASTE);
        JsonNode p = profile("anthropic:manual");
        assertThat(p.get("type").asString()).isEqualTo("token");
        assertThat(p.get("provider").asString()).isEqualTo("anthropic");
        assertThat(p.get("token").asString()).isEqualTo(TOKEN);
        assertThat(p.has("expires")).as("a setup-token is stored without expiry").isFalse();
        assertThat(CliHarness.json(h.configPath()).get("auth").get("profiles").get("anthropic:manual")
                .get("mode").asString()).isEqualTo("token");
        assertThat(r.out()).contains("Running " + bin.resolve("claude") + " setup-token ...")
                .contains("Updated ~/.openclaw/openclaw.json")
                .contains("Auth profile: anthropic:manual (anthropic/token)");
        assertThat(r.all()).doesNotContain(TOKEN);
        assertThat(CliHarness.mode(h.store("main"))).isEqualTo("rw-------");
    }

    @Test
    void yes_runsClaudeWithoutAsking() {
        claudeOnPath(0);
        Result r = h.runInteractive(List.of(TOKEN), "models", "auth", "setup-token", "--yes", "--profile-id", "work");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(h.lastTerminal().prompts()).containsExactly(PASTE);
        assertThat(CliHarness.read(argv)).isEqualTo("setup-token\n");
        assertThat(profile("anthropic:work").get("token").asString()).isEqualTo(TOKEN);
        assertThat(r.out()).contains("Auth profile: anthropic:work (anthropic/token)");
    }

    @Test
    void answeringNo_skipsClaude_butStillTakesAToken() {
        claudeOnPath(0);
        Result r = h.runInteractive(List.of("n", TOKEN), "models", "auth", "setup-token");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(argv).doesNotExist();
        assertThat(profile("anthropic:manual").get("token").asString()).isEqualTo(TOKEN);
    }

    @Test
    void aFailingClaudeSetupToken_isReportedWithItsExitCode_andNothingIsStored() {
        claudeOnPath(3);
        Result r = h.runInteractive(List.of("y", TOKEN), "models", "auth", "setup-token");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Error: claude setup-token failed (exit 3). Nothing was stored.\n");
        assertThat(h.lastTerminal().secretPrompts()).isEmpty();
        assertThat(h.store("main")).doesNotExist();
    }

    @Test
    void withoutClaude_itSaysWhereToRunIt_andTakesAToken() {
        Result r = h.runInteractive(List.of(TOKEN), "models", "auth", "setup-token");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("Claude CLI not found on PATH: run `claude setup-token` on any machine with "
                + "Claude Code installed, then paste the token here.\n");
        assertThat(h.lastTerminal().prompts()).containsExactly(PASTE);
        assertThat(profile("anthropic:manual").get("token").asString()).isEqualTo(TOKEN);
    }

    @Test
    void anInvalidPaste_isAskedForAgain() {
        String apiKey = "sk-ant-api03-" + "k".repeat(80);
        String partial = TOKEN.substring(0, 40);
        Result r = h.runInteractive(List.of(apiKey, partial, TOKEN), "models", "auth", "setup-token");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(h.lastTerminal().secretPrompts()).containsExactly(PASTE, PASTE, PASTE);
        assertThat(r.err()).isEqualTo("Expected token starting with sk-ant-oat01-. Try again.\n"
                + "Token looks too short; paste the full setup-token. Try again.\n");
        assertThat(profile("anthropic:manual").get("token").asString()).isEqualTo(TOKEN);
        assertThat(r.all()).doesNotContain(apiKey).doesNotContain(partial).doesNotContain(TOKEN);
    }

    @Test
    void threeInvalidPastes_storeNothing() {
        Result r = h.runInteractive(List.of("nope", "", "sk-ant-oat01-short"), "models", "auth", "setup-token");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).endsWith("Error: Token looks too short; paste the full setup-token. Nothing was stored.\n");
        assertThat(h.lastTerminal().secretPrompts()).hasSize(3);
        assertThat(h.store("main")).doesNotExist();
    }

    @Test
    void theEndOfInput_storesNothing() {
        Result r = h.runInteractive(List.of(), "models", "auth", "setup-token");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Error: Required. Nothing was stored.\n");
        assertThat(h.store("main")).doesNotExist();
    }

    @Test
    void onARealTerminal_claudeRunsThere_andTheTokenIsPromptedWithEchoOff() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")),
                "util-linux script(1) is needed for a pseudo-terminal");
        claudeOnPath(0);
        Process p = h.startInTerminal(Map.of(), "models", "auth", "setup-token", "--provider", "anthropic");
        TerminalScreen screen = TerminalScreen.of(p);
        try (OutputStream in = p.getOutputStream()) {
            screen.await(CONFIRM);
            in.write("y\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            screen.await(PASTE);
            Thread.sleep(200); // echo goes off before the prompt is printed; this is only a margin
            in.write((TOKEN + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        screen.finish();
        assertThat(p.exitValue()).as(screen.toString()).isZero();
        assertThat(screen.toString()).as("the terminal never shows the token").doesNotContain(TOKEN)
                .contains("Auth profile: anthropic:manual (anthropic/token)");
        assertThat(CliHarness.read(argv)).isEqualTo("setup-token\n");
        assertThat(profile("anthropic:manual").get("token").asString()).isEqualTo(TOKEN);
    }
}
