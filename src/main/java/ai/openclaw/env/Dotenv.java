package ai.openclaw.env;

import ai.openclaw.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parser for {@code .env} files.
 *
 * <p>Accepted lines: {@code KEY=VALUE}, {@code export KEY=VALUE}, {@code #} comments and blank lines.
 * Values may be single-quoted (taken literally), double-quoted ({@code \n}, {@code \r}, {@code \t},
 * {@code \"} and {@code \\} are unescaped; other backslashes are kept) or unquoted (trimmed, and a
 * {@code #} preceded by whitespace starts a comment). A quoted value may span lines, as the dotenv
 * package allows for PEM blocks. Within one file the last assignment of a key wins.
 *
 * <p>A line that cannot be parsed becomes a warning {@code file:line: problem} and is skipped; the
 * warning never repeats the line, because it may hold a secret.
 */
public final class Dotenv {
    private static final Pattern KEY = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");

    /**
     * What a {@code .env} file defines.
     *
     * @param file     the file the values came from
     * @param values   variables in file order
     * @param warnings one line per skipped line, {@code file:line: problem}
     */
    public record Result(Path file, Map<String, String> values, List<String> warnings) {
        public Result {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
            warnings = List.copyOf(warnings);
        }

        /** Names and warnings only; values may be secrets. */
        @Override
        public String toString() {
            return "Dotenv.Result[file=" + file + ", keys=" + values.keySet() + ", warnings=" + warnings.size() + "]";
        }
    }

    private Dotenv() {}

    /**
     * Reads {@code file}. A missing file gives an empty result; an unreadable one gives an empty result
     * with a warning (a broken {@code .env} must not stop the CLI).
     */
    public static Result read(Path file) {
        try {
            return parse(file, Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return new Result(file, Map.of(), List.of());
        } catch (IOException e) {
            return new Result(file, Map.of(), List.of(file + ": cannot read file: " + Json.describe(e)));
        }
    }

    /** Parses {@code text}; {@code file} only labels warnings. */
    public static Result parse(Path file, String text) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        String[] lines = text.startsWith("\uFEFF") ? text.substring(1).split("\r\n|\r|\n", -1) : text.split("\r\n|\r|\n", -1);
        int i = 0;
        while (i < lines.length) {
            int lineNo = i + 1;
            String line = lines[i++].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ") || line.startsWith("export\t")) {
                line = line.substring("export".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                warnings.add(file + ":" + lineNo + ": invalid line (expected KEY=VALUE); skipped");
                continue;
            }
            String key = line.substring(0, eq).strip();
            if (!KEY.matcher(key).matches()) {
                warnings.add(file + ":" + lineNo + ": invalid variable name (expected [A-Za-z_][A-Za-z0-9_]*); skipped");
                continue;
            }
            String rest = line.substring(eq + 1);
            String trimmed = rest.stripLeading();
            if (trimmed.startsWith("\"") || trimmed.startsWith("'")) {
                char quote = trimmed.charAt(0);
                StringBuilder raw = new StringBuilder(trimmed.substring(1));
                Quoted quoted = closeQuote(raw, quote);
                // A quoted value may continue on the following lines until its closing quote.
                while (quoted == null && i < lines.length) {
                    raw.append('\n').append(lines[i++]);
                    quoted = closeQuote(raw, quote);
                }
                if (quoted == null) {
                    warnings.add(file + ":" + lineNo + ": unterminated quoted value; skipped");
                    continue;
                }
                String after = quoted.after().strip();
                if (!after.isEmpty() && !after.startsWith("#")) {
                    warnings.add(file + ":" + lineNo + ": unexpected text after the closing quote; skipped");
                    continue;
                }
                values.put(key, quoted.value());
            } else {
                values.put(key, stripInlineComment(rest).strip());
            }
        }
        return new Result(file, values, warnings);
    }

    private record Quoted(String value, String after) {}

    /** The value up to the closing quote, or null when {@code raw} holds no closing quote yet. */
    private static Quoted closeQuote(CharSequence raw, char quote) {
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == quote) {
                return new Quoted(value.toString(), raw.subSequence(i + 1, raw.length()).toString());
            }
            if (quote == '"' && c == '\\' && i + 1 < raw.length()) {
                char next = raw.charAt(++i);
                switch (next) {
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case '"', '\\' -> value.append(next);
                    default -> value.append('\\').append(next);
                }
                continue;
            }
            value.append(c);
        }
        return null;
    }

    /** Cuts a {@code #} comment that follows whitespace; {@code KEY=a#b} keeps its {@code #}. */
    private static String stripInlineComment(String value) {
        for (int i = 1; i < value.length(); i++) {
            if (value.charAt(i) == '#' && Character.isWhitespace(value.charAt(i - 1))) {
                return value.substring(0, i);
            }
        }
        return value;
    }
}
