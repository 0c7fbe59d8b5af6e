package ai.openclaw.clibackend;

import ai.openclaw.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the Claude CLI's {@code --output-format stream-json} lines (one JSON object per line) into {@link CliEvent}s.
 * A {@code --output-format json} document is one {@code result} object and reads the same way.
 *
 * <ul>
 *   <li>{@code system} (subtype {@code init}) and every other event: the first non-blank string among the configured
 *       {@code sessionIdFields} is the session id; a new one is reported as {@link CliEvent.Session}.</li>
 *   <li>{@code assistant}: the text blocks of {@code message.content} are the answer's text. Text of a different
 *       message (another {@code message.id}) than the previous text is set off by a blank line: an agentic run
 *       answers in several messages between tool calls. Tool use and thinking blocks are not part of the answer.</li>
 *   <li>{@code stream_event} ({@code --include-partial-messages}): {@code text_delta}s are reported as they come and
 *       the whole {@code assistant} messages that repeat them are then skipped.</li>
 *   <li>{@code result}: {@code is_error} (or an {@code error*} subtype) makes the run fail with the result text;
 *       otherwise its {@code usage}, session id and text (used when no assistant text was seen) end the run.</li>
 *   <li>Lines that are not JSON objects (stray output, a warning) are skipped and counted; the first is kept, cut
 *       short, for the error message of a run that produced nothing else. Unknown event types are ignored.</li>
 * </ul>
 * Single-use, confined to the thread that reads the program's stdout.
 */
final class StreamJsonParser {
    private static final int SNIPPET_CHARS = 200;
    /** Stop reasons worth telling the caller; anything else (tool_use of an internal tool loop) ends the turn. */
    private static final Set<String> KEPT_STOP_REASONS = Set.of("max_tokens", "refusal", "stop_sequence");
    private static final Set<String> USAGE_FIELDS = Set.of("input_tokens", "output_tokens",
            "cache_creation_input_tokens", "cache_read_input_tokens");

    private final List<String> sessionIdFields;
    private String sessionId;
    private boolean partials;
    private boolean anyText;
    /** Counts assistant messages; text of another message than the previous text's is set off by a blank line. */
    private long messageSeq;
    private long textSeq = -1;
    private String lastAssistantId;
    private String lastStopReason;
    private ObjectNode lastAssistantUsage;
    private JsonNode result;
    private int malformed;
    private String firstMalformed;

    StreamJsonParser(List<String> sessionIdFields) {
        this.sessionIdFields = List.copyOf(sessionIdFields);
    }

    /** The events of one stdout line (without its line end). */
    List<CliEvent> onLine(String line) {
        if (line.isBlank()) {
            return List.of();
        }
        JsonNode event;
        try {
            event = Json.MAPPER.readTree(line);
        } catch (JacksonException e) {
            event = null;
        }
        if (event == null || !event.isObject()) {
            malformed++;
            if (firstMalformed == null) {
                firstMalformed = snippet(line);
            }
            return List.of();
        }
        List<CliEvent> out = new ArrayList<>(2);
        String id = sessionIdOf(event);
        if (id != null && !id.equals(sessionId)) {
            sessionId = id;
            out.add(new CliEvent.Session(id));
        }
        switch (event.path("type").asString("")) {
            case "assistant" -> assistant(event.path("message"), out);
            case "stream_event" -> streamEvent(event.path("event"), out);
            case "result" -> result = event;
            default -> {
                // system, user (tool results), rate-limit notices and future types carry nothing for the answer
            }
        }
        return out;
    }

    private void assistant(JsonNode message, List<CliEvent> out) {
        String messageId = message.path("id").asString(null);
        boolean newMessage = messageId == null || !messageId.equals(lastAssistantId);
        lastAssistantId = messageId;
        if (newMessage) {
            lastStopReason = null;
        }
        JsonNode stop = message.get("stop_reason");
        if (stop != null && stop.isString()) {
            lastStopReason = stop.stringValue();
        }
        if (message.path("usage").isObject()) {
            lastAssistantUsage = usage(message.path("usage"));
        }
        if (partials) {
            return;
        }
        if (newMessage) {
            messageSeq++;
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : message.path("content")) {
            if ("text".equals(block.path("type").asString("")) && block.path("text").isString()) {
                text.append(block.path("text").stringValue());
            }
        }
        if (message.path("content").isString()) {
            text.append(message.path("content").stringValue());
        }
        text(text.toString(), out);
    }

    private void streamEvent(JsonNode e, List<CliEvent> out) {
        switch (e.path("type").asString("")) {
            case "message_start" -> {
                messageSeq++;
                lastStopReason = null;
            }
            case "content_block_delta" -> {
                JsonNode delta = e.path("delta");
                if ("text_delta".equals(delta.path("type").asString("")) && delta.path("text").isString()) {
                    partials = true;
                    text(delta.path("text").stringValue(), out);
                }
            }
            case "message_delta" -> {
                JsonNode stop = e.path("delta").get("stop_reason");
                if (stop != null && stop.isString()) {
                    lastStopReason = stop.stringValue();
                }
            }
            default -> {
                // block starts/stops, pings: nothing to report
            }
        }
    }

    private void text(String text, List<CliEvent> out) {
        if (text.isEmpty()) {
            return;
        }
        if (anyText && messageSeq != textSeq) {
            out.add(new CliEvent.Text("\n\n"));
        }
        out.add(new CliEvent.Text(text));
        anyText = true;
        textSeq = messageSeq;
    }

    private String sessionIdOf(JsonNode event) {
        for (String field : sessionIdFields) {
            JsonNode v = event.get(field);
            if (v != null && v.isString() && !v.stringValue().isBlank()) {
                return v.stringValue().strip();
            }
        }
        return null;
    }

    /** Whether a result event arrived. */
    boolean hasResult() {
        return result != null;
    }

    /** Whether any answer text was reported. */
    boolean hasText() {
        return anyText;
    }

    /** The failure a result event reported, or null when it reported success (or there was none). */
    CliFailure resultFailure() {
        if (result == null) {
            return null;
        }
        String subtype = result.path("subtype").asString("");
        if (!result.path("is_error").asBoolean(false) && !subtype.startsWith("error")) {
            return null;
        }
        String text = result.path("result").asString("").strip();
        if (text.isEmpty() && result.path("errors").isArray()) {
            List<String> errors = new ArrayList<>();
            result.path("errors").forEach(e -> errors.add(e.isString() ? e.stringValue() : Json.compact(e)));
            text = String.join("; ", errors);
        }
        if (text.isEmpty()) {
            text = subtype.isEmpty() ? "no details" : subtype;
        }
        return new CliFailure(CliFailure.Kind.ERROR_RESULT, "The Claude CLI reported an error: " + snippet(text, 2000));
    }

    /** The successful end of the run, from the result event (or from what the assistant messages said). */
    CliEvent.Finished finished() {
        String stop = lastStopReason != null && KEPT_STOP_REASONS.contains(lastStopReason) ? lastStopReason
                : "end_turn";
        ObjectNode usage = result != null && result.path("usage").isObject() ? usage(result.path("usage"))
                : lastAssistantUsage;
        String text = result != null && result.path("result").isString() ? result.path("result").stringValue()
                : null;
        return new CliEvent.Finished(sessionId, stop, usage, text);
    }

    String sessionId() {
        return sessionId;
    }

    int malformedLines() {
        return malformed;
    }

    /** The first line that was not a JSON object, cut short; null when every line was. */
    String firstMalformed() {
        return firstMalformed;
    }

    private static ObjectNode usage(JsonNode u) {
        ObjectNode out = Json.object();
        for (String f : USAGE_FIELDS.stream().sorted().toList()) {
            JsonNode v = u.get(f);
            if (v != null && v.isIntegralNumber()) {
                out.put(f, v.asLong());
            }
        }
        return out;
    }

    static String snippet(String text) {
        return snippet(text, SNIPPET_CHARS);
    }

    /** At most {@code max} characters, control characters as spaces. */
    static String snippet(String text, int max) {
        String cut = text.length() > max ? text.substring(0, max) + "…" : text;
        StringBuilder sb = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) && c != '\n' ? ' ' : c));
        return sb.toString().strip();
    }
}
