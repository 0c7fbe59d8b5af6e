package ai.openclaw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.app.AppContext;
import ai.openclaw.cli.Terminal;
import ai.openclaw.env.ShellEnvRunner;
import ai.openclaw.json.Json;
import ai.openclaw.testing.AnthropicFixtures;
import ai.openclaw.testing.FakeUpstream;
import ai.openclaw.testing.OpenAiFixtures;
import ai.openclaw.testing.Responders;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** End to end over real sockets: client → gateway → fake upstream, with stored credentials. */
@Timeout(60)
class GatewayModelCallsTest {
    static final String KEY_A = "sk-openai-aaaaaaaaaaaaaaaaaaaa";
    static final String KEY_B = "sk-openai-bbbbbbbbbbbbbbbbbbbb";
    static final String ANT_KEY = "sk-ant-api03-cccccccccccccccccccc";

    @TempDir
    Path dir;

    FakeUpstream upstream;
    Gateway gateway;
    GatewayAssembly parts;
    final Map<String, String> env = new HashMap<>();
    final StringWriter err = new StringWriter();
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() throws Exception {
        upstream = FakeUpstream.start();
        Path state = dir.resolve("state");
        Files.createDirectories(state.resolve("agents/main/agent"));
        Files.writeString(state.resolve("openclaw.json"), """
                {gateway: {auth: {mode: 'none'}},
                 agents: {defaults: {model: {primary: 'openai/gpt-test', fallbacks: ['anthropic/claude-test']},
                                     models: {'openai/gpt-test': {alias: 'Fast'}, 'anthropic/claude-test': {}}}},
                 models: {providers: {
                   openai: {baseUrl: '%s/v1', api: 'openai-completions'},
                   anthropic: {baseUrl: '%s', api: 'anthropic-messages'}}}}
                """.formatted(upstream.baseUrl(), upstream.baseUrl()));
        Files.writeString(state.resolve("agents/main/agent/auth-profiles.json"), """
                {"version":1,"profiles":{
                  "openai:a":{"type":"api_key","provider":"openai","key":"%s"},
                  "openai:b":{"type":"api_key","provider":"openai","key":"%s"},
                  "anthropic:main":{"type":"api_key","provider":"anthropic","key":"%s"}}}
                """.formatted(KEY_A, KEY_B, ANT_KEY));
        Files.writeString(state.resolve("openclaw.json.tmp-order"), "");
        env.put("HOME", dir.toString());
        env.put("OPENCLAW_STATE_DIR", state.toString());
        Terminal none = new NoTerminal();
        AppContext ctx = new AppContext(env, dir, Clock.systemUTC(), ProcessHandle.current().pid(),
                ShellEnvRunner.disabled(), none, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        parts = new GatewayAssembly(ctx, ctx.err());
        gateway = Gateway.start(ctx, parts.runtime(), 0, null, parts.calls(), parts.metrics(), parts::close, ctx.out());
    }

    @AfterEach
    void tearDown() throws Exception {
        gateway.close();
        upstream.close();
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .header("content-type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The access-log line is written as the request completes, possibly just after the client has its answer. */
    private void awaitLog(String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!err.toString().contains(fragment) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(err.toString()).contains(fragment);
    }

    private static JsonNode json(HttpResponse<String> r) {
        return Json.parse(Path.of("response"), r.body());
    }

    @Test
    void openAiRequest_isServedWithTheStoredKey_andPassedThroughUntouched() throws Exception {
        upstream.onPost("/v1/chat/completions", Responders.json(OpenAiFixtures.chatCompletion("gpt-test", "hi there")));
        HttpResponse<String> r = post("/v1/chat/completions",
                "{\"model\":\"openai/gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).path("choices").get(0).path("message").path("content").asString()).isEqualTo("hi there");
        var sent = upstream.lastRequest();
        assertThat(sent.credential().orElse(null)).isIn(KEY_A, KEY_B);
        assertThat(Json.parse(Path.of("sent"), sent.bodyText()).path("model").asString()).isEqualTo("gpt-test");
        awaitLog("POST /v1/chat/completions 200");
        assertThat(err.toString()).doesNotContain(KEY_A).doesNotContain(KEY_B);
    }

    @Test
    void rateLimitedKey_rotatesToTheNextProfile_andTheFirstCoolsDown() throws Exception {
        upstream.onPost("/v1/chat/completions", KEY_A, Responders.rateLimited(OpenAiFixtures.rateLimitError(), "30"));
        upstream.onPost("/v1/chat/completions", KEY_B,
                Responders.json(OpenAiFixtures.chatCompletion("gpt-test", "from b")));
        String body = "{\"model\":\"openai/gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";
        HttpResponse<String> first = post("/v1/chat/completions", body);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json(first).path("choices").get(0).path("message").path("content").asString()).isEqualTo("from b");
        int before = upstream.requests().size();
        HttpResponse<String> second = post("/v1/chat/completions", body);
        assertThat(second.statusCode()).isEqualTo(200);
        // the cooled profile is skipped at once: exactly one more upstream call, and with key B
        assertThat(upstream.requests().size()).isEqualTo(before + 1);
        assertThat(upstream.lastRequest().credential().orElse(null)).isEqualTo(KEY_B);
    }

    @Test
    void openAiClient_canCallAnAnthropicModel_translatedBothWays() throws Exception {
        upstream.onPost("/v1/messages", Responders.json(AnthropicFixtures.message("claude-test", "bonjour")));
        HttpResponse<String> r = post("/v1/chat/completions",
                "{\"model\":\"anthropic/claude-test\",\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},"
                        + "{\"role\":\"user\",\"content\":\"hello\"}]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).path("object").asString()).isEqualTo("chat.completion");
        assertThat(json(r).path("choices").get(0).path("message").path("content").asString()).isEqualTo("bonjour");
        var sent = upstream.lastRequest();
        assertThat(sent.header("x-api-key").orElse(null)).isEqualTo(ANT_KEY);
        JsonNode sentBody = Json.parse(Path.of("sent"), sent.bodyText());
        assertThat(sentBody.path("system").toString()).contains("be brief");
        assertThat(sentBody.path("max_tokens").asInt()).isPositive();
    }

    @Test
    void streaming_sameFormat_arrivesEventByEvent() throws Exception {
        upstream.onPost("/v1/chat/completions",
                Responders.sse(OpenAiFixtures.textStream("gpt-test", "Hel", "lo"), Duration.ofMillis(20)));
        HttpResponse<String> r = post("/v1/chat/completions",
                "{\"model\":\"openai/gpt-test\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        assertThat(r.body()).contains("\"Hel\"").contains("\"lo\"").contains("[DONE]");
    }

    @Test
    void anthropicClient_streamingFromAnOpenAiUpstream_getsAnthropicEvents() throws Exception {
        upstream.onPost("/v1/chat/completions", Responders.sse(OpenAiFixtures.textStream("gpt-test", "Hi", "!")));
        HttpResponse<String> r = post("/v1/messages", "{\"model\":\"openai/gpt-test\",\"max_tokens\":100,"
                + "\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("event: message_start").contains("text_delta").contains("event: message_stop");
    }

    @Test
    void everyCandidateRateLimited_gives429WithRetryAfterAndTheListOfCandidates() throws Exception {
        upstream.onPost("/v1/chat/completions", Responders.rateLimited(OpenAiFixtures.rateLimitError(), "30"));
        upstream.onPost("/v1/messages", Responders.rateLimited(AnthropicFixtures.rateLimitError(), "40"));
        HttpResponse<String> r = post("/v1/chat/completions",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
        assertThat(r.headers().firstValue("retry-after")).isPresent();
        JsonNode attempts = json(r).path("error").path("attempts");
        assertThat(attempts.findValuesAsString("credential")).contains("openai:a", "openai:b", "anthropic:main");
        assertThat(r.body()).doesNotContain(KEY_A).doesNotContain(ANT_KEY);
    }

    @Test
    void unknownModel_is400NamingHowToListModels() throws Exception {
        HttpResponse<String> r = post("/v1/chat/completions",
                "{\"model\":\"nope/nothing\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        assertThat(r.statusCode()).isBetween(400, 499);
        assertThat(json(r).path("error").path("message").asString()).contains("/v1/models");
    }

    @Test
    void malformedRequests_get4xxJsonErrorsNever5xx() throws Exception {
        String[] bodies = {"", "not json", "[]", "{}", "{\"messages\":[]}", "{\"messages\":\"x\"}",
                "{\"messages\":[{\"content\":\"x\"}]}", "{\"model\":7,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
                "{\"stream\":\"yes\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
                "{\"max_tokens\":-1,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
                "{\"messages\":[{\"role\":\"user\",\"content\":5}]}"};
        for (String path : new String[] {"/v1/chat/completions", "/v1/messages"}) {
            for (String b : bodies) {
                HttpResponse<String> r = post(path, b);
                assertThat(r.statusCode()).as(path + " " + b).isBetween(400, 499);
                assertThat(r.body()).as(path + " " + b).contains("\"error\"");
            }
        }
    }

    @Test
    void modelDirective_isAnsweredByTheGatewayInTheRequestsFormat() throws Exception {
        HttpResponse<String> r = post("/v1/chat/completions",
                "{\"model\":\"openai/gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"/model status\"}]}",
                "x-openclaw-session-key", "s1");
        assertThat(r.statusCode()).isEqualTo(200);
        String text = json(r).path("choices").get(0).path("message").path("content").asString();
        assertThat(text).contains("Current:").doesNotContain(KEY_A);
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void sessionPin_viaModelDirective_isUsedByLaterRequests() throws Exception {
        upstream.onPost("/v1/chat/completions", Responders.json(OpenAiFixtures.chatCompletion("gpt-test", "ok")));
        HttpResponse<String> set = post("/v1/chat/completions",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"/model Fast@openai:b\"}]}",
                "x-openclaw-session-key", "s2");
        assertThat(json(set).path("choices").get(0).path("message").path("content").asString())
                .contains("Auth profile set to openai:b.");
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = post("/v1/chat/completions",
                    "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "x-openclaw-session-key", "s2");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(upstream.lastRequest().credential().orElse(null)).isEqualTo(KEY_B);
        }
    }

    @Test
    void clientDisconnect_cancelsTheUpstreamRequest() throws Exception {
        upstream.onPost("/v1/chat/completions", Responders.hangUntilAborted());
        String body = "{\"model\":\"openai/gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", gateway.port())) {
            socket.getOutputStream().write(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n"
                    + "content-type: application/json\r\ncontent-length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            upstream.awaitRequests(1, Duration.ofSeconds(10));
        }
        assertThat(upstream.awaitCancellation(Duration.ofSeconds(10))).isNotNull();
    }
}
