package ai.openclaw.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A PKCE pair (RFC 7636): the verifier stays in this process until the token exchange, the challenge goes into the
 * authorize URL. Only the {@code S256} method is offered.
 *
 * <p>{@link #toString()} hides the verifier: whoever holds it together with the authorization code can redeem the
 * code.
 *
 * @param verifier  43 characters of base64url (no padding) encoding 32 random bytes
 * @param challenge base64url (no padding) of SHA-256 over the ASCII verifier
 */
public record Pkce(String verifier, String challenge) {
    /** The {@code code_challenge_method} value. */
    public static final String METHOD = "S256";
    /** Random bytes behind a verifier: 32 bytes give the 43-character minimum of RFC 7636 §4.1 and 256 bits. */
    static final int VERIFIER_BYTES = 32;

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    public Pkce {
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(challenge, "challenge");
    }

    /** A fresh pair from {@code random} (a {@link java.security.SecureRandom} in production). */
    public static Pkce generate(RandomGenerator random) {
        byte[] bytes = new byte[VERIFIER_BYTES];
        random.nextBytes(bytes);
        return fromVerifier(B64URL.encodeToString(bytes));
    }

    /** The pair for a given verifier (known-answer tests, or a verifier kept from an earlier step). */
    public static Pkce fromVerifier(String verifier) {
        return new Pkce(verifier, challengeOf(verifier));
    }

    /** {@code BASE64URL(SHA256(ASCII(verifier)))} without padding (RFC 7636 §4.2). */
    public static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return B64URL.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "Pkce[challenge=" + challenge + ", verifier=***]";
    }
}
