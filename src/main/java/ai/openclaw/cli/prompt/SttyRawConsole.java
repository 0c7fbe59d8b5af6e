package ai.openclaw.cli.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Raw mode through {@code stty} on the controlling terminal ({@code /dev/tty} as the child's standard input), so no
 * native code or terminal library is needed. The previous settings ({@code stty -g}) are restored when the session
 * closes, and by a shutdown hook if the JVM exits first (SIGTERM, SIGHUP, {@code System.exit}).
 *
 * <p>Raw here means: no line buffering, no echo, Ctrl-C/Ctrl-Z/Ctrl-\ and Ctrl-S/Ctrl-Q delivered as bytes, no
 * CR-to-NL translation on input; output processing stays on, so {@code \n} still starts a new line.
 */
public final class SttyRawConsole implements RawConsole {
    private static final List<String> RAW_SETTINGS =
            List.of("-icanon", "-echo", "-isig", "-iexten", "-ixon", "-icrnl", "min", "1", "time", "0");
    private static final long STTY_TIMEOUT_SECONDS = 5;

    private final InputStream input;
    private final Path tty;

    /**
     * @param input the terminal's input (standard input of a process whose standard input is the terminal)
     * @param tty   the controlling terminal device, normally {@code /dev/tty}
     */
    public SttyRawConsole(InputStream input, Path tty) {
        this.input = Objects.requireNonNull(input, "input");
        this.tty = Objects.requireNonNull(tty, "tty");
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public Session enterRaw() throws IOException {
        String saved = stty(List.of("-g")).strip();
        if (saved.isEmpty()) {
            throw new IOException("stty -g printed nothing");
        }
        AtomicBoolean restored = new AtomicBoolean();
        Runnable restore = () -> {
            if (restored.compareAndSet(false, true)) {
                try {
                    stty(List.of(saved));
                } catch (IOException e) {
                    // nothing else can be done; `stty sane` by hand fixes the terminal
                }
            }
        };
        Thread hook = new Thread(restore, "restore-terminal");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stty(RAW_SETTINGS);
        } catch (IOException | RuntimeException e) {
            restore.run();
            removeHook(hook);
            throw e;
        }
        return () -> {
            restore.run();
            removeHook(hook);
        };
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook runs (or ran) and restores once
        }
    }

    /** Runs {@code stty <args>} on the terminal and returns what it printed. */
    private String stty(List<String> args) throws IOException {
        return stty(ProcessBuilder.Redirect.from(tty.toFile()), args);
    }

    /**
     * Runs {@code stty <args>} on the terminal {@code terminal} leads to (stty works on its standard input) and
     * returns what it printed.
     *
     * @throws IOException when stty fails (e.g. the input is not a terminal), is missing, or takes over 5 s
     */
    public static String stty(ProcessBuilder.Redirect terminal, List<String> args) throws IOException {
        List<String> command = new java.util.ArrayList<>(args.size() + 1);
        command.add("stty");
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectInput(terminal)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(STTY_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("stty did not finish within " + STTY_TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new IOException("stty exited with status " + p.exitValue());
            }
            return new String(out, StandardCharsets.US_ASCII);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while running stty", e);
        }
    }
}
