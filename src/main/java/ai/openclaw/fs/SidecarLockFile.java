package ai.openclaw.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * File operations on one sidecar lock file ({@code <target>.lock}). Stateless; mutual exclusion comes
 * from {@code O_EXCL} creation, which is atomic on local file systems.
 */
final class SidecarLockFile {
    private static final Set<OpenOption> CREATE_NEW_WRITE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    private SidecarLockFile() {}

    /**
     * Creates the lock file exclusively with {@code owner} as content (mode 0600). The content is written to a
     * private staging file first and the lock file is made as a hard link to it, so the lock file never exists
     * without its owner: a process killed while taking the lock can leave at worst a staging file, never an empty
     * lock file that others could only judge stale by its age. Where hard links are not supported the lock file is
     * created exclusively and then written.
     *
     * @return false when the file already exists (someone holds the lock)
     */
    static boolean tryCreate(Path lockPath, LockOwner owner) throws IOException {
        Path staged = lockPath.resolveSibling("." + lockPath.getFileName() + "." + owner.pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        if (!createAndWrite(staged, owner)) {
            return createAndWrite(lockPath, owner);
        }
        try {
            Files.createLink(lockPath, staged);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | IOException e) {
            return createAndWrite(lockPath, owner);
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    /** Creates {@code path} exclusively (mode 0600) and writes {@code owner}; false when it already exists. */
    private static boolean createAndWrite(Path path, LockOwner owner) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(path, CREATE_NEW_WRITE, Permissions.privateFileAttributes(path));
        } catch (FileAlreadyExistsException e) {
            return false;
        }
        try (channel) {
            ByteBuffer buffer = ByteBuffer.wrap(owner.toBytes());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(path);
            throw e;
        }
        return true;
    }

    /** Reads the lock file; empty when it has disappeared (released meanwhile). */
    static Optional<LockSnapshot> observe(Path lockPath) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(lockPath, BasicFileAttributes.class);
            byte[] content = Files.readAllBytes(lockPath);
            return Optional.of(new LockSnapshot(content, attributes.lastModifiedTime().toInstant(), attributes.fileKey()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * Deletes the lock file only if it still matches {@code seen} (same bytes, mtime and inode), so a
     * lock that a competitor took over in the meantime survives. A small window between the re-check
     * and the delete remains; it is inherent to file-based locks without kernel support.
     *
     * @return whether the stale file is gone (deleted by us or by someone else)
     */
    static boolean removeIfUnchanged(Path lockPath, LockSnapshot seen) throws IOException {
        Optional<LockSnapshot> now = observe(lockPath);
        if (now.isEmpty()) {
            return true;
        }
        if (!now.get().sameAs(seen)) {
            return false;
        }
        Files.deleteIfExists(lockPath);
        return true;
    }

    /** Deletes the lock file if it still names {@code owner}; a lock taken over by someone else stays. */
    static void releaseIfOwned(Path lockPath, LockOwner owner) throws IOException {
        byte[] content;
        try {
            content = Files.readAllBytes(lockPath);
        } catch (NoSuchFileException e) {
            return;
        }
        if (LockOwner.parse(content).filter(owner::equals).isPresent()) {
            Files.deleteIfExists(lockPath);
        }
    }
}
