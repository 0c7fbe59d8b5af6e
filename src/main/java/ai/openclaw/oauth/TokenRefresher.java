package ai.openclaw.oauth;

import ai.openclaw.credential.OAuthCredential;
import java.time.Duration;

/**
 * One provider's refresh call: trades an OAuth credential's refresh token for a new access token. Implementations
 * talk to the provider only; locking, single flight, re-reading the store and saving belong to the caller (the
 * refresh coordinator), so a refresher must not touch any file.
 */
public interface TokenRefresher {
    /** The normalised provider id this refresher serves, e.g. {@code openai-codex}. */
    String provider();

    /**
     * Calls the provider once.
     *
     * @param current the stored credential; its refresh token is the one spent
     * @param timeout a hard limit for the whole call
     * @return the refreshed credential merged over {@code current} (fields the provider did not return, such as the
     *         email or the account id, are kept); never with a blank access or refresh token
     * @throws OAuthRefreshException when the provider refuses or cannot be reached; the message holds no secret
     */
    OAuthCredential refresh(OAuthCredential current, Duration timeout) throws OAuthRefreshException;
}
