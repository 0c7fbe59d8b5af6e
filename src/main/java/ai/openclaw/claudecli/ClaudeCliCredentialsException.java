package ai.openclaw.claudecli;

/**
 * The Claude CLI's credential store exists but cannot be used: not JSON (the message has path:line:column), or a
 * required field is missing or has the wrong type (the message names the field). Never quotes the store's content.
 */
public final class ClaudeCliCredentialsException extends RuntimeException {
    public ClaudeCliCredentialsException(String message) {
        super(message);
    }
}
