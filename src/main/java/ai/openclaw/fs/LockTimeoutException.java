package ai.openclaw.fs;

import java.nio.file.Path;

/**
 * A lock that could not be acquired within its {@link LockPolicy} (or the wait was interrupted, in
 * which case the thread's interrupt flag is set again). Nothing was changed under the lock.
 */
public final class LockTimeoutException extends RuntimeException {
    private final transient Path lockPath;

    public LockTimeoutException(Path lockPath, Throwable cause) {
        super("Could not acquire lock " + lockPath
                + ": the auth store lock may be busy. Wait a moment and retry.", cause);
        this.lockPath = lockPath;
    }

    /** The sidecar lock file that was busy. */
    public Path lockPath() {
        return lockPath;
    }
}
