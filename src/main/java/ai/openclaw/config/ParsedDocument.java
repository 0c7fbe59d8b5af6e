package ai.openclaw.config;

import java.nio.file.Path;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A parsed file: its tree and where each value sits in the text.
 *
 * @param path      the file (labels errors)
 * @param root      the parsed tree; callers must not mutate it (copy first)
 * @param sourceMap value and key positions by {@link JsonPath}
 */
public record ParsedDocument(Path path, JsonNode root, SourceMap sourceMap) {
    public ParsedDocument {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(sourceMap, "sourceMap");
    }

    /** A {@link ConfigException} at the value {@code at}. */
    public ConfigException errorAt(JsonPath at, String problem) {
        return new ConfigException(path, sourceMap.valueAt(at), at, problem);
    }

    /** A {@link ConfigException} at the key of the member {@code at} (for unknown or misplaced keys). */
    public ConfigException errorAtKey(JsonPath at, String problem) {
        return new ConfigException(path, sourceMap.keyAt(at), at, problem);
    }

    /** The tree holds config values, which may be secrets. */
    @Override
    public String toString() {
        return "ParsedDocument[" + path + "]";
    }
}
