package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.cli.CliHarness;
import ai.openclaw.cli.TerminalScreen;
import ai.openclaw.cli.CliHarness.Result;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The real {@code ai.openclaw.cli.Main} in its own JVM: exit codes as the shell sees them, standard input as a pipe
 * (no console), environment and {@code user.home} from the process.
 */
@Timeout(120)
class ProcessBlackBoxTest {
    static final String KEY = "sk-proj-processprocess-0123456789abcdef";

    @TempDir
    Path dir;
    CliHarness h;

    @BeforeEach
    void setUp() {
        h = new CliHarness(dir);
    }

    @Test
    void versionAndUsageErrorExitCodes() {
        Result version = h.runProcess(Map.of(), null, "--version");
        assertThat(version.exit()).as(version.toString()).isZero();
        assertThat(version.out()).startsWith("openclaw-java ");

        Result usage = h.runProcess(Map.of(), null, "models", "status", "--no-such-flag");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).contains("--no-such-flag");
    }

    @Test
    void pasteFromAPipeThenCheckGoesFromOneToZero() throws IOException {
        h.writeConfig("{ agents: { defaults: { model: { primary: 'openai/gpt-5' } } } }");

        Result before = h.runProcess(Map.of(), null, "models", "status", "--check", "--json");
        assertThat(before.exit()).as(before.toString()).isEqualTo(1);
        assertThat(before.json().get("auth").get("missingProvidersInUse").get(0).asString()).isEqualTo("openai");
        assertThat(before.json().get("configPath").asString()).isEqualTo(h.configPath().toString());

        Process paste = h.startProcess(Map.of(), "models", "auth", "paste-api-key", "--provider", "openai");
        // the secret is not in the command line of the running process
        assertThat(CliHarness.awaitReadingStdin(paste, Duration.ofSeconds(30))).isTrue();
        assertThat(CliHarness.cmdline(paste)).noneMatch(a -> a.contains(KEY)).contains("paste-api-key");
        try (OutputStream in = paste.getOutputStream()) {
            in.write((KEY + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Result pasted = CliHarness.finish(paste, null, Duration.ofSeconds(60));
        assertThat(pasted.exit()).as(pasted.toString()).isZero();
        assertThat(pasted.out()).contains("Auth profile: openai:manual (openai/api_key)");
        assertThat(pasted.all()).doesNotContain(KEY);
        assertThat(CliHarness.json(h.store("main")).get("profiles").get("openai:manual").get("key").asString())
                .isEqualTo(KEY);
        assertThat(CliHarness.mode(h.store("main"))).isEqualTo("rw-------");
        assertThat(CliHarness.mode(h.agentDir("main"))).isEqualTo("rwx------");

        Result after = h.runProcess(Map.of(), null, "models", "status", "--check");
        assertThat(after.exit()).as(after.toString()).isZero();
        assertThat(after.out()).contains("openai:manual=sk-proj-...89abcdef").doesNotContain(KEY);
    }

    @Test
    void errorsExitOneOnStderrAndEmptyStdinWritesNothing() {
        h.writeConfig("{ agents: { list: [ { id: 'main' } ] } }");
        var snapshot = h.snapshot();
        Result unknownAgent = h.runProcess(Map.of(), "", "models", "status", "--agent", "ghost");
        assertThat(unknownAgent.exit()).isEqualTo(1);
        assertThat(unknownAgent.out()).isEmpty();
        assertThat(unknownAgent.err()).startsWith("Error: Unknown agent \"ghost\"");

        Result empty = h.runProcess(Map.of(), "", "models", "auth", "paste-token", "--provider", "anthropic");
        assertThat(empty.exit()).isEqualTo(1);
        assertThat(empty.err()).contains("Required: no value was entered.").contains("standard input");
        assertThat(h.snapshot()).isEqualTo(snapshot);
    }

    @Test
    void homeVariableDecidesTheDefaultStateDir_notTheJvmUserHomeFromThePasswordDatabase() throws Exception {
        Path home = dir.resolve("real-home");
        java.nio.file.Files.createDirectories(home);
        // processCommand passes -Duser.home=<the harness home>; HOME must win, as it does for every shell tool
        ProcessBuilder pb = new ProcessBuilder(h.processCommand("ai.openclaw.cli.Main", "models", "status", "--json"));
        pb.environment().clear();
        pb.environment().put("HOME", home.toString());
        pb.environment().put("PATH", "/usr/bin:/bin");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        JsonNode j = tools.jackson.databind.json.JsonMapper.builder().build().readTree(out);
        assertThat(j.get("configPath").asString()).isEqualTo(home.resolve(".openclaw/openclaw.json").toString());
    }

    @Test
    void environmentVariablesDecideTheStateDirAndAgentDir() {
        Path other = dir.resolve("elsewhere");
        Result r = h.runProcess(Map.of("OPENCLAW_STATE_DIR", other.toString(), "OPENCLAW_AGENT_DIR",
                other.resolve("custom-agent").toString(), "GROQ_API_KEY", "gsk_fromprocessenv_0123456789"),
                null, "models", "status", "--json");
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("configPath").asString()).isEqualTo(other.resolve("openclaw.json").toString());
        assertThat(j.get("agentDir").asString()).isEqualTo(other.resolve("custom-agent").toString());
        JsonNode groq = null;
        for (JsonNode p : j.get("auth").get("providers")) {
            if (p.get("provider").asString().equals("groq")) {
                groq = p;
            }
        }
        assertThat(groq).isNotNull();
        assertThat(groq.get("env").get("source").asString()).isEqualTo("env: GROQ_API_KEY");
        assertThat(r.out()).doesNotContain("gsk_fromprocessenv_0123456789");
        assertThat(List.of(h.stateDir().toFile().list())).isEmpty();
    }

    @Test
    void onARealTerminalTheSecretIsPromptedWithEchoOff() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(Path.of("/usr/bin/script")),
                "util-linux script(1) is needed for a pseudo-terminal");
        Process p = h.startInTerminal(Map.of(), "models", "auth", "paste-api-key", "--provider", "openrouter");
        TerminalScreen screen = TerminalScreen.of(p);
        screen.await("Paste API key for openrouter: ");
        Thread.sleep(200); // echo goes off before the prompt is printed; this is only a margin
        try (OutputStream in = p.getOutputStream()) {
            in.write((KEY + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        screen.finish();
        assertThat(p.exitValue()).as(screen.toString()).isZero();
        assertThat(screen.toString()).as("the terminal never shows the key").doesNotContain(KEY)
                .contains("Auth profile: openrouter:manual (openrouter/api_key)");
        assertThat(CliHarness.json(h.store("main")).get("profiles").get("openrouter:manual").get("key").asString())
                .isEqualTo(KEY);
    }

    @Test
    void withOutputRedirected_aSecretTypedAtTheTerminal_isStillNotEchoed() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(Path.of("/usr/bin/script")),
                "util-linux script(1) is needed for a pseudo-terminal");
        Path report = h.root().resolve("paste-report.txt");
        Process p = h.startInTerminal(report, Map.of(), "models", "auth", "paste-api-key", "--provider", "openrouter");
        TerminalScreen screen = TerminalScreen.of(p);
        screen.await("Paste API key for openrouter: "); // the prompt goes to the terminal (stderr)
        try (OutputStream in = p.getOutputStream()) {
            in.write((KEY + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        screen.finish();
        assertThat(p.exitValue()).as(screen.toString()).isZero();
        assertThat(screen.toString()).as("the terminal never shows the key").doesNotContain(KEY);
        assertThat(java.nio.file.Files.readString(report)).contains("Auth profile: openrouter:manual (openrouter/api_key)")
                .doesNotContain(KEY);
        assertThat(CliHarness.json(h.store("main")).get("profiles").get("openrouter:manual").get("key").asString())
                .isEqualTo(KEY);
    }
}
