package ai.openclaw.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Jackson's parse messages into short ones that never quote file content. A single offending
 * punctuation character is named (it carries no secret and is what the user has to find); letters, digits
 * and whole tokens are not, since an unquoted value could be a key.
 */
final class Json5Errors {
    private static final Pattern UNEXPECTED_CHAR =
            Pattern.compile("^Unexpected character \\('.*' \\(code (\\d+)\\)\\)(.*)$");
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~";

    private Json5Errors() {}

    static String describe(String jacksonMessage) {
        if (jacksonMessage == null || jacksonMessage.isBlank()) {
            return "invalid JSON5";
        }
        String m = jacksonMessage.lines().findFirst().orElse("").strip();
        Matcher unexpected = UNEXPECTED_CHAR.matcher(m);
        if (unexpected.matches()) {
            return character(Integer.parseInt(unexpected.group(1))) + expectation(unexpected.group(2));
        }
        if (m.startsWith("Unrecognized token")) {
            return "unrecognized word: strings must be quoted; other values are numbers, objects, arrays,"
                    + " true, false or null";
        }
        if (m.startsWith("Unexpected end-of-input")) {
            return "unexpected end of file" + expectation(m.substring("Unexpected end-of-input".length()))
                    .replaceAll(" \\(start marker at.*$", "");
        }
        if (m.startsWith("Trailing token")) {
            return "unexpected content after the end of the top-level value";
        }
        if (m.startsWith("Unexpected close marker")) {
            return m.replaceFirst("^Unexpected close marker '(.)'", "unexpected '$1'");
        }
        if (m.startsWith("Invalid numeric value")) {
            return "invalid number" + expectation(m.substring("Invalid numeric value".length()));
        }
        return m.replaceAll("'[^']*'", "token").replaceAll("\"[^\"]*\"", "token");
    }

    private static String character(int code) {
        if (code < 128 && PUNCTUATION.indexOf(code) >= 0) {
            return "unexpected '" + (char) code + "'";
        }
        if (Character.isWhitespace(code) || Character.isSpaceChar(code)) {
            return String.format("unexpected whitespace character U+%04X (use a plain space)", code);
        }
        return code < 32 ? String.format("unexpected control character U+%04X", code) : "unexpected character";
    }

    /** The "was expecting ..." tail, which describes grammar only. */
    private static String expectation(String tail) {
        String t = tail.strip();
        String separator = ": ";
        if (t.startsWith(":")) {
            t = t.substring(1).strip();
        } else {
            separator = " ";
        }
        if (t.isEmpty()) {
            return "";
        }
        // Jackson lists tokens in quotes ('null', 'NaN'); those are grammar words, not file content.
        return separator + t.replace("JSON String, Number (or 'NaN'/'+INF'/'-INF'), Array, Object or token 'null', 'true' or 'false'",
                "a string, number, array, object, true, false or null");
    }
}
