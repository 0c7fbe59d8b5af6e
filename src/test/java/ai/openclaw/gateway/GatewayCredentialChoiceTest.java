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
import ai.openclaw.testing.Responders;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Which credential serves a call, end to end: explicit order, the agent's stored override, least-recently-used
 * rotation, request and session pins (locked: a failing pin moves to the next fallback model, never to another
 * profile), environment keys (rotating on rate limits only) and the provider's configured key last.
 */
@Timeout(60)
class GatewayCredentialChoiceTest {
    @TempDir
    Path dir;

    GatewayFixture fx;

    @AfterEach
    void stop() throws Exception {
        if (fx != null) {
            fx.close();
        }
    }

    private void answerEveryone() {
        fx.upstream.onPost(OPENAI_PATH, Responders.json(OpenAiFixtures.chatCompletion("gpt-test", "ok")));
        fx.upstream.onPost("/v1/messages", Responders.json(AnthropicFixtures.message("claude-test", "from claude")));
    }

    /** auth-state.json where openai:a was used more recently than openai:b, so plain rotation would pick b. */
    private static String aUsedLast() {
        long now = System.currentTimeMillis();
        return """
                {"version":1,"usageStats":{"openai:a":{"lastUsed":%d},"openai:b":{"lastUsed":%d}}}
                """.formatted(now - 1_000, now - 60_000);
    }

    @Test
    void explicitAuthOrder_isFollowedRegardlessOfLastUse() throws Exception {
        fx = GatewayFixture.standard(dir);
        fx.config(Config.standard().auth("order: {openai: ['openai:a', 'openai:b']}"));
        fx.authState("main", aUsedLast());
        fx.start();
        answerEveryone();
        for (int i = 0; i < 3; i++) {
            assertThat(fx.chat("openai/gpt-test", "x").statusCode()).isEqualTo(200);
        }
        assertThat(fx.credentialsSent()).containsExactly(KEY_A, KEY_A, KEY_A);
    }

    @Test
    void agentOrderOverrideInAuthState_beatsTheConfigOrder() throws Exception {
        fx = GatewayFixture.standard(dir);
        fx.config(Config.standard().auth("order: {openai: ['openai:a', 'openai:b']}"));
        fx.authState("main", """
                {"version":1,"order":{"openai":["openai:b","openai:a"]}}
                """);
        fx.start();
        answerEveryone();
        assertThat(fx.chat("openai/gpt-test", "x").statusCode()).isEqualTo(200);
        assertThat(fx.chat("openai/gpt-test", "x").statusCode()).isEqualTo(200);
        assertThat(fx.credentialsSent()).containsExactly(KEY_B, KEY_B);
    }

    @Test
    void withoutAnyOrder_profilesTakeTurnsLeastRecentlyUsedFirst() throws Exception {
        fx = GatewayFixture.standard(dir);
        fx.authState("main", aUsedLast());
        fx.start();
        answerEveryone();
        for (int i = 0; i < 4; i++) {
            assertThat(fx.chat("openai/gpt-test", "x").statusCode()).isEqualTo(200);
        }
        assertThat(fx.credentialsSent()).containsExactly(KEY_B, KEY_A, KEY_B, KEY_A);
        // the turns are recorded as lastUsed, so another process sharing the directory continues them
        JsonNode stats = fx.authStateOnDisk("main").path("usageStats");
        assertThat(stats.path("openai:a").path("lastUsed").asLong())
                .isGreaterThan(stats.path("openai:b").path("lastUsed").asLong());
        assertThat(fx.authStateOnDisk("main").path("lastGood").path("openai").asString()).isEqualTo("openai:a");
    }

    @Test
    void modelAtProfile_inTheRequest_pinsThatProfile() throws Exception {
        fx = GatewayFixture.standard(dir);
        fx.config(Config.standard().auth("order: {openai: ['openai:a', 'openai:b']}"));
        fx.start();
        answerEveryone();
        HttpResponse<String> r = fx.chat("openai/gpt-test@openai:b", "x");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        HttpResponse<String> alias = fx.chat("Fast@openai:b", "x");
        assertThat(alias.statusCode()).as(alias.body()).isEqualTo(200);
        assertThat(fx.credentialsSent()).containsExactly(KEY_B, KEY_B);
        // the profile suffix never reaches the provider
        assertThat(json(fx.upstream.lastRequest().bodyText()).path("model").asString()).isEqualTo("gpt-test");
    }

    @Test
    void pinnedProfileRateLimited_movesToTheNextFallbackModel_neverToAnotherProfile() throws Exception {
        fx = GatewayFixture.standard(dir).start();
        answerEveryone();
        fx.upstream.onPost(OPENAI_PATH, KEY_B, Responders.rateLimited(OpenAiFixtures.rateLimitError(), "20"));
        HttpResponse<String> r = fx.chat("openai/gpt-test@openai:b", "x");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).path("choices").get(0).path("message").path("content").asString())
                .isEqualTo("from claude");
        assertThat(fx.credentialsSent()).containsExactly(KEY_B, ANT_KEY);
    }

    @Test
    void pinnedProfileOnAStrictModel_failsWithoutTryingAnotherProfileOrModel() throws Exception {
        fx = GatewayFixture.standard(dir).start();
        answerEveryone();
        fx.upstream.onPost(OPENAI_PATH, KEY_B, Responders.rateLimited(OpenAiFixtures.rateLimitError(), "20"));
        HttpResponse<String> r = fx.chat("openai/gpt-other@openai:b", "x");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
        assertThat(fx.credentialsSent()).containsExactly(KEY_B);
    }

    @Test
    void sessionUserPin_setWithModelDirective_isLockedLikeARequestPin() throws Exception {
        fx = GatewayFixture.standard(dir);
        fx.authState("main", aUsedLast()); // plain rotation would start with b
        fx.start();
        answerEveryone();
        HttpResponse<String> set = fx.chat(null, "/model openai/gpt-test@openai:a", "x-openclaw-session-key", "s1");
        assertThat(json(set).path("choices").get(0).path("message").path("content").asString())
                .contains("openai:a");
        assertThat(fx.chat(null, "x", "x-openclaw-session-key", "s1").statusCode()).isEqualTo(200);
        assertThat(fx.chat(null, "x", "x-openclaw-session-key", "s1").statusCode()).isEqualTo(200);
        assertThat(fx.credentialsSent()).containsExactly(KEY_A, KEY_A);
        // the OpenAI `user` field names the session when no header does
        assertThat(fx.post(OPENAI_PATH, "{\"user\":\"s1\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .statusCode()).isEqualTo(200);
        assertThat(fx.credentialsSent()).last().isEqualTo(KEY_A);

        fx.upstream.onPost(OPENAI_PATH, KEY_A, Responders.rateLimited(OpenAiFixtures.rateLimitError(), null));
        HttpResponse<String> r = fx.chat(null, "x", "x-openclaw-session-key", "s1");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(fx.credentialsSent()).doesNotContain(KEY_B).endsWith(KEY_A, ANT_KEY);
        // a session without a pin is not affected by s1's
        assertThat(fx.chat(null, "x", "x-openclaw-session-key", "other").statusCode()).isEqualTo(200);
        assertThat(fx.credentialsSent()).last().isEqualTo(KEY_B);

        String sessions = Files.readString(fx.state.resolve("agents/main/sessions/sessions.json"));
        JsonNode entry = json(sessions).path("s1");
        assertThat(entry.path("authProfileOverride").asString()).isEqualTo("openai:a");
        assertThat(entry.path("authProfileOverrideSource").asString()).isEqualTo("user");
    }

    @Test
    void environmentKeys_areTriedInDocumentedOrder_rotatingOnRateLimits() throws Exception {
        fx = new GatewayFixture(dir);
        fx.config(Config.standard().noFallbacks());
        fx.profiles("main", "{\"version\":1,\"profiles\":{}}");
        fx.env("OPENAI_API_KEYS", "sk-env-list-1111111111, sk-env-list-2222222222;sk-env-list-1111111111");
        fx.env("OPENAI_API_KEY", "sk-env-primary-33333333");
        fx.env("OPENAI_API_KEY_10", "sk-env-ten-5555555555");
        fx.env("OPENAI_API_KEY_2", "sk-env-two-4444444444");
        fx.start();
        fx.upstream.onPost(OPENAI_PATH, Responders.rateLimited(OpenAiFixtures.rateLimitError(), null));
        fx.upstream.onPost(OPENAI_PATH, "sk-env-ten-5555555555",
                Responders.json(OpenAiFixtures.chatCompletion("gpt-test", "ten")));
        HttpResponse<String> r = fx.chat("openai/gpt-test", "x");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(fx.credentialsSent()).containsExactly("sk-env-list-1111111111", "sk-env-list-2222222222",
                "sk-env-primary-33333333", "sk-env-two-4444444444", "sk-env-ten-5555555555");
    }

    @Test
    void environmentKeys_stopOnAnAuthError_andTheLastErrorIsReturned() throws Exception {
        fx = new GatewayFixture(dir);
        fx.config(Config.standard().noFallbacks());
        fx.profiles("main", "{\"version\":1,\"profiles\":{}}");
        fx.env("OPENAI_API_KEYS", "sk-env-first-111111111 sk-env-second-22222222 sk-env-third-333333333");
        fx.start();
        fx.upstream.onPost(OPENAI_PATH, "sk-env-first-111111111",
                Responders.rateLimited(OpenAiFixtures.rateLimitError(), null));
        fx.upstream.onPost(OPENAI_PATH, "sk-env-second-22222222",
                Responders.unauthorized(OpenAiFixtures.invalidKeyError("sk-env-second-22222222")));
        fx.upstream.onPost(OPENAI_PATH, "sk-env-third-333333333",
                Responders.json(OpenAiFixtures.chatCompletion("gpt-test", "never")));
        HttpResponse<String> r = fx.chat("openai/gpt-test", "x");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        assertThat(fx.credentialsSent()).containsExactly("sk-env-first-111111111", "sk-env-second-22222222");
        JsonNode error = json(r).path("error");
        assertThat(error.path("message").asString()).contains("Incorrect API key provided");
        assertThat(error.path("attempts").findValuesAsString("reason")).contains("rate_limit", "auth");
        assertThat(r.body()).doesNotContain("sk-env-second-22222222").doesNotContain("sk-env-first-111111111")
                .doesNotContain("sk-env-third-333333333");
    }

    @Test
    void profilesComeFirst_thenEnvironmentKeys_thenTheProvidersConfiguredKey() throws Exception {
        fx = new GatewayFixture(dir);
        fx.config(Config.standard().noFallbacks().openai("apiKey: 'sk-config-key-99999999'"));
        fx.profiles("main", """
                {"version":1,"profiles":{"openai:a":{"type":"api_key","provider":"openai","key":"%s"}}}
                """.formatted(KEY_A));
        fx.env("OPENAI_API_KEY", "sk-env-primary-33333333");
        fx.start();
        fx.upstream.onPost(OPENAI_PATH, Responders.rateLimited(OpenAiFixtures.rateLimitError(), null));
        fx.upstream.onPost(OPENAI_PATH, "sk-config-key-99999999",
                Responders.json(OpenAiFixtures.chatCompletion("gpt-test", "config")));
        HttpResponse<String> r = fx.chat("openai/gpt-test", "x");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(fx.credentialsSent()).containsExactly(KEY_A, "sk-env-primary-33333333", "sk-config-key-99999999");
        fx.awaitLog("POST /v1/chat/completions 200");
        assertThat(fx.err.toString()).doesNotContain("sk-config-key-99999999").doesNotContain(KEY_A);
    }

    @Test
    void aKeyStoredInAProfileAndTheEnvironment_isTriedOnce() throws Exception {
        fx = new GatewayFixture(dir);
        fx.config(Config.standard().noFallbacks());
        fx.profiles("main", """
                {"version":1,"profiles":{"openai:a":{"type":"api_key","provider":"openai","key":"%s"}}}
                """.formatted(KEY_A));
        fx.env("OPENAI_API_KEY", KEY_A);
        fx.start();
        fx.upstream.onPost(OPENAI_PATH, Responders.rateLimited(OpenAiFixtures.rateLimitError(), null));
        HttpResponse<String> r = fx.chat("openai/gpt-test", "x");
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(fx.credentialsSent()).containsExactly(KEY_A);
    }

    @Test
    void theAgentsModelsJsonKey_servesAfterTheConfiguredKey_andEditsArePickedUpWithoutRestart() throws Exception {
        fx = new GatewayFixture(dir);
        fx.config(Config.standard().noFallbacks());
        java.nio.file.Files.createDirectories(fx.agentDir("main"));
        java.nio.file.Path modelsJson = fx.agentDir("main").resolve("models.json");
        java.nio.file.Files.writeString(modelsJson, """
                {"providers":{"openai":{"apiKey":"sk-models-json-44444444"}}}
                """);
        fx.start();
        fx.upstream.onPost(OPENAI_PATH, Responders.json(OpenAiFixtures.chatCompletion("gpt-test", "models.json")));
        HttpResponse<String> r = fx.chat("openai/gpt-test", "x");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(fx.credentialsSent()).containsExactly("sk-models-json-44444444");

        java.nio.file.Files.writeString(modelsJson, """
                {"providers":{"openai":{"apiKey":"sk-models-json-55555555-edited"}}}
                """);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!fx.credentialsSent().contains("sk-models-json-55555555-edited") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            assertThat(fx.chat("openai/gpt-test", "x").statusCode()).isEqualTo(200);
        }
        assertThat(fx.credentialsSent()).last().isEqualTo("sk-models-json-55555555-edited");
    }
}
