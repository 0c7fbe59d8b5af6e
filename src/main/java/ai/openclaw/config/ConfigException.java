package ai.openclaw.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The config file parsed but a value has the wrong type or shape. The message is
 * {@code file:line:column: json.path: what is wrong}; it names the value's place, never the value.
 */
public final class ConfigException extends RuntimeException {
    private final Path file;
    private final SourceLocation location;
    private final JsonPath jsonPath;
    private final String problem;

    public ConfigException(Path file, SourceLocation location, JsonPath jsonPath, String problem) {
        super(file + ":" + location + ": " + jsonPath + ": " + problem);
        this.file = Objects.requireNonNull(file, "file");
        this.location = Objects.requireNonNull(location, "location");
        this.jsonPath = Objects.requireNonNull(jsonPath, "jsonPath");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Path file() {
        return file;
    }

    public SourceLocation location() {
        return location;
    }

    public JsonPath jsonPath() {
        return jsonPath;
    }

    /** The problem alone, without file, position or path. */
    public String problem() {
        return problem;
    }
}
