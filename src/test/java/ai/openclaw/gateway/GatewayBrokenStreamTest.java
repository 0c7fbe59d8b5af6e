package ai.openclaw.gateway;

import static ai.openclaw.gateway.GatewayFixture.ANTHROPIC_PATH;
import static ai.openclaw.gateway.GatewayFixture.ANT_KEY;
import static ai.openclaw.gateway.GatewayFixture.KEY_A;
import static ai.openclaw.gateway.GatewayFixture.KEY_B;
import static ai.openclaw.gateway.GatewayFixture.OPENAI_PATH;
import static ai.openclaw.gateway.GatewayFixture.chatBody;
import static ai.openclaw.gateway.GatewayFixture.events;
import static ai.openclaw.gateway.GatewayFixture.messagesBody;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.gateway.GatewayFixture.Config;
import ai.openclaw.gateway.GatewayFixture.Event;
import ai.openclaw.testing.AnthropicFixtures;
import ai.openclaw.testing.OpenAiFixtures;
import ai.openclaw.testing.Responders;
import ai.openclaw.testing.SseEvent;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Upstream streams that go wrong. Before the first byte reaches the client every failure is rotated or falls back;
 * after it, the client gets what arrived so far and then an error event in its own API's format, never a silently
 * truncated stream. Same-format streams are relayed byte for byte, malformed data included.
 */
@Timeout(60)
class GatewayBrokenStreamTest {
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
        fx = GatewayFixture.standard(dir).config(config.auth("order: {openai: ['openai:a', 'openai:b']}")).start();
        return fx;
    }

    private static void assertOpenAiErrorEvent(Event e) {
        assertThat(e.name()).isNull();
        JsonNode error = e.json().path("error");
        assertThat(error.path("message").asString()).isNotBlank();
        assertThat(error.path("type").asString()).isNotBlank();
    }

    private static void assertAnthropicErrorEvent(Event e) {
        assertThat(e.name()).isEqualTo("error");
        assertThat(e.json().path("type").asString()).isEqualTo("error");
        assertThat(e.json().path("error").path("type").asString()).isNotBlank();
        assertThat(e.json().path("error").path("message").asString()).isNotBlank();
    }

    @Test
    void sameFormatStreamCutMidway_clientGetsTheEventsSoFar_thenAnOpenAiErrorEvent() throws Exception {
        start(Config.standard().noFallbacks());
        List<SseEvent> stream = OpenAiFixtures.textStream("gpt-test", "Hel", "lo", " world");
        fx.upstream.onPost(OPENAI_PATH, Responders.brokenSse(stream, 3));
        HttpResponse<String> r = fx.post(OPENAI_PATH, chatBody("openai/gpt-test", "x", true));
        assertThat(r.statusCode()).isEqualTo(200);
        List<Event> events = events(r.body());
        assertThat(events).hasSize(4);
        for (int i = 0; i < 3; i++) {
            assertThat(events.get(i).data()).isEqualTo(stream.get(i).data());
        }
        assertOpenAiErrorEvent(events.get(3));
        assertThat(r.body()).doesNotContain("[DONE]");
    }

    @Test
    void sameFormatAnthropicStreamCutMidway_endsWithAnAnthropicErrorEvent() throws Exception {
        start(Config.standard().noFallbacks());
        List<SseEvent> stream = AnthropicFixtures.textStream("claude-test", "Hel", "lo");
        fx.upstream.onPost(ANTHROPIC_PATH, Responders.brokenSse(stream, 4));
        HttpResponse<String> r = fx.post(ANTHROPIC_PATH, messagesBody("anthropic/claude-test", "x", true));
        List<Event> events = events(r.body());
        assertThat(events.stream().map(Event::name).toList()).containsExactly("message_start",
                "content_block_start", "ping", "content_block_delta", "error");
        assertAnthropicErrorEvent(events.getLast());
    }

    @Test
    void anthropicStreamCutMidway_toAnOpenAiClient_endsWithAnOpenAiErrorEvent() throws Exception {
        start(Config.standard().noFallbacks());
        fx.upstream.onPost(ANTHROPIC_PATH, Responders.brokenSse(
                AnthropicFixtures.textStream("claude-test", "Hel", "lo"), 4));
        HttpResponse<String> r = fx.post(OPENAI_PATH, chatBody("anthropic/claude-test", "x", true));
        assertThat(r.statusCode()).isEqualTo(200);
        List<Event> events = events(r.body());
        assertThat(events.getFirst().json().path("object").asString()).isEqualTo("chat.completion.chunk");
        assertThat(events.stream().map(e -> e.json().path("choices").path(0).path("delta").path("content")
                .asString("")).reduce("", String::concat)).isEqualTo("Hel");
        assertOpenAiErrorEvent(events.getLast());
        assertThat(r.body()).doesNotContain("[DONE]").doesNotContain("finish_reason\":\"stop");
    }

    @Test
    void openAiStreamCutMidway_toAnAnthropicClient_endsWithAnAnthropicErrorEvent() throws Exception {
        start(Config.standard().noFallbacks());
        fx.upstream.onPost(OPENAI_PATH, Responders.brokenSse(
                OpenAiFixtures.textStream("gpt-test", "Hel", "lo", "!"), 3));
        HttpResponse<String> r = fx.post(ANTHROPIC_PATH, messagesBody("openai/gpt-test", "x", true));
        assertThat(r.statusCode()).isEqualTo(200);
        List<Event> events = events(r.body());
        assertThat(events.stream().map(Event::name).toList()).containsExactly("message_start",
                "content_block_start", "content_block_delta", "content_block_delta", "error");
        assertAnthropicErrorEvent(events.getLast());
    }

    @Test
    void malformedDataInACrossFormatStream_becomesAnErrorEventInTheClientsFormat() throws Exception {
        start(Config.standard().noFallbacks());
        List<SseEvent> anthropicStart = AnthropicFixtures.textStream("claude-test", "ok").subList(0, 4);
        fx.upstream.onPost(ANTHROPIC_PATH, Responders.malformedSse(anthropicStart, "{\"type\":\"content_block_d"));
        HttpResponse<String> toOpenAi = fx.post(OPENAI_PATH, chatBody("anthropic/claude-test", "x", true));
        List<Event> openAiEvents = events(toOpenAi.body());
        assertOpenAiErrorEvent(openAiEvents.getLast());
        assertThat(toOpenAi.body()).doesNotContain("[DONE]").doesNotContain("content_block_d");

        List<SseEvent> openAiStart = OpenAiFixtures.textStream("gpt-test", "ok").subList(0, 2);
        fx.upstream.onPost(OPENAI_PATH, Responders.malformedSse(openAiStart, "{not json at all"));
        HttpResponse<String> toAnthropic = fx.post(ANTHROPIC_PATH, messagesBody("openai/gpt-test", "x", true));
        List<Event> anthropicEvents = events(toAnthropic.body());
        assertThat(anthropicEvents.getFirst().name()).isEqualTo("message_start");
        assertAnthropicErrorEvent(anthropicEvents.getLast());
        assertThat(anthropicEvents.stream().map(Event::name)).doesNotContain("message_stop");
    }

    @Test
    void malformedDataInASameFormatStream_isRelayedUntouched() throws Exception {
        start(Config.standard().noFallbacks());
        List<SseEvent> good = OpenAiFixtures.textStream("gpt-test", "ok");
        fx.upstream.onPost(OPENAI_PATH, Responders.malformedSse(good.subList(0, 2), "{not json at all"));
        HttpResponse<String> r = fx.post(OPENAI_PATH, chatBody("openai/gpt-test", "x", true));
        assertThat(r.statusCode()).isEqualTo(200);
        StringBuilder expected = new StringBuilder();
        good.subList(0, 2).forEach(e -> expected.append(e.encode()));
        expected.append("data: {not json at all\n\n");
        assertThat(r.body()).isEqualTo(expected.toString());
    }

    @Test
    void anUpstreamErrorBeforeTheFirstByte_isRotatedAway_neverStreamed() throws Exception {
        start(Config.standard().noFallbacks());
        fx.upstream.onPost(OPENAI_PATH, KEY_A, Responders.rateLimited(OpenAiFixtures.rateLimitError(), null));
        fx.upstream.onPost(OPENAI_PATH, KEY_B, Responders.sse(OpenAiFixtures.textStream("gpt-test", "from b")));
        HttpResponse<String> r = fx.post(OPENAI_PATH, chatBody("openai/gpt-test", "x", true));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("from b").endsWith("data: [DONE]\n\n").doesNotContain("\"error\"");
        assertThat(fx.credentialsSent()).containsExactly(KEY_A, KEY_B);
    }

    @Test
    void aServerErrorBeforeTheFirstByte_fallsBackToTheNextModel_whoseStreamIsTranslated() throws Exception {
        start(Config.standard());
        fx.upstream.onPost(OPENAI_PATH, Responders.serverError(500, OpenAiFixtures.serverError()));
        fx.upstream.onPost(ANTHROPIC_PATH, Responders.sse(AnthropicFixtures.textStream("claude-test", "from", " c")));
        HttpResponse<String> r = fx.post(OPENAI_PATH, chatBody(null, "x", true));
        assertThat(r.statusCode()).isEqualTo(200);
        List<Event> events = events(r.body());
        assertThat(events.getLast().isDone()).isTrue();
        assertThat(events.subList(0, events.size() - 1)).allSatisfy(e ->
                assertThat(e.json().has("error")).isFalse());
        assertThat(r.body()).contains("\"from\"").contains("\" c\"");
        assertThat(fx.credentialsSent()).containsExactly(KEY_A, ANT_KEY);
    }

    @Test
    void aStreamRequestNothingCanServe_getsAJsonErrorNotAStream() throws Exception {
        start(Config.standard().noFallbacks());
        fx.upstream.onPost(OPENAI_PATH, Responders.rateLimited(OpenAiFixtures.rateLimitError(), "9"));
        HttpResponse<String> openAi = fx.post(OPENAI_PATH, chatBody("openai/gpt-test", "x", true));
        assertThat(openAi.statusCode()).isEqualTo(429);
        assertThat(openAi.headers().firstValue("content-type").orElse("")).startsWith("application/json");
        assertThat(GatewayFixture.json(openAi).path("error").path("attempts").isArray()).isTrue();
        HttpResponse<String> anthropic = fx.post(ANTHROPIC_PATH, messagesBody("openai/gpt-test", "x", true));
        assertThat(anthropic.statusCode()).isEqualTo(429);
        assertThat(anthropic.headers().firstValue("content-type").orElse("")).startsWith("application/json");
        assertThat(GatewayFixture.json(anthropic).path("type").asString()).isEqualTo("error");
    }

    @Test
    void anUpstreamThatStallsMidStreamLongerThanTheTimeout_endsWithAnErrorEvent() throws Exception {
        start(Config.standard().noFallbacks().openai("timeoutSeconds: 1"));
        fx.upstream.onPost(OPENAI_PATH, Responders.hangAfterEvents(
                OpenAiFixtures.textStream("gpt-test", "slow").subList(0, 2)));
        HttpResponse<String> r = fx.post(ANTHROPIC_PATH, messagesBody("openai/gpt-test", "x", true));
        List<Event> events = events(r.body());
        assertThat(events.getFirst().name()).isEqualTo("message_start");
        assertAnthropicErrorEvent(events.getLast());
        // the gateway hung up on the stalled upstream
        assertThat(fx.upstream.awaitCancellation(Duration.ofSeconds(10))).isNotNull();
    }

    @Test
    void aRequestPipelinedDuringAStream_neverCorruptsTheConnection() throws Exception {
        start(Config.standard().noFallbacks());
        fx.upstream.onPost(OPENAI_PATH, Responders.sse(OpenAiFixtures.textStream("gpt-test", "a", "b", "c"),
                Duration.ofMillis(60)));
        String body = chatBody("openai/gpt-test", "x", true);
        String request = "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\n"
                + "content-length: " + body.length() + "\r\n\r\n" + body;
        String received;
        try (Socket socket = new Socket("127.0.0.1", fx.gateway.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            // the next request goes out while the first answer streams (so the gateway has not read it yet); it
            // asks to close afterwards, so that the connection ends either way
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().contains("data:")) {
                int b = in.read();
                assertThat(b).as("answer ended early: " + head).isNotNegative();
                head.append((char) b);
            }
            String last = request.replace("Host: x\r\n", "Host: x\r\nconnection: close\r\n");
            socket.getOutputStream().write(last.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            received = head + new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("the connection stayed open with a half-read request", e);
        }
        // the first answer is complete; the second request is either answered in full or the connection closes
        assertThat(received).startsWith("HTTP/1.1 200").contains("data: [DONE]");
        assertThat(received.lines().filter(l -> l.startsWith("HTTP/1.1 ")).toList())
                .as("a half-read second request would be answered 4xx").allMatch(l -> l.startsWith("HTTP/1.1 200"));
        int answers = received.split("HTTP/1\\.1 ", -1).length - 1;
        assertThat(received.split("data: \\[DONE\\]", -1).length - 1).isEqualTo(answers);
    }

    @Test
    void aClientThatHangsUpMidStream_cancelsTheUpstreamStream() throws Exception {
        start(Config.standard().noFallbacks());
        fx.upstream.onPost(OPENAI_PATH, Responders.hangAfterEvents(
                OpenAiFixtures.textStream("gpt-test", "first").subList(0, 2)));
        String body = chatBody("openai/gpt-test", "x", true);
        try (Socket socket = new Socket("127.0.0.1", fx.gateway.port())) {
            socket.getOutputStream().write(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n"
                    + "content-type: application/json\r\ncontent-length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            StringBuilder received = new StringBuilder();
            byte[] buf = new byte[4096];
            while (!received.toString().contains("\"first\"")) {
                int n = in.read(buf);
                assertThat(n).as("stream ended early: " + received).isPositive();
                received.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
        }
        assertThat(fx.upstream.awaitCancellation(Duration.ofSeconds(10)).path()).isEqualTo(OPENAI_PATH);
    }
}
