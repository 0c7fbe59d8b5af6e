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

    public SystemTerminal(Console console, InputStream in) {
        this.console = console != null && console.isTerminal() ? console : null;
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
        String line = readStdinLine();
        return line == null ? null : line.toCharArray();
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
