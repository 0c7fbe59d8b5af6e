package ai.openclaw.translate;

/**
 * An upstream response or stream is not what its API promises (bad JSON in an SSE {@code data:} field, a
 * completion without choices, tool arguments that are not a JSON object, an oversized SSE event...). The gateway
 * answers 502, or emits a stream error event in the client's format when the response has already started.
 * The message names the problem and never echoes upstream content.
 */
public final class UpstreamFormatException extends RuntimeException {
    public UpstreamFormatException(String message) {
        super(message);
    }

    public UpstreamFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
