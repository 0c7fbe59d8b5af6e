package ai.openclaw.routing;

/** Recorded outcomes could not be written to {@code auth-state.json}; the message names agents and files only. */
public final class StateWriteException extends RuntimeException {
    public StateWriteException(String message) {
        super(message);
    }
}
