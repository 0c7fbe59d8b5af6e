package ai.openclaw.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The fake itself, driven by the JDK client (so it is not only tested through our own token client). */
@Timeout(30)
class FakeOAuthServerTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    static final String REDIRECT = "http://localhost:1455/auth/callback";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> post(FakeOAuthServer oauth, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(oauth.tokenUrl()))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, String> codeGrant(String code, String verifier) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("grant_type", "authorization_code");
        f.put("client_id", FakeOAuthServer.CLIENT_ID);
        f.put("code", code);
        f.put("code_verifier", verifier);
        f.put("redirect_uri", REDIRECT);
        return f;
    }

    static Map<String, String> refreshGrant(String refresh) {
        return Map.of("grant_type", "refresh_token", "client_id", FakeOAuthServer.CLIENT_ID, "refresh_token", refresh);
    }

    @Test
    void authorize_redirectsWithASingleUseCode_redeemableOnlyWithTheVerifier() throws Exception {
        try (FakeOAuthServer oauth = FakeOAuthServer.start().account("acct-1", "a@example.com")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(oauth.authorizeUrl()
                    + "?response_type=code&client_id=" + FakeOAuthServer.CLIENT_ID + "&redirect_uri="
                    + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8) + "&code_challenge=" + CHALLENGE
                    + "&code_challenge_method=S256&state=st1")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(302);
            String location = r.headers().firstValue("location").orElseThrow();
            assertThat(location).startsWith(REDIRECT + "?code=").endsWith("&state=st1");
            String code = location.substring(location.indexOf("code=") + 5, location.indexOf("&state"));

            assertThat(post(oauth, codeGrant(code, "wrong-verifier-wrong-verifier-wrong-verifier")).body())
                    .contains("invalid_grant");
            // a failed attempt spends the code, as real servers do
            assertThat(post(oauth, codeGrant(code, VERIFIER)).statusCode()).isEqualTo(400);

            String code2 = oauth.issueCode(CHALLENGE, REDIRECT);
            HttpResponse<String> ok = post(oauth, codeGrant(code2, VERIFIER));
            assertThat(ok.statusCode()).isEqualTo(200);
            JsonNode tokens = JSON.readTree(ok.body());
            assertThat(tokens.get("expires_in").asLong()).isEqualTo(3600);
            assertThat(tokens.get("access_token").asString().split("\\.")).hasSize(3);
            assertThat(oauth.calls(FakeOAuthServer.AUTHORIZATION_CODE)).isEqualTo(3);
        }
    }

    @Test
    void refreshTokens_rotate_andASpentOneAnswersRefreshTokenReused() throws Exception {
        try (FakeOAuthServer oauth = FakeOAuthServer.start()) {
            String first = oauth.issueTokens().refresh();

            HttpResponse<String> ok = post(oauth, refreshGrant(first));
            HttpResponse<String> again = post(oauth, refreshGrant(first));
            HttpResponse<String> unknown = post(oauth, refreshGrant("rt-never-issued"));

            assertThat(JSON.readTree(ok.body()).get("refresh_token").asString()).isNotEqualTo(first);
            assertThat(again.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(again.body()).get("error").asString()).isEqualTo("refresh_token_reused");
            assertThat(JSON.readTree(unknown.body()).get("error").asString()).isEqualTo("invalid_grant");
            assertThat(oauth.calls(FakeOAuthServer.REFRESH_TOKEN)).isEqualTo(3);
        }
    }

    @Test
    void concurrentRefreshesOfOneToken_exactlyOneWins_andAllAreCounted() throws Exception {
        try (FakeOAuthServer oauth = FakeOAuthServer.start()) {
            String token = oauth.issueTokens().refresh();

            var answers = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                try {
                    return post(oauth, refreshGrant(token)).statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            })).toList().stream().map(CompletableFuture::join).toList();

            assertThat(answers).containsOnly(200, 400).filteredOn(s -> s == 200).hasSize(1);
            assertThat(oauth.calls(FakeOAuthServer.REFRESH_TOKEN)).isEqualTo(8);
        }
    }

    @Test
    void modes_failEveryTokenRequest() throws Exception {
        try (FakeOAuthServer oauth = FakeOAuthServer.start()) {
            String token = oauth.issueTokens().refresh();

            oauth.mode(FakeOAuthServer.Mode.INVALID_GRANT);
            assertThat(post(oauth, refreshGrant(token)).body()).contains("\"invalid_grant\"");
            oauth.mode(FakeOAuthServer.Mode.SERVER_ERROR);
            assertThat(post(oauth, refreshGrant(token)).statusCode()).isEqualTo(500);
            oauth.mode(FakeOAuthServer.Mode.NORMAL);
            assertThat(post(oauth, refreshGrant(token)).statusCode()).as("the failures spent nothing").isEqualTo(200);
        }
    }
}
