package ai.openclaw.cli.prompt;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the bytes a terminal in raw mode sends into {@link Key}s: UTF-8 characters, control bytes and the escape
 * sequences of cursor keys ({@code ESC [ A}, the application-mode {@code ESC O A}, {@code ESC [ 1 ; 5 A} with
 * modifiers, {@code ESC [ 3 ~} ...).
 *
 * <p>A push parser: bytes may arrive split anywhere (one read may end inside a sequence or a UTF-8 character), so
 * it keeps what it has seen of an unfinished key until the rest arrives. Not thread-safe.
 */
public final class KeyDecoder {
    private static final int ESC = 0x1b;

    private enum State { GROUND, ESCAPE, CSI, SS3, UTF8 }

    private State state = State.GROUND;
    private final StringBuilder csiParams = new StringBuilder();
    private int utf8Remaining;
    private int utf8CodePoint;

    /** Decodes one byte; returns the keys it completes (usually zero or one). */
    public List<Key> feed(int b) {
        List<Key> out = new ArrayList<>(1);
        accept(b & 0xff, out);
        return out;
    }

    /** Decodes {@code len} bytes of {@code buf} from {@code off}. */
    public List<Key> feed(byte[] buf, int off, int len) {
        List<Key> out = new ArrayList<>();
        for (int i = off; i < off + len; i++) {
            accept(buf[i] & 0xff, out);
        }
        return out;
    }

    /** The input ended: an unfinished sequence is dropped and {@link Key.Type#EOF} follows. */
    public List<Key> end() {
        List<Key> out = new ArrayList<>(2);
        if (state == State.ESCAPE) {
            out.add(Key.of(Key.Type.OTHER));
        }
        reset();
        out.add(Key.of(Key.Type.EOF));
        return out;
    }

    private void accept(int b, List<Key> out) {
        switch (state) {
            case GROUND -> ground(b, out);
            case ESCAPE -> escape(b, out);
            case CSI -> csi(b, out);
            case SS3 -> {
                state = State.GROUND;
                out.add(cursorKey(b));
            }
            case UTF8 -> utf8(b, out);
        }
    }

    private void ground(int b, List<Key> out) {
        if (b == ESC) {
            state = State.ESCAPE;
        } else if (b == '\r' || b == '\n') {
            out.add(Key.of(Key.Type.ENTER));
        } else if (b == 0x7f || b == 0x08) {
            out.add(Key.of(Key.Type.BACKSPACE));
        } else if (b == 0x03) {
            out.add(Key.of(Key.Type.INTERRUPT));
        } else if (b == 0x04) {
            out.add(Key.of(Key.Type.EOF));
        } else if (b == 0x15) {
            out.add(Key.of(Key.Type.KILL_LINE));
        } else if (b == '\t') {
            out.add(Key.of(Key.Type.TAB));
        } else if (b < 0x20) {
            out.add(Key.of(Key.Type.OTHER));
        } else if (b < 0x80) {
            out.add(Key.character(b));
        } else if (b >= 0xc2 && b <= 0xf4) {
            utf8Remaining = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : 1;
            utf8CodePoint = b & (b >= 0xf0 ? 0x07 : b >= 0xe0 ? 0x0f : 0x1f);
            state = State.UTF8;
        } else {
            out.add(Key.of(Key.Type.OTHER)); // a stray continuation byte or an invalid lead byte
        }
    }

    private void escape(int b, List<Key> out) {
        if (b == '[') {
            csiParams.setLength(0);
            state = State.CSI;
        } else if (b == 'O') {
            state = State.SS3;
        } else {
            // Alt+key or a lone Escape followed by a key: the Escape is reported, the byte decoded on its own
            state = State.GROUND;
            out.add(Key.of(Key.Type.OTHER));
            ground(b, out);
        }
    }

    private void csi(int b, List<Key> out) {
        if (b >= 0x20 && b <= 0x3f) { // parameter and intermediate bytes
            if (csiParams.length() < 16) {
                csiParams.append((char) b);
            }
            return;
        }
        state = State.GROUND;
        if (b == '~') {
            String first = csiParams.toString().split(";", -1)[0];
            out.add(switch (first) {
                case "1", "7" -> Key.of(Key.Type.HOME);
                case "4", "8" -> Key.of(Key.Type.END);
                case "3" -> Key.of(Key.Type.DELETE);
                default -> Key.of(Key.Type.OTHER);
            });
        } else {
            out.add(cursorKey(b));
        }
    }

    private static Key cursorKey(int finalByte) {
        return switch (finalByte) {
            case 'A' -> Key.of(Key.Type.UP);
            case 'B' -> Key.of(Key.Type.DOWN);
            case 'C' -> Key.of(Key.Type.RIGHT);
            case 'D' -> Key.of(Key.Type.LEFT);
            case 'H' -> Key.of(Key.Type.HOME);
            case 'F' -> Key.of(Key.Type.END);
            default -> Key.of(Key.Type.OTHER);
        };
    }

    private void utf8(int b, List<Key> out) {
        if ((b & 0xc0) != 0x80) {
            state = State.GROUND;
            out.add(Key.of(Key.Type.OTHER));
            ground(b, out);
            return;
        }
        utf8CodePoint = (utf8CodePoint << 6) | (b & 0x3f);
        if (--utf8Remaining == 0) {
            state = State.GROUND;
            out.add(Character.isValidCodePoint(utf8CodePoint) && (utf8CodePoint < 0xd800 || utf8CodePoint > 0xdfff)
                    ? Key.character(utf8CodePoint) : Key.of(Key.Type.OTHER));
        }
    }

    private void reset() {
        state = State.GROUND;
        csiParams.setLength(0);
        utf8Remaining = 0;
        utf8CodePoint = 0;
    }
}
