package ai.openclaw.oauth.refresh;

import static ai.openclaw.oauth.refresh.RefreshFixture.ID;
import static ai.openclaw.oauth.refresh.RefreshFixture.NOW;
import static ai.openclaw.oauth.refresh.RefreshFixture.OLD_ACCESS;
import static ai.openclaw.oauth.refresh.RefreshFixture.OLD_REFRESH;
import static ai.openclaw.oauth.refresh.RefreshFixture.oauth;
import static ai.openclaw.testing.LoopbackTokenEndpoint.access;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.core.Secret;
import ai.openclaw.credential.ApiKeyCredential;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.store.RefreshError;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After a successful refresh, the other agents' stores get the new credential only where that is safe (L§2.12.6). */
class RefreshMirrorTest {
    private static final long HOUR = 3_600_000;

    @TempDir
    Path root;

    private RefreshFixture fx;

    @BeforeEach
    void setUp() throws IOException {
        fx = new RefreshFixture(root);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private static OAuthCredential of(String account, long expires) {
        return oauth(OLD_ACCESS, OLD_REFRESH, expires, account, null);
    }

    private OAuthCredential refreshIn(String agent, OAuthCredential seen) throws Exception {
        return fx.coordinator().fresh(fx.repo(agent), ID, seen);
    }

    @Test
    void aRefreshInMain_isCopiedIntoAgentsHoldingTheSameLoginWithAnOlderToken() throws Exception {
        fx.put("main", ID, of("acct-1", NOW - 1));
        fx.put("work", ID, oauth("at-work-0123456789abcdef", "rt-work-0123456789abcdef", NOW - HOUR, "acct-1", null));
        fx.repo("work").updateState(s -> s.withRefreshError(ID, new RefreshError(NOW - 5, "invalid_grant", "m")));

        OAuthCredential refreshed = refreshIn("main", of("acct-1", NOW - 1));

        assertThat(fx.stored("work", ID)).isEqualTo(refreshed);
        assertThat(fx.repo("work").load().store().state().refreshError(ID)).as("a working copy clears the error")
                .isNull();
        assertThat(fx.warnings).isEmpty();
    }

    @Test
    void aRefresh_neverCreatesTheProfileInAnotherNonMainStore_norItsDirectory() throws Exception {
        fx.put("main", ID, of("acct-1", NOW - 1));
        fx.put("other", "openai:key", ApiKeyCredential.of("openai", Secret.of("sk-other-0123456789abcdef")));
        byte[] otherBefore = fx.bytes("other");
        Path ghostDir = fx.repo("ghost").agentDir();

        refreshIn("main", of("acct-1", NOW - 1));

        assertThat(fx.bytes("other")).isEqualTo(otherBefore);
        assertThat(ghostDir).doesNotExist();
    }

    @Test
    void aRefreshInANonMainAgent_isWrittenToTheMainStore_whichMayGainTheProfile() throws Exception {
        fx.put("main", "openai:key", ApiKeyCredential.of("openai", Secret.of("sk-main-0123456789abcdef")));
        fx.put("work", ID, of("acct-1", NOW - 1));

        OAuthCredential refreshed = refreshIn("work", of("acct-1", NOW - 1));

        assertThat(fx.stored("main", ID)).isEqualTo(refreshed);
        assertThat(fx.repo("main").load().store().profile("openai:key")).isNotNull();
    }

    @Test
    void anotherAccountsLoginUnderTheSameId_isNotOverwritten_andTheSkipIsReported() throws Exception {
        fx.put("main", ID, of("acct-1", NOW - 1));
        fx.put("work", ID, oauth("at-work-0123456789abcdef", "rt-work-0123456789abcdef", NOW - HOUR, "acct-2", null));
        byte[] workBefore = fx.bytes("work");

        refreshIn("main", of("acct-1", NOW - 1));

        assertThat(fx.bytes("work")).isEqualTo(workBefore);
        assertThat(fx.warnings).singleElement().asString().contains("not copying the refreshed openai-codex:me")
                .contains("another account");
    }

    @Test
    void aCopyThatIsNotStrictlyOlder_isLeftAlone() throws Exception {
        fx.put("main", ID, of("acct-1", NOW - 1));
        // the refresh yields NOW + 1 h; the peer's copy already runs until NOW + 2 h
        fx.put("work", ID, oauth("at-work-0123456789abcdef", "rt-work-0123456789abcdef", NOW + 2 * HOUR, "acct-1",
                null));
        byte[] workBefore = fx.bytes("work");

        OAuthCredential refreshed = refreshIn("main", of("acct-1", NOW - 1));

        assertThat(refreshed.access()).isEqualTo(Secret.of(access(1)));
        assertThat(fx.bytes("work")).isEqualTo(workBefore);
    }

    @Test
    void theOptOut_leavesEveryOtherStoreUntouched() throws Exception {
        fx.options(o -> o.withPeerMirrorDisabled(() -> true));
        fx.put("work", ID, of("acct-1", NOW - 1));
        fx.put("main", "openai:key", ApiKeyCredential.of("openai", Secret.of("sk-main-0123456789abcdef")));
        fx.put("other", ID, of("acct-1", NOW - HOUR));
        byte[] mainBefore = fx.bytes("main");
        byte[] otherBefore = fx.bytes("other");

        OAuthCredential refreshed = refreshIn("work", of("acct-1", NOW - 1));

        assertThat(fx.stored("work", ID)).isEqualTo(refreshed);
        assertThat(fx.bytes("main")).isEqualTo(mainBefore);
        assertThat(fx.bytes("other")).isEqualTo(otherBefore);
    }
}
