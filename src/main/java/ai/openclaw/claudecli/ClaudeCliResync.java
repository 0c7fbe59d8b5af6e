package ai.openclaw.claudecli;

import ai.openclaw.core.Durations;
import ai.openclaw.credential.Credential;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.oauth.OAuthRefreshException;
import ai.openclaw.oauth.RefreshFailure;
import ai.openclaw.oauth.TokenRefresher;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * "Refreshes" the {@code anthropic:claude-cli} profile by re-reading the Claude CLI's store instead of spending its
 * refresh token. The Claude CLI owns that login and rotates the refresh token whenever it refreshes; if we spent it
 * too, one of the two programs would find its refresh token already used and be logged out. So this refresher makes
 * no network call: it returns the Claude CLI's current login when that is newer than the stored one and not expired,
 * and otherwise fails with a message saying how to renew the login.
 *
 * <p><b>Wiring:</b> register it only for the profile {@value ClaudeCliCredentials#PROFILE_ID} ({@link #serves}).
 * {@link #provider()} says {@code anthropic}, but any credential handed to {@link #refresh} is answered with the
 * Claude CLI's login, which is right for that profile alone.
 *
 * <p>Reads only (the refresher contract: no file is written). The call is bounded by the Keychain's own timeout
 * ({@link Keychain#TIMEOUT}) on macOS; a file read needs no timeout.
 */
public final class ClaudeCliResync implements TokenRefresher {
    private final ClaudeCliCredentials reader;
    private final Clock clock;
    private final boolean useKeychain;

    public ClaudeCliResync(ClaudeCliCredentials reader, Clock clock, boolean useKeychain) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.useKeychain = useKeychain;
    }

    /** True for the one profile this refresher may renew. */
    public static boolean serves(String profileId) {
        return ClaudeCliCredentials.PROFILE_ID.equals(profileId);
    }

    @Override
    public String provider() {
        return ClaudeCliCredentials.PROVIDER;
    }

    /**
     * @return the Claude CLI's login, with {@code current}'s display name and unknown fields, when it expires later
     *         than {@code current} and has not expired
     * @throws OAuthRefreshException {@link RefreshFailure#SIGN_IN_AGAIN} when the Claude CLI has no usable login
     *                               (none, expired, or only a setup-token); {@link RefreshFailure#OTHER} when its
     *                               store cannot be read or it has not renewed its login yet
     */
    @Override
    public OAuthCredential refresh(OAuthCredential current, Duration timeout) throws OAuthRefreshException {
        long now = clock.millis();
        Optional<ClaudeCliCredential> read;
        try {
            read = reader.read(useKeychain);
        } catch (ClaudeCliCredentialsException e) {
            throw new OAuthRefreshException(RefreshFailure.OTHER, e.getMessage());
        }
        if (read.isEmpty()) {
            throw new OAuthRefreshException(RefreshFailure.SIGN_IN_AGAIN, "The Claude CLI has no login (looked in "
                    + reader.whereLooked(useKeychain) + "). " + ClaudeCliRenewal.LOG_IN);
        }
        ClaudeCliCredential login = read.get();
        if (login.expiredAt(now)) {
            throw new OAuthRefreshException(RefreshFailure.SIGN_IN_AGAIN, "The Claude CLI login (" + login.source()
                    + ") expired " + Durations.remaining(now - login.expires()) + " ago. " + ClaudeCliRenewal.HINT);
        }
        if (!(login.credential() instanceof OAuthCredential)) {
            throw new OAuthRefreshException(RefreshFailure.SIGN_IN_AGAIN, "The Claude CLI login (" + login.source()
                    + ") has no refresh token, so it cannot replace the OAuth login of "
                    + ClaudeCliCredentials.PROFILE_ID + ". " + ClaudeCliRenewal.HINT);
        }
        long currentExpires = current.expires() == null ? 0 : current.expires();
        if (login.expires() <= currentExpires) {
            throw new OAuthRefreshException(RefreshFailure.OTHER, "The Claude CLI has not renewed its login yet ("
                    + login.source() + " expires in " + Durations.remaining(login.expires() - now)
                    + "); OpenClaw does not spend the Claude CLI's refresh token. " + ClaudeCliRenewal.HINT);
        }
        Credential merged = ClaudeCliSync.merge(current, login.credential());
        return (OAuthCredential) merged;
    }

    @Override
    public String toString() {
        return "ClaudeCliResync[" + reader + "]";
    }
}
