package ai.openclaw.oauth.codex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.core.Secret;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.credential.ProfileMeta;
import ai.openclaw.oauth.OAuthRefreshException;
import ai.openclaw.oauth.RefreshFailure;
import ai.openclaw.testing.FakeOAuthServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link CodexRefresher}: the {@code openai-codex} {@link ai.openclaw.oauth.TokenRefresher}. */
@Timeout(30)
class CodexRefresherTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    FakeOAuthServer oauth;
    CodexTokenClient client;
    CodexRefresher refresher;

    @BeforeEach
    void setUp() {
        oauth = FakeOAuthServer.start().account("acct-9", "owner@example.com").expiresIn(7200);
        Map<String, String> env = oauth.env();
        client = CodexTokenClient.create(CodexEndpoints.fromEnv(env), env, CLOCK);
        refresher = new CodexRefresher(client);
    }

    @AfterEach
    void tearDown() {
        client.close();
        oauth.close();
    }

    /** A stored credential as a login left it, with e-mail and display name from the profile. */
    OAuthCredential stored(FakeOAuthServer.Issued t) {
        return new OAuthCredential("openai-codex", Secret.of(t.access()), Secret.of(t.refresh()), null, 1L, null, null,
                null, "acct-9", "plus", null, new ProfileMeta("owner@example.com", "Work", null, Map.of()));
    }

    @Test
    void provider_isOpenaiCodex() {
        assertThat(refresher.provider()).isEqualTo("openai-codex");
    }

    @Test
    void refresh_returnsNewTokensMergedOverTheStoredCredential() throws Exception {
        FakeOAuthServer.Issued issued = oauth.issueTokens();
        OAuthCredential old = stored(issued);

        OAuthCredential fresh = refresher.refresh(old, TIMEOUT);

        assertThat(fresh.access().reveal()).isNotEqualTo(issued.access());
        assertThat(fresh.refresh().reveal()).isNotEqualTo(issued.refresh());
        assertThat(fresh.expires()).isEqualTo(CLOCK.millis() + 7_200_000L);
        assertThat(fresh.accountId()).isEqualTo("acct-9");
        assertThat(fresh.meta().email()).isEqualTo("owner@example.com");
        assertThat(fresh.meta().displayName()).isEqualTo("Work");
        assertThat(fresh.provider()).isEqualTo("openai-codex");
        assertThat(oauth.calls(FakeOAuthServer.REFRESH_TOKEN)).isEqualTo(1);
    }

    @Test
    void refresh_keepsTheStoredEmail_evenWhenTheNewTokenNamesAnother() throws Exception {
        oauth.account("acct-9", "renamed@example.com");

        OAuthCredential fresh = refresher.refresh(stored(oauth.issueTokens()), TIMEOUT);

        assertThat(fresh.meta().email()).isEqualTo("owner@example.com");
    }

    @Test
    void refresh_whenTheNewTokenHasNoAccountId_keepsTheStoredOne_andTheRotatedTokens() throws Exception {
        FakeOAuthServer.Issued issued = oauth.issueTokens();
        oauth.account(null, "owner@example.com");

        OAuthCredential fresh = refresher.refresh(stored(issued), TIMEOUT);

        assertThat(fresh.accountId()).isEqualTo("acct-9");
        assertThat(fresh.refresh().reveal()).as("the spent token must not come back").isNotEqualTo(issued.refresh());
    }

    @Test
    void refresh_rotates_soTheOldCredentialCannotBeRefreshedTwice() throws Exception {
        OAuthCredential old = stored(oauth.issueTokens());
        OAuthCredential fresh = refresher.refresh(old, TIMEOUT);

        assertThatThrownBy(() -> refresher.refresh(old, TIMEOUT))
                .isInstanceOfSatisfying(OAuthRefreshException.class, e -> {
                    assertThat(e.failure()).isEqualTo(RefreshFailure.REFRESH_TOKEN_REUSED);
                    assertThat(e.failure().needsLogin()).isTrue();
                    assertThat(e.getMessage()).startsWith("OAuth token refresh failed for openai-codex: HTTP 400")
                            .contains("openclaw models auth login --provider openai-codex");
                    assertNoTokens(e.getMessage(), old, fresh);
                });
        // the rotated one still works
        assertThat(refresher.refresh(fresh, TIMEOUT).access()).isNotEqualTo(fresh.access());
    }

    @Test
    void invalidGrant_isClassified() {
        OAuthCredential old = stored(oauth.issueTokens());
        oauth.mode(FakeOAuthServer.Mode.INVALID_GRANT);

        assertThatThrownBy(() -> refresher.refresh(old, TIMEOUT))
                .isInstanceOfSatisfying(OAuthRefreshException.class, e -> {
                    assertThat(e.failure()).isEqualTo(RefreshFailure.INVALID_GRANT);
                    assertNoTokens(e.getMessage(), old);
                });
    }

    @Test
    void serverError_isOther_andDoesNotAskForALogin() {
        OAuthCredential old = stored(oauth.issueTokens());
        oauth.mode(FakeOAuthServer.Mode.SERVER_ERROR);

        assertThatThrownBy(() -> refresher.refresh(old, TIMEOUT))
                .isInstanceOfSatisfying(OAuthRefreshException.class, e -> {
                    assertThat(e.failure()).isEqualTo(RefreshFailure.OTHER);
                    assertThat(e.getMessage()).contains("HTTP 500").doesNotContain("models auth login");
                });
    }

    @Test
    void slowServer_failsWithTimeout_atTheHardLimit() {
        OAuthCredential old = stored(oauth.issueTokens());
        oauth.slow(Duration.ofSeconds(20));

        assertThatThrownBy(() -> refresher.refresh(old, Duration.ofMillis(250)))
                .isInstanceOfSatisfying(OAuthRefreshException.class, e -> {
                    assertThat(e.failure()).isEqualTo(RefreshFailure.TIMEOUT);
                    assertThat(e.getMessage()).isEqualTo(
                            "OAuth refresh call \"openai-codex\" exceeded hard timeout (250ms)");
                });
    }

    @Test
    void credentialWithoutRefreshToken_needsALogin_withoutCallingTheServer() {
        OAuthCredential noRefresh = new OAuthCredential("openai-codex", Secret.of("at"), null, null, 1L, null, null,
                null, null, null, null, null);

        assertThatThrownBy(() -> refresher.refresh(noRefresh, TIMEOUT))
                .isInstanceOfSatisfying(OAuthRefreshException.class, e ->
                        assertThat(e.failure()).isEqualTo(RefreshFailure.INVALID_REFRESH_TOKEN));
        assertThat(oauth.calls(FakeOAuthServer.REFRESH_TOKEN)).isZero();
    }

    @Test
    void otherProvidersCredential_isABug() {
        OAuthCredential anthropic = new OAuthCredential("anthropic", Secret.of("at"), Secret.of("rt"), null, 1L, null,
                null, null, null, null, null, null);

        assertThatThrownBy(() -> refresher.refresh(anthropic, TIMEOUT)).isInstanceOf(IllegalArgumentException.class);
    }

    static void assertNoTokens(String message, OAuthCredential... credentials) {
        for (OAuthCredential c : credentials) {
            assertThat(message).doesNotContain(c.access().reveal()).doesNotContain(c.refresh().reveal());
        }
    }
}
