package ai.openclaw.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Crash-safe replacement of small private files (credential stores, state files, backups).
 *
 * <p>A reader (in this or another process) sees either the complete old content or the complete new
 * content, never a mix, and after a crash the file holds one of the two. Content is written to a
 * uniquely named temp file in the same directory, flushed to disk and renamed over the target.
 * Concurrent writers do not corrupt the file, but the last rename wins: callers doing
 * read-modify-write must hold a {@link FileLockManager} lock.
 */
public final class AtomicWriter {
    /** Same bound as Linux's MAXSYMLINKS, so a link loop ends with an error instead of spinning. */
    private static final int MAX_SYMLINK_HOPS = 40;
    private static final Set<OpenOption> CREATE_NEW_WRITE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    private AtomicWriter() {}

    /**
     * Atomically replaces {@code target} with {@code content}, mode 0600.
     *
     * <p>If {@code target} is a symbolic link the link is kept and the file it points to is replaced
     * (created if the link dangles). Missing parent directories are created with mode 0700.
     *
     * @throws FileWriteException naming {@code target} and the reason; the old content is then intact
     *     and no temp file is left behind
     */
    public static void write(Path target, byte[] content) {
        Objects.requireNonNull(content, "content");
        Path destination = followLinks(target);
        Path dir = destination.getParent();
        Path temp = dir.resolve(destination.getFileName() + "." + UUID.randomUUID() + ".tmp");
        boolean tempCreated = false;
        boolean moved = false;
        try {
            Permissions.createPrivateDirs(dir);
            try (FileChannel channel = FileChannel.open(temp, CREATE_NEW_WRITE, Permissions.privateFileAttributes(temp))) {
                tempCreated = true;
                // chmod before the rename so the target never exists with a umask-widened or -narrowed mode.
                Permissions.chmodPrivateFile(temp);
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } catch (IOException e) {
            throw FileWriteException.of("write", target, e);
        } finally {
            if (tempCreated && !moved) {
                deleteQuietly(temp);
            }
        }
        fsyncDirectory(dir);
    }

    /**
     * Deletes {@code target} (a link itself, not what it points to) and makes the removal durable.
     *
     * @return whether a file was deleted
     * @throws FileWriteException naming {@code target} when it exists but cannot be deleted
     */
    public static boolean deleteIfExists(Path target) {
        Path absolute = target.toAbsolutePath();
        boolean deleted;
        try {
            deleted = Files.deleteIfExists(absolute);
        } catch (IOException e) {
            throw FileWriteException.of("delete", target, e);
        }
        if (deleted && absolute.getParent() != null) {
            fsyncDirectory(absolute.getParent());
        }
        return deleted;
    }

    /**
     * Copies {@code from} to {@code to} atomically with mode 0600, whatever the source's mode (backups of
     * credential files must not be more readable than the originals).
     *
     * @throws FileWriteException naming the source when it cannot be read, or {@code to} when writing fails
     */
    public static void copyPrivate(Path from, Path to) {
        byte[] content;
        try {
            content = Files.readAllBytes(from);
        } catch (IOException e) {
            throw new FileWriteException(from,
                    "Could not copy " + from + " to " + to + ": " + IoReasons.describe(e, from), e);
        }
        write(to, content);
    }

    /** Resolves a chain of symbolic links at the end of {@code target}, tolerating a dangling last link. */
    private static Path followLinks(Path target) {
        Path current = target.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(current); hops++) {
            if (hops == MAX_SYMLINK_HOPS) {
                throw new FileWriteException(target,
                        "Could not write " + target + ": too many levels of symbolic links", null);
            }
            try {
                current = current.resolveSibling(Files.readSymbolicLink(current));
            } catch (IOException e) {
                throw FileWriteException.of("write", target, e);
            }
        }
        if (current.getFileName() == null) {
            throw new FileWriteException(target, "Could not write " + target + ": not a file path", null);
        }
        return current;
    }

    /**
     * Makes a rename or delete in {@code dir} durable. Best effort: some file systems refuse to open or
     * sync directories, and the write itself has already succeeded at that point.
     */
    static void fsyncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Durability of the directory entry is not guaranteed on this file system; nothing to do.
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // The original failure is what the caller needs to see; a leftover temp file is harmless.
        }
    }
}
