package ai.openclaw.cli.prompt;

/**
 * One key press decoded from a terminal's byte stream.
 *
 * @param type      what was pressed
 * @param codePoint the character for {@link Type#CHAR}, 0 otherwise
 */
public record Key(Type type, int codePoint) {
    /** The keys the prompts act on; everything else decodes to {@link #OTHER}. */
    public enum Type {
        CHAR, ENTER, BACKSPACE, DELETE, UP, DOWN, LEFT, RIGHT, HOME, END, TAB,
        /** Ctrl-C (the terminal is in raw mode, so it arrives as a byte, not as SIGINT). */
        INTERRUPT,
        /** Ctrl-D, or the end of the input stream. */
        EOF,
        /** Ctrl-U: erase the whole line. */
        KILL_LINE,
        /** An escape sequence or control byte the prompts do not use. */
        OTHER
    }

    public static Key of(Type type) {
        return new Key(type, 0);
    }

    public static Key character(int codePoint) {
        return new Key(Type.CHAR, codePoint);
    }

    /** Never prints the character: a key may be part of a secret being typed. */
    @Override
    public String toString() {
        return "Key[" + type + "]";
    }
}
