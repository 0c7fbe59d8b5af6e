package ai.openclaw.cli.prompt;

import java.util.ArrayList;
import java.util.List;

/** The lines a raw-mode select draws: the question, then one line per option with the current one marked. */
public final class SelectView {
    static final String KEYS_HINT = "(arrow keys or j/k, Enter to choose)";

    private SelectView() {}

    public static List<String> render(String question, List<Choice> choices, int current, Ansi ansi) {
        int width = choices.stream().mapToInt(c -> c.label().length()).max().orElse(0);
        List<String> lines = new ArrayList<>(choices.size() + 1);
        lines.add(ansi.bold("? " + question) + "  " + ansi.dim(KEYS_HINT));
        for (int i = 0; i < choices.size(); i++) {
            Choice c = choices.get(i);
            String label = c.hint() == null ? c.label() : pad(c.label(), width);
            String line = i == current ? ansi.cyan("> " + label) : "  " + label;
            lines.add(c.hint() == null ? line : line + "  " + ansi.dim(c.hint()));
        }
        return lines;
    }

    /** The line that replaces the menu once an option is chosen. */
    public static String answered(String question, String label, Ansi ansi) {
        return ansi.bold(question + ":") + " " + ansi.cyan(label);
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
