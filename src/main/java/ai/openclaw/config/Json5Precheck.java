package ai.openclaw.config;

import ai.openclaw.json.MalformedFileException;
import java.nio.file.Path;

/**
 * A single pass over JSON5 text that rejects the constructs Jackson's lenient mode would accept but read
 * differently from JSON5 (see {@link Json5}). It tracks strings and comments only; everything else is
 * left to the parser, so any error it reports is a real one.
 */
final class Json5Precheck {
    private Json5Precheck() {}

    static void check(Path path, String text) {
        int line = 1;
        int column = 1;
        char quote = 0; // inside a string when non-zero
        boolean lineComment = false;
        boolean blockComment = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            char next = i + 1 < n ? text.charAt(i + 1) : 0;
            if (lineComment) {
                lineComment = c != '\n' && c != '\r';
            } else if (blockComment) {
                if (c == '*' && next == '/') {
                    blockComment = false;
                    i++;
                    column++;
                }
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\n' || c == '\r') {
                    throw new MalformedFileException(path, line, column,
                            "line break inside a string (end the string first, or write \\n)");
                } else if (c == '\\') {
                    String problem = escapeProblem(next);
                    if (problem != null) {
                        throw new MalformedFileException(path, line, column, problem);
                    }
                    i++;
                    column++;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '/' && next == '/') {
                lineComment = true;
            } else if (c == '/' && next == '*') {
                blockComment = true;
                i++;
                column++;
            } else if (c == '#') {
                throw new MalformedFileException(path, line, column, "JSON5 has no # comments; use // instead");
            } else if (c == '0' && (next == 'x' || next == 'X') && !continuesWord(text, i)) {
                throw new MalformedFileException(path, line, column,
                        "hexadecimal numbers are not supported; write the number in decimal");
            }
            if (c == '\n' || (c == '\r' && next != '\n')) {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
    }

    /** Why the escape {@code \<next>} is refused, or null when Jackson reads it the way JSON5 does. */
    private static String escapeProblem(char next) {
        return switch (next) {
            case 'x' -> "\\x escapes are not supported; use \\u00XX instead";
            case 'v' -> "the \\v escape is not supported; use \\u000b instead";
            case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' ->
                    "digit escapes such as \\0 are not supported; use \\u0000 instead";
            case '\n', '\r', '\u2028', '\u2029' ->
                    "line continuations (a backslash at the end of a line) are not supported; join the lines";
            default -> null;
        };
    }

    /** Whether the character at {@code i} is inside a word or number ({@code a0x}, {@code 10x}), not a literal start. */
    private static boolean continuesWord(String text, int i) {
        if (i == 0) {
            return false;
        }
        char before = text.charAt(i - 1);
        return Character.isLetterOrDigit(before) || before == '_' || before == '$' || before == '.';
    }
}
