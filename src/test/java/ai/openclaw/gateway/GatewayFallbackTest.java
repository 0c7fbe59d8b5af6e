package ai.openclaw.gateway;

import static ai.openclaw.gateway.GatewayFixture.ANTHROPIC_PATH;
import static ai.openclaw.gateway.GatewayFixture.ANT_KEY;
import static ai.openclaw.gateway.GatewayFixture.KEY_A;
import static ai.openclaw.gateway.GatewayFixture.KEY_B;
import static ai.openclaw.gateway.GatewayFixture.OPENAI_PATH;
import static ai.openclaw.gateway.GatewayFixture.assertNoSecret;
import static ai.openclaw.gateway.GatewayFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.gateway.GatewayFixture.Config;
import ai.openclaw.testing.AnthropicFixtures;
import ai.openclaw.testing.OpenAiFixtures;
import ai.openclaw.testing.Responders;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Fallback models and the answer when nothing can serve: the default model falls back when its credentials are
 * exhausted, an explicitly chosen model is strict, and the caller of a request nothing served learns every candidate
 * and why, with the soonest recovery, and never a secret.
 */
@Timeout(60)
class GatewayFallbackTest {
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

    private static String text(HttpResponse<String> r) {
        return json(r).path("choices").get(0).path("message").path("content").asString();
    }

    @Test
    void primaryExhaustedByAuthFailures_theFallbackModelServes_translatedToTheCallersFormat() throws Exception {
        fx = GatewayFixture.standard(dir).config(Config.standard().auth(ORDER_A_B)).start();
        fx.upstream.onPost(OPENAI_PATH, Responders.unauthorized(OpenAiFixtures.invalidKeyError("sk-...")));
        fx.upstream.onPost(ANTHROPIC_PATH, Responders.json(AnthropicFixtures.message("claude-test", "from claude")));
        HttpResponse<String> r = fx.chat(null, "x");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).path("object").asString()).isEqualTo("chat.completion");
        assertThat(text(r)).isEqualTo("from claude");
        assertThat(fx.credentialsSent()).containsExactly(KEY_A, KEY_B, ANT_KEY);
        fx.awaitLog("model=anthropic/claude-test credential=anthropic:main");
    }

    @Test
    void fallbackChain_isWalkedInOrder_andAModelScopedCooldownDoesNotBlockTheNextModel() throws Exception {
        fx = GatewayFixture.standard(dir)
                .config(Config.standard().auth(ORDER_A_B).fallbacks("['openai/gpt-other', 'anthropic/claude-test']"))
                .start();
        fx.upstream.onPost(OPENAI_PATH, KEY_A, Responders.sequence(
                Responders.json(408, OpenAiFixtures.error("Request timed out", "timeout", null)),
                Responders.json(OpenAiFixtures.chatCompletion("gpt-other", "a on gpt-other"))));
        HttpResponse<String> r = fx.chat("Fast", "x");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(text(r)).isEqualTo("a on gpt-other");
        assertThat(fx.upstream.requests().stream().map(q -> json(q.bodyText()).path("model").asString()).toList())
                .containsExactly("gpt-test", "gpt-other");
        assertThat(fx.credentialsSent()).containsExactly(KEY_A, KEY_A);
        // the client sees the model it asked for
        assertThat(json(r).path("model").asString()).isIn("Fast", "gpt-other");
    }

    @Test
    void anExplicitlyChosenModel_isStrict_noFallbackModelIsTried() throws Exception {
        fx = GatewayFixture.standard(dir).config(Config.standard().auth(ORDER_A_B)).start();
        fx.upstream.onPost(OPENAI_PATH, Responders.unauthorized(OpenAiFixtures.invalidKeyError("sk-...")));
        fx.upstream.onPost(ANTHROPIC_PATH, Responders.rateLimited(AnthropicFixtures.rateLimitError(), null));
        HttpResponse<String> other = fx.chat("openai/gpt-other", "x");
        assertThat(other.statusCode()).as(other.body()).isEqualTo(401);
        assertThat(fx.pathsCalled()).containsOnly(OPENAI_PATH);
        // a model that is a fallback of the default is still strict when chosen directly
        HttpResponse<String> claude = fx.chat("anthropic/claude-test", "x");
        assertThat(claude.statusCode()).as(claude.body()).isEqualTo(429);
        assertThat(fx.pathsCalled()).containsExactly(OPENAI_PATH, OPENAI_PATH, ANTHROPIC_PATH);
    }

    @Test
    void everyCandidateCoolingDown_is429WithTheSoonestRetryAfter_listingEveryCandidate_withoutCallingUpstream()
            throws Exception {
        long now = System.currentTimeMillis();
        fx = GatewayFixture.standard(dir);
        fx.authState("main", """
                {"version":1,"usageStats":{
                  "openai:a":{"cooldownUntil":%d,"cooldownReason":"rate_limit","errorCount":1,
                              "failureCounts":{"rate_limit":1},"lastFailureAt":%d},
                  "openai:b":{"cooldownUntil":%d,"cooldownReason":"overloaded","errorCount":1,
                              "failureCounts":{"overloaded":1},"lastFailureAt":%d},
                  "anthropic:main":{"cooldownUntil":%d,"cooldownReason":"rate_limit","errorCount":3,
                              "failureCounts":{"rate_limit":3},"lastFailureAt":%d}}}
                """.formatted(now + 200_000, now, now + 140_000, now, now + 300_000, now)); // all > 2 min away: no probe
        fx.start();
        for (String path : List.of(OPENAI_PATH, ANTHROPIC_PATH)) {
            HttpResponse<String> r = fx.post(path, path.equals(OPENAI_PATH)
                    ? GatewayFixture.chatBody(null, "x", false) : GatewayFixture.messagesBody(null, "x", false));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
            assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/json");
            assertThat(Integer.parseInt(r.headers().firstValue("retry-after").orElseThrow())).isBetween(130, 140);
            JsonNode body = json(r);
            JsonNode error = body.path("error");
            if (path.equals(ANTHROPIC_PATH)) {
                assertThat(body.path("type").asString()).isEqualTo("error");
                assertThat(error.path("type").asString()).isEqualTo("rate_limit_error");
            } else {
                assertThat(error.path("type").asString()).isEqualTo("rate_limit_error");
            }
            JsonNode attempts = error.path("attempts");
            assertThat(attempts.findValuesAsString("credential"))
                    .containsExactly("openai:b", "openai:a", "anthropic:main");
            for (JsonNode a : attempts) {
                assertThat(a.path("outcome").asString()).isEqualTo("skipped");
                assertThat(a.path("reason").asString()).isEqualTo("cooldown");
                assertThat(a.path("remainingMs").asLong()).isPositive();
            }
            assertThat(attempts.get(0).path("remainingMs").asLong()).isBetween(130_000L, 140_000L);
            assertThat(attempts.get(2).path("remainingMs").asLong()).isBetween(290_000L, 300_000L);
            assertThat(attempts.findValuesAsString("model"))
                    .containsExactly("openai/gpt-test", "openai/gpt-test", "anthropic/claude-test");
            assertThat(error.path("message").asString()).contains("cooling down");
            assertNoSecret("429 body", r.body());
        }
        assertThat(fx.upstream.requests()).isEmpty();
    }

    @Test
    void nothingServes_theAnswerNeverCarriesASecret_evenWhenUpstreamsEchoTheKey() throws Exception {
        fx = GatewayFixture.standard(dir).config(Config.standard().auth(ORDER_A_B)).start();
        fx.upstream.onPost(OPENAI_PATH, KEY_A, Responders.unauthorized(OpenAiFixtures.invalidKeyError(KEY_A)));
        fx.upstream.onPost(OPENAI_PATH, KEY_B, Responders.unauthorized(OpenAiFixtures.invalidKeyError(KEY_B)));
        fx.upstream.onPost(ANTHROPIC_PATH, Responders.unauthorized(AnthropicFixtures.error("authentication_error",
                "invalid x-api-key " + ANT_KEY + " (and " + KEY_A + ")")));
        HttpResponse<String> r = fx.chat(null, "x");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        JsonNode attempts = json(r).path("error").path("attempts");
        assertThat(attempts.findValuesAsString("credential")).containsExactly("openai:a", "openai:b",
                "anthropic:main");
        assertThat(attempts.findValuesAsString("reason")).containsOnly("auth");
        assertThat(attempts.findValues("status").stream().map(JsonNode::asInt).toList()).containsOnly(401);
        assertNoSecret("no-route body", r.body());
        HttpResponse<String> streamed = fx.post(OPENAI_PATH, GatewayFixture.chatBody(null, "x", true));
        assertNoSecret("no-route body for a stream request", streamed.body());
        fx.awaitLog("POST /v1/chat/completions 401");
        assertNoSecret("access log", fx.err.toString());
        assertNoSecret("metrics", fx.get("/metrics").body());
        assertNoSecret("auth-state.json", fx.authStateOnDisk("main").toString());
        assertNoSecret("auth-state.json", Files.readString(fx.agentDir("main").resolve("auth-state.json")));
    }

    @Test
    void mixedFailures_answerWithTheStatusOfTheDominantReason() throws Exception {
        long now = System.currentTimeMillis();
        fx = GatewayFixture.standard(dir).config(Config.standard().auth(ORDER_A_B));
        fx.authState("main", """
                {"version":1,"usageStats":{"openai:a":{"disabledUntil":%d,"disabledReason":"billing",
                  "errorCount":1,"failureCounts":{"billing":1},"lastFailureAt":%d}}}
                """.formatted(now + 3_600_000, now));
        fx.start();
        fx.upstream.onPost(OPENAI_PATH, Responders.paymentRequired(OpenAiFixtures.error(
                "Payment required: insufficient credits", "billing", null)));
        fx.upstream.onPost(ANTHROPIC_PATH, Responders.paymentRequired(AnthropicFixtures.billingError()));
        HttpResponse<String> r = fx.chat(null, "x");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(402);
        assertThat(r.headers().firstValue("retry-after")).isEmpty();
        JsonNode attempts = json(r).path("error").path("attempts");
        JsonNode a = attempts.valueStream().filter(n -> n.path("credential").asString().equals("openai:a"))
                .findFirst().orElseThrow();
        assertThat(a.path("outcome").asString()).isEqualTo("skipped");
        assertThat(a.path("reason").asString()).isEqualTo("disabled");
        assertThat(a.path("remainingMs").asLong()).isPositive();
        assertThat(attempts.findValuesAsString("reason")).containsOnly("disabled", "billing");
        assertThat(fx.credentialsSent()).containsExactly(KEY_B, ANT_KEY);
    }

    @Test
    void noCredentialAnywhere_isA4xxThatSaysHowToAddOne() throws Exception {
        // not loopback: a local server without any credential would get one keyless attempt instead
        fx = new GatewayFixture(dir).config("""
                {gateway: {auth: {mode: 'none'}},
                 agents: {defaults: {model: {primary: 'openai/gpt-test', fallbacks: ['anthropic/claude-test']}}},
                 models: {providers: {
                   openai: {baseUrl: 'https://openai.example.com/v1', api: 'openai-completions'},
                   anthropic: {baseUrl: 'https://anthropic.example.com', api: 'anthropic-messages'}}}}
                """).start();
        HttpResponse<String> r = fx.chat(null, "x");
        assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
        String message = json(r).path("error").path("message").asString();
        assertThat(message).contains("paste-api-key").contains("OPENAI_API_KEY").contains("ANTHROPIC_API_KEY");
    }

    @Test
    void aLocalServerWhoseOnlyProfileIsCoolingDown_getsTheCooldownVerdict_notAKeylessAttempt() throws Exception {
        long now = System.currentTimeMillis();
        fx = new GatewayFixture(dir).config(Config.standard().noFallbacks());
        fx.profiles("main", """
                {"version":1,"profiles":{"openai:a":{"type":"api_key","provider":"openai","key":"%s"}}}
                """.formatted(KEY_A));
        fx.authState("main", """
                {"version":1,"usageStats":{"openai:a":{"cooldownUntil":%d,"cooldownReason":"rate_limit",
                  "errorCount":1,"failureCounts":{"rate_limit":1},"lastFailureAt":%d}}}
                """.formatted(now + 150_000, now)); // more than 2 min away: no probe
        fx.start();
        fx.upstream.onPost(OPENAI_PATH, Responders.json(OpenAiFixtures.chatCompletion("gpt-test", "keyless")));
        HttpResponse<String> r = fx.chat(null, "x");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
        assertThat(r.headers().firstValue("retry-after")).isPresent();
        assertThat(fx.upstream.requests()).isEmpty();
    }

    @Test
    void aLocalServerWithoutAnyCredential_getsOneKeylessAttempt() throws Exception {
        fx = new GatewayFixture(dir).config(Config.standard().noFallbacks()).start();
        fx.upstream.onPost(OPENAI_PATH, Responders.json(OpenAiFixtures.chatCompletion("gpt-test", "keyless")));
        HttpResponse<String> r = fx.chat(null, "x");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(fx.credentialsSent()).containsExactly("-");
    }
}
