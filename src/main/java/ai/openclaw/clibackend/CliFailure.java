package ai.openclaw.clibackend;

import java.util.Objects;

/**
 * Why a CLI run did not produce an answer. {@link Kind#status()} is the HTTP status the gateway answers with when
 * the run was the only thing tried; the message says what happened and what to change, and carries no secrets (the
 * program's stderr is quoted in part, bounded).
 */
public record CliFailure(Kind kind, String message) {
    public CliFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** What went wrong, with the HTTP status and error code it is answered with. */
    public enum Kind {
        /** The program is not installed or not on {@code PATH}. */
        NOT_FOUND(503, "cli_not_found"),
        /** The program exists but could not be started (permissions, not executable). */
        START_FAILED(503, "cli_start_failed"),
        /** Every run slot is taken and the waiting line is full (or the wait took too long). */
        BUSY(429, "cli_busy"),
        /** The run took longer than {@code timeoutSeconds}. */
        TIMEOUT(504, "cli_timeout"),
        /** The run printed nothing for {@code noOutputTimeoutSeconds}. */
        NO_OUTPUT(504, "cli_timeout"),
        /** The program exited with a non-zero status and no result. */
        EXIT(502, "cli_failed"),
        /** The program's result event said {@code is_error}. */
        ERROR_RESULT(502, "cli_error"),
        /** The program ended without a result and without any text. */
        NO_RESULT(502, "cli_no_result"),
        /** The program printed more than the gateway accepts. */
        OUTPUT_TOO_LARGE(502, "cli_output_too_large"),
        /** The caller went away; nobody is answered. */
        CANCELLED(499, "client_disconnected"),
        /** The gateway is stopping. */
        SHUTDOWN(503, "gateway_stopping");

        private final int status;
        private final String code;

        Kind(int status, String code) {
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }
}
