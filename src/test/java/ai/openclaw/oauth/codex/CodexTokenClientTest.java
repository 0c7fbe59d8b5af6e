package ai.openclaw.oauth.codex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.core.Secret;
import ai.openclaw.oauth.Pkce;
import ai.openclaw.testing.FakeOAuthServer;
import ai.openclaw.testing.FakeUpstream;
import ai.openclaw.testing.Responders;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The token endpoint calls (logins §2.7, §2.10) against the fake OAuth server. */
@Timeout(30)
class CodexTokenClientTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final String REDIRECT = CodexEndpoints.DEFAULTS.redirectUri();

    FakeOAuthServer oauth;
    CodexTokenClient client;

    @BeforeEach
    void setUp() {
        oauth = FakeOAuthServer.start().account("acct-77", "dev@example.com").expiresIn(864_000);
        client = client(Map.of());
    }

    @AfterEach
    void tearDown() {
        client.close();
        oauth.close();
    }

    CodexTokenClient client(Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(oauth.env());
        env.putAll(extraEnv);
        return CodexTokenClient.create(CodexEndpoints.fromEnv(env), env, CLOCK);
    }

    @Test
    void exchange_withTheRightVerifier_returnsTokens_andExpiryFromTheClock() throws Exception {
        Pkce pkce = Pkce.generate(new SecureRandom());
        String code = oauth.issueCode(pkce.challenge(), CodexEndpoints.DEFAULTS.redirectUri());

        CodexTokens tokens = client.exchange(code, pkce, REDIRECT, TIMEOUT);

        assertThat(tokens.expiresAt()).isEqualTo(CLOCK.millis() + 864_000_000L);
        assertThat(CodexIdentity.of(tokens.access(), tokens.idToken()).accountId()).isEqualTo("acct-77");
        assertThat(tokens.refresh().reveal()).startsWith("rt-fake-");
        assertThat(tokens.toString()).doesNotContain(tokens.access().reveal()).doesNotContain(tokens.refresh().reveal());
        Map<String, String> sent = oauth.tokenRequests().getFirst();
        assertThat(sent).containsExactly(
                Map.entry("grant_type", "authorization_code"),
                Map.entry("client_id", "app_EMoamEEZ73f0CkXaXp7hrann"),
                Map.entry("code", code),
                Map.entry("code_verifier", pkce.verifier()),
                Map.entry("redirect_uri", "http://localhost:1455/auth/callback"));
    }

    @Test
    void exchange_withAWrongVerifier_isRejected_withoutEchoingCodeOrVerifier() {
        Pkce issued = Pkce.generate(new SecureRandom());
        Pkce other = Pkce.generate(new SecureRandom());
        String code = oauth.issueCode(issued.challenge(), CodexEndpoints.DEFAULTS.redirectUri());

        assertThatThrownBy(() -> client.exchange(code, other, REDIRECT, TIMEOUT))
                .isInstanceOfSatisfying(CodexTokenException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CodexTokenException.Kind.REJECTED);
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("HTTP 400: invalid_grant (code_verifier does not match")
                            .doesNotContain(code).doesNotContain(other.verifier());
                });
    }

    @Test
    void exchange_ofACodeTwice_isRejected() throws Exception {
        Pkce pkce = Pkce.generate(new SecureRandom());
        String code = oauth.issueCode(pkce.challenge(), CodexEndpoints.DEFAULTS.redirectUri());
        client.exchange(code, pkce, REDIRECT, TIMEOUT);

        assertThatThrownBy(() -> client.exchange(code, pkce, REDIRECT, TIMEOUT)).isInstanceOf(CodexTokenException.class)
                .hasMessageContaining("invalid_grant");
    }

    @Test
    void exchange_withAnotherRedirectUri_isRejected() {
        Pkce pkce = Pkce.generate(new SecureRandom());
        String code = oauth.issueCode(pkce.challenge(), "http://localhost:9999/auth/callback");

        assertThatThrownBy(() -> client.exchange(code, pkce, REDIRECT, TIMEOUT)).isInstanceOf(CodexTokenException.class)
                .hasMessageContaining("redirect_uri does not match");
    }

    @Test
    void refresh_rotatesTheRefreshToken_andASpentOneIsReportedAsReused() throws Exception {
        FakeOAuthServer.Issued issued = oauth.issueTokens();

        CodexTokens first = client.refresh(Secret.of(issued.refresh()), TIMEOUT);

        assertThat(first.refresh().reveal()).isNotEqualTo(issued.refresh());
        assertThat(oauth.isSpent(issued.refresh())).isTrue();
        assertThat(oauth.tokenRequests().getLast()).containsExactly(Map.entry("grant_type", "refresh_token"),
                Map.entry("refresh_token", issued.refresh()), Map.entry("client_id", CodexEndpoints.CLIENT_ID));
        assertThatThrownBy(() -> client.refresh(Secret.of(issued.refresh()), TIMEOUT))
                .isInstanceOfSatisfying(CodexTokenException.class, e -> {
                    assertThat(e.providerText()).contains("refresh_token_reused");
                    assertThat(e.getMessage()).doesNotContain(issued.refresh());
                });
        assertThat(oauth.calls(FakeOAuthServer.REFRESH_TOKEN)).isEqualTo(2);
    }

    @Test
    void answerWithoutRequiredFields_isMalformed_andNamesWhatIsMissing() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start();
             CodexTokenClient c = client(Map.of(CodexEndpoints.TOKEN_URL_VAR, upstream.baseUrl() + "/oauth/token"))) {
            upstream.onPost("/oauth/token", Responders.json("{\"access_token\":\"at-secret-value\",\"expires_in\":\"3600\"}"));

            assertThatThrownBy(() -> c.refresh(Secret.of("rt-1"), TIMEOUT))
                    .isInstanceOfSatisfying(CodexTokenException.class, e -> {
                        assertThat(e.kind()).isEqualTo(CodexTokenException.Kind.MALFORMED);
                        assertThat(e.getMessage()).isEqualTo(
                                "the token endpoint answered HTTP 200 but it has no refresh_token, expires_in (a number)");
                    });

            upstream.onPost("/oauth/token", Responders.text(200, "<html>gateway</html>"));
            assertThatThrownBy(() -> c.refresh(Secret.of("rt-1"), TIMEOUT))
                    .hasMessage("the token endpoint answered HTTP 200 but its body is not a JSON object");
        }
    }

    @Test
    void openAiStyleErrorObjects_areDescribed_andEchoedTokensRedacted() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start();
             CodexTokenClient c = client(Map.of(CodexEndpoints.TOKEN_URL_VAR, upstream.baseUrl() + "/oauth/token"))) {
            upstream.onPost("/oauth/token", Responders.json(401, "{\"error\":{\"code\":\"token_expired\","
                    + "\"message\":\"Token rt-echoed-secret-123 expired\"}}"));

            assertThatThrownBy(() -> c.refresh(Secret.of("rt-echoed-secret-123"), TIMEOUT))
                    .isInstanceOfSatisfying(CodexTokenException.class, e -> {
                        assertThat(e.getMessage()).startsWith("HTTP 401: token_expired (Token ").endsWith(" expired)")
                                .doesNotContain("rt-echoed-secret-123");
                        assertThat(e.providerText()).doesNotContain("rt-echoed-secret-123");
                    });
        }
    }

    @Test
    void slowServer_hitsTheHardTimeout() {
        oauth.slow(Duration.ofSeconds(20));

        assertThatThrownBy(() -> client.refresh(Secret.of(oauth.issueTokens().refresh()),
                Duration.ofMillis(300)))
                .isInstanceOfSatisfying(CodexTokenException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CodexTokenException.Kind.TIMEOUT);
                    assertThat(e.getMessage()).contains("within 300 ms");
                });
    }

    @Test
    void unreachableEndpoint_isUnreachable() throws Exception {
        int closedPort = closedPort();
        try (CodexTokenClient c = client(Map.of(CodexEndpoints.TOKEN_URL_VAR,
                "http://127.0.0.1:" + closedPort + "/oauth/token"))) {
            assertThatThrownBy(() -> c.refresh(Secret.of("rt-x"), TIMEOUT))
                    .isInstanceOfSatisfying(CodexTokenException.class, e ->
                            assertThat(e.kind()).isEqualTo(CodexTokenException.Kind.UNREACHABLE));
        }
    }

    @Test
    void tokenCalls_goThroughTheHttpProxyFromTheEnvironment() throws Exception {
        // the token URL names a port nobody listens on; only the proxy (the fake) can answer
        int closedPort = closedPort();
        String proxy = oauth.baseUrl();
        try (CodexTokenClient viaProxy = client(Map.of(CodexEndpoints.TOKEN_URL_VAR,
                "http://127.0.0.1:" + closedPort + "/oauth/token", "HTTP_PROXY", proxy))) {
            CodexTokens tokens = viaProxy.refresh(Secret.of(oauth.issueTokens().refresh()), TIMEOUT);

            assertThat(tokens.access().reveal()).isNotBlank();
            assertThat(oauth.calls(FakeOAuthServer.REFRESH_TOKEN)).isEqualTo(1);
        }
        // NO_PROXY sends the same call direct, where nothing answers
        try (CodexTokenClient direct = client(Map.of(CodexEndpoints.TOKEN_URL_VAR,
                "http://127.0.0.1:" + closedPort + "/oauth/token", "HTTP_PROXY", proxy, "NO_PROXY", "127.0.0.1"))) {
            assertThatThrownBy(() -> direct.refresh(Secret.of(oauth.issueTokens().refresh()), TIMEOUT))
                    .isInstanceOfSatisfying(CodexTokenException.class, e ->
                            assertThat(e.kind()).isEqualTo(CodexTokenException.Kind.UNREACHABLE));
        }
    }

    /** A loopback port that was free a moment ago (nothing listens on it). */
    static int closedPort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
