package ai.openclaw.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Strict JSON for the state files ({@code auth-profiles.json}, {@code auth-state.json}, ...).
 *
 * <p>Output matches Node's {@code JSON.stringify(value, null, 2)} plus a trailing newline, so files
 * written here diff cleanly against files written by the reference implementation.
 */
public final class Json {
    /** Jackson 3 mappers are immutable and thread-safe; one instance serves the whole process. */
    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final ObjectWriter PRETTY = MAPPER.writer().with(nodeStylePrinter());

    private Json() {}

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Two-space indent, {@code "key": value}, {@code {}} and {@code []} for empty containers. */
    private static DefaultPrettyPrinter nodeStylePrinter() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }

    /** Pretty JSON text with a trailing newline. */
    public static String pretty(JsonNode node) {
        return PRETTY.writeValueAsString(node) + "\n";
    }

    public static byte[] prettyBytes(JsonNode node) {
        return pretty(node).getBytes(StandardCharsets.UTF_8);
    }

    /** Compact single-line JSON. */
    public static String compact(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    /**
     * Parses strict JSON text.
     *
     * @throws MalformedFileException with the source path and position when the text is not JSON
     */
    public static JsonNode parse(Path source, String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new MalformedFileException(source, 1, 1, "file is empty (expected a JSON value)");
            }
            return node;
        } catch (JacksonException e) {
            throw malformed(source, e);
        }
    }

    /** Reads and parses a file; empty when it does not exist. */
    public static Optional<JsonNode> read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new MalformedFileException(path, 0, 0, "cannot read file: " + describe(e));
        }
        return Optional.of(parse(path, text));
    }

    public static MalformedFileException malformed(Path source, JacksonException e) {
        TokenStreamLocation loc = e.getLocation();
        int line = loc == null ? 0 : loc.getLineNr();
        int column = loc == null ? 0 : loc.getColumnNr();
        return new MalformedFileException(source, line, column, conciseProblem(e.getOriginalMessage()));
    }

    /**
     * Jackson messages quote the offending token and sometimes the surrounding text; a state file may
     * contain secrets, so only the first sentence up to the first quote of content is kept.
     */
    static String conciseProblem(String message) {
        if (message == null || message.isBlank()) {
            return "invalid JSON";
        }
        String first = message.lines().findFirst().orElse(message).strip();
        int quote = first.indexOf(" ('");
        if (quote > 0) {
            first = first.substring(0, quote);
        }
        int tokenQuote = first.indexOf(": was expecting");
        if (tokenQuote > 0) {
            first = first.substring(0, tokenQuote);
        }
        // drop quoted file content entirely ("Unrecognized token 'sk-...'" becomes "Unrecognized token")
        return first.replaceAll("\\s*'[^']{0,200}'", "").replaceAll("\\s*\"[^\"]{0,200}\"", "").strip();
    }

    public static String describe(IOException e) {
        String reason = e.getClass().getSimpleName();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        return e.getMessage() == null ? reason : reason + ": " + e.getMessage();
    }
}
