package ai.openclaw.cli.prompt;

/**
 * The escape sequences the raw prompts draw with. Cursor movement is always on (raw prompts only run on a
 * terminal); colours can be switched off ({@code NO_COLOR}).
 *
 * @param color whether styles are emitted
 */
public record Ansi(boolean color) {
    static final String CSI = "\u001b[";
    /** Clears from the cursor to the end of the screen. */
    static final String CLEAR_DOWN = CSI + "J";
    /** Clears from the cursor to the end of the line. */
    static final String CLEAR_LINE = CSI + "K";
    static final String HIDE_CURSOR = CSI + "?25l";
    static final String SHOW_CURSOR = CSI + "?25h";

    /** Moves the cursor up {@code n} lines to column 1. */
    static String lineUp(int n) {
        return n <= 0 ? "\r" : "\r" + CSI + n + "A";
    }

    public String bold(String s) {
        return style("1", s);
    }

    public String dim(String s) {
        return style("2", s);
    }

    public String cyan(String s) {
        return style("36", s);
    }

    public String green(String s) {
        return style("32", s);
    }

    public String red(String s) {
        return style("31", s);
    }

    private String style(String code, String s) {
        return color ? CSI + code + "m" + s + CSI + "0m" : s;
    }
}
