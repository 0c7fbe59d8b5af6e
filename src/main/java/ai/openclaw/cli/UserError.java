package ai.openclaw.cli;

/** A problem the user can fix; its message is printed as is after {@code Error: }. */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
