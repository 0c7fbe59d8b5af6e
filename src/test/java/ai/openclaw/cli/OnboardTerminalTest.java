package ai.openclaw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code openclaw onboard} in a real JVM inside a pseudo-terminal ({@code script}): the wizard switches the terminal
 * to raw mode, is driven with the bytes arrow keys send, takes a masked key, and gives the terminal back as it was.
 */
@Timeout(180)
class OnboardTerminalTest {
    static final String KEY = "sk-or-v1-terminalterminal-0123456789abcdef";
    static final String DOWN = "\u001b[B";
    static final Duration WAIT = Duration.ofSeconds(60);
    static final Pattern STTY_STATE = Pattern.compile("(?m)^[0-9a-f]+(?::[0-9a-f]+){10,}\\r?$");

    @TempDir
    Path dir;
    CliHarness h;

    @BeforeEach
    void setUp() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script(1) is needed");
        h = new CliHarness(dir);
    }

    /** A process on a pseudo-terminal and everything it has drawn so far. */
    static final class Screen implements AutoCloseable {
        final Process process;
        final StringBuffer drawn = new StringBuffer();
        final OutputStream keyboard;

        Screen(Process process) {
            this.process = process;
            this.keyboard = process.getOutputStream();
            Thread reader = new Thread(() -> {
                try (InputStream in = process.getInputStream()) {
                    byte[] buf = new byte[4096];
                    for (int n; (n = in.read(buf)) > 0; ) {
                        drawn.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    // the terminal closed
                }
            }, "screen");
            reader.setDaemon(true);
            reader.start();
        }

        /** Waits until {@code text} has been drawn (escape sequences removed). */
        void await(String text) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!plain().contains(text) && System.nanoTime() < deadline && process.isAlive()) {
                Thread.sleep(20);
            }
            assertThat(plain()).as("the screen shows %s", text).contains(text);
        }

        void type(String keys) {
            try {
                keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
                keyboard.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int exit() throws InterruptedException {
            assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("exited; screen: %s", plain()).isTrue();
            Thread.sleep(100); // the last bytes of the transcript
            return process.exitValue();
        }

        String raw() {
            return drawn.toString();
        }

        String plain() {
            return raw().replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "").replace("\r", "");
        }

        @Override
        public void close() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** Runs {@code shellCommand} in a pseudo-terminal; {@code $OPENCLAW} is the openclaw command line. */
    private Screen start(String shellCommand) {
        String openclaw = String.join(" ", h.processCommand("ai.openclaw.cli.Main", "onboard").stream()
                .map(a -> "'" + a.replace("'", "'\\''") + "'").toList());
        ProcessBuilder pb = new ProcessBuilder("script", "-q", "-e", "-c", shellCommand.replace("$OPENCLAW", openclaw),
                "/dev/null").directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(h.env());
        pb.environment().put("TERM", "xterm");
        try {
            return new Screen(pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void arrowKeysChooseTheProvider_theKeyIsMaskedAndStored_andModelsStatusEndsTheRun() throws Exception {
        try (Screen s = start("$OPENCLAW")) {
            s.await("Model/auth provider");
            s.await("Skip for now");
            s.type(DOWN);
            s.await("> OpenAI");
            s.type(DOWN);
            s.await("> OpenRouter");
            s.type("\r");
            s.await("Paste OpenRouter API key:");
            s.type(KEY + "\r");
            s.await("Default model");
            s.await("Enter a model");
            s.type("\r");

            assertThat(s.exit()).as(s.plain()).isZero();
            String screen = s.plain();
            assertThat(s.raw()).as("the key is never echoed").doesNotContain(KEY).doesNotContain("terminalterminal");
            assertThat(screen).contains("> Anthropic").contains("> OpenAI").contains("> OpenRouter")
                    .contains("Model/auth provider: OpenRouter")
                    .contains("Paste OpenRouter API key: " + "*".repeat(24) + " (" + KEY.length() + " characters)")
                    .contains("Default model: openrouter/auto")
                    .contains("Auth profile: openrouter:default (openrouter/api_key)");
            // and the run ends with the text of `openclaw models status`
            assertThat(screen.substring(screen.indexOf("Auth profile:"))).contains("Config        : ")
                    .contains("Auth overview").contains("openrouter:default=sk-or-v1...89abcdef");
        }
        assertThat(CliHarness.json(h.store("main")).get("profiles").get("openrouter:default").get("key").asString())
                .isEqualTo(KEY);
        assertThat(CliHarness.mode(h.store("main"))).isEqualTo("rw-------");
        assertThat(CliHarness.json(h.configPath()).get("agents").get("defaults").get("model").get("primary").asString())
                .isEqualTo("openrouter/auto");
    }

    @Test
    void ctrlCAtTheKeyPrompt_changesNothing_exits130_andRestoresTheTerminal() throws Exception {
        Map<String, String> before = h.snapshot();
        try (Screen s = start("stty -g; $OPENCLAW; echo \"EXIT=$?\"; stty -g")) {
            s.await("Model/auth provider");
            s.await("Skip for now");
            s.type(DOWN + DOWN + "\r");
            s.await("Paste OpenRouter API key:");
            s.type("sk-or-v1-half-typed");
            s.type("\u0003");

            assertThat(s.exit()).as(s.plain()).isZero();
            String screen = s.plain();
            assertThat(screen).contains("Onboarding cancelled; nothing was changed.").contains("EXIT=130");
            assertThat(s.raw()).doesNotContain("half-typed");
            List<String> states = STTY_STATE.matcher(screen).results().map(m -> m.group().strip()).toList();
            assertThat(states).as("terminal settings before and after").hasSize(2);
            assertThat(states.get(1)).as("restored").isEqualTo(states.get(0));
        }
        assertThat(h.snapshot()).as("store and config untouched").isEqualTo(before);
    }
}
