package ai.openclaw.oauth.codex;

import ai.openclaw.credential.OAuthCredential;
import java.util.Objects;

/**
 * A completed Codex login, ready to be stored.
 *
 * @param credential the {@code oauth} credential (access, refresh, expiry, account id, e-mail)
 * @param identity   what the tokens say about the account, for the profile id
 * @param via        how the code arrived
 */
public record CodexLogin(OAuthCredential credential, CodexIdentity identity, Via via) {
    /** How the authorization code reached us. */
    public enum Via {
        /** The browser redirected to the loopback callback. */
        CALLBACK,
        /** A person pasted the redirect URL or the code. */
        PASTE
    }

    public CodexLogin {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(via, "via");
    }
}
