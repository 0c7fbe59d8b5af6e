package ai.openclaw.translate;

import ai.openclaw.json.Json;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/**
 * One server-sent event: the {@code event:} name ({@code null} when the event has none, as OpenAI's chunks) and
 * the {@code data:} text (lines joined with {@code \n}; empty when the event had no data lines).
 */
public record SseEvent(String event, String data) {
    /** The marker that ends an OpenAI stream. */
    public static final String DONE_MARKER = "[DONE]";

    public SseEvent {
        Objects.requireNonNull(data, "data");
        if (event != null && event.isEmpty()) {
            event = null;
        }
    }

    /** An event without a name: {@code data: <data>}. */
    public static SseEvent data(String data) {
        return new SseEvent(null, data);
    }

    /** An event whose data is {@code payload} as compact JSON. */
    public static SseEvent json(String event, JsonNode payload) {
        return new SseEvent(event, Json.compact(payload));
    }

    /** OpenAI's end marker {@code data: [DONE]}. */
    public static SseEvent done() {
        return data(DONE_MARKER);
    }

    public boolean isDone() {
        return data.strip().equals(DONE_MARKER);
    }

    public boolean hasData() {
        return !data.isBlank();
    }

    /**
     * The data parsed as JSON.
     *
     * @throws UpstreamFormatException when the data is empty or not valid JSON; the message gives the position,
     *                                 never the content
     */
    public JsonNode json() {
        String what = event == null ? "SSE event" : "SSE event '" + event + "'";
        if (data.isBlank()) {
            throw new UpstreamFormatException(what + " has no data");
        }
        try {
            return Json.MAPPER.readTree(data);
        } catch (JacksonException e) {
            TokenStreamLocation loc = e.getLocation();
            String where = loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
            throw new UpstreamFormatException(what + " has data that is not valid JSON" + where, e);
        }
    }
}
