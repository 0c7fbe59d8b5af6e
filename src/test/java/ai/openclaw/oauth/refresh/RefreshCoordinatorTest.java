package ai.openclaw.oauth.refresh;

import static ai.openclaw.oauth.refresh.RefreshFixture.ID;
import static ai.openclaw.oauth.refresh.RefreshFixture.NOW;
import static ai.openclaw.oauth.refresh.RefreshFixture.OLD_ACCESS;
import static ai.openclaw.oauth.refresh.RefreshFixture.OLD_REFRESH;
import static ai.openclaw.oauth.refresh.RefreshFixture.PROVIDER;
import static ai.openclaw.oauth.refresh.RefreshFixture.expired;
import static ai.openclaw.oauth.refresh.RefreshFixture.oauth;
import static ai.openclaw.testing.LoopbackTokenEndpoint.access;
import static ai.openclaw.testing.LoopbackTokenEndpoint.refresh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.openclaw.core.Secret;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.fs.FileLockManager;
import ai.openclaw.fs.LockPolicy;
import ai.openclaw.oauth.OAuthRefreshException;
import ai.openclaw.oauth.RefreshFailure;
import ai.openclaw.oauth.TokenRefresher;
import ai.openclaw.store.RefreshError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RefreshCoordinatorTest {
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

    private OAuthCredential use(OAuthCredential seen) throws OAuthRefreshException {
        return fx.coordinator().fresh(fx.repo("main"), ID, seen);
    }

    private OAuthRefreshException failureOf(OAuthCredential seen) {
        return catchThrowableOfType(OAuthRefreshException.class, () -> use(seen));
    }

    // ---- when ----------------------------------------------------------------------------------------------------

    @Test
    void aFreshCredential_isUsedAsIs_withoutProviderCallOrFileAccess() throws Exception {
        OAuthCredential fresh = oauth(OLD_ACCESS, OLD_REFRESH, NOW + HOUR);
        // not even in the store: a fresh credential is answered from the caller's snapshot
        assertThat(use(fresh)).isSameAs(fresh);
        assertThat(fx.endpoint.calls()).isZero();
        assertThat(fx.stateDir.resolve("locks")).doesNotExist();
    }

    @Test
    void anExpiredCredential_isRefreshed_andSavedWithTheRotatedRefreshToken_beforeItIsReturned() throws Exception {
        OAuthCredential old = oauth(OLD_ACCESS, OLD_REFRESH, NOW - 60_000, "acct-1", "me@example.com");
        fx.put("main", ID, old);

        OAuthCredential got = use(old);

        assertThat(fx.endpoint.calls()).isEqualTo(1);
        assertThat(fx.endpoint.presented()).containsExactly(OLD_REFRESH);
        assertThat(got.access()).isEqualTo(Secret.of(access(1)));
        assertThat(got.refresh()).isEqualTo(Secret.of(refresh(1)));
        assertThat(got.expires()).isEqualTo(NOW + HOUR);
        assertThat(got.accountId()).isEqualTo("acct-1");
        assertThat(got.email()).isEqualTo("me@example.com");
        assertThat(fx.stored("main", ID)).as("on disk when handed out").isEqualTo(got);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fx.repo("main").profilesPath())))
                .isEqualTo("rw-------");
    }

    @Test
    void aCredentialWithinTheMargin_isRefreshedBeforeUse() throws Exception {
        OAuthCredential due = oauth(OLD_ACCESS, OLD_REFRESH, NOW + 4 * 60_000);
        fx.put("main", ID, due);
        assertThat(use(due).access()).isEqualTo(Secret.of(access(1)));
        assertThat(fx.endpoint.calls()).isEqualTo(1);
    }

    @Test
    void aProviderThatDoesNotRotate_keepsTheStoredRefreshToken() throws Exception {
        fx.endpoint.withoutRotation();
        fx.put("main", ID, expired());
        assertThat(use(expired()).refresh()).isEqualTo(Secret.of(OLD_REFRESH));
        assertThat(fx.stored("main", ID).refresh()).isEqualTo(Secret.of(OLD_REFRESH));
    }

    // ---- failures ------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"error":"invalid_grant","error_description":"Invalid refresh token"}                       | INVALID_GRANT
            {"error":"refresh_token_reused","error_description":"already used"}                         | REFRESH_TOKEN_REUSED
            {"error":"unauthorized","error_description":"Please try signing in again."}                 | SIGN_IN_AGAIN
            {"error":"bad_request","error_description":"invalid refresh token"}                         | INVALID_REFRESH_TOKEN
            {"error":"access_denied","error_description":"The refresh token was revoked."}              | REVOKED
            """)
    void aFailedRefresh_leavesTheStoreByteIdentical_andIsClassified_withHowToRecover(String body,
                                                                                     RefreshFailure expected)
            throws Exception {
        fx.endpoint.failWith(400, body);
        fx.put("main", ID, expired());
        byte[] before = fx.bytes("main");

        OAuthRefreshException e = failureOf(expired());

        assertThat(e.failure()).isEqualTo(expected);
        assertThat(e.getMessage()).startsWith("OAuth token refresh failed for openai-codex: ")
                .contains("Run `openclaw models auth login --provider openai-codex` to log in again.")
                .doesNotContain(OLD_ACCESS).doesNotContain(OLD_REFRESH);
        assertThat(fx.bytes("main")).isEqualTo(before);
        RefreshError recorded = fx.repo("main").load().store().state().refreshError(ID);
        assertThat(recorded.code()).isEqualTo(expected.wireName());
        assertThat(recorded.at()).isEqualTo(NOW);
        assertThat(recorded.message()).isEqualTo(e.getMessage());
    }

    @Test
    void aProactiveRefreshThatFails_keepsUsingTheStillValidToken_andWritesNoCredential() throws Exception {
        fx.endpoint.failWith(500, "{\"error\":\"server_error\"}");
        OAuthCredential due = oauth(OLD_ACCESS, OLD_REFRESH, NOW + 2 * 60_000);
        fx.put("main", ID, due);
        byte[] before = fx.bytes("main");

        assertThat(use(due)).isSameAs(due);

        assertThat(fx.endpoint.calls()).isEqualTo(1);
        assertThat(fx.bytes("main")).isEqualTo(before);
        assertThat(fx.repo("main").load().store().state().refreshError(ID).code()).isEqualTo("refresh_failed");
        assertThat(fx.warnings).singleElement().asString().contains(ID).contains("stays in use for 2m");
    }

    @Test
    void aSuccessfulRefresh_clearsTheRecordedError() throws Exception {
        fx.put("main", ID, expired());
        fx.endpoint.failWith(400, "{\"error\":\"invalid_grant\"}");
        failureOf(expired());
        assertThat(fx.repo("main").load().store().state().refreshError(ID)).isNotNull();

        fx.endpoint.failWith(0, null);
        fx.clock.advance(Duration.ofMinutes(1));
        use(expired());

        assertThat(fx.repo("main").load().store().state().refreshError(ID)).isNull();
        assertThat(fx.repo("main").statePath()).doesNotExist();
    }

    @Test
    void afterAFailure_theSameRefreshTokenIsNotSentAgain_untilRetryFailedAfterHasPassed() throws Exception {
        fx.put("main", ID, expired());
        fx.endpoint.failWith(503, "{\"error\":\"temporarily_unavailable\"}");
        OAuthRefreshException first = failureOf(expired());
        fx.clock.advance(Duration.ofSeconds(29));

        OAuthRefreshException second = failureOf(expired());

        assertThat(fx.endpoint.calls()).isEqualTo(1);
        assertThat(second.getMessage()).isEqualTo(first.getMessage());
        fx.clock.advance(Duration.ofSeconds(1));
        failureOf(expired());
        assertThat(fx.endpoint.calls()).isEqualTo(2);
    }

    @Test
    void aProviderCallOverTheHardTimeout_failsAsTimeout_andWritesNoCredential() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger interrupted = new AtomicInteger();
        fx.refresher(new TokenRefresher() {
            @Override
            public String provider() {
                return PROVIDER;
            }

            @Override
            public OAuthCredential refresh(OAuthCredential current, Duration timeout) {
                try {
                    never.await(); // ignores the timeout it was given
                } catch (InterruptedException e) {
                    interrupted.incrementAndGet();
                }
                return current;
            }
        }).options(o -> o.withCallTimeout(Duration.ofMillis(200)));
        fx.put("main", ID, expired());
        byte[] before = fx.bytes("main");

        OAuthRefreshException e = failureOf(expired());

        assertThat(e.failure()).isEqualTo(RefreshFailure.TIMEOUT);
        assertThat(e.getMessage()).contains("OAuth refresh call \"openai-codex:me\" exceeded hard timeout (200ms)");
        assertThat(fx.bytes("main")).isEqualTo(before);
    }

    @Test
    void aRefreshThatCannotBeSaved_isNotHandedOut() throws Exception {
        Path store = fx.repo("main").profilesPath();
        fx.refresher(new TokenRefresher() {
            @Override
            public String provider() {
                return PROVIDER;
            }

            @Override
            public OAuthCredential refresh(OAuthCredential current, Duration timeout) throws OAuthRefreshException {
                try {
                    Files.writeString(store, "{\"version\":1,\"profiles\":{"); // someone truncates the store
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                return fx.loopback().refresh(current, timeout);
            }
        });
        fx.put("main", ID, expired());

        OAuthRefreshException e = failureOf(expired());

        assertThat(e.failure()).isEqualTo(RefreshFailure.OTHER);
        assertThat(e.getMessage()).contains("the new tokens could not be saved to " + store)
                .doesNotContain(access(1)).doesNotContain(refresh(1));
        assertThat(Files.readString(store)).as("the unreadable file is not overwritten")
                .isEqualTo("{\"version\":1,\"profiles\":{");
    }

    @Test
    void withoutARefresherForTheProvider_anExpiredTokenFails_butAValidOneIsStillUsed() throws Exception {
        fx.refreshers(RefresherRegistry.EMPTY);
        OAuthRefreshException e = failureOf(expired());
        assertThat(e.getMessage()).isEqualTo("OAuth token refresh failed for openai-codex: no token refresh is "
                + "available for provider openai-codex (profile openai-codex:me). Run `openclaw models auth login "
                + "--provider openai-codex` to log in again.");
        OAuthCredential due = oauth(OLD_ACCESS, OLD_REFRESH, NOW + 60_000);
        assertThat(use(due)).isSameAs(due);
        assertThat(fx.coordinator().refreshable(PROVIDER, ID)).isFalse();
    }

    @Test
    void theClaudeCliProfile_isRenewedByRunningClaude() {
        fx.endpoint.failWith(400, "{\"error\":\"invalid_grant\"}");
        OAuthCredential claude = new OAuthCredential("anthropic", Secret.of(OLD_ACCESS), Secret.of(OLD_REFRESH), null,
                NOW - 1, null, null, null, null, null, null, null);
        fx.refreshers(RefresherRegistry.builder().profile("anthropic:claude-cli",
                new ai.openclaw.testing.LoopbackRefresher("anthropic", fx.endpoint.uri(), fx.clock)).build());
        fx.put("main", "anthropic:claude-cli", claude);

        OAuthRefreshException e = catchThrowableOfType(OAuthRefreshException.class,
                () -> fx.coordinator().fresh(fx.repo("main"), "anthropic:claude-cli", claude));

        assertThat(e.getMessage()).startsWith("OAuth token refresh failed for anthropic: ")
                .endsWith("The Claude CLI owns this login: run `claude` to renew it.");
    }

    @Test
    void aRefresherThatPutsTokensInItsMessage_isMaskedBeforeTheMessageGoesAnywhere() throws Exception {
        fx.refresher(new TokenRefresher() {
            @Override
            public String provider() {
                return PROVIDER;
            }

            @Override
            public OAuthCredential refresh(OAuthCredential current, Duration timeout) throws OAuthRefreshException {
                throw new OAuthRefreshException(RefreshFailure.INVALID_GRANT, "rejected " + current.refresh().reveal()
                        + " and " + current.access().reveal());
            }
        });
        fx.put("main", ID, expired());

        OAuthRefreshException e = failureOf(expired());

        assertThat(e.getMessage()).contains("rejected *** and ***");
        assertThat(Files.readString(fx.repo("main").statePath())).doesNotContain(OLD_REFRESH).doesNotContain(OLD_ACCESS);
        assertThat(fx.coordinator().toString()).doesNotContain(OLD_REFRESH);
    }

    // ---- concurrency ---------------------------------------------------------------------------------------------

    @Test
    void manyThreadsOfOneProcess_makeOneProviderCall_andAllGetItsResult() throws Exception {
        // threads that join the running flight get its result; a thread that arrives after it (a slow start under
        // load) takes the renewed credential the coordinator remembers: either way one provider call for all
        fx.endpoint.expiresIn(3600).stall();
        fx.put("main", ID, expired());
        int n = 8;
        List<Thread> threads = new ArrayList<>();
        List<Future<OAuthCredential>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r);
            threads.add(t);
            return t;
        })) {
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(() -> use(expired())));
            }
            awaitAllParked(threads, n);
            fx.endpoint.release();
            for (Future<OAuthCredential> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS).access()).isEqualTo(Secret.of(access(1)));
            }
        }
        assertThat(fx.endpoint.calls()).isEqualTo(1);
    }

    @Test
    void aFailureOfTheFlight_isSharedByEveryWaiter() throws Exception {
        fx.endpoint.failWith(400, "{\"error\":\"invalid_grant\"}").stall();
        fx.put("main", ID, expired());
        int n = 4;
        List<Thread> threads = new ArrayList<>();
        List<Future<OAuthRefreshException>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r);
            threads.add(t);
            return t;
        })) {
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(() -> failureOf(expired())));
            }
            awaitAllParked(threads, n);
            fx.endpoint.release();
            for (Future<OAuthRefreshException> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS).failure()).isEqualTo(RefreshFailure.INVALID_GRANT);
            }
        }
        assertThat(fx.endpoint.calls()).isEqualTo(1);
    }

    @Test
    void aTokenAnotherProcessRefreshedWhileWeWaitedForTheLock_isAdopted_withoutAProviderCall() throws Exception {
        fx.put("main", ID, expired());
        OAuthCredential theirs = oauth("at-theirs-0123456789abcdef", "rt-theirs-0123456789abcdef", NOW + HOUR);
        FileLockManager otherProcess = new FileLockManager(fx.clock, ProcessHandle.current().pid());
        Path lock = RefreshCoordinator.lockTarget(fx.stateDir, PROVIDER, ID);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Thread holder = Thread.ofPlatform().start(() -> otherProcess.withLock(lock, LockPolicy.OAUTH_REFRESH, () -> {
            held.countDown();
            await(finish);
            fx.put("main", ID, theirs); // the other process saves its refresh under both locks
        }));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        List<Thread> caller = new ArrayList<>();
        try (ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r);
            caller.add(t);
            return t;
        })) {
            Future<OAuthCredential> got = pool.submit(() -> use(expired()));
            awaitAllParked(caller, 1);
            finish.countDown();
            assertThat(got.get(30, TimeUnit.SECONDS)).isEqualTo(theirs);
        }
        holder.join();
        assertThat(fx.endpoint.calls()).isZero();
    }

    @Test
    void aRefreshLockHeldLongerThanWeWait_failsAsRefreshContention_withTheReferenceMessage() throws Exception {
        fx.options(o -> o.withLockPolicy(new LockPolicy(1, 2, 10, 20, false, 180_000)));
        fx.put("main", ID, expired());
        byte[] before = fx.bytes("main");
        FileLockManager otherProcess = new FileLockManager(fx.clock, ProcessHandle.current().pid());
        Path lock = RefreshCoordinator.lockTarget(fx.stateDir, PROVIDER, ID);

        OAuthRefreshException e = otherProcess.withLock(lock, LockPolicy.OAUTH_REFRESH, () -> failureOf(expired()));

        assertThat(e.failure()).isEqualTo(RefreshFailure.REFRESH_CONTENTION);
        assertThat(e.getMessage()).isEqualTo("OAuth refresh failed (refresh_contention): another process is already "
                + "refreshing openai-codex for openai-codex:me. Please wait for the in-flight refresh to finish and "
                + "retry.");
        assertThat(fx.endpoint.calls()).isZero();
        assertThat(fx.bytes("main")).isEqualTo(before);
        assertThat(fx.repo("main").load().store().state().refreshError(ID).code()).isEqualTo("refresh_contention");
    }

    @Test
    void theGlobalRefreshLock_isSha256OfProviderNulProfile_underPrivateLocksDirectories() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("openai-codex\0openai-codex:me".getBytes());
        Path expected = fx.stateDir.resolve("locks/oauth-refresh/sha256-" + HexFormat.of().formatHex(digest));
        assertThat(RefreshCoordinator.lockTarget(fx.stateDir, PROVIDER, ID)).isEqualTo(expected);

        fx.put("main", ID, expired());
        use(expired());

        for (Path dir : List.of(fx.stateDir.resolve("locks"), fx.stateDir.resolve("locks/oauth-refresh"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        }
        assertThat(Path.of(expected + ".lock")).as("released").doesNotExist();
    }

    // ---- recovery ------------------------------------------------------------------------------------------------

    @Test
    void refreshTokenReused_afterAnotherProgramRotatedTheStoredToken_refreshesTheStoredOneOnce() throws Exception {
        OAuthCredential rotatedElsewhere = oauth("at-elsewhere-0123456789ab", "rt-elsewhere-0123456789ab", NOW - 1);
        AtomicInteger calls = new AtomicInteger();
        fx.refresher(new TokenRefresher() {
            @Override
            public String provider() {
                return PROVIDER;
            }

            @Override
            public OAuthCredential refresh(OAuthCredential current, Duration timeout) throws OAuthRefreshException {
                if (calls.incrementAndGet() == 1) {
                    // a program that does not take our lock spent the token and stored its successor meanwhile
                    fx.put("main", ID, rotatedElsewhere);
                    throw new OAuthRefreshException(RefreshFailure.REFRESH_TOKEN_REUSED, "refresh_token_reused");
                }
                return fx.loopback().refresh(current, timeout);
            }
        });
        fx.put("main", ID, expired());

        OAuthCredential got = use(expired());

        assertThat(calls).hasValue(2);
        assertThat(fx.endpoint.presented()).containsExactly("rt-elsewhere-0123456789ab");
        assertThat(got.access()).isEqualTo(Secret.of(access(1)));
        assertThat(fx.stored("main", ID)).isEqualTo(got);
    }

    @Test
    void aFailedRefresh_usesACredentialThatBecameUsableMeanwhile() throws Exception {
        OAuthCredential relogged = oauth("at-relogged-0123456789ab", "rt-relogged-0123456789ab", NOW + HOUR);
        fx.refresher(new TokenRefresher() {
            @Override
            public String provider() {
                return PROVIDER;
            }

            @Override
            public OAuthCredential refresh(OAuthCredential current, Duration timeout) throws OAuthRefreshException {
                fx.put("main", ID, relogged); // the user logs in again while the old token is being refused
                throw new OAuthRefreshException(RefreshFailure.INVALID_GRANT, "invalid_grant");
            }
        });
        fx.put("main", ID, expired());

        assertThat(use(expired())).isEqualTo(relogged);
        assertThat(fx.repo("main").load().store().state().refreshError(ID)).isNull();
    }

    @Test
    void aNonMainAgent_adoptsAFreshCredentialOfTheSameLoginFromTheMainStore() throws Exception {
        OAuthCredential mine = oauth(OLD_ACCESS, OLD_REFRESH, NOW - 1, "acct-1", null);
        OAuthCredential mains = oauth("at-main-0123456789abcdef", "rt-main-0123456789abcdef", NOW + HOUR, "acct-1",
                "me@example.com");
        fx.put("work", ID, mine).put("main", ID, mains);

        OAuthCredential got = fx.coordinator().fresh(fx.repo("work"), ID, mine);

        assertThat(got).isEqualTo(mains);
        assertThat(fx.stored("work", ID)).isEqualTo(mains);
        assertThat(fx.endpoint.calls()).isZero();
    }

    @Test
    void aNonMainAgent_doesNotAdoptAnotherAccountsCredentialFromTheMainStore() throws Exception {
        OAuthCredential mine = oauth(OLD_ACCESS, OLD_REFRESH, NOW - 1, "acct-1", null);
        OAuthCredential mains = oauth("at-main-0123456789abcdef", "rt-main-0123456789abcdef", NOW + HOUR, "acct-2",
                null);
        fx.put("work", ID, mine).put("main", ID, mains);

        OAuthCredential got = fx.coordinator().fresh(fx.repo("work"), ID, mine);

        assertThat(got.access()).isEqualTo(Secret.of(access(1)));
        assertThat(fx.endpoint.presented()).containsExactly(OLD_REFRESH);
        assertThat(fx.stored("main", ID)).as("another account in main is left alone").isEqualTo(mains);
    }

    // ---- doctor --------------------------------------------------------------------------------------------------

    @Test
    void refreshNow_renewsEvenAFreshToken() throws Exception {
        fx.put("main", ID, oauth(OLD_ACCESS, OLD_REFRESH, NOW + 5 * HOUR));
        OAuthCredential got = fx.coordinator().refreshNow(fx.repo("main"), ID);
        assertThat(got.access()).isEqualTo(Secret.of(access(1)));
        assertThat(fx.stored("main", ID)).isEqualTo(got);
    }

    @Test
    void refreshNow_ofAProfileThatIsNotOAuth_fails() {
        fx.put("main", "openai:key", ai.openclaw.credential.ApiKeyCredential.of("openai",
                Secret.of("sk-0123456789abcdef")));
        OAuthRefreshException e = catchThrowableOfType(OAuthRefreshException.class,
                () -> fx.coordinator().refreshNow(fx.repo("main"), "openai:key"));
        assertThat(e.getMessage()).startsWith("openai:key is not an OAuth profile");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /**
     * Waits until {@code n} threads exist and every one of them has stayed blocked (waiting on a lock, latch or
     * future) for several consecutive looks, so that a momentary wait on the way does not count.
     */
    static void awaitAllParked(List<Thread> threads, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int stable = 0;
        while (System.nanoTime() < deadline) {
            List<Thread> seen = List.copyOf(threads);
            boolean parked = seen.size() == n && seen.stream().allMatch(t -> t.getState() == Thread.State.WAITING
                    || t.getState() == Thread.State.TIMED_WAITING);
            stable = parked ? stable + 1 : 0;
            if (stable == 5) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("threads did not all block: " + threads.stream().map(Thread::getState).toList());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
