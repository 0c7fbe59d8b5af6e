package ai.openclaw.claudecli;

import ai.openclaw.credential.Credential;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.credential.TokenCredential;
import java.util.Objects;

/**
 * The Claude CLI's login as read from its store: an {@link OAuthCredential} when the store holds a refresh token,
 * else a {@link TokenCredential}; provider {@code anthropic}, {@code expires} always set.
 *
 * @param source where it was read: the file path or the Keychain item (for messages)
 */
public record ClaudeCliCredential(Credential credential, String source) {
    public ClaudeCliCredential {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(source, "source");
        if (!(credential instanceof OAuthCredential) && !(credential instanceof TokenCredential)) {
            throw new IllegalArgumentException("a Claude CLI login is an oauth or token credential");
        }
    }

    /** Epoch milliseconds when the access token expires. */
    public long expires() {
        return ClaudeCliSync.expiresOf(credential);
    }

    public boolean expiredAt(long nowMillis) {
        return expires() <= nowMillis;
    }

    @Override
    public String toString() {
        return "ClaudeCliCredential[" + credential + ", source=" + source + "]";
    }
}
