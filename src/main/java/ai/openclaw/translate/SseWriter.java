package ai.openclaw.translate;

import java.nio.charset.StandardCharsets;

/** The SSE wire format of one event: {@code event: name} (when named), one {@code data:} line per data line, a blank line. */
public final class SseWriter {
    private SseWriter() {}

    /**
     * Formats {@code event} with {@code \n} line ends. Data containing CR, LF or CRLF becomes several {@code data:}
     * lines, which a reader joins back with {@code \n}.
     *
     * @throws IllegalArgumentException when the event name contains a line break
     */
    public static String format(SseEvent event) {
        StringBuilder out = new StringBuilder(event.data().length() + 32);
        if (event.event() != null) {
            if (event.event().indexOf('\n') >= 0 || event.event().indexOf('\r') >= 0) {
                throw new IllegalArgumentException("SSE event name must not contain a line break");
            }
            out.append("event: ").append(event.event()).append('\n');
        }
        for (String line : event.data().split("\r\n|\r|\n", -1)) {
            out.append("data: ").append(line).append('\n');
        }
        return out.append('\n').toString();
    }

    public static byte[] bytes(SseEvent event) {
        return format(event).getBytes(StandardCharsets.UTF_8);
    }

    /** A comment ({@code : text}), e.g. a keep-alive; readers ignore it. */
    public static String comment(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\r\n|\r|\n", -1)) {
            out.append(':');
            if (!line.isEmpty()) {
                out.append(' ').append(line);
            }
            out.append('\n');
        }
        return out.append('\n').toString();
    }
}
