package ai.openclaw.core;

import java.util.Objects;

/**
 * A secret string (API key, token, OAuth access or refresh token).
 *
 * <p>{@link #toString()} prints only a mask, so a secret that ends up in a log line, an exception
 * message or a debugger view does not leak. Call {@link #reveal()} only where the value is really
 * needed: an outgoing request header or the store file.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps a trimmed, non-blank value; returns {@code null} for null or blank input. */
    public static Secret ofNullable(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : new Secret(trimmed);
    }

    public static Secret of(String value) {
        Secret secret = ofNullable(value);
        if (secret == null) {
            throw new IllegalArgumentException("secret must not be blank");
        }
        return secret;
    }

    public String reveal() {
        return value;
    }

    /** The display mask of OpenClaw ({@code sk-ant-a...12345678}); see {@link Mask}. */
    public String masked() {
        return Mask.apiKey(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "Secret[" + Mask.opaque(value) + "]";
    }
}
