package ai.openclaw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What a process started in a pseudo-terminal ({@link CliHarness#startInTerminal}) has shown so far: its output is
 * read by a background thread as it arrives, so a test can wait for a prompt before it types.
 */
public final class TerminalScreen {
    private final StringBuffer shown = new StringBuffer();
    private final Thread reader;

    private TerminalScreen(Process p) {
        reader = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                byte[] buf = new byte[4096];
                for (int n; (n = in.read(buf)) > 0; ) {
                    shown.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException ignored) {
                // the terminal closed
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts reading what {@code p} shows. */
    public static TerminalScreen of(Process p) {
        return new TerminalScreen(p);
    }

    /** Waits up to 30 s until {@code text} has been shown, then asserts that it was. */
    public void await(String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!shown.toString().contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(shown.toString()).contains(text);
    }

    /** Waits up to 5 s for the last output after the process ended. */
    public void finish() throws InterruptedException {
        reader.join(5000);
    }

    public String text() {
        return shown.toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
