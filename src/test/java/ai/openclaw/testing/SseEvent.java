package ai.openclaw.testing;

/**
 * One server-sent event. {@code event} may be null (OpenAI sends data-only events). {@link #encode()} writes
 * {@code event:} (if any), one {@code data:} line per line of data, and a blank line.
 */
public record SseEvent(String event, String data) {
    public static SseEvent data(String data) {
        return new SseEvent(null, data);
    }

    public static SseEvent named(String event, String data) {
        return new SseEvent(event, data);
    }

    /** OpenAI's end marker {@code data: [DONE]}. */
    public static SseEvent done() {
        return new SseEvent(null, "[DONE]");
    }

    public String encode() {
        StringBuilder sb = new StringBuilder();
        if (event != null) {
            sb.append("event: ").append(event).append('\n');
        }
        for (String line : data.split("\n", -1)) {
            sb.append("data: ").append(line).append('\n');
        }
        return sb.append('\n').toString();
    }
}
