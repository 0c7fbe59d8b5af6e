package ai.openclaw.claudecli;

import ai.openclaw.testing.SettableClock;

import static ai.openclaw.claudecli.ClaudeCliFixtures.ACCESS;
import static ai.openclaw.claudecli.ClaudeCliFixtures.ACCESS_2;
import static ai.openclaw.claudecli.ClaudeCliFixtures.REFRESH;
import static ai.openclaw.claudecli.ClaudeCliFixtures.REFRESH_2;
import static ai.openclaw.claudecli.ClaudeCliFixtures.credentialsJson;
import static ai.openclaw.claudecli.ClaudeCliFixtures.writeCredentials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.core.Secret;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.credential.ProfileMeta;
import ai.openclaw.oauth.OAuthRefreshException;
import ai.openclaw.oauth.RefreshFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Claude CLI "refresher" renews from the Claude CLI's own store. It has no HTTP client at all: the only input is
 * the store file, so a returned token can only come from there.
 */
class ClaudeCliResyncTest {
    private static final long NOW = 1_800_000_000_000L;
    private static final long MIN = 60_000L;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path home;
    ClaudeCliResync resync;
    OAuthCredential current;

    @BeforeEach
    void setUp() {
        resync = new ClaudeCliResync(new ClaudeCliCredentials(Map.of(), home, Keychain.NONE), new SettableClock(NOW),
                false);
        current = new OAuthCredential("anthropic", Secret.of(ACCESS), Secret.of(REFRESH), null, NOW + 2 * MIN, null,
                null, null, null, null, null, new ProfileMeta("me@example.com", "Max plan", null, Map.of()));
    }

    @Test
    void servesTheAnthropicClaudeCliProfileOnly() {
        assertThat(resync.provider()).isEqualTo("anthropic");
        assertThat(ClaudeCliResync.serves("anthropic:claude-cli")).isTrue();
        assertThat(ClaudeCliResync.serves("anthropic:default")).isFalse();
    }

    @Test
    void aNewerClaudeCliLogin_isReturned_keepingWhatTheProfileKnew() throws Exception {
        writeCredentials(home, credentialsJson(ACCESS_2, REFRESH_2, NOW + 480 * MIN));

        OAuthCredential renewed = resync.refresh(current, TIMEOUT);

        assertThat(renewed.access().reveal()).isEqualTo(ACCESS_2);
        assertThat(renewed.refresh().reveal()).isEqualTo(REFRESH_2);
        assertThat(renewed.expires()).isEqualTo(NOW + 480 * MIN);
        assertThat(renewed.provider()).isEqualTo("anthropic");
        assertThat(renewed.email()).isEqualTo("me@example.com");
        assertThat(renewed.displayName()).isEqualTo("Max plan");
    }

    @Test
    void readingIsAllItDoes_theClaudeCliStoreIsNotTouched() throws Exception {
        Path file = writeCredentials(home, credentialsJson(ACCESS_2, REFRESH_2, NOW + 480 * MIN));
        byte[] before = Files.readAllBytes(file);
        var mtime = Files.getLastModifiedTime(file);
        resync.refresh(current, TIMEOUT);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(mtime);
    }

    @Test
    void anExpiredClaudeCliLogin_asksToRunClaude() {
        writeCredentials(home, credentialsJson(ACCESS, REFRESH, NOW - 90 * MIN));
        assertThatThrownBy(() -> resync.refresh(current, TIMEOUT))
                .isInstanceOfSatisfying(OAuthRefreshException.class, e -> {
                    assertThat(e.failure()).isEqualTo(RefreshFailure.SIGN_IN_AGAIN);
                    assertThat(e.getMessage()).contains("expired 2h ago")
                            .contains("Run `claude` on the gateway host to renew the Claude CLI login")
                            .doesNotContain(ACCESS).doesNotContain(REFRESH);
                });
    }

    @Test
    void aLoginTheClaudeCliHasNotRenewedYet_isAnOrdinaryFailure() {
        writeCredentials(home, credentialsJson(ACCESS, REFRESH, NOW + 2 * MIN));
        assertThatThrownBy(() -> resync.refresh(current, TIMEOUT))
                .isInstanceOfSatisfying(OAuthRefreshException.class, e -> {
                    assertThat(e.failure()).isEqualTo(RefreshFailure.OTHER);
                    assertThat(e.getMessage()).contains("has not renewed its login yet")
                            .contains("does not spend the Claude CLI's refresh token");
                });
    }

    @Test
    void noClaudeCliLogin_asksToLogIn() {
        assertThatThrownBy(() -> resync.refresh(current, TIMEOUT))
                .isInstanceOfSatisfying(OAuthRefreshException.class, e -> {
                    assertThat(e.failure()).isEqualTo(RefreshFailure.SIGN_IN_AGAIN);
                    assertThat(e.getMessage()).contains(home.resolve(".claude/.credentials.json").toString())
                            .contains("log in");
                });
    }

    @Test
    void aTokenOnlyClaudeCliLogin_cannotRenewAnOAuthProfile() {
        writeCredentials(home, credentialsJson(ACCESS_2, null, NOW + 480 * MIN));
        assertThatThrownBy(() -> resync.refresh(current, TIMEOUT))
                .isInstanceOfSatisfying(OAuthRefreshException.class, e -> {
                    assertThat(e.failure().needsLogin()).isTrue();
                    assertThat(e.getMessage()).contains("has no refresh token").doesNotContain(ACCESS_2);
                });
    }

    @Test
    void anUnreadableClaudeCliStore_isAnOrdinaryFailureNamingTheFile() {
        Path file = writeCredentials(home, "{\"claudeAiOauth\": {\"accessToken\": \"" + ACCESS_2 + "\",}");
        assertThatThrownBy(() -> resync.refresh(current, TIMEOUT))
                .isInstanceOfSatisfying(OAuthRefreshException.class, e -> {
                    assertThat(e.failure()).isEqualTo(RefreshFailure.OTHER);
                    assertThat(e.getMessage()).contains(file + ":1:").doesNotContain(ACCESS_2);
                });
    }
}
