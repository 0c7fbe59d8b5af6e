package ai.openclaw.gateway;

import static ai.openclaw.gateway.GatewayFixture.ANTHROPIC_PATH;
import static ai.openclaw.gateway.GatewayFixture.KEY_A;
import static ai.openclaw.gateway.GatewayFixture.KEY_B;
import static ai.openclaw.gateway.GatewayFixture.OPENAI_PATH;
import static ai.openclaw.gateway.GatewayFixture.WORK_KEY;
import static ai.openclaw.gateway.GatewayFixture.chatBody;
import static ai.openclaw.gateway.GatewayFixture.events;
import static ai.openclaw.gateway.GatewayFixture.json;
import static ai.openclaw.gateway.GatewayFixture.messagesBody;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.gateway.GatewayFixture.Config;
import ai.openclaw.gateway.GatewayFixture.Event;
import ai.openclaw.testing.AnthropicFixtures;
import ai.openclaw.testing.OpenAiFixtures;
import ai.openclaw.testing.RecordedRequest;
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
 * The gateway's own surface over real sockets: client authentication on every endpoint, choosing an agent's store by
 * header, {@code /model} directives answered locally (streamed in the caller's format), inline model hints removed
 * before the upstream call, and metrics that count what routing did.
 */
@Timeout(60)
class GatewayEndpointsTest {
    private static final String GW_TOKEN = "ocgw_test-token-0123456789abcdef";

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
        fx.upstream.onPost(ANTHROPIC_PATH, Responders.json(AnthropicFixtures.message("claude-test", "ok")));
    }

    private HttpResponse<String> call(String method, String path, String... headers) throws Exception {
        if (method.equals("GET")) {
            return fx.get(path, headers);
        }
        String body = path.equals(ANTHROPIC_PATH) ? messagesBody("openai/gpt-test", "x", false)
                : chatBody("openai/gpt-test", "x", false);
        return fx.post(path, body, headers);
    }

    @Test
    void anAnswerBeforeTheBodyWasRead_closesTheConnection_soNoClientReusesIt() throws Exception {
        fx = GatewayFixture.standard(dir)
                .config(Config.standard().gatewayAuth("{mode: 'token', token: '" + GW_TOKEN + "'}")).start();
        answerEveryone();
        HttpResponse<String> rejected = call("POST", OPENAI_PATH);
        assertThat(rejected.statusCode()).isEqualTo(401);
        assertThat(rejected.headers().firstValue("connection")).hasValue("close");
        HttpResponse<String> health = fx.get("/health");
        assertThat(health.headers().firstValue("connection")).as("no body: keep-alive stays").isEmpty();
        for (int i = 0; i < 50; i++) {
            assertThat(call("POST", OPENAI_PATH).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void everyEndpointButHealth_needsTheGatewayToken_asBearerOrXApiKey() throws Exception {
        fx = GatewayFixture.standard(dir)
                .config(Config.standard().gatewayAuth("{mode: 'token', token: '" + GW_TOKEN + "'}")).start();
        answerEveryone();
        List<String[]> endpoints = List.of(new String[] {"POST", OPENAI_PATH}, new String[] {"POST", ANTHROPIC_PATH},
                new String[] {"GET", "/v1/models"}, new String[] {"GET", "/metrics"});
        for (String[] e : endpoints) {
            String what = e[0] + " " + e[1];
            for (String[] bad : List.of(new String[0], new String[] {"authorization", "Bearer wrong-token"},
                    new String[] {"authorization", "Basic " + GW_TOKEN}, new String[] {"x-api-key", GW_TOKEN + "x"},
                    new String[] {"authorization", "Bearer " + GW_TOKEN.substring(0, GW_TOKEN.length() - 1)})) {
                HttpResponse<String> r = call(e[0], e[1], bad);
                assertThat(r.statusCode()).as(what + " " + String.join(" ", bad)).isEqualTo(401);
                JsonNode body = json(r);
                if (e[1].equals(ANTHROPIC_PATH)) {
                    assertThat(body.path("type").asString()).isEqualTo("error");
                    assertThat(body.path("error").path("type").asString()).isEqualTo("authentication_error");
                } else {
                    assertThat(body.path("error").path("type").asString()).isEqualTo("authentication_error");
                }
                assertThat(r.body()).doesNotContain(GW_TOKEN);
            }
            assertThat(call(e[0], e[1], "authorization", "Bearer " + GW_TOKEN).statusCode()).as(what)
                    .isEqualTo(200);
            assertThat(call(e[0], e[1], "x-api-key", GW_TOKEN).statusCode()).as(what).isEqualTo(200);
        }
        assertThat(fx.get("/health").statusCode()).isEqualTo(200);
        // only the four authorised model calls reached the upstream, none before the check
        assertThat(fx.upstream.requests()).hasSize(4);
        // the gateway token never travels upstream: the provider gets the profile's key instead
        for (RecordedRequest q : fx.upstream.requests()) {
            assertThat(q.credential().orElse(null)).isIn(KEY_A, KEY_B);
            for (String name : q.headers().names()) {
                assertThat(q.headers().first(name).orElse("")).as(name).doesNotContain(GW_TOKEN);
            }
        }
        fx.awaitLog("GET /metrics 200");
        assertThat(fx.err.toString()).doesNotContain(GW_TOKEN);
    }

    @Test
    void agentIdHeader_selectsThatAgentsStore_andAnUnknownAgentIs404Json() throws Exception {
        fx = GatewayFixture.standard(dir)
                .config(Config.standard().agentsList("[{id: 'main', default: true}, {id: 'work'}]"));
        fx.profiles("work", """
                {"version":1,"profiles":{"openai:w":{"type":"api_key","provider":"openai","key":"%s"}}}
                """.formatted(WORK_KEY));
        fx.start();
        answerEveryone();
        assertThat(fx.chat("openai/gpt-test", "x", "x-openclaw-agent-id", "work").statusCode()).isEqualTo(200);
        assertThat(fx.credentialsSent()).containsExactly(WORK_KEY);
        assertThat(fx.chat("openai/gpt-test", "x").statusCode()).isEqualTo(200);
        assertThat(fx.credentialsSent().getLast()).isIn(KEY_A, KEY_B);
        // a profile of another agent cannot be pinned
        HttpResponse<String> foreign = fx.chat("openai/gpt-test@openai:w", "x");
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(json(foreign).path("error").path("message").asString()).contains("openai:w");
        // each agent's usage goes to its own auth-state.json
        assertThat(fx.authStateOnDisk("work").path("lastGood").path("openai").asString()).isEqualTo("openai:w");
        assertThat(fx.authStateOnDisk("main").path("usageStats").has("openai:w")).isFalse();

        int before = fx.upstream.requests().size();
        HttpResponse<String> openAi = fx.chat("openai/gpt-test", "x", "x-openclaw-agent-id", "ghost");
        assertThat(openAi.statusCode()).isEqualTo(404);
        assertThat(json(openAi).path("error").path("message").asString()).contains("ghost").contains("work");
        HttpResponse<String> anthropic = fx.post(ANTHROPIC_PATH, messagesBody("openai/gpt-test", "x", false),
                "x-openclaw-agent-id", "ghost");
        assertThat(anthropic.statusCode()).isEqualTo(404);
        assertThat(json(anthropic).path("type").asString()).isEqualTo("error");
        assertThat(json(anthropic).path("error").path("type").asString()).isEqualTo("not_found_error");
        assertThat(fx.upstream.requests()).hasSize(before);
    }

    @Test
    void modelDirective_inAStreamingAnthropicRequest_isAnsweredWithWellFormedEvents() throws Exception {
        fx = GatewayFixture.standard(dir).start();
        HttpResponse<String> r = fx.post(ANTHROPIC_PATH, messagesBody(null, "/model status", true),
                "x-openclaw-session-key", "s1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        List<Event> events = events(r.body());
        assertThat(events.stream().map(Event::name).toList()).containsExactly("message_start",
                "content_block_start", "content_block_delta", "content_block_stop", "message_delta", "message_stop");
        for (Event e : events) {
            assertThat(e.json().path("type").asString()).isEqualTo(e.name());
        }
        assertThat(events.get(0).json().path("message").path("role").asString()).isEqualTo("assistant");
        assertThat(events.get(1).json().path("index").asInt()).isZero();
        assertThat(events.get(2).json().path("delta").path("type").asString()).isEqualTo("text_delta");
        assertThat(events.get(2).json().path("delta").path("text").asString()).contains("Current:");
        assertThat(events.get(4).json().path("delta").path("stop_reason").asString()).isEqualTo("end_turn");
        GatewayFixture.assertNoSecret("directive reply", r.body());
        assertThat(fx.upstream.requests()).isEmpty();
    }

    @Test
    void modelDirective_inAStreamingOpenAiRequest_endsWithDone_andSwitchesTheSessionModel() throws Exception {
        fx = GatewayFixture.standard(dir).start();
        answerEveryone();
        HttpResponse<String> r = fx.post(OPENAI_PATH, chatBody(null, "/model anthropic/claude-test", true),
                "x-openclaw-session-key", "s2");
        List<Event> events = events(r.body());
        assertThat(events.getLast().isDone()).isTrue();
        assertThat(events.getFirst().json().path("choices").get(0).path("delta").path("content").asString())
                .contains("anthropic/claude-test");
        assertThat(fx.upstream.requests()).isEmpty();
        assertThat(fx.chat(null, "x", "x-openclaw-session-key", "s2").statusCode()).isEqualTo(200);
        assertThat(fx.pathsCalled()).containsExactly(ANTHROPIC_PATH);
    }

    @Test
    void inlineModelHint_isStrippedBeforeTheUpstreamCall_andRoutesThatOneRequest() throws Exception {
        fx = GatewayFixture.standard(dir).start();
        answerEveryone();
        HttpResponse<String> r = fx.chat(null, "please /model anthropic/claude-test summarize this");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        RecordedRequest sent = fx.upstream.lastRequest();
        assertThat(sent.path()).isEqualTo(ANTHROPIC_PATH);
        assertThat(sent.bodyText()).doesNotContain("/model").doesNotContain("anthropic/claude-test");
        assertThat(json(sent.bodyText()).path("messages").get(0).path("content").toString())
                .contains("please summarize this");

        // Anthropic content blocks too; and the hint lasts for one request only
        String blocks = """
                {"max_tokens":50,"messages":[{"role":"user","content":[
                  {"type":"text","text":"/model openai/gpt-other what time is it?"}]}]}""";
        assertThat(fx.post(ANTHROPIC_PATH, blocks).statusCode()).isEqualTo(200);
        sent = fx.upstream.lastRequest();
        assertThat(sent.path()).isEqualTo(OPENAI_PATH);
        assertThat(json(sent.bodyText()).path("model").asString()).isEqualTo("gpt-other");
        assertThat(sent.bodyText()).doesNotContain("/model").contains("what time is it?");
        fx.chat(null, "x");
        assertThat(json(fx.upstream.lastRequest().bodyText()).path("model").asString()).isEqualTo("gpt-test");
    }

    @Test
    void metrics_countAttemptsAndRotations_afterARotation() throws Exception {
        fx = GatewayFixture.standard(dir).config(Config.standard().auth("order: {openai: ['openai:a', 'openai:b']}"))
                .start();
        answerEveryone();
        fx.upstream.onPost(OPENAI_PATH, KEY_A, Responders.rateLimited(OpenAiFixtures.rateLimitError(), null));
        assertThat(fx.chat("openai/gpt-test", "x").statusCode()).isEqualTo(200);
        fx.awaitLog("POST /v1/chat/completions 200");
        String metrics = fx.get("/metrics").body();
        assertThat(sample(metrics, "openclaw_rotations_total", "provider=\"openai\"", "reason=\"rate_limit\""))
                .isEqualTo(1.0);
        assertThat(sample(metrics, "openclaw_attempts_total", "provider=\"openai\"", "outcome=\"failed\""))
                .isEqualTo(1.0);
        assertThat(sample(metrics, "openclaw_attempts_total", "provider=\"openai\"", "outcome=\"ok\""))
                .isEqualTo(1.0);
        assertThat(sample(metrics, "openclaw_requests_total", "endpoint=\"/v1/chat/completions\"",
                "status=\"200\"")).isEqualTo(1.0);
        assertThat(metrics).contains("openclaw_upstream_latency");
        // the cooldown is counted once it has reached the store, and the gauge survives a garbage collection
        fx.parts.router().flush();
        System.gc();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (sample(metrics, "openclaw_active_cooldowns") < 1.0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            metrics = fx.get("/metrics").body();
        }
        assertThat(sample(metrics, "openclaw_active_cooldowns")).isEqualTo(1.0);
        GatewayFixture.assertNoSecret("metrics", metrics);
    }

    /** The value of the one sample of {@code name} whose labels contain every {@code label}; fails if none. */
    private static double sample(String metrics, String name, String... labels) {
        List<String> lines = metrics.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> java.util.Arrays.stream(labels).allMatch(l::contains)).toList();
        assertThat(lines).as(name + " " + String.join(",", labels) + " in\n" + metrics).hasSize(1);
        String line = lines.getFirst();
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    @Test
    void sessionStoreFile_isPerAgent() throws Exception {
        fx = GatewayFixture.standard(dir)
                .config(Config.standard().agentsList("[{id: 'main', default: true}, {id: 'work'}]"));
        fx.profiles("work", """
                {"version":1,"profiles":{"openai:w":{"type":"api_key","provider":"openai","key":"%s"}}}
                """.formatted(WORK_KEY));
        fx.start();
        HttpResponse<String> r = fx.chat(null, "/model openai/gpt-other@openai:w", "x-openclaw-agent-id", "work",
                "x-openclaw-session-key", "s3");
        assertThat(r.statusCode()).isEqualTo(200);
        Path work = fx.state.resolve("agents/work/sessions/sessions.json");
        assertThat(json(Files.readString(work)).path("s3").path("authProfileOverride").asString())
                .isEqualTo("openai:w");
        assertThat(fx.state.resolve("agents/main/sessions/sessions.json")).doesNotExist();
    }
}
