package ai.openclaw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.cli.CliHarness.Result;
import ai.openclaw.oauth.refresh.RefresherRegistry;
import ai.openclaw.testing.LoopbackRefresher;
import ai.openclaw.testing.LoopbackTokenEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code doctor} offers to refresh expired and expiring OAuth tokens (L§4.7). */
class DoctorOAuthRefreshTest {
    private static final String QUESTION = "Refresh expiring OAuth tokens now? (static tokens need re-auth) [Y/n] ";
    private static final String OLD_ACCESS = "at-old-0123456789abcdefghij";
    private static final String OLD_REFRESH = "rt-old-0123456789abcdefghij";
    private static final String SOON_ACCESS = "at-soon-0123456789abcdefghij";
    private static final String SOON_REFRESH = "rt-soon-0123456789abcdefghij";

    @TempDir
    Path dir;

    private CliHarness h;
    private LoopbackTokenEndpoint endpoint;

    @BeforeEach
    void setUp() throws Exception {
        endpoint = LoopbackTokenEndpoint.start();
        h = new CliHarness(dir);
        h.refreshers(RefresherRegistry.builder()
                .provider(new LoopbackRefresher("openai-codex", endpoint.uri(), h.clock())).build());
        long now = h.now();
        h.writeStore("main", """
                {"version":1,"profiles":{
                  "openai-codex:me":{"type":"oauth","provider":"openai-codex","access":"%s","refresh":"%s","expires":%d},
                  "openai-codex:soon":{"type":"oauth","provider":"openai-codex","access":"%s","refresh":"%s","expires":%d}
                }}
                """.formatted(OLD_ACCESS, OLD_REFRESH, now - 3_600_000L, SOON_ACCESS, SOON_REFRESH,
                now + 5 * 3_600_000L));
    }

    @AfterEach
    void tearDown() {
        endpoint.close();
    }

    @Test
    void fixYes_refreshesExpiredAndExpiringTokens_withoutAsking() {
        endpoint.expiresIn(10 * 86_400);
        Result r = h.runInteractive(List.of(), "doctor", "--fix", "--yes");

        assertThat(h.lastTerminal().prompts()).isEmpty();
        assertThat(r.out()).contains("- openai-codex:me: expired (1h ago)")
                .contains("- note: openai-codex:soon: expiring (5h)")
                .contains("  fixed: refreshed openai-codex:me (expires in 10d)")
                .contains("  fixed: refreshed openai-codex:soon (expires in 10d)");
        assertThat(endpoint.presented()).containsExactlyInAnyOrder(OLD_REFRESH, SOON_REFRESH);
        assertThat(CliHarness.read(h.store("main"))).doesNotContain(OLD_REFRESH).doesNotContain(SOON_REFRESH);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(h.run("doctor").out()).contains("No problems found.");
    }

    @Test
    void fixOnATerminal_asksFirst_andANoChangesNothing() {
        var before = h.snapshot();

        Result r = h.runInteractive(List.of("n"), "doctor", "--fix");

        assertThat(h.lastTerminal().prompts()).containsExactly(QUESTION);
        assertThat(r.out()).contains("  --fix would: refresh the OAuth token now");
        assertThat(endpoint.calls()).isZero();
        assertThat(h.snapshot()).isEqualTo(before);
        assertThat(r.exit()).as("the expired token still needs action").isEqualTo(1);
    }

    @Test
    void fixOnATerminal_refreshesWhenTheAnswerIsYes() {
        Result r = h.runInteractive(List.of("y"), "doctor", "--fix");

        assertThat(h.lastTerminal().prompts()).containsExactly(QUESTION);
        assertThat(r.out()).contains("  fixed: refreshed openai-codex:me");
        assertThat(endpoint.calls()).isEqualTo(2);
    }

    @Test
    void nonInteractive_neverRefreshes() {
        var before = h.snapshot();

        Result r = h.run("doctor", "--fix", "--non-interactive");

        assertThat(r.out()).contains("  skipped: OAuth tokens are not refreshed with --non-interactive");
        assertThat(endpoint.calls()).isZero();
        assertThat(h.snapshot()).isEqualTo(before);
    }

    @Test
    void withoutFix_theReportSaysWhatFixWouldDo_andNothingChanges() {
        var before = h.snapshot();

        Result r = h.run("doctor");

        assertThat(r.out()).contains("- openai-codex:me: expired (1h ago)")
                .contains("  --fix would: refresh the OAuth token now")
                .contains("Run `openclaw doctor --fix` to apply the repairs above.");
        assertThat(endpoint.calls()).isZero();
        assertThat(h.snapshot()).isEqualTo(before);
    }

    @Test
    void failedRefreshes_areListedPerProfile_andLeaveTheStoreByteIdentical() throws Exception {
        endpoint.failWith(400, "{\"error\":\"invalid_grant\"}");
        byte[] before = Files.readAllBytes(h.store("main"));

        Result r = h.run("doctor", "--fix", "--yes");

        String error = "OAuth token refresh failed for openai-codex: token endpoint answered 400: invalid_grant. "
                + "Run `openclaw models auth login --provider openai-codex` to log in again.";
        assertThat(r.out()).contains("  refresh failed: " + error)
                .contains("OAuth refresh errors\n- openai-codex:me: " + error + "\n- openai-codex:soon: " + error);
        assertThat(r.all()).doesNotContain(OLD_REFRESH).doesNotContain(OLD_ACCESS);
        assertThat(Files.readAllBytes(h.store("main"))).isEqualTo(before);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(h.run("doctor").out()).contains("- note: openai-codex:me: the last refresh failed (0m ago): " + error);
    }

    @Test
    void aProviderWithoutARefresher_staysAManualFinding() {
        h.refreshers(RefresherRegistry.EMPTY);

        Result r = h.run("doctor", "--fix", "--yes");

        assertThat(r.out()).contains("- openai-codex:me: expired (1h ago) — Log in to openai-codex again")
                .doesNotContain("refreshed");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void aTokenMirroredFromAnotherAgentsRefresh_isNotRefreshedAgainInThatAgent() {
        endpoint.expiresIn(10 * 86_400);
        h.writeConfig("{ agents: { list: [ { id: 'main', default: true }, { id: 'work' } ] } }");
        long now = h.now();
        h.writeStore("main", """
                {"version":1,"profiles":{
                  "openai-codex:me":{"type":"oauth","provider":"openai-codex","access":"%s","refresh":"%s","expires":%d}
                }}
                """.formatted(OLD_ACCESS, OLD_REFRESH, now - 3_600_000L));
        h.writeStore("work", """
                {"version":1,"profiles":{
                  "openai-codex:me":{"type":"oauth","provider":"openai-codex","access":"%s","refresh":"%s","expires":%d}
                }}
                """.formatted(OLD_ACCESS, OLD_REFRESH, now - 3_600_000L));

        Result r = h.run("doctor", "--fix", "--yes");

        assertThat(r.out()).contains("  fixed: refreshed openai-codex:me (expires in 10d)")
                .contains("  fixed: already refreshed openai-codex:me (expires in 10d)");
        assertThat(endpoint.calls()).isEqualTo(1);
        assertThat(CliHarness.read(h.store("work"))).contains(LoopbackTokenEndpoint.refresh(1));
        assertThat(r.exit()).as(r.toString()).isZero();
    }
}
