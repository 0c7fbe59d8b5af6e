package ai.openclaw.routing;

import static ai.openclaw.routing.RoutingFixture.NOW;
import static ai.openclaw.routing.RoutingFixture.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.openclaw.store.FailureReason;
import ai.openclaw.store.UsageStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Cooldowns and success marks: visible at once, on disk after flush (store-and-selection §6.2, §6.3). */
class RouterRecordingTest {
    private static final String MODEL = "openai/gpt-4o-mini";
    private static final long SEC = 1_000;

    @TempDir
    Path root;

    private RoutingFixture fx;
    private Router router;
    private final Upstream upstream = new Upstream();

    @BeforeEach
    void setUp() {
        fx = new RoutingFixture(root).config("{ agents: { defaults: { model: \"openai/gpt-4o\" } } }");
        fx.profile("openai:a", key("openai", "sk-a-0123456789")).profile("openai:b", key("openai", "sk-b-0123456789"));
        router = fx.router();
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private RouteResult<String> run(String model) {
        return router.execute(router.plan(RouteRequest.of(model)), upstream);
    }

    private NoRouteException fails(String model) {
        return catchThrowableOfType(NoRouteException.class, () -> run(model));
    }

    @Test
    void aFailureAndASuccess_reachAuthStateJson_afterFlush() {
        upstream.fail("openai:a", Upstream.status(429));
        RouteResult<String> r = run(MODEL);
        assertThat(r.attempts().getFirst()).isEqualTo(new AttemptRecord(r.served().model(), "openai:a", "failed",
                "rate_limit", 429, 30 * SEC));
        assertThat(Files.exists(fx.repository("main").statePath())).isFalse();

        router.flush();

        JsonNode a = fx.stateFile().get("usageStats").get("openai:a");
        assertThat(a.get("errorCount").asInt()).isEqualTo(1);
        assertThat(a.get("failureCounts").get("rate_limit").asInt()).isEqualTo(1);
        assertThat(a.get("cooldownUntil").asLong()).isEqualTo(NOW + 30 * SEC);
        assertThat(a.get("cooldownReason").asString()).isEqualTo("rate_limit");
        assertThat(a.get("cooldownModel").asString()).isEqualTo("gpt-4o-mini");
        assertThat(a.get("lastFailureAt").asLong()).isEqualTo(NOW);
        assertThat(fx.statsOnDisk("openai:b").lastUsed()).isEqualTo(NOW);
        assertThat(fx.stateOnDisk().lastGood()).containsEntry("openai", "openai:b");
    }

    @Test
    void theNextRequestInThisProcess_skipsTheCooledProfile_beforeAnythingIsWritten() {
        fx.freezeSnapshots();
        upstream.fail("openai:a", Upstream.status(429));
        run(MODEL);
        upstream.heal("openai:a").fail("openai:b", Upstream.status(401));
        NoRouteException e = fails(MODEL);
        assertThat(upstream.labels()).containsExactly("openai:a", "openai:b", "openai:b");
        assertThat(e.attempts()).contains(new AttemptRecord(e.attempts().getFirst().model(), "openai:a", "skipped",
                "cooldown", 0, 30 * SEC));
        assertThat(Files.exists(fx.repository("main").statePath())).isFalse();

        router.flush();
        // the host still shows its old snapshot: this process keeps what it wrote until the host catches up
        assertThat(router.store("main").state().stats("openai:a").cooldownUntil()).isEqualTo(NOW + 30 * SEC);
        assertThat(fx.statsOnDisk("openai:a").cooldownUntil()).isEqualTo(NOW + 30 * SEC);
    }

    @Test
    void aRateLimitCooldown_appliesToItsModelOnly() {
        upstream.fail("openai:a", MODEL, Upstream.status(429)).fail("openai:b", Upstream.status(401));
        fails(MODEL);

        NoRouteException same = fails(MODEL);
        assertThat(same.attempts()).extracting(AttemptRecord::credential, AttemptRecord::reason).contains(
                tuple("openai:a", "cooldown"));
        RouteResult<String> other = run("openai/o3");
        assertThat(other.value()).isEqualTo("served by openai:a");
    }

    @Test
    void anAuthCooldown_coversEveryModelOfTheProfile() {
        upstream.fail("openai:a", MODEL, Upstream.status(401));
        run(MODEL);
        upstream.fail("openai:b", Upstream.status(401));
        NoRouteException e = fails("openai/o3");
        assertThat(e.attempts()).extracting(AttemptRecord::credential, AttemptRecord::reason).contains(
                tuple("openai:a", "cooldown"));
    }

    @Test
    void aCooledProfile_servesAgainWhenTheWindowEnds() {
        upstream.fail("openai:a", Upstream.status(429)).fail("openai:b", Upstream.status(401));
        fails(MODEL);
        upstream.heal("openai:a");
        fx.clock.advance(29 * SEC);
        assertThat(fails(MODEL).attempts()).extracting(AttemptRecord::reason).contains("cooldown");
        fx.clock.advance(SEC);
        assertThat(run(MODEL).value()).isEqualTo("served by openai:a");
    }

    @Test
    void aLongerRetryAfter_extendsTheCooldown() {
        upstream.fail("openai:a", Upstream.rateLimited(120 * SEC)).fail("openai:b", Upstream.status(401));
        NoRouteException first = fails(MODEL);
        assertThat(first.attempts().getFirst().remainingMs()).isEqualTo(120 * SEC);
        upstream.heal("openai:a");
        fx.clock.advance(31 * SEC);
        assertThat(fails(MODEL).attempts()).extracting(AttemptRecord::remainingMs).contains(89 * SEC);
        fx.clock.advance(89 * SEC);
        assertThat(run(MODEL).value()).isEqualTo("served by openai:a");
        router.flush();
        assertThat(fx.statsOnDisk("openai:a").cooldownUntil()).isNull();
    }

    @Test
    void billing_disablesTheProfileForHours() {
        upstream.fail("openai:a", Upstream.status(402, "Payment required"));
        run(MODEL);
        router.flush();
        UsageStats a = fx.statsOnDisk("openai:a");
        assertThat(a.disabledUntil()).isEqualTo(NOW + 5 * 3_600 * SEC);
        assertThat(a.disabledReason()).isEqualTo(FailureReason.BILLING);
        assertThat(a.cooldownUntil()).isNull();

        fx.clock.advance(3_600 * SEC);
        upstream.fail("openai:b", Upstream.status(401));
        NoRouteException e = fails(MODEL);
        assertThat(e.attempts()).contains(new AttemptRecord(e.attempts().getFirst().model(), "openai:a", "skipped",
                "disabled", 0, 4 * 3_600 * SEC));
    }

    @Test
    void aCooldownWrittenByAnotherProcess_isRespected() {
        fx.state(s -> s.withStats("openai:a", x -> UsageUpdates.failure(x, "openai", FailureReason.AUTH, null, NOW,
                null, fx.config().auth().cooldowns())));
        run(MODEL);
        assertThat(upstream.labels()).containsExactly("openai:b");
    }

    @Test
    void openrouterProfiles_areNeverCooledDown() {
        fx.profile("openrouter:x", key("openrouter", "sk-or-x-0123456789"))
                .profile("openrouter:y", key("openrouter", "sk-or-y-0123456789"));
        upstream.fail("openrouter:x", Upstream.status(429));
        run("openrouter/moonshotai/kimi-k2");
        run("openrouter/moonshotai/kimi-k2");
        router.flush();
        assertThat(upstream.labels()).containsExactly("openrouter:x", "openrouter:y", "openrouter:x",
                "openrouter:y");
        assertThat(fx.stateOnDisk().usageStats()).doesNotContainKey("openrouter:x");
    }

    @Test
    void formatErrorsAndEmptyResponses_areNotHeldAgainstTheProfile() {
        upstream.fail("openai:a", Upstream.status(400, "invalid request format"));
        fails(MODEL);
        upstream.fail("openai:a", new UpstreamFailure(200, null, "", null, null));
        fails(MODEL);
        router.flush();
        assertThat(fx.stateOnDisk().usageStats()).doesNotContainKey("openai:a");
    }

    @Test
    void aRefusedConnection_isNotRecorded_butAReadTimeoutIs() {
        upstream.fail("openai:a", new UpstreamFailure(0, "ECONNREFUSED", "connect failed", null, "connect"));
        fails(MODEL);
        router.flush();
        assertThat(fx.stateOnDisk().usageStats()).doesNotContainKey("openai:a");
        upstream.fail("openai:a", new UpstreamFailure(0, null, "read timed out", null, "timeout"));
        fails(MODEL);
        router.flush();
        assertThat(fx.statsOnDisk("openai:a").cooldownReason()).isEqualTo(FailureReason.TIMEOUT);
        assertThat(fx.statsOnDisk("openai:a").cooldownModel()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void aFailedWrite_isReported_andTheChangesStayPendingForTheNextFlush() throws Exception {
        upstream.fail("openai:a", Upstream.status(429));
        run(MODEL);
        Path state = fx.repository("main").statePath();
        Files.writeString(state, "{ not json");
        assertThatThrownBy(router::flush).isInstanceOf(StateWriteException.class).hasMessageContaining("main");
        assertThat(fx.warnings).singleElement().asString().contains("will retry").doesNotContain("sk-");

        Files.delete(state);
        router.flush();
        assertThat(fx.statsOnDisk("openai:a").failureCounts()).isEqualTo(Map.of(FailureReason.RATE_LIMIT, 1));
    }
}
