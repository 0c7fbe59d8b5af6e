package ai.openclaw.fs;

import java.io.IOException;
import java.nio.file.Path;

/** Real OS processes and file attributes for lock and failure tests. */
final class OsProcesses {
    private OsProcesses() {}

    /** A process that stays alive until destroyed; its pid is a live, foreign lock owner. */
    static Process startSleeper() throws IOException {
        return new ProcessBuilder("sleep", "120").start();
    }

    /** The pid of a process that has already exited (and been reaped), i.e. a dead lock owner. */
    static long deadPid() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        long pid = process.pid();
        if (ProcessHandle.of(pid).isPresent()) {
            throw new IllegalStateException("pid " + pid + " is still present after exit");
        }
        return pid;
    }

    /**
     * Sets or clears the ext4 immutable flag. As root, chmod does not prevent writes, the immutable
     * flag does. Always clear it in a {@code finally}, or {@code @TempDir} cannot clean up.
     */
    static void setImmutable(Path path, boolean immutable) throws IOException, InterruptedException {
        Process chattr = new ProcessBuilder("chattr", immutable ? "+i" : "-i", path.toString())
                .redirectErrorStream(true).start();
        String output = new String(chattr.getInputStream().readAllBytes());
        if (chattr.waitFor() != 0) {
            throw new IllegalStateException("chattr failed on " + path + ": " + output);
        }
    }
}
