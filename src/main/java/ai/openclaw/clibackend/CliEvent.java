package ai.openclaw.clibackend;

import ai.openclaw.json.Json;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a run reports to its reader, in order: any number of {@link Session} and {@link Text} events, then exactly one
 * terminal event, {@link Finished} or {@link Failed}.
 */
public sealed interface CliEvent {
    /** The program named its session (stream-json {@code system/init}, or any event's session field). */
    record Session(String id) implements CliEvent {}

    /** The next piece of the answer's text. */
    record Text(String text) implements CliEvent {}

    /**
     * The run succeeded.
     *
     * @param sessionId  the program's session id, or null when it named none
     * @param stopReason Anthropic stop reason: {@code end_turn}, or {@code max_tokens}/{@code refusal} when the last
     *                   assistant message ended so
     * @param usage      Anthropic usage ({@code input_tokens}, {@code output_tokens}, cache counts when reported)
     * @param resultText the result event's text (the final message); null when there was no result event
     */
    record Finished(String sessionId, String stopReason, ObjectNode usage, String resultText) implements CliEvent {
        public Finished {
            Objects.requireNonNull(stopReason, "stopReason");
            usage = usage == null ? Json.object() : usage.deepCopy();
        }

        @Override
        public ObjectNode usage() {
            return usage.deepCopy();
        }
    }

    /** The run failed; text already reported stays valid, but the answer is incomplete. */
    record Failed(CliFailure failure) implements CliEvent {}

    default boolean terminal() {
        return this instanceof Finished || this instanceof Failed;
    }
}
