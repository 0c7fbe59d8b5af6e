package ai.openclaw.json;

import java.nio.file.Path;

/**
 * A file that could not be parsed. The message is {@code path:line:column: what is wrong}; it never
 * quotes file content, so it is safe to print even when the file holds secrets.
 */
public final class MalformedFileException extends RuntimeException {
    private final Path path;
    private final int line;
    private final int column;
    private final String problem;

    public MalformedFileException(Path path, int line, int column, String problem) {
        super(format(path, line, column, problem));
        this.path = path;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    private static String format(Path path, int line, int column, String problem) {
        if (line > 0) {
            return path + ":" + line + ":" + Math.max(column, 1) + ": " + problem;
        }
        return path + ": " + problem;
    }

    public Path path() {
        return path;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }
}
