package ai.openclaw.oauth.refresh;

import ai.openclaw.core.Secret;
import ai.openclaw.credential.Credential;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.credential.ProfileMeta;
import ai.openclaw.fs.FileLockManager;
import ai.openclaw.oauth.TokenRefresher;
import ai.openclaw.store.AuthStoreRepository;
import ai.openclaw.testing.LoopbackRefresher;
import ai.openclaw.testing.LoopbackTokenEndpoint;
import ai.openclaw.testing.SettableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A state directory with agents' stores, a loopback token endpoint, a settable clock and a coordinator wired over
 * them the way the composition root wires the real one. Agent {@code main} is the main agent.
 */
final class RefreshFixture implements AutoCloseable {
    static final long NOW = 1_750_000_000_000L;
    static final String PROVIDER = "openai-codex";
    static final String ID = "openai-codex:me";
    static final String OLD_ACCESS = "at-old-0123456789abcdefghijklmn";
    static final String OLD_REFRESH = "rt-old-0123456789abcdefghijklmn";

    final Path stateDir;
    final SettableClock clock = new SettableClock(NOW);
    final FileLockManager locks = new FileLockManager(clock, ProcessHandle.current().pid());
    final LoopbackTokenEndpoint endpoint;
    final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Map<String, AuthStoreRepository> repos = new LinkedHashMap<>();
    private RefresherRegistry registry;
    private RefreshOptions options = RefreshOptions.DEFAULTS;
    private RefreshCoordinator coordinator;

    RefreshFixture(Path root) throws IOException {
        this.stateDir = root.resolve("state");
        Files.createDirectories(stateDir);
        this.endpoint = LoopbackTokenEndpoint.start();
        this.registry = RefresherRegistry.builder().provider(loopback()).build();
        repo("main");
    }

    LoopbackRefresher loopback() {
        return new LoopbackRefresher(PROVIDER, endpoint.uri(), clock);
    }

    RefreshFixture refreshers(RefresherRegistry r) {
        this.registry = r;
        this.coordinator = null;
        return this;
    }

    RefreshFixture refresher(TokenRefresher r) {
        return refreshers(RefresherRegistry.builder().provider(r).build());
    }

    RefreshFixture options(UnaryOperator<RefreshOptions> change) {
        this.options = change.apply(options);
        this.coordinator = null;
        return this;
    }

    /** The coordinator over the current registry and options (a new one after either changed). */
    RefreshCoordinator coordinator() {
        if (coordinator == null) {
            coordinator = newCoordinator();
        }
        return coordinator;
    }

    /** Another coordinator over the same files: what a second process would run. */
    RefreshCoordinator newCoordinator() {
        return newCoordinator(new FileLockManager(clock, ProcessHandle.current().pid()));
    }

    RefreshCoordinator newCoordinator(FileLockManager lockManager) {
        AgentStores stores = new AgentStores() {
            @Override
            public AuthStoreRepository main() {
                return repo("main");
            }

            @Override
            public List<AuthStoreRepository> all() {
                return new ArrayList<>(repos.values());
            }
        };
        return new RefreshCoordinator(lockManager, clock, stateDir, registry, stores, options, warnings::add);
    }

    synchronized AuthStoreRepository repo(String agentId) {
        return repos.computeIfAbsent(agentId, a -> new AuthStoreRepository(
                stateDir.resolve("agents").resolve(a).resolve("agent"), stateDir.resolve("credentials"), locks, clock,
                false));
    }

    RefreshFixture put(String agentId, String profileId, Credential credential) {
        repo(agentId).update(s -> s.withProfile(profileId, credential));
        return this;
    }

    OAuthCredential stored(String agentId, String profileId) {
        return (OAuthCredential) repo(agentId).loadReadOnly().store().profile(profileId);
    }

    byte[] bytes(String agentId) {
        try {
            return Files.readAllBytes(repo(agentId).profilesPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An OAuth credential of {@link #PROVIDER} whose access token expires at {@code expires}. */
    static OAuthCredential oauth(String access, String refresh, Long expires) {
        return oauth(access, refresh, expires, null, null);
    }

    static OAuthCredential oauth(String access, String refresh, Long expires, String accountId, String email) {
        return new OAuthCredential(PROVIDER, Secret.ofNullable(access), Secret.ofNullable(refresh), null, expires,
                null, null, null, accountId, null, null, new ProfileMeta(email, null, null, Map.of()));
    }

    static OAuthCredential expired() {
        return oauth(OLD_ACCESS, OLD_REFRESH, NOW - 60_000);
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
