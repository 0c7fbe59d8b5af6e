package ai.openclaw.fs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Child-process helper for the crash test: atomically rewrites a file forever, alternating between two
 * large versions, and prints {@code ready} once the first write is complete. Killed with SIGKILL by the
 * test. Arguments: file, size in bytes.
 */
public final class AtomicRewriteLoop {
    private AtomicRewriteLoop() {}

    /** A JSON document of exactly {@code size} bytes whose every filler character is {@code tag}. */
    static byte[] version(char tag, int size) {
        String head = "{\"version\":\"" + tag + "\",\"filler\":\"";
        String tail = "\"}\n";
        return (head + String.valueOf(tag).repeat(size - head.length() - tail.length()) + tail)
                .getBytes(StandardCharsets.UTF_8);
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int size = Integer.parseInt(args[1]);
        byte[] a = version('A', size);
        byte[] b = version('B', size);
        AtomicWriter.write(file, a);
        System.out.println("ready");
        System.out.flush();
        for (long i = 1; ; i++) {
            AtomicWriter.write(file, i % 2 == 0 ? a : b);
        }
    }
}
