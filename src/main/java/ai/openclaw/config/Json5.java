package ai.openclaw.config;

import ai.openclaw.json.Json;
import ai.openclaw.json.MalformedFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JSON5 (the config file format) with Jackson's lenient features.
 *
 * <p>Accepted beyond JSON: {@code //} and {@code /* *}{@code /} comments, single-quoted strings, unquoted
 * keys, trailing commas, {@code NaN}/{@code Infinity}, {@code +1}, {@code .5}, {@code 5.}, raw tabs in
 * strings, and {@code \'} or any other identity escape. JSON5 has no {@code #} comments: a {@code #} outside a
 * string is an error (Jackson would otherwise take it as part of an unquoted key).
 *
 * <p>Rejected with a clear error by a lexical pre-check ({@link Json5Precheck}), because Jackson would
 * otherwise read them silently differently from JSON5: {@code \x} escapes, {@code \v}, digit escapes
 * ({@code \0}...), backslash-newline continuations, line breaks inside strings, {@code #} outside strings, and
 * hexadecimal numbers (valid JSON5, but rare in configs; the error asks for the decimal value). Non-ASCII
 * whitespace such as U+00A0 is refused by Jackson itself. A leading byte-order mark is ignored. Duplicate keys:
 * the last one wins, as in JSON5.
 *
 * <p>Parse errors are {@link MalformedFileException}s {@code path:line:column: problem}; the problem never
 * quotes file content (see {@link Json5Errors}).
 */
public final class Json5 {
    /** Immutable and thread-safe; lenient reading only (writing uses {@link Json}). */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES,
                    JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS,
                    JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS,
                    JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS,
                    JsonReadFeature.ALLOW_TRAILING_DECIMAL_POINT_FOR_NUMBERS,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .build();

    private Json5() {}

    /**
     * Parses {@code text} and records where every value sits.
     *
     * @throws MalformedFileException {@code path:line:column: problem} for text that is not accepted JSON5
     */
    public static ParsedDocument parse(Path path, String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Json5Precheck.check(path, body);
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            throw new MalformedFileException(path, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    Json5Errors.describe(e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode()) {
            throw new MalformedFileException(path, 1, 1, "file is empty (expected a JSON5 value)");
        }
        return new ParsedDocument(path, root, SourceMap.scan(MAPPER, body));
    }

    /**
     * Reads and parses {@code path}; empty when the file does not exist.
     *
     * @throws MalformedFileException naming the file when it cannot be read or parsed
     */
    public static Optional<ParsedDocument> read(Path path) {
        return readText(path).map(text -> parse(path, text));
    }

    /** The file's text; empty when it does not exist; unreadable (directory, permission) is an error. */
    static Optional<String> readText(Path path) {
        try {
            return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (java.nio.charset.MalformedInputException e) {
            throw new MalformedFileException(path, 0, 0, "file is not valid UTF-8");
        } catch (IOException e) {
            throw new MalformedFileException(path, 0, 0, "cannot read file: " + Json.describe(e));
        }
    }
}
