package ai.openclaw.oauth.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.core.Secret;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.fs.ChildJvm;
import ai.openclaw.fs.FileLockManager;
import ai.openclaw.store.AuthStoreRepository;
import ai.openclaw.testing.LoopbackTokenEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several real OS processes (child JVMs) use one expired OAuth profile at the same moment against a loopback token
 * endpoint that rotates refresh tokens and refuses a spent one: exactly one refresh call reaches it, and every
 * process ends with the new access token.
 */
class RefreshAcrossProcessesTest {
    private static final int PROCESSES = 4;

    @TempDir
    Path root;

    @Test
    void manyProcessesRacingOneExpiredToken_makeExactlyOneRefreshCall_andAllEndWithTheNewToken() throws Exception {
        Path stateDir = root.resolve("state");
        Clock clock = Clock.systemUTC();
        AuthStoreRepository main = new AuthStoreRepository(stateDir.resolve("agents/main/agent"),
                stateDir.resolve("credentials"), new FileLockManager(clock, ProcessHandle.current().pid()), clock,
                false);
        main.update(s -> s.withProfile(RefreshFixture.ID, RefreshFixture.oauth(RefreshFixture.OLD_ACCESS,
                RefreshFixture.OLD_REFRESH, clock.millis() - 60_000)));

        // a slow answer keeps the winner inside the lock while the others arrive and queue behind it
        try (LoopbackTokenEndpoint endpoint = LoopbackTokenEndpoint.start().delay(Duration.ofMillis(300))) {
            Path go = root.resolve("go");
            List<Process> children = new ArrayList<>();
            List<Path> outputs = new ArrayList<>();
            try {
                for (int i = 0; i < PROCESSES; i++) {
                    Path output = root.resolve("child-" + i + ".out");
                    outputs.add(output);
                    children.add(ChildJvm.start(RefreshRaceMain.class, output, stateDir.toString(),
                            endpoint.uri().toString(), root.resolve("ready-" + i).toString(), go.toString()));
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                for (int i = 0; i < PROCESSES; i++) {
                    while (!Files.exists(root.resolve("ready-" + i)) && System.nanoTime() < deadline
                            && children.get(i).isAlive()) {
                        Thread.sleep(10);
                    }
                }
                Files.createFile(go);
                for (int i = 0; i < PROCESSES; i++) {
                    Process child = children.get(i);
                    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child %d finished", i).isTrue();
                    assertThat(child.exitValue()).as("child %d exit code; output:%n%s", i,
                            Files.readString(outputs.get(i))).isZero();
                }
            } finally {
                children.forEach(Process::destroyForcibly);
            }

            assertThat(endpoint.calls()).as("refresh calls at the token endpoint").isEqualTo(1);
            assertThat(endpoint.presented()).containsExactly(RefreshFixture.OLD_REFRESH);
            for (Path output : outputs) {
                assertThat(Files.readAllLines(output)).contains("ACCESS " + LoopbackTokenEndpoint.access(1));
            }
            OAuthCredential stored = (OAuthCredential) main.loadReadOnly().store().profile(RefreshFixture.ID);
            assertThat(stored.access()).isEqualTo(Secret.of(LoopbackTokenEndpoint.access(1)));
            assertThat(stored.refresh()).isEqualTo(Secret.of(LoopbackTokenEndpoint.refresh(1)));
            assertThat(RefreshCoordinator.lockDir(stateDir)).isDirectory();
            try (var locks = Files.list(RefreshCoordinator.lockDir(stateDir))) {
                assertThat(locks.filter(p -> p.toString().endsWith(".lock")).toList()).as("all released").isEmpty();
            }
        }
    }
}
