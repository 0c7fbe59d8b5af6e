package ai.openclaw.oauth.refresh;

import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.fs.FileLockManager;
import ai.openclaw.oauth.OAuthRefreshException;
import ai.openclaw.store.AuthStoreRepository;
import ai.openclaw.testing.LoopbackRefresher;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Child process of {@link RefreshAcrossProcessesTest}: one OS process using the expired profile of the main agent.
 * Reads the store, reports that it is ready, waits for the go signal, then asks its own {@link RefreshCoordinator}
 * for a usable credential and prints {@code ACCESS <token>} (or {@code FAILED <code>: <message>}, exit 1).
 * Arguments: state dir, token endpoint URL, ready file to create, go file to wait for.
 */
public final class RefreshRaceMain {
    private RefreshRaceMain() {}

    public static void main(String[] args) throws Exception {
        Path stateDir = Path.of(args[0]);
        URI tokenUrl = URI.create(args[1]);
        Path ready = Path.of(args[2]);
        Path go = Path.of(args[3]);
        Clock clock = Clock.systemUTC();
        FileLockManager locks = new FileLockManager(clock, ProcessHandle.current().pid());
        AuthStoreRepository main = new AuthStoreRepository(stateDir.resolve("agents/main/agent"),
                stateDir.resolve("credentials"), locks, clock, false);
        AgentStores stores = new AgentStores() {
            @Override
            public AuthStoreRepository main() {
                return main;
            }

            @Override
            public List<AuthStoreRepository> all() {
                return List.of(main);
            }
        };
        RefreshCoordinator coordinator = new RefreshCoordinator(locks, clock, stateDir,
                RefresherRegistry.builder().provider(new LoopbackRefresher(RefreshFixture.PROVIDER, tokenUrl, clock))
                        .build(), stores, RefreshOptions.DEFAULTS, w -> System.out.println("WARN " + w));
        OAuthCredential seen = (OAuthCredential) main.loadReadOnly().store().profile(RefreshFixture.ID);
        Files.createFile(ready);
        while (!Files.exists(go)) {
            Thread.sleep(2);
        }
        try {
            OAuthCredential usable = coordinator.fresh(main, RefreshFixture.ID, seen);
            System.out.println("ACCESS " + usable.access().reveal());
        } catch (OAuthRefreshException e) {
            System.out.println("FAILED " + e.failure().wireName() + ": " + e.getMessage());
            System.exit(1);
        }
    }
}
