package ai.openclaw.secrets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a secret file or exec command may be trusted: absolute, a regular file, not a symlink
 * unless allowed (then its target is checked), inside the trusted dirs when any are set, owned by this
 * process's user, and not writable (files: nor readable) by group or others. Root is not exempt: the
 * checks are on the recorded owner and mode bits, so a 0644 file is refused even when running as root.
 */
final class SecurePathCheck {
    private static final Set<PosixFilePermission> OTHERS_WRITE =
            Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
    private static final Set<PosixFilePermission> OTHERS_READ =
            Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

    /** What the caller tolerates. */
    record Policy(List<Path> trustedDirs, boolean allowInsecurePath, boolean allowReadableByOthers, boolean allowSymlink) {
        Policy {
            trustedDirs = List.copyOf(trustedDirs);
        }
    }

    private final long currentUid;

    SecurePathCheck(long currentUid) {
        this.currentUid = currentUid;
    }

    /**
     * Checks {@code target} and returns the path to use (the symlink target when a symlink was allowed).
     *
     * @param label the config path shown in messages, e.g. {@code secrets.providers.vault.command}
     */
    Path verify(Path target, String label, Policy policy) throws ResolutionFailure {
        if (!target.isAbsolute()) {
            throw new ResolutionFailure(label + " must be an absolute path.");
        }
        Path effective = target;
        PosixFileAttributes attrs = readAttributes(effective, label);
        if (attrs.isSymbolicLink()) {
            if (!policy.allowSymlink()) {
                throw new ResolutionFailure(label + " must not be a symlink: " + target);
            }
            try {
                effective = target.toRealPath();
            } catch (IOException e) {
                throw new ResolutionFailure(label + " symlink target is not readable: " + target);
            }
            attrs = readAttributes(effective, label);
        }
        if (attrs.isDirectory()) {
            throw new ResolutionFailure(label + " must be a file: " + effective);
        }
        if (!attrs.isRegularFile()) {
            throw new ResolutionFailure(label + " must be a regular file: " + effective);
        }
        if (!policy.trustedDirs().isEmpty() && !insideAny(effective, policy.trustedDirs())) {
            throw new ResolutionFailure(label + " is outside trustedDirs: " + effective);
        }
        if (policy.allowInsecurePath()) {
            return effective;
        }
        Set<PosixFilePermission> mode = attrs.permissions();
        boolean writableByOthers = OTHERS_WRITE.stream().anyMatch(mode::contains);
        boolean readableByOthers = OTHERS_READ.stream().anyMatch(mode::contains);
        if (writableByOthers || (!policy.allowReadableByOthers() && readableByOthers)) {
            throw new ResolutionFailure(label + " permissions are too open: " + effective);
        }
        long owner = ownerUid(effective, label);
        if (currentUid == PosixUser.UNKNOWN_UID) {
            throw new ResolutionFailure(label + " permissions could not be verified: " + effective);
        }
        if (owner != currentUid) {
            throw new ResolutionFailure(
                    label + " must be owned by the current user (uid=" + currentUid + "): " + effective);
        }
        return effective;
    }

    private static PosixFileAttributes readAttributes(Path path, String label) throws ResolutionFailure {
        try {
            return Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            throw new ResolutionFailure(label + " permissions could not be verified: " + path);
        } catch (IOException e) {
            throw new ResolutionFailure(label + " is not readable: " + path);
        }
    }

    private static long ownerUid(Path path, String label) throws ResolutionFailure {
        try {
            Object uid = Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            return ((Number) uid).longValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            throw new ResolutionFailure(label + " permissions could not be verified: " + path);
        }
    }

    /** Containment on real paths, so {@code /trusted/../etc/x} or a symlinked trusted dir cannot fool it. */
    private static boolean insideAny(Path file, List<Path> dirs) {
        Path real = realOrNormal(file);
        for (Path dir : dirs) {
            Path realDir = realOrNormal(dir);
            if (real.startsWith(realDir) && !real.equals(realDir)) {
                return true;
            }
        }
        return false;
    }

    private static Path realOrNormal(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
