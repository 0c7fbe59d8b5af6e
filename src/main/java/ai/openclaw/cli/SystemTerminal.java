package ai.openclaw.cli;

import ai.openclaw.cli.prompt.RawConsole;
import ai.openclaw.cli.prompt.SttyRawConsole;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The process's console when there is one, standard input otherwise. */
public final class SystemTerminal implements Terminal {
    private static final Path TTY = Path.of("/dev/tty");

    private final Console console;
    private final InputStream in;
    private final BufferedReader stdin;
    private final java.io.PrintStream prompts;

    public SystemTerminal(Console console, InputStream in) {
        this(console, in, null);
    }

    /**
     * @param prompts where a secret prompt goes when standard input is a terminal but the output is redirected (the
     *                process's stderr); null for none
     */
    public SystemTerminal(Console console, InputStream in, java.io.PrintStream prompts) {
        this.console = console != null && console.isTerminal() ? console : null;
        this.prompts = prompts;
        this.in = in;
        this.stdin = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** Raw mode through {@code stty} when standard input and output are a terminal (and {@code /dev/tty} exists). */
    @Override
    public Optional<RawConsole> rawConsole() {
        return console != null && Files.isReadable(TTY) ? Optional.of(new SttyRawConsole(in, TTY)) : Optional.empty();
    }

    @Override
    public boolean interactive() {
        return console != null;
    }

    @Override
    public char[] readSecret(String prompt) {
        if (console != null) {
            return console.readPassword("%s", prompt);
        }
        // standard input may still be a terminal (only the output is redirected): then a person is typing and the
        // terminal would echo the secret, so echo goes off while the line is read
        Optional<String> saved = stty("-g").map(String::strip).filter(s -> !s.isEmpty());
        if (saved.isPresent() && stty("-echo").isPresent()) {
            try {
                if (prompts != null) {
                    prompts.print(prompt);
                    prompts.flush();
                }
                String line = readStdinLine();
                if (prompts != null) {
                    prompts.println();
                }
                return line == null ? null : line.toCharArray();
            } finally {
                stty(saved.get());
            }
        }
        String line = readStdinLine();
        return line == null ? null : line.toCharArray();
    }

    /** {@code stty <arg>} on this process's standard input; empty when that is not a terminal or stty fails. */
    private static Optional<String> stty(String arg) {
        try {
            return Optional.of(SttyRawConsole.stty(ProcessBuilder.Redirect.INHERIT, java.util.List.of(arg)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public String readLine(String prompt) {
        if (console != null) {
            return console.readLine("%s", prompt);
        }
        return readStdinLine();
    }

    private String readStdinLine() {
        try {
            return stdin.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }
}
