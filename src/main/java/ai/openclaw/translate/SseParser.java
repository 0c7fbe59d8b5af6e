package ai.openclaw.translate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads server-sent events from a stream as they arrive: {@link #next()} returns as soon as an event is complete,
 * reading no further than the blank line that ends it, so a caller can translate and flush event by event.
 * {@link #poll()} returns the next event only if it has completely arrived, never waiting, so a caller can batch the
 * events that arrived together and flush before it would wait.
 *
 * <p>Follows the WHATWG event-stream rules: lines end with LF, CR or CRLF (also when a CRLF is split between two
 * reads); {@code field: value} loses one space after the colon; a line without a colon is a field with an empty
 * value; lines starting with {@code :} are comments; several {@code data:} lines are joined with {@code \n};
 * {@code id:}, {@code retry:} and unknown fields are ignored; a leading byte-order mark is skipped. Text is UTF-8
 * (a multi-byte character may be split between reads); invalid bytes become U+FFFD.
 *
 * <p>Two deliberate leniencies for proxying: an event with an {@code event:} name but no {@code data:} line is
 * returned with empty data (the spec drops it), and an event cut off by the end of the stream (no final blank line)
 * is still returned.
 *
 * <p>Not thread-safe; one parser per stream. The caller owns and closes the stream.
 */
public final class SseParser {
    /** Default limit on one event's size in bytes (all its lines), against an upstream that never ends an event. */
    public static final int DEFAULT_MAX_EVENT_BYTES = 16 * 1024 * 1024;

    private final InputStream in;
    private final int maxEventBytes;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    private boolean endOfStream;
    private boolean skipNextLineFeed;
    private boolean firstLine = true;

    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    /** A line was started but its end has not arrived (a {@link #poll()} stopped there). */
    private boolean lineOpen;
    private long eventBytes;
    private String eventName;
    private StringBuilder data;

    public SseParser(InputStream in) {
        this(in, DEFAULT_MAX_EVENT_BYTES);
    }

    public SseParser(InputStream in, int maxEventBytes) {
        this.in = Objects.requireNonNull(in, "in");
        if (maxEventBytes < 1) {
            throw new IllegalArgumentException("maxEventBytes must be positive");
        }
        this.maxEventBytes = maxEventBytes;
    }

    /**
     * The next event, or empty at the end of the stream.
     *
     * @throws IOException             from the stream
     * @throws UpstreamFormatException when one event exceeds the size limit
     */
    public Optional<SseEvent> next() throws IOException {
        return next(true);
    }

    /**
     * The next event if all of it has arrived (in this parser's buffer or readable from the stream without
     * blocking); {@code null} when reading it would have to wait, or when the stream has ended but no read has seen
     * that yet (a stream's {@code available()} cannot tell); empty once the end has been seen. Never blocks. Whatever
     * part of the event has arrived is kept for the next call.
     *
     * @throws IOException             from the stream
     * @throws UpstreamFormatException when one event exceeds the size limit
     */
    public Optional<SseEvent> poll() throws IOException {
        return next(false);
    }

    private Optional<SseEvent> next(boolean mayWait) throws IOException {
        while (true) {
            String text = readLine(mayWait);
            if (text == NOT_ARRIVED) {
                return null;
            }
            if (text == null) {
                return pending() ? Optional.of(dispatch()) : Optional.empty();
            }
            if (text.isEmpty()) {
                if (pending()) {
                    return Optional.of(dispatch());
                }
                eventBytes = 0;
                continue;
            }
            field(text);
        }
    }

    private boolean pending() {
        return eventName != null || data != null;
    }

    private SseEvent dispatch() {
        SseEvent event = new SseEvent(eventName, data == null ? "" : data.toString());
        eventName = null;
        data = null;
        eventBytes = 0;
        return event;
    }

    private void field(String text) {
        if (text.charAt(0) == ':') {
            return;
        }
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (name) {
            case "event" -> eventName = value;
            case "data" -> {
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
            }
            default -> {
                // id, retry and unknown fields carry nothing the gateway needs
            }
        }
    }

    /** What {@link #readLine} returns when the rest of the line has not arrived (compared by identity). */
    private static final String NOT_ARRIVED = new String("not arrived");

    /**
     * One line without its terminator; {@code null} at the end of the stream; {@link #NOT_ARRIVED} when
     * {@code mayWait} is false and the line's end is not readable yet (the part read so far is kept).
     */
    private String readLine(boolean mayWait) throws IOException {
        if (!lineOpen) {
            line.reset();
            lineOpen = true;
        }
        while (true) {
            if (position == limit) {
                if (!mayWait && !endOfStream && in.available() <= 0) {
                    return NOT_ARRIVED;
                }
                if (!fill()) {
                    lineOpen = false;
                    if (line.size() == 0) {
                        return null;
                    }
                    return decode();
                }
            }
            byte b = buffer[position++];
            if (skipNextLineFeed) {
                skipNextLineFeed = false;
                if (b == '\n') {
                    continue;
                }
            }
            if (b == '\n') {
                lineOpen = false;
                return decode();
            }
            if (b == '\r') {
                skipNextLineFeed = true;
                lineOpen = false;
                return decode();
            }
            line.write(b);
            if (eventBytes + line.size() > maxEventBytes) {
                throw new UpstreamFormatException("SSE event exceeds " + maxEventBytes + " bytes");
            }
        }
    }

    private String decode() {
        eventBytes += line.size() + 1L;
        String text = line.toString(StandardCharsets.UTF_8);
        if (firstLine) {
            firstLine = false;
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
        }
        return text;
    }

    private boolean fill() throws IOException {
        if (endOfStream) {
            return false;
        }
        int n = in.read(buffer, 0, buffer.length);
        while (n == 0) {
            n = in.read(buffer, 0, buffer.length);
        }
        if (n < 0) {
            endOfStream = true;
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
