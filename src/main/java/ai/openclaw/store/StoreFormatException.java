package ai.openclaw.store;

import java.nio.file.Path;

/**
 * The store file exists but is not in a shape this code may write over (for example the legacy flat shape that
 * only {@code openclaw doctor --fix} converts). Nothing was written.
 */
public final class StoreFormatException extends RuntimeException {
    private final Path path;

    public StoreFormatException(Path path, String message) {
        super(path + ": " + message);
        this.path = path;
    }

    public Path path() {
        return path;
    }
}
