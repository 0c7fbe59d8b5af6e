package ai.openclaw.env;

/**
 * The login shell could not report its environment. The message says why (start failure, exit status,
 * timeout) and never contains any of the shell's output.
 */
public final class ShellEnvException extends Exception {
    public ShellEnvException(String message) {
        super(message);
    }

    public ShellEnvException(String message, Throwable cause) {
        super(message, cause);
    }
}
