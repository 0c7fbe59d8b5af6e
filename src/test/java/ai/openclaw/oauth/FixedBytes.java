package ai.openclaw.oauth;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;

/** A random source that hands out scripted byte arrays, one per {@code nextBytes} call (known-answer tests). */
final class FixedBytes extends Random {
    private final Deque<byte[]> script = new ArrayDeque<>();

    FixedBytes(byte[]... arrays) {
        for (byte[] a : arrays) {
            script.add(a.clone());
        }
    }

    static byte[] of(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Override
    public void nextBytes(byte[] bytes) {
        byte[] next = script.poll();
        if (next == null || next.length != bytes.length) {
            throw new AssertionError("asked for " + bytes.length + " bytes, script has "
                    + (next == null ? "nothing" : next.length + " bytes"));
        }
        System.arraycopy(next, 0, bytes, 0, bytes.length);
    }
}
