package ai.openclaw.claudecli;

import ai.openclaw.testing.SettableClock;

import static ai.openclaw.claudecli.ClaudeCliFixtures.ACCESS;
import static ai.openclaw.claudecli.ClaudeCliFixtures.ACCESS_2;
import static ai.openclaw.claudecli.ClaudeCliFixtures.REFRESH;
import static ai.openclaw.claudecli.ClaudeCliFixtures.REFRESH_2;
import static ai.openclaw.claudecli.ClaudeCliFixtures.credentialsJson;
import static ai.openclaw.claudecli.ClaudeCliFixtures.writeCredentials;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.claudecli.ClaudeCliSync.Action;
import ai.openclaw.claudecli.ClaudeCliSync.Decision;
import ai.openclaw.core.Secret;
import ai.openclaw.credential.ApiKeyCredential;
import ai.openclaw.credential.Credential;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.credential.ProfileMeta;
import ai.openclaw.credential.TokenCredential;
import ai.openclaw.fs.FileLockManager;
import ai.openclaw.store.AuthStore;
import ai.openclaw.store.AuthStoreRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClaudeCliSyncTest {
    private static final long NOW = 1_800_000_000_000L;
    private static final long MIN = 60_000L;
    private static final String ID = "anthropic:claude-cli";

    @TempDir
    Path dir;
    Path home;
    SettableClock clock;
    AuthStoreRepository repo;
    ClaudeCliSync sync;

    @BeforeEach
    void setUp() throws IOException {
        home = dir.resolve("home");
        Path agentDir = dir.resolve("agent");
        Files.createDirectories(agentDir);
        clock = new SettableClock(NOW);
        repo = new AuthStoreRepository(agentDir, dir.resolve("credentials"),
                new FileLockManager(clock, ProcessHandle.current().pid()), clock, false);
        sync = new ClaudeCliSync(new ClaudeCliCredentials(Map.of(), home, Keychain.NONE), clock);
    }

    private static OAuthCredential oauth(String access, String refresh, long expires) {
        return new OAuthCredential("anthropic", Secret.of(access), Secret.of(refresh), null, expires, null, null, null,
                null, null, null, ProfileMeta.EMPTY);
    }

    private static TokenCredential token(String value, Long expires) {
        return TokenCredential.of("anthropic", Secret.of(value), expires);
    }

    // ---- the rules --------------------------------------------------------------------------------------------

    static Stream<Arguments> decisions() {
        OAuthCredential soon = oauth(ACCESS, REFRESH, NOW + 5 * MIN);
        OAuthCredential later = oauth(ACCESS_2, REFRESH_2, NOW + 8 * 60 * MIN);
        OAuthCredential earlierValid = oauth(ACCESS_2, REFRESH_2, NOW + 2 * MIN);
        OAuthCredential expired = oauth(ACCESS, REFRESH, NOW - 60 * MIN);
        OAuthCredential expiredEarlier = oauth(ACCESS_2, REFRESH_2, NOW - 90 * MIN);
        return Stream.of(
                Arguments.of("nothing stored", null, later, Decision.REPLACE),
                Arguments.of("stored for another provider", new OAuthCredential("openai-codex", Secret.of("x"),
                        Secret.of("y"), null, NOW + 60 * MIN, null, null, null, null, null, null, null), later,
                        Decision.REPLACE),
                Arguments.of("stored api key under the reserved id",
                        ApiKeyCredential.of("anthropic", Secret.of("sk-ant-api03-x")), later, Decision.REPLACE),
                Arguments.of("identical oauth", soon, oauth(ACCESS, REFRESH, NOW + 5 * MIN), Decision.IDENTICAL),
                Arguments.of("identical token", token(ACCESS, NOW + MIN), token(ACCESS, NOW + MIN),
                        Decision.IDENTICAL),
                Arguments.of("cli token never downgrades a stored oauth", soon, token(ACCESS_2, NOW + 600 * MIN),
                        Decision.KEEP),
                Arguments.of("not even an expired one", expired, token(ACCESS_2, NOW + 600 * MIN), Decision.KEEP),
                Arguments.of("cli oauth upgrades a stored token, even an unexpired later one",
                        token(ACCESS, NOW + 9000 * MIN), earlierValid, Decision.REPLACE),
                Arguments.of("stored expired", expired, expiredEarlier, Decision.REPLACE),
                Arguments.of("cli unexpired and later", soon, later, Decision.REPLACE),
                Arguments.of("cli unexpired but earlier", soon, earlierValid, Decision.KEEP),
                Arguments.of("same expiry, other tokens", soon, oauth(ACCESS_2, REFRESH_2, NOW + 5 * MIN),
                        Decision.KEEP),
                Arguments.of("token: cli later", token(ACCESS, NOW + MIN), token(ACCESS_2, NOW + 60 * MIN),
                        Decision.REPLACE),
                Arguments.of("token: cli earlier", token(ACCESS, NOW + 60 * MIN), token(ACCESS_2, NOW + MIN),
                        Decision.KEEP),
                Arguments.of("stored token without expiry", token(ACCESS, null), token(ACCESS_2, NOW + MIN),
                        Decision.REPLACE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decisions")
    void decide_followsTheMergeRules(String name, Credential stored, Credential cli, Decision expected) {
        assertThat(ClaudeCliSync.decide(stored, cli, NOW)).isEqualTo(expected);
    }

    @Test
    void isFresh_onlyForAnAnthropicNonTokenLoginMoreThanTenMinutesFromExpiry() {
        assertThat(ClaudeCliSync.isFresh(oauth(ACCESS, REFRESH, NOW + 10 * MIN + 1), NOW)).isTrue();
        assertThat(ClaudeCliSync.isFresh(oauth(ACCESS, REFRESH, NOW + 10 * MIN), NOW)).isFalse();
        assertThat(ClaudeCliSync.isFresh(oauth(ACCESS, REFRESH, NOW - MIN), NOW)).isFalse();
        assertThat(ClaudeCliSync.isFresh(token(ACCESS, NOW + 9000 * MIN), NOW)).isFalse();
        assertThat(ClaudeCliSync.isFresh(null, NOW)).isFalse();
        assertThat(ClaudeCliSync.isFresh(new OAuthCredential("openai-codex", Secret.of("x"), Secret.of("y"), null,
                NOW + 600 * MIN, null, null, null, null, null, null, null), NOW)).isFalse();
    }

    // ---- syncing a real store ---------------------------------------------------------------------------------

    private AuthStore store(Credential claudeCli) {
        AuthStore s = repo.update(st -> st.withProfile("openai:work", ApiKeyCredential.of("openai",
                Secret.of("sk-openai-keep-me-0123456789"))));
        if (claudeCli != null) {
            s = repo.update(st -> st.withProfile(ID, claudeCli));
        }
        return s;
    }

    @Test
    void aFreshStoredLogin_isKept_withoutReadingTheClaudeCliStore() {
        AuthStore current = store(oauth(ACCESS, REFRESH, NOW + 60 * MIN));
        writeCredentials(home, "{ this would be an error if it were read");
        ClaudeCliSync.Result r = sync.sync(repo, current, true, false);
        assertThat(r.action()).isEqualTo(Action.FRESH);
        assertThat(r.store()).isSameAs(current);
        assertThat(r.login()).isNull();
    }

    @Test
    void aNewerClaudeCliLogin_isSaved_keepingTheOtherProfilesAndPrivateMode() throws IOException {
        AuthStore current = store(oauth(ACCESS, REFRESH, NOW + 5 * MIN));
        writeCredentials(home, credentialsJson(ACCESS_2, REFRESH_2, NOW + 480 * MIN));

        ClaudeCliSync.Result r = sync.sync(repo, current, true, false);

        assertThat(r.action()).isEqualTo(Action.SAVED);
        OAuthCredential onDisk = (OAuthCredential) repo.loadReadOnly().store().profile(ID);
        assertThat(onDisk.access().reveal()).isEqualTo(ACCESS_2);
        assertThat(onDisk.refresh().reveal()).isEqualTo(REFRESH_2);
        assertThat(onDisk.expires()).isEqualTo(NOW + 480 * MIN);
        assertThat(repo.loadReadOnly().store().profile("openai:work")).isNotNull();
        assertThat(r.store().profile(ID)).isEqualTo(onDisk);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(repo.profilesPath())))
                .isEqualTo("rw-------");
    }

    @Test
    void aReplacement_keepsTheStoredDisplayName_andTakesTheClaudeCliEmail() {
        OAuthCredential stored = new OAuthCredential("anthropic", Secret.of(ACCESS), Secret.of(REFRESH), null,
                NOW - MIN, null, null, null, null, null, null, new ProfileMeta("old@example.com", "Work Max", null,
                Map.of()));
        AuthStore current = store(stored);
        writeCredentials(home, credentialsJson(ACCESS_2, REFRESH_2, NOW + 480 * MIN));
        ClaudeCliFixtures.write(home.resolve(".claude.json"), "{\"oauthAccount\":{\"emailAddress\":\"new@example.com\"}}");

        sync.sync(repo, current, true, false);

        Credential onDisk = repo.loadReadOnly().store().profile(ID);
        assertThat(onDisk.email()).isEqualTo("new@example.com");
        assertThat(onDisk.displayName()).isEqualTo("Work Max");
    }

    @Test
    void anIdenticalLogin_isNotRewritten() throws IOException {
        AuthStore current = store(oauth(ACCESS, REFRESH, NOW + 5 * MIN));
        writeCredentials(home, credentialsJson(ACCESS, REFRESH, NOW + 5 * MIN));
        FileTime old = FileTime.fromMillis(NOW - 3_600_000L);
        Files.setLastModifiedTime(repo.profilesPath(), old);
        byte[] before = Files.readAllBytes(repo.profilesPath());

        ClaudeCliSync.Result r = sync.sync(repo, current, true, false);

        assertThat(r.action()).isEqualTo(Action.UNCHANGED);
        assertThat(Files.readAllBytes(repo.profilesPath())).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(repo.profilesPath())).isEqualTo(old);
    }

    @Test
    void aReadOnlySync_overlaysInMemory_andLeavesTheFileAlone() throws IOException {
        AuthStore current = store(oauth(ACCESS, REFRESH, NOW - MIN));
        writeCredentials(home, credentialsJson(ACCESS_2, REFRESH_2, NOW + 480 * MIN));
        byte[] before = Files.readAllBytes(repo.profilesPath());

        ClaudeCliSync.Result r = sync.sync(repo, current, false, false);

        assertThat(r.action()).isEqualTo(Action.OVERLAID);
        assertThat(r.problem()).isNull();
        assertThat(((OAuthCredential) r.store().profile(ID)).access().reveal()).isEqualTo(ACCESS_2);
        assertThat(r.store().profile("openai:work")).isNotNull();
        assertThat(Files.readAllBytes(repo.profilesPath())).isEqualTo(before);
    }

    @Test
    void aClaudeCliWithoutLogin_changesNothing() {
        AuthStore current = store(oauth(ACCESS, REFRESH, NOW - MIN));
        ClaudeCliSync.Result r = sync.sync(repo, current, true, false);
        assertThat(r.action()).isEqualTo(Action.NO_LOGIN);
        assertThat(r.store()).isSameAs(current);
    }

    @Test
    void anUnreadableClaudeCliStore_isReported_andChangesNothing() {
        AuthStore current = store(oauth(ACCESS, REFRESH, NOW - MIN));
        Path file = writeCredentials(home, "{\"claudeAiOauth\": [}");
        ClaudeCliSync.Result r = sync.sync(repo, current, true, false);
        assertThat(r.action()).isEqualTo(Action.UNREADABLE);
        assertThat(r.problem()).contains(file + ":1:");
        assertThat(r.store()).isSameAs(current);
    }

    @Test
    void anExpiredClaudeCliLogin_isReportedAsSuch() {
        AuthStore current = store(oauth(ACCESS, REFRESH, NOW - 60 * MIN));
        writeCredentials(home, credentialsJson(ACCESS, REFRESH, NOW - 60 * MIN));
        ClaudeCliSync.Result r = sync.sync(repo, current, true, false);
        assertThat(r.action()).isEqualTo(Action.UNCHANGED);
        assertThat(r.loginExpiredAt(NOW)).isTrue();
    }

    @Test
    void theRulesAreAppliedAgainUnderTheLock_soANewerStoredLoginIsNotUndone() {
        AuthStore stale = store(oauth(ACCESS, REFRESH, NOW - MIN));
        // another process synced a still newer login after our load
        repo.update(st -> st.withProfile(ID, oauth("sk-ant-oat01-newest", "sk-ant-ort01-newest", NOW + 900 * MIN)));
        writeCredentials(home, credentialsJson(ACCESS_2, REFRESH_2, NOW + 480 * MIN));

        ClaudeCliSync.Result r = sync.sync(repo, stale, true, false);

        assertThat(r.action()).isEqualTo(Action.UNCHANGED);
        OAuthCredential onDisk = (OAuthCredential) repo.loadReadOnly().store().profile(ID);
        assertThat(onDisk.access().reveal()).isEqualTo("sk-ant-oat01-newest");
        assertThat(r.store().profile(ID)).isEqualTo(onDisk);
    }

    @Test
    void aStoreThatCannotBeWritten_getsTheLoginInMemory_withTheReason() throws IOException {
        AuthStore current = store(oauth(ACCESS, REFRESH, NOW - MIN));
        // the legacy flat shape is never written over
        Files.writeString(repo.profilesPath(), "{\"anthropic\": {\"apiKey\": \"sk-ant-api03-flat\"}}");
        writeCredentials(home, credentialsJson(ACCESS_2, REFRESH_2, NOW + 480 * MIN));

        ClaudeCliSync.Result r = sync.sync(repo, current, true, false);

        assertThat(r.action()).isEqualTo(Action.OVERLAID);
        assertThat(r.problem()).startsWith("not saved: ").contains("legacy flat shape");
        assertThat(((OAuthCredential) r.store().profile(ID)).access().reveal()).isEqualTo(ACCESS_2);
        assertThat(Files.readString(repo.profilesPath())).contains("sk-ant-api03-flat");
    }
}
