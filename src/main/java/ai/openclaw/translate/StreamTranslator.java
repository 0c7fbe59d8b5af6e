package ai.openclaw.translate;

import java.util.List;

/**
 * Translates one streamed response, event by event. Feed every upstream event to {@link #onEvent} in order and
 * write the returned client events (possibly none) before reading the next; when the upstream stream ends, write
 * what {@link #onUpstreamEnd} returns. Stateful and single-use; not thread-safe.
 */
public interface StreamTranslator {

    /**
     * The client events for one upstream event. After the response is complete (see {@link #isComplete()}) further
     * events are ignored.
     *
     * @throws UpstreamFormatException when the event's data is not valid JSON or breaks the upstream protocol;
     *                                 the gateway then writes a stream error in the client's format
     *                                 ({@link ErrorBodies#openAiStreamError}, {@link ErrorBodies#anthropicStreamError})
     */
    List<SseEvent> onEvent(SseEvent upstream);

    /**
     * The upstream stream ended. Returns the events that close a response that had finished (an OpenAI upstream may
     * close without {@code [DONE]}), an error event in the client's format when it ended before finishing, and
     * nothing when the response was already complete.
     */
    List<SseEvent> onUpstreamEnd();

    /** Whether the client stream has been fully written (normally or with an error event). */
    boolean isComplete();
}
