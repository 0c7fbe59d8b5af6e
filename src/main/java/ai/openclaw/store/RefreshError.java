package ai.openclaw.store;

import java.util.Objects;

/**
 * The last OAuth refresh of one profile that failed, as {@code auth-state.json} keeps it under
 * {@code refreshErrors.<profileId>} until the next successful refresh of that profile clears it. An addition of this
 * implementation: OpenClaw keeps no such record (its loader ignores the key, its writer drops it).
 *
 * @param at      epoch milliseconds of the failure
 * @param code    the classified cause ({@code invalid_grant}, {@code refresh_token_reused}, {@code timeout}, ...)
 * @param message what failed and how to recover, for people; never holds a token
 */
public record RefreshError(long at, String code, String message) {
    public RefreshError {
        if (at <= 0) {
            throw new IllegalArgumentException("at must be positive epoch milliseconds");
        }
        Objects.requireNonNull(code, "code");
        if (code.isBlank()) {
            throw new IllegalArgumentException("code must not be blank");
        }
        message = message == null ? "" : message;
    }
}
