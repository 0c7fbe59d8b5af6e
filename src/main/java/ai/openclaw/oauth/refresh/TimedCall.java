package ai.openclaw.oauth.refresh;

import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.oauth.OAuthRefreshException;
import ai.openclaw.oauth.RefreshFailure;
import ai.openclaw.oauth.TokenRefresher;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One provider call with a hard timeout (logins §2.12 step 5). The refresher runs on its own virtual thread; when it
 * has not answered in time the caller stops waiting, the thread is interrupted, and the outcome is
 * {@link RefreshFailure#TIMEOUT}, whatever the refresher does later. (If the provider did rotate the token after all,
 * that rotation is lost: the same holds for the reference implementation, and is why the timeout is generous.)
 */
final class TimedCall {
    private TimedCall() {}

    /**
     * @param label names the call in the timeout message (the profile id)
     * @return the refresher's credential, checked to have an access token
     */
    static OAuthCredential refresh(TokenRefresher refresher, OAuthCredential current, Duration timeout, String label)
            throws OAuthRefreshException {
        CompletableFuture<OAuthCredential> result = new CompletableFuture<>();
        Thread thread = Thread.ofVirtual().name("oauth-refresh").start(() -> {
            try {
                result.complete(refresher.refresh(current, timeout));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        OAuthCredential refreshed;
        try {
            refreshed = result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            throw new OAuthRefreshException(RefreshFailure.TIMEOUT, RefreshMessages.timeout(label, timeout.toMillis()));
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new OAuthRefreshException(RefreshFailure.OTHER, "interrupted while waiting for the provider");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OAuthRefreshException r) {
                throw r;
            }
            // outside the refresher's contract: name what broke, but keep its message (and the exception itself, which
            // someone might log with its message) out, since nothing promises it is free of tokens
            throw new OAuthRefreshException(RefreshFailure.OTHER,
                    "the refresher failed unexpectedly (" + cause.getClass().getSimpleName() + ")");
        }
        if (refreshed == null || refreshed.access() == null) {
            throw new OAuthRefreshException(RefreshFailure.OTHER, "the provider returned no access token");
        }
        return refreshed;
    }
}
