package ai.openclaw.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The process's console when there is one, standard input otherwise. */
public final class SystemTerminal implements Terminal {
    private final Console console;
    private final BufferedReader stdin;

    public SystemTerminal(Console console, InputStream in) {
        this.console = console != null && console.isTerminal() ? console : null;
        this.stdin = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
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
