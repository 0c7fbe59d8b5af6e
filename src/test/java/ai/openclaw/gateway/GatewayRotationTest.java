package ai.openclaw.gateway;

import static ai.openclaw.gateway.GatewayFixture.ANT_KEY;
import static ai.openclaw.gateway.GatewayFixture.KEY_A;
import static ai.openclaw.gateway.GatewayFixture.KEY_B;
import static ai.openclaw.gateway.GatewayFixture.OPENAI_PATH;
import static ai.openclaw.gateway.GatewayFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.gateway.GatewayFixture.Config;
import ai.openclaw.testing.AnthropicFixtures;
import ai.openclaw.testing.OpenAiFixtures;
import ai.openclaw.testing.Responder;
import ai.openclaw.testing.Responders;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * What one failed attempt leads to, end to end: the next profile (rate limit, auth, billing, overloaded) or the next
 * fallback model (timeout, format errors, server errors), and what is recorded in {@code auth-state.json}: the
 * cooldown ladder, Retry-After, billing disables, model-scoped cooldowns and their expiry.
 */
@Timeout(60)
class GatewayRotationTest {
    private static final String ORDER_A_B = "order: {openai: ['openai:a', 'openai:b']}";

    @TempDir
    Path dir;

    GatewayFixture fx;

    @AfterEach
    void stop() throws Exception {
        if (fx != null) {
            fx.close();
        }
    }

    private GatewayFixture start(Config config) throws Exception {
        fx = GatewayFixture.standard(dir);
        fx.config(config);
        fx.start();
        fx.upstream.onPost(OPENAI_PATH, Responders.json(OpenAiFixtures.chatCompletion("gpt-test", "from b")));
        fx.upstream.onPost("/v1/messages", Responders.json(AnthropicFixtures.message("claude-test", "from claude")));
        return fx;
    }

    private static String text(HttpResponse<String> r) {
        return json(r).path("choices").get(0).path("message").path("content").asString();
    }

    static Stream<Arguments> rotatingFailures() {
        return Stream.of(
                Arguments.of("429 rate limit", Responders.rateLimited(OpenAiFixtures.rateLimitError(), null),
                        "rate_limit"),
                Arguments.of("401 invalid key", Responders.unauthorized(OpenAiFixtures.invalidKeyError(KEY_A)),
                        "auth"),
                Arguments.of("403 revoked key", Responders.json(403, OpenAiFixtures.error(
                        "This API key has been revoked.", "invalid_request_error", null)), "auth_permanent"),
                Arguments.of("402 payment required", Responders.paymentRequired(OpenAiFixtures.error(
                        "Payment required: insufficient credits", "billing", null)), "billing"),
                Arguments.of("529 overloaded", Responders.serverError(529, AnthropicFixtures.overloadedError()),
                        "overloaded"),
                Arguments.of("503 overloaded", Responders.serverError(503, OpenAiFixtures.error(
                        "The engine is currently overloaded, please try again later", "server_error", null)),
                        "overloaded"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rotatingFailures")
    void credentialFailures_rotateToTheNextProfileOfTheSameModel(String name, Responder failure, String reason)
            throws Exception {
        start(Config.standard().auth(ORDER_A_B));
        fx.upstream.onPost(OPENAI_PATH, KEY_A, failure);
        HttpResponse<String> r = fx.chat("openai/gpt-test", "x");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(text(r)).isEqualTo("from b");
        assertThat(fx.credentialsSent()).containsExactly(KEY_A, KEY_B);
        JsonNode a = fx.authStateOnDisk("main").path("usageStats").path("openai:a");
        assertThat(a.path("failureCounts").path(reason).asInt()).as(a.toString()).isEqualTo(1);
        fx.awaitLog("openai:a:" + reason);
    }

    static Stream<Arguments> nonRotatingFailures() {
        return Stream.of(
                Arguments.of("408 request timeout", Responders.json(408, OpenAiFixtures.error("Request timed out",
                        "timeout", null))),
                Arguments.of("500 server error", Responders.serverError(500, OpenAiFixtures.serverError())),
                Arguments.of("400 format", Responders.json(400, OpenAiFixtures.error(
                        "Invalid request format: messages[0].tool_call_id is malformed", "invalid_request_error",
                        null))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nonRotatingFailures")
    void timeoutsAndFormatErrors_skipTheOtherProfiles_andFallBackToTheNextModel(String name, Responder failure)
            throws Exception {
        start(Config.standard().auth(ORDER_A_B));
        fx.upstream.onPost(OPENAI_PATH, KEY_A, failure);
        HttpResponse<String> r = fx.chat("openai/gpt-test", "x");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(text(r)).isEqualTo("from claude");
        assertThat(fx.credentialsSent()).containsExactly(KEY_A, ANT_KEY);
    }

    @Test
    void formatErrorWithoutFallback_isReturnedAs400_andNotHeldAgainstTheProfile() throws Exception {
        start(Config.standard().auth(ORDER_A_B).noFallbacks());
        fx.upstream.onPost(OPENAI_PATH, KEY_A, Responders.json(400, OpenAiFixtures.error(
                "Invalid request format: messages[0].tool_call_id is malformed", "invalid_request_error", null)));
        HttpResponse<String> r = fx.chat("openai/gpt-test", "x");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(json(r).path("error").path("message").asString()).contains("tool_call_id is malformed");
        assertThat(fx.credentialsSent()).containsExactly(KEY_A);
        fx.chat("openai/gpt-test", "x");
        assertThat(fx.credentialsSent()).containsExactly(KEY_A, KEY_A);
    }

    @Test
    void upstreamSlowerThanTheProvidersTimeout_fallsBackWithoutRotating_andCoolsTheProfileForThatModel()
            throws Exception {
        start(Config.standard().auth(ORDER_A_B).openai("timeoutSeconds: 1"));
        fx.upstream.onPost(OPENAI_PATH, KEY_A, Responders.delayed(Duration.ofSeconds(4),
                Responders.json(OpenAiFixtures.chatCompletion("gpt-test", "too late"))));
        HttpResponse<String> r = fx.chat("openai/gpt-test", "x");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(text(r)).isEqualTo("from claude");
        assertThat(fx.credentialsSent()).containsExactly(KEY_A, ANT_KEY);
        JsonNode a = fx.authStateOnDisk("main").path("usageStats").path("openai:a");
        assertThat(a.path("cooldownReason").asString()).isEqualTo("timeout");
        assertThat(a.path("cooldownModel").asString()).isEqualTo("gpt-test");
    }

    @Test
    void billingFailure_disablesTheProfile_inAuthState() throws Exception {
        start(Config.standard().auth(ORDER_A_B));
        fx.upstream.onPost(OPENAI_PATH, KEY_A, Responders.paymentRequired(OpenAiFixtures.error(
                "Payment required: insufficient credits", "billing", null)));
        long before = System.currentTimeMillis();
        assertThat(fx.chat("openai/gpt-test", "x").statusCode()).isEqualTo(200);
        JsonNode a = fx.authStateOnDisk("main").path("usageStats").path("openai:a");
        assertThat(a.path("disabledReason").asString()).isEqualTo("billing");
        // billing backoff starts at 5 hours
        assertThat(a.path("disabledUntil").asLong()).isGreaterThanOrEqualTo(before + 5 * 3_600_000L - 1_000);
        assertThat(a.has("cooldownUntil")).isFalse();
        // a disabled profile is skipped for every model of the provider, not only the failed one
        assertThat(fx.chat("openai/gpt-other", "x").statusCode()).isEqualTo(200);
        assertThat(fx.credentialsSent()).containsExactly(KEY_A, KEY_B, KEY_B);
    }

    @Test
    void rateLimit_coolsDownForThirtySeconds_onTheLadder() throws Exception {
        start(Config.standard().auth(ORDER_A_B));
        fx.upstream.onPost(OPENAI_PATH, KEY_A, Responders.rateLimited(OpenAiFixtures.rateLimitError(), null));
        long before = System.currentTimeMillis();
        fx.chat("openai/gpt-test", "x");
        long after = System.currentTimeMillis();
        JsonNode a = fx.authStateOnDisk("main").path("usageStats").path("openai:a");
        assertThat(a.path("cooldownReason").asString()).isEqualTo("rate_limit");
        assertThat(a.path("cooldownModel").asString()).isEqualTo("gpt-test");
        assertThat(a.path("errorCount").asInt()).isEqualTo(1);
        assertThat(a.path("cooldownUntil").asLong()).isBetween(before + 30_000, after + 30_000);
    }

    @Test
    void retryAfterLongerThanTheLadder_extendsTheRecordedCooldown() throws Exception {
        start(Config.standard().auth(ORDER_A_B));
        fx.upstream.onPost(OPENAI_PATH, KEY_A, Responders.rateLimited(OpenAiFixtures.rateLimitError(), "3600"));
        long before = System.currentTimeMillis();
        fx.chat("openai/gpt-test", "x");
        long after = System.currentTimeMillis();
        JsonNode a = fx.authStateOnDisk("main").path("usageStats").path("openai:a");
        assertThat(a.path("cooldownUntil").asLong()).isBetween(before + 3_600_000, after + 3_600_000);
    }

    @Test
    void retryAfterAsMillisecondsOrAnHttpDate_extendsTheCooldownToo() throws Exception {
        start(Config.standard().auth(ORDER_A_B).noFallbacks());
        String inTwoHours = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusHours(2));
        fx.upstream.onPost(OPENAI_PATH, KEY_A, Responders.json(429, OpenAiFixtures.rateLimitError(),
                "retry-after-ms", "5400000.5"));
        fx.upstream.onPost(OPENAI_PATH, KEY_B, Responders.json(429, OpenAiFixtures.rateLimitError(),
                "retry-after", inTwoHours));
        long before = System.currentTimeMillis();
        HttpResponse<String> r = fx.chat("openai/gpt-test", "x");
        long after = System.currentTimeMillis();
        JsonNode stats = fx.authStateOnDisk("main").path("usageStats");
        assertThat(stats.path("openai:a").path("cooldownUntil").asLong()).isBetween(before + 5_400_000,
                after + 5_400_001);
        assertThat(stats.path("openai:b").path("cooldownUntil").asLong()).isBetween(before + 7_190_000,
                after + 7_200_000);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
        assertThat(fx.credentialsSent()).containsExactly(KEY_A, KEY_B);
        // the caller is told the soonest recovery: a's 90 minutes
        assertThat(Long.parseLong(r.headers().firstValue("retry-after").orElseThrow())).isBetween(5_390L, 5_401L);
    }

    @Test
    void rateLimitCooldown_isScopedToTheModel_theSameProfileServesASiblingModel() throws Exception {
        start(Config.standard().auth(ORDER_A_B));
        fx.upstream.onPost(OPENAI_PATH, KEY_A, Responders.sequence(
                Responders.rateLimited(OpenAiFixtures.rateLimitError(), null),
                Responders.json(OpenAiFixtures.chatCompletion("gpt-other", "a serves gpt-other"))));
        assertThat(fx.chat("openai/gpt-test", "x").statusCode()).isEqualTo(200);
        assertThat(fx.credentialsSent()).containsExactly(KEY_A, KEY_B);
        HttpResponse<String> sibling = fx.chat("openai/gpt-other", "x");
        assertThat(sibling.statusCode()).isEqualTo(200);
        assertThat(text(sibling)).isEqualTo("a serves gpt-other");
        assertThat(fx.credentialsSent()).containsExactly(KEY_A, KEY_B, KEY_A);
        assertThat(json(fx.upstream.lastRequest().bodyText()).path("model").asString()).isEqualTo("gpt-other");
    }

    @Test
    void rateLimitCooldown_stillSkipsTheProfileForTheCooledModel_untilTheProfileSucceedsElsewhere()
            throws Exception {
        start(Config.standard().auth(ORDER_A_B));
        fx.upstream.onPost(OPENAI_PATH, KEY_A, Responders.sequence(
                Responders.rateLimited(OpenAiFixtures.rateLimitError(), null),
                Responders.json(OpenAiFixtures.chatCompletion("gpt-test", "a again"))));
        fx.chat("openai/gpt-test", "x");
        fx.chat("openai/gpt-test", "x");
        assertThat(fx.credentialsSent()).containsExactly(KEY_A, KEY_B, KEY_B);
        // a success resets the profile's whole state (§6.3), the model-scoped window included
        fx.chat("openai/gpt-other", "x");
        HttpResponse<String> r = fx.chat("openai/gpt-test", "x");
        assertThat(text(r)).isEqualTo("a again");
        assertThat(fx.credentialsSent()).containsExactly(KEY_A, KEY_B, KEY_B, KEY_A, KEY_A);
    }

    @Test
    void aProfileWhoseCooldownIsInTheFuture_isSkippedWithoutACall() throws Exception {
        long now = System.currentTimeMillis();
        fx = GatewayFixture.standard(dir);
        fx.config(Config.standard().auth(ORDER_A_B));
        fx.authState("main", """
                {"version":1,"usageStats":{"openai:a":{"cooldownUntil":%d,"cooldownReason":"rate_limit",
                 "errorCount":1,"failureCounts":{"rate_limit":1},"lastFailureAt":%d}}}
                """.formatted(now + 600_000, now - 1_000));
        fx.start();
        fx.upstream.onPost(OPENAI_PATH, Responders.json(OpenAiFixtures.chatCompletion("gpt-test", "ok")));
        assertThat(fx.chat("openai/gpt-test", "x").statusCode()).isEqualTo(200);
        assertThat(fx.credentialsSent()).containsExactly(KEY_B);
    }

    @Test
    void aProfileWhoseCooldownHasPassed_isUsedAgain_andItsCountersAreCleared() throws Exception {
        long now = System.currentTimeMillis();
        fx = GatewayFixture.standard(dir);
        fx.config(Config.standard().auth(ORDER_A_B));
        fx.authState("main", """
                {"version":1,"usageStats":{"openai:a":{"cooldownUntil":%d,"cooldownReason":"rate_limit",
                 "errorCount":2,"failureCounts":{"rate_limit":2},"lastFailureAt":%d}}}
                """.formatted(now - 1_000, now - 61_000));
        fx.start();
        fx.upstream.onPost(OPENAI_PATH, Responders.json(OpenAiFixtures.chatCompletion("gpt-test", "ok")));
        assertThat(fx.chat("openai/gpt-test", "x").statusCode()).isEqualTo(200);
        assertThat(fx.credentialsSent()).containsExactly(KEY_A);
        JsonNode a = fx.authStateOnDisk("main").path("usageStats").path("openai:a");
        assertThat(a.has("cooldownUntil")).as(a.toString()).isFalse();
        assertThat(a.path("errorCount").asInt(0)).isZero();
        assertThat(a.path("lastUsed").asLong()).isGreaterThanOrEqualTo(now);
    }

    @Test
    void anExpiredCooldownThatFailsAgain_startsTheLadderAfresh() throws Exception {
        long now = System.currentTimeMillis();
        fx = GatewayFixture.standard(dir);
        fx.config(Config.standard().auth(ORDER_A_B));
        fx.authState("main", """
                {"version":1,"usageStats":{"openai:a":{"cooldownUntil":%d,"cooldownReason":"rate_limit",
                 "errorCount":2,"failureCounts":{"rate_limit":2},"lastFailureAt":%d}}}
                """.formatted(now - 1_000, now - 61_000));
        fx.start();
        fx.upstream.onPost(OPENAI_PATH, Responders.json(OpenAiFixtures.chatCompletion("gpt-test", "ok")));
        fx.upstream.onPost(OPENAI_PATH, KEY_A, Responders.rateLimited(OpenAiFixtures.rateLimitError(), null));
        long before = System.currentTimeMillis();
        assertThat(fx.chat("openai/gpt-test", "x").statusCode()).isEqualTo(200);
        long after = System.currentTimeMillis();
        JsonNode a = fx.authStateOnDisk("main").path("usageStats").path("openai:a");
        assertThat(a.path("errorCount").asInt()).isEqualTo(1);
        assertThat(a.path("cooldownUntil").asLong()).isBetween(before + 30_000, after + 30_000);
    }

    @Test
    void aSecondRateLimitedProfile_hitsTheRotationCap_andTheFallbackModelServes() throws Exception {
        fx = GatewayFixture.standard(dir);
        fx.config(Config.standard().auth("order: {openai: ['openai:a', 'openai:b', 'openai:c']}"));
        fx.profiles("main", """
                {"version":1,"profiles":{
                  "openai:a":{"type":"api_key","provider":"openai","key":"%s"},
                  "openai:b":{"type":"api_key","provider":"openai","key":"%s"},
                  "openai:c":{"type":"api_key","provider":"openai","key":"sk-openai-cccccccccccccccccc"},
                  "anthropic:main":{"type":"api_key","provider":"anthropic","key":"%s"}}}
                """.formatted(KEY_A, KEY_B, ANT_KEY));
        fx.start();
        fx.upstream.onPost(OPENAI_PATH, Responders.rateLimited(OpenAiFixtures.rateLimitError(), null));
        fx.upstream.onPost("/v1/messages", Responders.json(AnthropicFixtures.message("claude-test", "from claude")));
        HttpResponse<String> r = fx.chat("openai/gpt-test", "x");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(text(r)).isEqualTo("from claude");
        assertThat(fx.credentialsSent()).containsExactly(KEY_A, KEY_B, ANT_KEY);
    }
}
