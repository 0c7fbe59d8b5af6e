package ai.openclaw.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.core.Secret;
import ai.openclaw.credential.ApiKeyCredential;
import ai.openclaw.credential.Credential;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.fs.FileLockManager;
import ai.openclaw.fs.FileWriteException;
import ai.openclaw.json.Json;
import ai.openclaw.json.MalformedFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class AuthStoreRepositoryTest {
    private static final long NOW = 1_750_000_000_000L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);

    @TempDir
    Path root;

    private Path agentDir;
    private Path oauthDir;
    private FileLockManager locks;

    @BeforeEach
    void setUp() {
        agentDir = root.resolve("agents/main/agent");
        oauthDir = root.resolve("credentials");
        locks = new FileLockManager(CLOCK, ProcessHandle.current().pid());
    }

    private AuthStoreRepository repo() {
        return new AuthStoreRepository(agentDir, oauthDir, locks, CLOCK, false);
    }

    private AuthStoreRepository readOnlyRepo() {
        return new AuthStoreRepository(agentDir, oauthDir, locks, CLOCK, true);
    }

    private static Credential key(String provider, String value) {
        return ApiKeyCredential.of(provider, Secret.of(value));
    }

    private static JsonNode readJson(Path file) {
        return Json.read(file).orElseThrow();
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, UTF_8);
        return file;
    }

    private static List<String> listing(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    // ---- update: files, permissions, shape ----

    @Test
    void update_keepsEntriesItCannotDecode_untilAProfileWithTheSameIdReplacesThem() throws IOException {
        write(agentDir.resolve("auth-profiles.json"), """
                {"version":1,"profiles":{
                  "x:future":{"type":"webauthn","provider":"x","blob":{"a":[1,2]}},
                  "y:odd":"not an object"}}
                """);
        repo().update(s -> s.withProfile("openai:manual", key("openai", "sk-openai-0123456789abcdef")));
        JsonNode profiles = readJson(agentDir.resolve("auth-profiles.json")).get("profiles");
        assertThat(profiles.get("x:future").get("blob").get("a").get(1).asInt()).isEqualTo(2);
        assertThat(profiles.get("y:odd").asString()).isEqualTo("not an object");
        assertThat(profiles.has("openai:manual")).isTrue();

        repo().update(s -> s.withProfile("x:future", key("x", "sk-x-0123456789abcdef")));
        JsonNode replaced = readJson(agentDir.resolve("auth-profiles.json")).get("profiles").get("x:future");
        assertThat(replaced.get("type").asString()).isEqualTo("api_key");
    }

    @Test
    void update_writesPrivateFilesInPrivateDirectories_withOnlyVersionAndProfiles() throws IOException {
        AuthStoreRepository repo = repo();
        repo.update(s -> s.withProfile("anthropic:default", key("anthropic", "sk-ant"))
                .withStateChange(st -> st.withLastGood("anthropic", "anthropic:default")));

        Path profiles = repo.profilesPath();
        assertThat(mode(profiles)).isEqualTo("rw-------");
        assertThat(mode(repo.statePath())).isEqualTo("rw-------");
        assertThat(mode(agentDir)).isEqualTo("rwx------");
        assertThat(mode(agentDir.getParent())).isEqualTo("rwx------");

        JsonNode written = readJson(profiles);
        assertThat(written.propertyNames()).containsExactly("version", "profiles");
        assertThat(written.get("version").asInt()).isEqualTo(1);
        assertThat(written.get("profiles").get("anthropic:default").get("key").asString()).isEqualTo("sk-ant");
        assertThat(Files.readString(profiles)).endsWith("}\n").contains("\n  \"version\": 1,\n");
        // the lock is released: no sidecar left behind, no temp files
        assertThat(listing(agentDir)).containsExactly("auth-profiles.json", "auth-state.json");
    }

    @Test
    void update_writesStateToAuthStateJson() {
        AuthStoreRepository repo = repo();
        repo.update(s -> s.withProfile("openai:a", key("openai", "k"))
                .withStateChange(st -> st.withOrder("OpenAI".toLowerCase(), List.of("openai:a"))
                        .withLastGood("openai", "openai:a")
                        .withStats("openai:a", u -> new UsageStats(NOW, null, null, null, null, null, null, null,
                                null, null, 0, Map.of(), null))));

        JsonNode state = readJson(repo.statePath());
        assertThat(state.propertyNames()).containsExactly("version", "order", "lastGood", "usageStats");
        assertThat(state.get("lastGood").get("openai").asString()).isEqualTo("openai:a");
        assertThat(state.get("usageStats").get("openai:a").get("lastUsed").asLong()).isEqualTo(NOW);
        assertThat(readJson(repo.profilesPath()).has("usageStats")).isFalse();
    }

    @Test
    void update_deletesAuthStateJsonWhenTheStateBecomesEmpty() {
        AuthStoreRepository repo = repo();
        repo.update(s -> s.withProfile("openai:a", key("openai", "k"))
                .withStateChange(st -> st.withLastGood("openai", "openai:a")));
        assertThat(repo.statePath()).exists();

        repo.update(s -> s.withState(AuthState.EMPTY));

        assertThat(repo.statePath()).doesNotExist();
        assertThat(repo.profilesPath()).exists();
        assertThat(repo.load().store().profiles()).containsOnlyKeys("openai:a");
    }

    @Test
    void update_dropsStateOfProfilesThatNoLongerExist_deletingTheStateFileWhenNothingIsLeft() {
        AuthStoreRepository repo = repo();
        repo.update(s -> s.withProfile("openai:a", key("openai", "k"))
                .withStateChange(st -> st.withLastGood("openai", "openai:a")
                        .withStats("openai:a", u -> new UsageStats(NOW, null, null, null, null, null, null, null,
                                null, null, null, Map.of(), null))));

        repo.update(s -> new AuthStore(Map.of(), s.state()));

        assertThat(repo.statePath()).doesNotExist();
        assertThat(readJson(repo.profilesPath()).get("profiles").isEmpty()).isTrue();
    }

    @Test
    void updateState_writesOnlyTheStateFile_leavingTheStoreByteIdenticalWhateverItsLayout() throws IOException {
        AuthStoreRepository repo = repo();
        // compact, with inline state of an older release: update() would rewrite this file, updateState() must not
        String profiles = "{\"version\":1,\"profiles\":{\"openai:a\":{\"type\":\"api_key\",\"provider\":\"openai\","
                + "\"key\":\"sk-a\"}},\"lastGood\":{\"openai\":\"openai:a\"}}";
        write(repo.profilesPath(), profiles);
        byte[] before = Files.readAllBytes(repo.profilesPath());

        AuthState after = repo.updateState(st -> st.withRefreshError("openai:a", new RefreshError(NOW, "revoked", "m")));

        assertThat(Files.readAllBytes(repo.profilesPath())).isEqualTo(before);
        assertThat(after.lastGood()).containsEntry("openai", "openai:a");
        assertThat(repo.load().store().state().refreshError("openai:a")).isEqualTo(new RefreshError(NOW, "revoked", "m"));
    }

    @Test
    void updateState_dropsRefreshErrorsOfProfilesThatDoNotExist() {
        AuthStoreRepository repo = repo();
        repo.update(s -> s.withProfile("openai:a", key("openai", "k")));
        repo.updateState(st -> st.withRefreshError("openai:gone", new RefreshError(NOW, "revoked", "m")));
        assertThat(repo.statePath()).doesNotExist();
    }

    @Test
    void updateState_ofAFlatStore_throwsAndWritesNothing() throws IOException {
        AuthStoreRepository repo = repo();
        write(repo.profilesPath(), "{\"openai\":{\"type\":\"api_key\",\"provider\":\"openai\",\"key\":\"sk-a\"}}");
        assertThatThrownBy(() -> repo.updateState(st -> st.withLastGood("openai", "openai:default")))
                .isInstanceOf(StoreFormatException.class);
        assertThat(repo.statePath()).doesNotExist();
    }

    @Test
    void readLocked_ofAMissingStore_createsNoDirectory() {
        assertThat(repo().readLocked().profiles()).isEmpty();
        assertThat(agentDir).doesNotExist();
    }

    @Test
    void update_keepsOrderIdsThatTheOnDiskOrderAlreadyReferenced_butDropsNewUnknownIds() throws IOException {
        AuthStoreRepository repo = repo();
        repo.update(s -> s.withProfile("openai:a", key("openai", "k")));
        write(repo.statePath(), "{\"version\":1,\"order\":{\"openai\":[\"openai:gone\",\"openai:a\"]}}");

        repo.update(s -> s);
        assertThat(repo.load().store().state().order().get("openai")).containsExactly("openai:gone", "openai:a");

        repo.update(s -> s.withStateChange(st -> st.withOrder("anthropic", List.of("anthropic:unknown"))));
        assertThat(repo.load().store().state().order()).doesNotContainKey("anthropic");
    }

    @Test
    void update_ofAMissingStoreThatStaysEmpty_createsNoStoreFile() {
        AuthStoreRepository repo = repo();
        repo.update(s -> s);
        assertThat(repo.profilesPath()).doesNotExist();
        assertThat(repo.statePath()).doesNotExist();
    }

    // ---- inline state of older releases ----

    @Test
    void load_readsInlineStateOfAnOldStore_andTheStateFileWinsPerKey() throws IOException {
        AuthStoreRepository repo = repo();
        write(repo.profilesPath(), """
                {"version":1,
                 "profiles":{"openai:a":{"type":"api_key","provider":"openai","key":"ka"},
                             "openai:b":{"type":"api_key","provider":"openai","key":"kb"}},
                 "order":{"openai":["openai:b","openai:a"]},
                 "lastGood":{"openai":"openai:a","anthropic":"anthropic:x"},
                 "usageStats":{"openai:a":{"lastUsed":5}}}
                """);
        write(repo.statePath(), "{\"version\":1,\"lastGood\":{\"openai\":\"openai:b\"}}");

        AuthState state = repo.load().store().state();

        assertThat(state.order().get("openai")).containsExactly("openai:b", "openai:a");
        assertThat(state.lastGood()).containsEntry("openai", "openai:b").containsEntry("anthropic", "anthropic:x");
        assertThat(state.stats("openai:a").lastUsed()).isEqualTo(5L);
    }

    @Test
    void update_movesInlineStateOfAnOldStoreToAuthStateJson() throws IOException {
        AuthStoreRepository repo = repo();
        String old = """
                {"version":1,
                 "profiles":{"openai:a":{"type":"api_key","provider":"openai","key":"ka"}},
                 "order":{"openai":["openai:a"]},
                 "lastGood":{"openai":"openai:a"},
                 "usageStats":{"openai:a":{"lastUsed":5,"errorCount":1}}}
                """;
        write(repo.profilesPath(), old);
        repo.load();
        assertThat(Files.readString(repo.profilesPath())).as("a canonical load does not write").isEqualTo(old);

        repo.update(s -> s);

        JsonNode profiles = readJson(repo.profilesPath());
        assertThat(profiles.propertyNames()).containsExactly("version", "profiles");
        JsonNode state = readJson(repo.statePath());
        assertThat(state.get("order").get("openai").get(0).asString()).isEqualTo("openai:a");
        assertThat(state.get("lastGood").get("openai").asString()).isEqualTo("openai:a");
        assertThat(state.get("usageStats").get("openai:a").get("errorCount").asInt()).isEqualTo(1);
        assertThat(repo.load().store().state().stats("openai:a").lastUsed()).isEqualTo(5L);
    }

    // ---- files we must not overwrite ----

    @Test
    void update_withTruncatedProfilesFile_throwsWithPositionAndLeavesTheFileByteIdentical() throws IOException {
        AuthStoreRepository repo = repo();
        String truncated = "{\n  \"version\": 1,\n  \"profiles\": {\n    \"openai:a\": {\"type\": \"api_key\", \"key\": \"sk-";
        write(repo.profilesPath(), truncated);
        AtomicBoolean changeRan = new AtomicBoolean();

        assertThatThrownBy(() -> repo.update(s -> {
            changeRan.set(true);
            return s.withProfile("x:1", key("x", "k"));
        }))
                .isInstanceOf(MalformedFileException.class)
                .satisfies(e -> {
                    MalformedFileException m = (MalformedFileException) e;
                    assertThat(m.path()).isEqualTo(repo.profilesPath());
                    assertThat(m.line()).isGreaterThanOrEqualTo(4);
                    assertThat(m.column()).isPositive();
                    assertThat(m.getMessage()).startsWith(repo.profilesPath() + ":" + m.line() + ":" + m.column() + ": ");
                    assertThat(m.getMessage()).doesNotContain("sk-");
                });

        assertThat(changeRan).isFalse();
        assertThat(Files.readString(repo.profilesPath())).isEqualTo(truncated);
        assertThat(repo.statePath()).doesNotExist();
    }

    @Test
    void update_withMalformedStateFile_throwsWithPositionAndLeavesBothFilesByteIdentical() throws IOException {
        AuthStoreRepository repo = repo();
        repo.update(s -> s.withProfile("openai:a", key("openai", "k")));
        byte[] profilesBefore = Files.readAllBytes(repo.profilesPath());
        String badState = "{\"version\": 1,\n \"order\": {\"openai\": [\"openai:a\",]}}\n";
        write(repo.statePath(), badState);

        assertThatThrownBy(() -> repo.update(s -> s.withProfile("x:1", key("x", "k"))))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageMatching(java.util.regex.Pattern.quote(repo.statePath().toString()) + ":2:\\d+: .+");

        assertThat(Files.readAllBytes(repo.profilesPath())).isEqualTo(profilesBefore);
        assertThat(Files.readString(repo.statePath())).isEqualTo(badState);
    }

    @Test
    void update_ofAFlatStore_throwsStoreFormatException_andLeavesItByteIdentical() throws IOException {
        AuthStoreRepository repo = repo();
        String flat = "{\"openrouter\": {\"apiKey\": \"sk-or-1\"}}\n";
        write(repo.profilesPath(), flat);
        AtomicBoolean changeRan = new AtomicBoolean();

        assertThatThrownBy(() -> repo.update(s -> {
            changeRan.set(true);
            return s.withProfile("x:1", key("x", "k"));
        }))
                .isInstanceOf(StoreFormatException.class)
                .hasMessageContaining(repo.profilesPath().toString())
                .hasMessageContaining("doctor --fix");

        assertThat(changeRan).isFalse();
        assertThat(Files.readString(repo.profilesPath())).isEqualTo(flat);
        assertThat(repo.statePath()).doesNotExist();
    }

    @Test
    void update_ofAStoreThatIsNotAnObject_throwsStoreFormatException() throws IOException {
        AuthStoreRepository repo = repo();
        write(repo.profilesPath(), "[]\n");
        assertThatThrownBy(() -> repo.update(s -> s.withProfile("x:1", key("x", "k"))))
                .isInstanceOf(StoreFormatException.class);
        assertThat(Files.readString(repo.profilesPath())).isEqualTo("[]\n");
    }

    // ---- legacy import ----

    private static final String AUTH_JSON = """
            {"anthropic": {"type": "api_key", "key": "sk-ant-legacy"}}
            """;
    private static final String OAUTH_JSON = """
            {"openai": {"access": "acc", "refresh": "ref", "expires": 1800000000000},
             "anthropic": {"access": "oauth-acc", "refresh": "oauth-ref"}}
            """;

    @Test
    void load_ofAMissingStore_importsAuthJsonAndOAuthJson_savesThem_andRetiresAuthJson() throws IOException {
        AuthStoreRepository repo = repo();
        write(repo.legacyAuthPath(), AUTH_JSON);
        write(repo.oauthJsonPath(), OAUTH_JSON);

        LoadedStore loaded = repo.load();

        assertThat(loaded.imported()).containsExactly("anthropic:default", "openai:default");
        assertThat(loaded.store().profile("anthropic:default")).as("auth.json wins over oauth.json")
                .isInstanceOf(ApiKeyCredential.class);
        assertThat(loaded.store().profile("openai:default")).isInstanceOf(OAuthCredential.class);

        JsonNode saved = readJson(repo.profilesPath());
        assertThat(saved.get("profiles").propertyNames()).containsExactly("anthropic:default", "openai:default");
        assertThat(saved.get("profiles").get("anthropic:default").get("key").asString()).isEqualTo("sk-ant-legacy");
        assertThat(mode(repo.profilesPath())).isEqualTo("rw-------");

        Path backup = agentDir.resolve("auth.json.imported." + NOW + ".bak");
        assertThat(repo.legacyAuthPath()).doesNotExist();
        assertThat(Files.readString(backup)).isEqualTo(AUTH_JSON);
        assertThat(mode(backup)).isEqualTo("rw-------");
        assertThat(Files.readString(repo.oauthJsonPath())).as("oauth.json is never touched").isEqualTo(OAUTH_JSON);

        // a second load finds the canonical store and imports nothing
        LoadedStore again = repo.load();
        assertThat(again.imported()).isEmpty();
        assertThat(again.format()).isEqualTo(AuthProfilesCodec.Format.CANONICAL);
    }

    @Test
    void loadReadOnly_importsInMemoryOnly_andWritesNothing() throws IOException {
        AuthStoreRepository repo = repo();
        write(repo.legacyAuthPath(), AUTH_JSON);
        write(repo.oauthJsonPath(), OAUTH_JSON);
        List<String> before = listing(agentDir);

        LoadedStore loaded = repo.loadReadOnly();

        assertThat(loaded.store().profiles()).containsOnlyKeys("anthropic:default", "openai:default");
        assertThat(loaded.exists()).isFalse();
        assertThat(listing(agentDir)).isEqualTo(before);
        assertThat(Files.readString(repo.legacyAuthPath())).isEqualTo(AUTH_JSON);
    }

    @Test
    void load_withReadOnlyFlag_importsInMemoryOnly_andWritesNothing() throws IOException {
        AuthStoreRepository repo = readOnlyRepo();
        write(repo.legacyAuthPath(), AUTH_JSON);
        List<String> before = listing(agentDir);

        LoadedStore loaded = repo.load();

        assertThat(loaded.imported()).containsExactly("anthropic:default");
        assertThat(loaded.store().profiles()).containsOnlyKeys("anthropic:default");
        assertThat(listing(agentDir)).isEqualTo(before);
        assertThat(Files.readString(repo.legacyAuthPath())).isEqualTo(AUTH_JSON);
    }

    @Test
    void load_neverOverwritesAFlatStoreWithALegacyImport() throws IOException {
        AuthStoreRepository repo = repo();
        String flat = "{\"openrouter\": {\"apiKey\": \"sk-or-1\"}}\n";
        write(repo.profilesPath(), flat);
        write(repo.legacyAuthPath(), AUTH_JSON);
        write(repo.oauthJsonPath(), OAUTH_JSON);
        List<String> before = listing(agentDir);

        LoadedStore loaded = repo.load();

        assertThat(loaded.format()).isEqualTo(AuthProfilesCodec.Format.LEGACY_FLAT);
        assertThat(loaded.warnings()).extracting(LoadWarning::reason).contains("legacy_flat_store");
        assertThat(Files.readString(repo.profilesPath())).isEqualTo(flat);
        assertThat(Files.readString(repo.legacyAuthPath())).isEqualTo(AUTH_JSON);
        assertThat(listing(agentDir)).isEqualTo(before);
    }

    @Test
    void load_reportsUnreadableLegacyFilesAsWarnings_withoutTouchingThem() throws IOException {
        AuthStoreRepository repo = repo();
        write(repo.legacyAuthPath(), "{\"anthropic\": ");
        List<String> before = listing(agentDir);

        LoadedStore loaded = repo.load();

        assertThat(loaded.store().profiles()).isEmpty();
        assertThat(loaded.warnings()).extracting(LoadWarning::reason).containsExactly("unreadable_legacy_file");
        assertThat(listing(agentDir)).isEqualTo(before);
    }

    // ---- doctor repairs ----

    @Test
    void repairRaw_backsUpTheOriginalBytes_andWritesTheRepairedStore_keepingState() throws IOException {
        AuthStoreRepository repo = repo();
        String flat = "{\"openrouter\": {\"apiKey\": \"sk-or-1\"}}\n";
        write(repo.profilesPath(), flat);
        write(repo.statePath(), "{\"version\":1,\"lastGood\":{\"openrouter\":\"openrouter:default\"}}\n");

        var backup = repo.repairRaw("legacy-flat", 1234L, raw -> AuthProfilesCodec.encode(LegacyFormats.fromFlatStore(raw).profiles()));

        Path expected = agentDir.resolve("auth-profiles.json.legacy-flat.1234.bak");
        assertThat(backup).contains(expected);
        assertThat(Files.readString(expected)).isEqualTo(flat);
        assertThat(mode(expected)).isEqualTo("rw-------");
        LoadedStore loaded = repo.load();
        assertThat(loaded.format()).isEqualTo(AuthProfilesCodec.Format.CANONICAL);
        assertThat(((ApiKeyCredential) loaded.store().profile("openrouter:default")).key())
                .isEqualTo(Secret.of("sk-or-1"));
        assertThat(loaded.store().state().lastGood()).containsEntry("openrouter", "openrouter:default");
    }

    @Test
    void repairRaw_withNothingToRepair_writesNothing() throws IOException {
        AuthStoreRepository repo = repo();
        String flat = "{\"openrouter\": {\"apiKey\": \"sk-or-1\"}}\n";
        write(repo.profilesPath(), flat);
        List<String> before = listing(agentDir);

        assertThat(repo.repairRaw("legacy-flat", 1L, raw -> null)).isEmpty();

        assertThat(listing(agentDir)).isEqualTo(before);
        assertThat(Files.readString(repo.profilesPath())).isEqualTo(flat);
    }

    @Test
    void repairRaw_ofAMissingStore_isEmpty() {
        assertThat(repo().repairRaw("legacy-flat", 1L, raw -> AuthProfilesCodec.encode(Map.of()))).isEmpty();
        assertThat(repo().profilesPath()).doesNotExist();
    }

    // ---- write failures ----

    @Test
    void update_inAnUnwritableDirectory_throwsFileWriteExceptionNamingThePath_andKeepsTheOriginal() throws Exception {
        AuthStoreRepository repo = repo();
        repo.update(s -> s.withProfile("openai:a", key("openai", "k")));
        byte[] before = Files.readAllBytes(repo.profilesPath());

        Immutable.set(agentDir);
        try {
            assertThatThrownBy(() -> repo.update(s -> s.withProfile("x:1", key("x", "k"))))
                    .isInstanceOf(FileWriteException.class)
                    .hasMessageContaining(repo.profilesPath().toString());
        } finally {
            Immutable.clear(agentDir);
        }

        assertThat(Files.readAllBytes(repo.profilesPath())).isEqualTo(before);
        assertThat(listing(agentDir)).containsExactly("auth-profiles.json");
    }

    @Test
    void update_whenTheStoreFileCannotBeReplaced_throwsFileWriteExceptionNamingIt_andLeavesNoTempFile()
            throws Exception {
        AuthStoreRepository repo = repo();
        repo.update(s -> s.withProfile("openai:a", key("openai", "k")));
        byte[] before = Files.readAllBytes(repo.profilesPath());

        Immutable.set(repo.profilesPath());
        try {
            assertThatThrownBy(() -> repo.update(s -> s.withProfile("x:1", key("x", "k"))))
                    .isInstanceOf(FileWriteException.class)
                    .satisfies(e -> assertThat(((FileWriteException) e).path()).isEqualTo(repo.profilesPath()))
                    .hasMessageContaining(repo.profilesPath().toString());
        } finally {
            Immutable.clear(repo.profilesPath());
        }

        assertThat(Files.readAllBytes(repo.profilesPath())).isEqualTo(before);
        assertThat(listing(agentDir)).containsExactly("auth-profiles.json");
    }

    // ---- concurrency ----

    @Test
    void update_fromEightThreadsConcurrently_losesNoProfile() throws Exception {
        AuthStoreRepository repo = repo();
        int threads = 8;
        int perThread = 3;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        String id = "p:t" + thread + "-" + i;
                        repo.update(s -> s.withProfile(id, key("p", "k-" + id))
                                .withStateChange(st -> st.withStats(id, u -> new UsageStats((long) thread + 1, null,
                                        null, null, null, null, null, null, null, null, null, Map.of(), null))));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        AuthStore store = repo.load().store();
        assertThat(store.profiles()).hasSize(threads * perThread);
        assertThat(store.state().usageStats()).hasSize(threads * perThread);
        assertThat(FileLockManager.lockPathFor(repo.profilesPath())).doesNotExist();
    }

    /** {@code chattr +i}: the only way to make a path unwritable for root. Always cleared in a finally. */
    static final class Immutable {
        private Immutable() {}

        static void set(Path p) throws Exception {
            run("+i", p);
        }

        static void clear(Path p) throws Exception {
            run("-i", p);
        }

        private static void run(String flag, Path p) throws Exception {
            Process proc = new ProcessBuilder("chattr", flag, p.toString()).redirectErrorStream(true).start();
            String out = new String(proc.getInputStream().readAllBytes(), UTF_8);
            if (proc.waitFor() != 0) {
                throw new IllegalStateException("chattr " + flag + " " + p + " failed: " + out);
            }
        }
    }
}
