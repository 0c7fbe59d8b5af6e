package ai.openclaw.cli.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Objects;

/**
 * Blocking source of {@link Key}s over a terminal's input stream. One reader serves every prompt of a session, so
 * keys typed ahead (or a sequence split across reads) carry over from one prompt to the next.
 */
public final class KeyReader {
    private final InputStream in;
    private final KeyDecoder decoder = new KeyDecoder();
    private final Deque<Key> pending = new ArrayDeque<>();
    private final byte[] buffer = new byte[256];
    private boolean ended;

    public KeyReader(InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    /**
     * True when keys already read are waiting: a prompt can skip redrawing until the last of them (a paste arrives
     * as one read of many keys).
     */
    public boolean hasBuffered() {
        return !pending.isEmpty();
    }

    /** The next key; {@link Key.Type#EOF} (repeatedly) once the stream has ended. */
    public Key next() {
        while (pending.isEmpty()) {
            if (ended) {
                return Key.of(Key.Type.EOF);
            }
            int n;
            try {
                n = in.read(buffer, 0, buffer.length);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the terminal", e);
            }
            if (n < 0) {
                ended = true;
                pending.addAll(decoder.end());
            } else {
                pending.addAll(decoder.feed(buffer, 0, n));
                Arrays.fill(buffer, 0, n, (byte) 0); // the bytes may have been part of a secret
            }
        }
        return pending.poll();
    }
}
