package ai.openclaw.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads whole bodies into arrays sized by their announced length. {@link InputStream#readNBytes(int)} and
 * {@link InputStream#readAllBytes()} read through a fresh 16 KB buffer and then copy; for the small bodies of chat
 * calls that buffer was most of what a request allocated. The length is only a hint: the bytes returned are exactly
 * what {@code in.readNBytes(limit)} would return, however wrong the hint.
 */
final class Bodies {
    /** Larger announced lengths are not trusted for an up-front allocation. */
    static final int MAX_HINT = 1024 * 1024;

    private Bodies() {}

    /**
     * Up to {@code limit} bytes of {@code in}, all of them when there are fewer.
     *
     * @param expected the announced length ({@code content-length}), or -1 when unknown
     */
    static byte[] readUpTo(InputStream in, int limit, long expected) throws IOException {
        if (expected < 0 || expected > MAX_HINT || expected >= limit) {
            return in.readNBytes(limit);
        }
        int n = (int) expected;
        byte[] data = new byte[n];
        int got = in.readNBytes(data, 0, n);
        if (got < n) {
            return Arrays.copyOf(data, got);
        }
        int next = in.read();
        if (next < 0) {
            return data;
        }
        // more than announced: carry on up to the limit, as readNBytes(limit) would have
        byte[] rest = in.readNBytes(limit - n - 1);
        byte[] all = Arrays.copyOf(data, n + 1 + rest.length);
        all[n] = (byte) next;
        System.arraycopy(rest, 0, all, n + 1, rest.length);
        return all;
    }

    /** The value of a {@code content-length} field, or -1 when absent or not a plain non-negative number. */
    static long length(String contentLength) {
        if (contentLength == null) {
            return -1;
        }
        String v = contentLength.strip();
        if (v.isEmpty() || v.length() > 18) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
