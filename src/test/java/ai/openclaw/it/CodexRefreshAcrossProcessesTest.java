package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.cli.Main;
import ai.openclaw.core.Secret;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.credential.ProfileMeta;
import ai.openclaw.fs.ChildJvm;
import ai.openclaw.fs.FileLockManager;
import ai.openclaw.store.AuthStoreRepository;
import ai.openclaw.testing.FakeOAuthServer;
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
 * End to end, as users run it: several {@code openclaw doctor --fix --yes} processes start at once on a state
 * directory whose Codex login has expired, with the real Codex refresher pointed at a fake OAuth server
 * ({@code OPENCLAW_OPENAI_CODEX_TOKEN_URL}) that rotates refresh tokens and refuses a spent one. Exactly one refresh
 * reaches the server; the store ends with the rotated tokens; no process reports a refresh error.
 */
class CodexRefreshAcrossProcessesTest {
    private static final int PROCESSES = 3;
    private static final String PROFILE = "openai-codex:ops@example.com";

    @TempDir
    Path root;

    @Test
    void doctorsRacingOneExpiredCodexLogin_refreshItOnce_andAllSeeTheNewToken() throws Exception {
        Path home = root.resolve("home");
        Path stateDir = home.resolve(".openclaw");
        Clock clock = Clock.systemUTC();
        AuthStoreRepository store = new AuthStoreRepository(stateDir.resolve("agents/main/agent"),
                stateDir.resolve("credentials"), new FileLockManager(clock, ProcessHandle.current().pid()), clock,
                false);
        try (FakeOAuthServer server = FakeOAuthServer.start()) {
            server.account("acct-1", "ops@example.com").slow(Duration.ofMillis(1500));
            FakeOAuthServer.Issued login = server.issueTokens();
            store.update(s -> s.withProfile(PROFILE, new OAuthCredential("openai-codex", Secret.of(login.access()),
                    Secret.of(login.refresh()), null, clock.millis() - 60_000, null, null, null, "acct-1", null,
                    null, ProfileMeta.EMPTY.withEmail("ops@example.com"))));

            List<Process> children = new ArrayList<>();
            List<Path> outputs = new ArrayList<>();
            try {
                for (int i = 0; i < PROCESSES; i++) {
                    Path output = root.resolve("doctor-" + i + ".out");
                    outputs.add(output);
                    ProcessBuilder pb = ChildJvm.builder(Main.class, "doctor", "--fix", "--yes")
                            .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                                    Files.writeString(root.resolve("empty-stdin"), "").toFile()));
                    pb.environment().clear();
                    pb.environment().put("HOME", home.toString());
                    pb.environment().put("PATH", "/usr/bin:/bin");
                    pb.environment().putAll(server.env());
                    children.add(pb.start());
                }
                for (int i = 0; i < PROCESSES; i++) {
                    assertThat(children.get(i).waitFor(90, TimeUnit.SECONDS)).as("doctor %d finished", i).isTrue();
                }
            } finally {
                children.forEach(Process::destroyForcibly);
            }
            for (Path output : outputs) {
                String text = Files.readString(output);
                assertThat(text).as(text).doesNotContain("OAuth refresh errors").doesNotContain(login.refresh())
                        .doesNotContain(login.access());
            }
            assertThat(server.calls(FakeOAuthServer.REFRESH_TOKEN)).as("refresh calls at the server").isEqualTo(1);
            assertThat(server.isSpent(login.refresh())).isTrue();
            OAuthCredential now = (OAuthCredential) store.loadReadOnly().store().profile(PROFILE);
            assertThat(now.refresh()).isNotEqualTo(Secret.of(login.refresh()));
            assertThat(server.isSpent(now.refresh().reveal())).as("the stored refresh token is the live one").isFalse();
            assertThat(now.expires()).isGreaterThan(clock.millis());
            assertThat(now.accountId()).isEqualTo("acct-1");
        }
    }
}
