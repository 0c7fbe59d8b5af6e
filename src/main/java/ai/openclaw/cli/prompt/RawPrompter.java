package ai.openclaw.cli.prompt;

import ai.openclaw.core.Secret;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Prompts on a terminal in raw mode: selects move with the arrow keys (also {@code j}/{@code k}, or a digit to jump)
 * and Enter; secrets echo a {@code *} per character; Backspace and Ctrl-U edit; Ctrl-C cancels. The terminal mode
 * itself belongs to the caller ({@link PromptSession}).
 */
public final class RawPrompter implements Prompter {
    /** At most this many {@code *} are drawn; longer secrets add their length instead, keeping the line short. */
    static final int MAX_STARS = 24;

    private final KeyReader keys;
    private final PrintWriter out;
    private final Ansi ansi;

    public RawPrompter(KeyReader keys, PrintWriter out, Ansi ansi) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.out = Objects.requireNonNull(out, "out");
        this.ansi = Objects.requireNonNull(ansi, "ansi");
    }

    @Override
    public int select(String question, List<Choice> choices, int initial) {
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("nothing to choose from");
        }
        int current = Math.floorMod(initial, choices.size());
        int drawn = 0;
        out.print(Ansi.HIDE_CURSOR);
        try {
            while (true) {
                if (!keys.hasBuffered()) {
                    drawn = redraw(drawn, SelectView.render(question, choices, current, ansi));
                }
                Key key = keys.next();
                switch (key.type()) {
                    case UP -> current = Math.floorMod(current - 1, choices.size());
                    case DOWN, TAB -> current = Math.floorMod(current + 1, choices.size());
                    case HOME -> current = 0;
                    case END -> current = choices.size() - 1;
                    case ENTER -> {
                        redraw(drawn, List.of(SelectView.answered(question, choices.get(current).label(), ansi)));
                        return current;
                    }
                    case INTERRUPT -> throw cancelled(true, drawn);
                    case EOF -> throw cancelled(false, drawn);
                    case CHAR -> current = onChar(key.codePoint(), current, choices.size());
                    default -> { }
                }
            }
        } finally {
            out.print(Ansi.SHOW_CURSOR);
            out.flush();
        }
    }

    private static int onChar(int c, int current, int size) {
        if (c == 'k') {
            return Math.floorMod(current - 1, size);
        }
        if (c == 'j') {
            return Math.floorMod(current + 1, size);
        }
        if (c >= '1' && c <= '9' && c - '1' < size) {
            return c - '1';
        }
        return current;
    }

    /** Replaces the {@code drawn} lines above the cursor with {@code lines}; returns how many are now drawn. */
    private int redraw(int drawn, List<String> lines) {
        StringBuilder frame = new StringBuilder(Ansi.lineUp(drawn)).append(Ansi.CLEAR_DOWN);
        lines.forEach(l -> frame.append(l).append('\n'));
        out.print(frame);
        out.flush();
        return lines.size();
    }

    private PromptCancelledException cancelled(boolean interrupted, int drawn) {
        redraw(drawn, List.of());
        return new PromptCancelledException(interrupted);
    }

    @Override
    public Secret secret(String question, Validator validator) {
        Validator check = validator.afterRequired();
        while (true) {
            String value = edit(ansi.bold(question + ":") + " ", true, "");
            Optional<String> problem = check.problem(value);
            if (problem.isEmpty()) {
                return Secret.of(value);
            }
            error(problem.get());
        }
    }

    @Override
    public String text(String question, String defaultValue, Validator validator) {
        String prompt = ansi.bold(question + (defaultValue == null ? "" : " [" + defaultValue + "]") + ":") + " ";
        while (true) {
            String typed = edit(prompt, false, "");
            String value = typed.isEmpty() && defaultValue != null ? defaultValue : typed;
            Optional<String> problem = validator.problem(value);
            if (problem.isEmpty()) {
                return value;
            }
            error(problem.get());
        }
    }

    @Override
    public boolean confirm(String question, boolean defaultYes) {
        out.print(ansi.bold(question) + (defaultYes ? " (Y/n) " : " (y/N) "));
        out.flush();
        while (true) {
            Key key = keys.next();
            Boolean answer = switch (key.type()) {
                case ENTER -> defaultYes;
                case CHAR -> key.codePoint() == 'y' || key.codePoint() == 'Y' ? Boolean.TRUE
                        : key.codePoint() == 'n' || key.codePoint() == 'N' ? Boolean.FALSE : null;
                case INTERRUPT, EOF -> {
                    out.print("\n");
                    out.flush();
                    throw new PromptCancelledException(key.type() == Key.Type.INTERRUPT);
                }
                default -> null;
            };
            if (answer != null) {
                out.print(ansi.cyan(answer ? "yes" : "no") + "\n");
                out.flush();
                return answer;
            }
        }
    }

    @Override
    public void note(String line) {
        out.print(line + "\n");
        out.flush();
    }

    private void error(String problem) {
        out.print(ansi.red("  " + problem) + "\n");
        out.flush();
    }

    /**
     * A one-line editor: typed characters are appended, Backspace removes the last one, Ctrl-U clears, Enter ends.
     * The line is redrawn whole after each key, so a masked value shows only {@code *}s (or its length).
     */
    private String edit(String prompt, boolean masked, String initial) {
        StringBuilder value = new StringBuilder(initial);
        try {
            drawLine(prompt, value, masked);
            while (true) {
                Key key = keys.next();
                switch (key.type()) {
                    case CHAR -> value.appendCodePoint(key.codePoint());
                    case BACKSPACE -> {
                        if (!value.isEmpty()) {
                            value.setLength(value.offsetByCodePoints(value.length(), -1));
                        }
                    }
                    case KILL_LINE -> value.setLength(0);
                    case ENTER -> {
                        drawLine(prompt, value, masked); // keys that arrived with Enter were not drawn yet
                        out.print("\n");
                        out.flush();
                        return value.toString().strip();
                    }
                    case INTERRUPT -> {
                        wipe(value);
                        drawLine(prompt, value, masked);
                        out.print("\n");
                        out.flush();
                        throw new PromptCancelledException(true);
                    }
                    case EOF -> {
                        if (value.isEmpty()) {
                            out.print("\n");
                            out.flush();
                            throw new PromptCancelledException(false);
                        }
                    }
                    default -> { }
                }
                if (!keys.hasBuffered()) {
                    drawLine(prompt, value, masked);
                }
            }
        } finally {
            wipe(value);
        }
    }

    private void drawLine(String prompt, CharSequence value, boolean masked) {
        out.print("\r" + Ansi.CLEAR_LINE + prompt + (masked ? mask(value) : value));
        out.flush();
    }

    /** {@code *} per character, at most {@link #MAX_STARS}, then the length. */
    static String mask(CharSequence value) {
        int n = Character.codePointCount(value, 0, value.length());
        return n <= MAX_STARS ? "*".repeat(n) : "*".repeat(MAX_STARS) + " (" + n + " characters)";
    }

    private static void wipe(StringBuilder value) {
        for (int i = 0; i < value.length(); i++) {
            value.setCharAt(i, '\0');
        }
        value.setLength(0);
    }
}
