package ai.openclaw.testing;

import ai.openclaw.core.Secret;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.json.Json;
import ai.openclaw.oauth.OAuthRefreshException;
import ai.openclaw.oauth.RefreshFailure;
import ai.openclaw.oauth.TokenRefresher;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * A {@link TokenRefresher} for tests that speaks the refresh-token grant to a {@link LoopbackTokenEndpoint} over a
 * real socket: {@code expires = now + expires_in * 1000}, fields it does not get back are kept, error answers are
 * classified with {@link RefreshFailure#classify}. Messages hold the status and error code, never a token.
 */
public final class LoopbackRefresher implements TokenRefresher {
    private final String provider;
    private final URI tokenUrl;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public LoopbackRefresher(String provider, URI tokenUrl, Clock clock) {
        this.provider = provider;
        this.tokenUrl = tokenUrl;
        this.clock = clock;
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public OAuthCredential refresh(OAuthCredential current, Duration timeout) throws OAuthRefreshException {
        String form = "grant_type=refresh_token&refresh_token="
                + URLEncoder.encode(current.refresh().reveal(), StandardCharsets.UTF_8) + "&client_id=test-client";
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(tokenUrl).timeout(timeout)
                    .header("content-type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new OAuthRefreshException(RefreshFailure.TIMEOUT, "token endpoint did not answer in time");
        } catch (IOException e) {
            throw new OAuthRefreshException(RefreshFailure.OTHER, "token endpoint unreachable: "
                    + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OAuthRefreshException(RefreshFailure.OTHER, "interrupted");
        }
        JsonNode body = Json.parse(Path.of("token-response"), response.body());
        if (response.statusCode() / 100 != 2) {
            String error = body.path("error").asString("") + " " + body.path("error_description").asString("");
            throw new OAuthRefreshException(RefreshFailure.classify(error),
                    "token endpoint answered " + response.statusCode() + ": " + body.path("error").asString("?"));
        }
        long expires = clock.millis() + body.path("expires_in").asLong() * 1000;
        return new OAuthCredential(current.provider(), Secret.of(body.path("access_token").asString()),
                Secret.ofNullable(body.path("refresh_token").asString(null)), current.idToken(), expires,
                current.clientId(), current.enterpriseUrl(), current.projectId(), current.accountId(),
                current.chatgptPlanType(), current.oauthRef(), current.meta());
    }
}
