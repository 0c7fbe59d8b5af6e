package ai.openclaw.cli.prompt;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.Optional;

/**
 * The prompts of one command run. On a terminal that can go raw, the whole session stays in raw mode (so that keys
 * typed ahead between two questions are never echoed) and {@link #close()} restores the terminal; otherwise the
 * questions are asked line by line.
 */
public final class PromptSession implements AutoCloseable {
    private final Prompter prompter;
    private final RawConsole.Session raw;

    private PromptSession(Prompter prompter, RawConsole.Session raw) {
        this.prompter = prompter;
        this.raw = raw;
    }

    /**
     * @param console the raw-capable terminal, when standard input and output are one
     * @param lines   line input, used when there is no raw console or it cannot switch modes
     * @param out     where questions are drawn (the terminal, when {@code console} is present)
     * @param color   whether raw prompts use colours
     */
    public static PromptSession open(Optional<RawConsole> console, LineInput lines, PrintWriter out, boolean color) {
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(out, "out");
        if (console.isPresent()) {
            try {
                RawConsole.Session session = console.get().enterRaw();
                return new PromptSession(new RawPrompter(new KeyReader(console.get().input()), out, new Ansi(color)),
                        session);
            } catch (IOException e) {
                // no stty, or not really a terminal: line prompts still work
            }
        }
        return new PromptSession(new LinePrompter(lines, out), null);
    }

    public Prompter prompter() {
        return prompter;
    }

    /** True when the prompts use raw mode (arrow keys). */
    public boolean raw() {
        return raw != null;
    }

    /** Restores the terminal's mode; safe to call more than once. */
    @Override
    public void close() {
        if (raw != null) {
            raw.close();
        }
    }
}
