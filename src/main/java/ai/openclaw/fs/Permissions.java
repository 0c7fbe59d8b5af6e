package ai.openclaw.fs;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;

/**
 * Owner-only permissions for credential files (0600) and the directories created for them (0700).
 *
 * <p>Modes are always applied with an explicit chmod after creation, because the creation attribute is
 * filtered by the process umask. On file systems without POSIX permissions the mode operations are
 * skipped and the checks only test the file type.
 */
public final class Permissions {
    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> GROUP_OR_OTHER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private Permissions() {}

    /**
     * Creates {@code dir} and any missing ancestors with mode 0700. Directories that already exist keep
     * their mode. Safe against another process creating the same directories concurrently.
     *
     * @throws FileWriteException naming {@code dir} when a directory cannot be created
     */
    public static void ensurePrivateDir(Path dir) {
        try {
            createPrivateDirs(dir);
        } catch (IOException e) {
            throw FileWriteException.of("create directory", dir, e);
        }
    }

    /** True when {@code file} is a regular file (following links) without any group or other bits. */
    public static boolean isPrivateFile(Path file) {
        return Files.isRegularFile(file) && hasNoGroupOrOtherBits(file);
    }

    /** True when {@code dir} is a directory (following links) without any group or other bits. */
    public static boolean isPrivateDir(Path dir) {
        return Files.isDirectory(dir) && hasNoGroupOrOtherBits(dir);
    }

    /**
     * Sets mode 0700 on a directory or 0600 on anything else (following links).
     *
     * @throws FileWriteException naming {@code path} when it is missing or the mode cannot be changed
     */
    public static void restrict(Path path) {
        if (!supportsPosix(path)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? DIR_MODE : FILE_MODE);
        } catch (IOException e) {
            throw FileWriteException.of("restrict permissions of", path, e);
        }
    }

    static void createPrivateDirs(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Deque<Path> missing = new ArrayDeque<>();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            missing.push(existing);
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new NotDirectoryException(existing.toString());
        }
        boolean posix = supportsPosix(absolute);
        while (!missing.isEmpty()) {
            Path next = missing.pop();
            try {
                if (posix) {
                    Files.createDirectory(next, PosixFilePermissions.asFileAttribute(DIR_MODE));
                    Files.setPosixFilePermissions(next, DIR_MODE);
                } else {
                    Files.createDirectory(next);
                }
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(next)) {
                    throw e;
                }
                // Created concurrently by someone else: not ours, so its mode is left alone.
            }
        }
    }

    /** Attributes for creating a new private file, or none when the file system has no POSIX modes. */
    static FileAttribute<?>[] privateFileAttributes(Path path) {
        return supportsPosix(path)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_MODE)}
                : new FileAttribute<?>[0];
    }

    static void chmodPrivateFile(Path file) throws IOException {
        if (supportsPosix(file)) {
            Files.setPosixFilePermissions(file, FILE_MODE);
        }
    }

    static boolean supportsPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static boolean hasNoGroupOrOtherBits(Path path) {
        if (!supportsPosix(path)) {
            return true;
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
            return mode.stream().noneMatch(GROUP_OR_OTHER::contains);
        } catch (IOException e) {
            return false;
        }
    }
}
