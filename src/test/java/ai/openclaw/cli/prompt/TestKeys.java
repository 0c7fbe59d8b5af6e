package ai.openclaw.cli.prompt;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/** A terminal's input for tests: each chunk is what one {@code read} returns, like keys typed one at a time. */
final class TestKeys extends InputStream {
    static final String UP = "\u001b[A";
    static final String DOWN = "\u001b[B";
    static final String ENTER = "\r";
    static final String BACKSPACE = "\u007f";
    static final String CTRL_C = "\u0003";
    static final String CTRL_D = "\u0004";
    static final String CTRL_U = "\u0015";

    private final Deque<byte[]> chunks = new ArrayDeque<>();

    private TestKeys(String... chunks) {
        for (String c : chunks) {
            this.chunks.add(c.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** One read per argument; then end of input. */
    static KeyReader typed(String... chunks) {
        return new KeyReader(new TestKeys(chunks));
    }

    @Override
    public int read() {
        throw new UnsupportedOperationException("a terminal is read in chunks");
    }

    @Override
    public int read(byte[] b, int off, int len) {
        byte[] next = chunks.poll();
        if (next == null) {
            return -1;
        }
        int n = Math.min(len, next.length);
        System.arraycopy(next, 0, b, off, n);
        if (n < next.length) {
            byte[] rest = new byte[next.length - n];
            System.arraycopy(next, n, rest, 0, rest.length);
            chunks.push(rest);
        }
        return n;
    }

    /** Removes the escape sequences from what a raw prompt drew. */
    static String plain(String drawn) {
        return drawn.replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "");
    }
}
