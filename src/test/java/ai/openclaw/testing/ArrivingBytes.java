package ai.openclaw.testing;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A socket's input as a test scripts it: bytes become readable when the test says they "arrive", and a read that
 * finds nothing arrived fails the test instead of blocking, so any test using it also proves that the code under test
 * never waited for bytes that were not there. {@code available()} counts the arrived, unread bytes.
 */
public final class ArrivingBytes extends InputStream {
    private final ByteArrayOutputStream arrived = new ByteArrayOutputStream();
    private int pos;
    private boolean ended;

    /** Text (ISO-8859-1, so any byte value can be written as a char) becomes readable. */
    public void arrive(String text) {
        arrived.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The peer closes: once the arrived bytes are read, reads return -1. */
    public void end() {
        ended = true;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        byte[] bytes = arrived.toByteArray();
        if (pos == bytes.length) {
            if (ended) {
                return -1;
            }
            throw new AssertionError("read waited for bytes that had not arrived");
        }
        int n = Math.min(len, bytes.length - pos);
        System.arraycopy(bytes, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public int available() {
        return arrived.size() - pos;
    }
}
