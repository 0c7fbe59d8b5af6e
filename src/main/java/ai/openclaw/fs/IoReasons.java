package ai.openclaw.fs;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** Short, content-free descriptions of I/O failures for exception messages. */
final class IoReasons {
    private IoReasons() {}

    /**
     * Describes {@code e} in a few words. The JDK's file exceptions carry only paths and the OS error
     * text, never data, so the result is safe to print. The file named by the exception is appended when
     * it differs from {@code subject} (e.g. the temp file or a parent directory), because that is usually
     * the part the user has to fix.
     */
    static String describe(IOException e, Path subject) {
        String reason = switch (e) {
            case AccessDeniedException ignored -> "permission denied";
            case NoSuchFileException ignored -> "no such file or directory";
            case FileAlreadyExistsException ignored -> "file already exists";
            case NotDirectoryException ignored -> "not a directory";
            case DirectoryNotEmptyException ignored -> "directory not empty";
            case FileSystemException fse when fse.getReason() != null -> fse.getReason();
            case FileSystemException ignored -> e.getClass().getSimpleName();
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
        if (e instanceof FileSystemException fse && fse.getFile() != null
                && (subject == null || !fse.getFile().equals(subject.toString()))) {
            return reason + " (" + fse.getFile() + ")";
        }
        return reason;
    }
}
