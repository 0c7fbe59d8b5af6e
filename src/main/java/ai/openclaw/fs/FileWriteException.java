package ai.openclaw.fs;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file-system write (or permission change, delete, lock-file operation) that failed.
 *
 * <p>The message names the affected path and the reason reported by the operating system; it never
 * contains file content, so it is safe to show even when the file holds secrets. When this is thrown by
 * {@link AtomicWriter#write}, the previous content of the target is unchanged.
 */
public final class FileWriteException extends RuntimeException {
    private final transient Path path;

    public FileWriteException(Path path, String message, Throwable cause) {
        super(message, cause);
        this.path = path;
    }

    /** {@code Could not <action> <path>: <reason>}. */
    static FileWriteException of(String action, Path path, IOException cause) {
        return new FileWriteException(path, "Could not " + action + " " + path + ": " + IoReasons.describe(cause, path), cause);
    }

    /** The path the failed operation was about (as the caller named it). */
    public Path path() {
        return path;
    }
}
