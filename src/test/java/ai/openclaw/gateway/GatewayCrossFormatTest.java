package ai.openclaw.gateway;

import static ai.openclaw.gateway.GatewayFixture.ANTHROPIC_PATH;
import static ai.openclaw.gateway.GatewayFixture.ANT_KEY;
import static ai.openclaw.gateway.GatewayFixture.KEY_A;
import static ai.openclaw.gateway.GatewayFixture.OPENAI_PATH;
import static ai.openclaw.gateway.GatewayFixture.events;
import static ai.openclaw.gateway.GatewayFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.gateway.GatewayFixture.Config;
import ai.openclaw.gateway.GatewayFixture.Event;
import ai.openclaw.testing.AnthropicFixtures;
import ai.openclaw.testing.OpenAiFixtures;
import ai.openclaw.testing.Responders;
import ai.openclaw.testing.SseEvent;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Golden cases through the gateway: an OpenAI-format client served by an Anthropic upstream and an Anthropic-format
 * client served by an OpenAI upstream, whole answers and streams, tool calls included, with stop reasons and usage.
 * Streams are parsed strictly and checked event by event, as a client SDK would consume them.
 */
@Timeout(60)
class GatewayCrossFormatTest {
    private static final String WEATHER_ARGS = "{\"city\":\"Paris\",\"unit\":\"celsius\"}";

    @TempDir
    Path dir;

    GatewayFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = GatewayFixture.standard(dir).config(Config.standard().noFallbacks()
                .auth("order: {openai: ['openai:a', 'openai:b']}")).start();
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
    }

    private static String openAiToolRequest(String model, boolean stream) {
        return """
                {"model":"%s","stream":%s,"stream_options":{"include_usage":true},
                 "messages":[{"role":"system","content":"be brief"},{"role":"user","content":"weather in Paris?"}],
                 "tools":[{"type":"function","function":{"name":"get_weather","description":"Current weather",
                   "parameters":{"type":"object","properties":{"city":{"type":"string"},"unit":{"type":"string"}},
                   "required":["city"]}}}],
                 "tool_choice":"auto"}
                """.formatted(model, stream);
    }

    private static String anthropicToolRequest(String model, boolean stream) {
        return """
                {"model":"%s","max_tokens":300,"stream":%s,"system":"be brief",
                 "messages":[{"role":"user","content":[{"type":"text","text":"weather in Paris?"}]}],
                 "tools":[{"name":"get_weather","description":"Current weather",
                   "input_schema":{"type":"object","properties":{"city":{"type":"string"},"unit":{"type":"string"}},
                   "required":["city"]}}],
                 "tool_choice":{"type":"auto"}}
                """.formatted(model, stream);
    }

    private static SseEvent anthropicEvent(String json) {
        return SseEvent.named(json(json).path("type").asString(), json);
    }

    private static SseEvent openAiChunk(String delta, String finishReason) {
        return SseEvent.data("""
                {"id":"chatcmpl-up","object":"chat.completion.chunk","created":1,"model":"gpt-test",
                 "choices":[{"index":0,"delta":%s,"finish_reason":%s}]}
                """.formatted(delta, finishReason == null ? "null" : "\"" + finishReason + "\"").replace("\n", ""));
    }

    // ---- whole answers ----

    @Test
    void openAiClient_anthropicUpstream_toolCallAnswer_isTranslatedWithStopReasonAndUsage() throws Exception {
        fx.upstream.onPost(ANTHROPIC_PATH, Responders.json(AnthropicFixtures.toolUseMessage("claude-test",
                "toolu_01A", "get_weather", WEATHER_ARGS)));
        HttpResponse<String> r = fx.post(OPENAI_PATH, openAiToolRequest("anthropic/claude-test", false));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.path("object").asString()).isEqualTo("chat.completion");
        assertThat(body.path("model").asString()).isEqualTo("anthropic/claude-test");
        JsonNode choice = body.path("choices").get(0);
        assertThat(choice.path("finish_reason").asString()).isEqualTo("tool_calls");
        JsonNode call = choice.path("message").path("tool_calls").get(0);
        assertThat(call.path("id").asString()).isEqualTo("toolu_01A");
        assertThat(call.path("type").asString()).isEqualTo("function");
        assertThat(call.path("function").path("name").asString()).isEqualTo("get_weather");
        assertThat(json(call.path("function").path("arguments").asString())).isEqualTo(json(WEATHER_ARGS));
        assertThat(body.path("usage").path("prompt_tokens").asInt()).isEqualTo(10);
        assertThat(body.path("usage").path("completion_tokens").asInt()).isEqualTo(3);
        assertThat(body.path("usage").path("total_tokens").asInt()).isEqualTo(13);

        var sent = fx.upstream.lastRequest();
        assertThat(sent.header("x-api-key").orElse(null)).isEqualTo(ANT_KEY);
        assertThat(sent.header("anthropic-version")).isPresent();
        JsonNode up = json(sent.bodyText());
        assertThat(up.path("model").asString()).isEqualTo("claude-test");
        assertThat(up.path("system").toString()).contains("be brief");
        assertThat(up.path("messages").get(0).path("role").asString()).isEqualTo("user");
        assertThat(up.path("tools").get(0).path("name").asString()).isEqualTo("get_weather");
        assertThat(up.path("tools").get(0).path("input_schema").path("required").get(0).asString())
                .isEqualTo("city");
        assertThat(up.path("tool_choice").path("type").asString()).isEqualTo("auto");
        assertThat(up.has("stream_options")).isFalse();
    }

    @Test
    void anthropicClient_openAiUpstream_toolCallAnswer_isTranslatedWithStopReasonAndUsage() throws Exception {
        fx.upstream.onPost(OPENAI_PATH, Responders.json(OpenAiFixtures.toolCallCompletion("gpt-test",
                "call_9xZ", "get_weather", WEATHER_ARGS)));
        HttpResponse<String> r = fx.post(ANTHROPIC_PATH, anthropicToolRequest("openai/gpt-test", false));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.path("type").asString()).isEqualTo("message");
        assertThat(body.path("role").asString()).isEqualTo("assistant");
        assertThat(body.path("model").asString()).isEqualTo("openai/gpt-test");
        assertThat(body.path("stop_reason").asString()).isEqualTo("tool_use");
        JsonNode block = body.path("content").valueStream()
                .filter(b -> b.path("type").asString().equals("tool_use")).findFirst().orElseThrow();
        assertThat(block.path("id").asString()).isEqualTo("call_9xZ");
        assertThat(block.path("name").asString()).isEqualTo("get_weather");
        assertThat(block.path("input")).isEqualTo(json(WEATHER_ARGS));
        assertThat(body.path("usage").path("input_tokens").asInt()).isEqualTo(9);
        assertThat(body.path("usage").path("output_tokens").asInt()).isEqualTo(3);

        var sent = fx.upstream.lastRequest();
        assertThat(sent.credential().orElse(null)).isEqualTo(KEY_A);
        JsonNode up = json(sent.bodyText());
        assertThat(up.path("model").asString()).isEqualTo("gpt-test");
        assertThat(up.path("messages").get(0).path("role").asString()).isEqualTo("system");
        assertThat(up.path("max_tokens").asInt() + up.path("max_completion_tokens").asInt()).isEqualTo(300);
        JsonNode tool = up.path("tools").get(0);
        assertThat(tool.path("type").asString()).isEqualTo("function");
        assertThat(tool.path("function").path("name").asString()).isEqualTo("get_weather");
        assertThat(tool.path("function").path("parameters").path("required").get(0).asString()).isEqualTo("city");
    }

    @Test
    void stopReasonsForTruncatedAnswers_mapBothWays() throws Exception {
        fx.upstream.onPost(ANTHROPIC_PATH, Responders.json(AnthropicFixtures.message("claude-test", "cut")
                .replace("\"end_turn\"", "\"max_tokens\"")));
        fx.upstream.onPost(OPENAI_PATH, Responders.json(OpenAiFixtures.chatCompletion("gpt-test", "cut")
                .replace("\"stop\"", "\"length\"")));
        HttpResponse<String> toOpenAi = fx.post(OPENAI_PATH, GatewayFixture.chatBody("anthropic/claude-test", "x",
                false));
        assertThat(json(toOpenAi).path("choices").get(0).path("finish_reason").asString()).isEqualTo("length");
        HttpResponse<String> toAnthropic = fx.post(ANTHROPIC_PATH, GatewayFixture.messagesBody("openai/gpt-test",
                "x", false));
        assertThat(json(toAnthropic).path("stop_reason").asString()).isEqualTo("max_tokens");
        assertThat(json(toAnthropic).path("content").get(0).path("text").asString()).isEqualTo("cut");
    }

    // ---- streams ----

    @Test
    void openAiClient_streamingToolCallFromAnthropic_getsWellFormedToolCallDeltas() throws Exception {
        List<SseEvent> upstream = List.of(
                anthropicEvent("""
                        {"type":"message_start","message":{"id":"msg_up","type":"message","role":"assistant",
                         "model":"claude-test","content":[],"stop_reason":null,"stop_sequence":null,
                         "usage":{"input_tokens":21,"output_tokens":1}}}"""),
                anthropicEvent("""
                        {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"""),
                anthropicEvent("{\"type\":\"ping\"}"),
                anthropicEvent("""
                        {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Let me "}}"""),
                anthropicEvent("""
                        {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"check."}}"""),
                anthropicEvent("{\"type\":\"content_block_stop\",\"index\":0}"),
                anthropicEvent("""
                        {"type":"content_block_start","index":1,"content_block":{"type":"tool_use",
                         "id":"toolu_01B","name":"get_weather","input":{}}}"""),
                anthropicEvent("""
                        {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":""}}"""),
                anthropicEvent("""
                        {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta",
                         "partial_json":"{\\"city\\": \\"Pa"}}"""),
                anthropicEvent("""
                        {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta",
                         "partial_json":"ris\\", \\"unit\\": \\"celsius\\"}"}}"""),
                anthropicEvent("{\"type\":\"content_block_stop\",\"index\":1}"),
                anthropicEvent("""
                        {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},
                         "usage":{"output_tokens":42}}"""),
                anthropicEvent("{\"type\":\"message_stop\"}"));
        fx.upstream.onPost(ANTHROPIC_PATH, Responders.sse(upstream));
        HttpResponse<String> r = fx.post(OPENAI_PATH, openAiToolRequest("anthropic/claude-test", true));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        assertThat(json(fx.upstream.lastRequest().bodyText()).path("stream").asBoolean()).isTrue();

        List<Event> events = events(r.body());
        assertThat(events).allSatisfy(e -> assertThat(e.name()).as("OpenAI events are unnamed").isNull());
        assertThat(events.getLast().isDone()).isTrue();
        List<JsonNode> chunks = events.subList(0, events.size() - 1).stream().map(Event::json).toList();
        String id = chunks.getFirst().path("id").asString();
        StringBuilder text = new StringBuilder();
        StringBuilder arguments = new StringBuilder();
        List<String> finishReasons = new ArrayList<>();
        List<JsonNode> toolStarts = new ArrayList<>();
        JsonNode usage = null;
        for (JsonNode c : chunks) {
            assertThat(c.path("object").asString()).isEqualTo("chat.completion.chunk");
            assertThat(c.path("id").asString()).isEqualTo(id);
            assertThat(c.path("model").asString()).isEqualTo("anthropic/claude-test");
            if (c.path("choices").isEmpty()) {
                usage = c.path("usage");
                continue;
            }
            JsonNode choice = c.path("choices").get(0);
            assertThat(choice.path("index").asInt()).isZero();
            JsonNode delta = choice.path("delta");
            text.append(delta.path("content").asString(""));
            for (JsonNode call : delta.path("tool_calls")) {
                assertThat(call.path("index").asInt()).as("first and only tool call").isZero();
                if (call.has("id")) {
                    toolStarts.add(call);
                    assertThat(arguments).as("the id and name come before any argument").isEmpty();
                }
                arguments.append(call.path("function").path("arguments").asString(""));
            }
            if (choice.path("finish_reason").isString()) {
                finishReasons.add(choice.path("finish_reason").asString());
            }
        }
        assertThat(chunks.getFirst().path("choices").get(0).path("delta").path("role").asString())
                .isEqualTo("assistant");
        assertThat(text.toString()).isEqualTo("Let me check.");
        assertThat(toolStarts).hasSize(1);
        assertThat(toolStarts.getFirst().path("id").asString()).isEqualTo("toolu_01B");
        assertThat(toolStarts.getFirst().path("type").asString()).isEqualTo("function");
        assertThat(toolStarts.getFirst().path("function").path("name").asString()).isEqualTo("get_weather");
        assertThat(json(arguments.toString())).isEqualTo(json(WEATHER_ARGS));
        assertThat(finishReasons).containsExactly("tool_calls");
        assertThat(usage).as("include_usage asks for a usage chunk").isNotNull();
        assertThat(usage.path("prompt_tokens").asInt()).isEqualTo(21);
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(42);
        assertThat(usage.path("total_tokens").asInt()).isEqualTo(63);
    }

    @Test
    void anthropicClient_streamingTextThenParallelToolCallsFromOpenAi_getsWellFormedBlocksWithIndexes()
            throws Exception {
        List<SseEvent> upstream = List.of(
                openAiChunk("{\"role\":\"assistant\",\"content\":\"\"}", null),
                openAiChunk("{\"content\":\"Checking \"}", null),
                openAiChunk("{\"content\":\"both.\"}", null),
                openAiChunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\","
                        + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]}", null),
                openAiChunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}", null),
                openAiChunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}]}", null),
                openAiChunk("{\"tool_calls\":[{\"index\":1,\"id\":\"call_2\",\"type\":\"function\","
                        + "\"function\":{\"name\":\"get_time\",\"arguments\":\"{\\\"tz\\\":\\\"CET\\\"}\"}}]}", null),
                openAiChunk("{}", "tool_calls"),
                SseEvent.data("{\"id\":\"chatcmpl-up\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                        + "\"model\":\"gpt-test\",\"choices\":[],\"usage\":{\"prompt_tokens\":30,"
                        + "\"completion_tokens\":17,\"total_tokens\":47}}"),
                SseEvent.done());
        fx.upstream.onPost(OPENAI_PATH, Responders.sse(upstream));
        HttpResponse<String> r = fx.post(ANTHROPIC_PATH, anthropicToolRequest("openai/gpt-test", true));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode sent = json(fx.upstream.lastRequest().bodyText());
        assertThat(sent.path("stream").asBoolean()).isTrue();
        assertThat(sent.path("stream_options").path("include_usage").asBoolean()).isTrue();

        List<Event> events = events(r.body());
        for (Event e : events) {
            assertThat(e.name()).as("every Anthropic event is named after its type").isEqualTo(
                    e.json().path("type").asString());
        }
        assertThat(events.stream().map(Event::name).toList()).containsExactly("message_start",
                "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop",
                "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop",
                "content_block_start", "content_block_delta", "content_block_stop",
                "message_delta", "message_stop");
        JsonNode start = events.getFirst().json().path("message");
        assertThat(start.path("role").asString()).isEqualTo("assistant");
        assertThat(start.path("model").asString()).isEqualTo("openai/gpt-test");
        assertThat(start.path("content").isArray()).isTrue();

        // blocks open in order 0, 1, 2; every delta and stop names the open block
        int open = -1;
        int next = 0;
        List<JsonNode> blocks = new ArrayList<>();
        List<StringBuilder> contents = new ArrayList<>();
        for (Event e : events) {
            JsonNode d = e.json();
            switch (e.name()) {
                case "content_block_start" -> {
                    assertThat(open).as("a block opens only when none is open").isEqualTo(-1);
                    assertThat(d.path("index").asInt()).isEqualTo(next);
                    open = next++;
                    blocks.add(d.path("content_block"));
                    contents.add(new StringBuilder());
                }
                case "content_block_delta" -> {
                    assertThat(d.path("index").asInt()).isEqualTo(open);
                    JsonNode delta = d.path("delta");
                    String kind = blocks.get(open).path("type").asString();
                    assertThat(delta.path("type").asString())
                            .isEqualTo(kind.equals("text") ? "text_delta" : "input_json_delta");
                    contents.get(open).append(kind.equals("text") ? delta.path("text").asString()
                            : delta.path("partial_json").asString());
                }
                case "content_block_stop" -> {
                    assertThat(d.path("index").asInt()).isEqualTo(open);
                    open = -1;
                }
                default -> assertThat(open).as(e.name() + " outside any block").isEqualTo(-1);
            }
        }
        assertThat(blocks.get(0).path("type").asString()).isEqualTo("text");
        assertThat(contents.get(0).toString()).isEqualTo("Checking both.");
        assertThat(blocks.get(1).path("type").asString()).isEqualTo("tool_use");
        assertThat(blocks.get(1).path("id").asString()).isEqualTo("call_1");
        assertThat(blocks.get(1).path("name").asString()).isEqualTo("get_weather");
        assertThat(blocks.get(1).path("input").isObject()).isTrue();
        assertThat(json(contents.get(1).toString())).isEqualTo(json("{\"city\":\"Paris\"}"));
        assertThat(blocks.get(2).path("id").asString()).isEqualTo("call_2");
        assertThat(blocks.get(2).path("name").asString()).isEqualTo("get_time");
        assertThat(json(contents.get(2).toString())).isEqualTo(json("{\"tz\":\"CET\"}"));

        JsonNode messageDelta = events.get(events.size() - 2).json();
        assertThat(messageDelta.path("delta").path("stop_reason").asString()).isEqualTo("tool_use");
        assertThat(messageDelta.path("usage").path("output_tokens").asInt()).isEqualTo(17);
        assertThat(messageDelta.path("usage").path("input_tokens").asInt()).isEqualTo(30);
    }

    @Test
    void anthropicClient_streamingTheFixtureToolCallStream_endsWithToolUse() throws Exception {
        fx.upstream.onPost(OPENAI_PATH, Responders.sse(OpenAiFixtures.toolCallStream("gpt-test", "call_7",
                "get_weather", "{\"ci", "ty\":\"Paris\",", "\"unit\":\"celsius\"}")));
        HttpResponse<String> r = fx.post(ANTHROPIC_PATH, anthropicToolRequest("openai/gpt-test", true));
        List<Event> events = events(r.body());
        JsonNode start = events.stream().filter(e -> "content_block_start".equals(e.name())).findFirst()
                .orElseThrow().json();
        assertThat(start.path("index").asInt()).isZero();
        assertThat(start.path("content_block").path("type").asString()).isEqualTo("tool_use");
        String input = events.stream().filter(e -> "content_block_delta".equals(e.name()))
                .map(e -> e.json().path("delta").path("partial_json").asString()).reduce("", String::concat);
        assertThat(json(input)).isEqualTo(json(WEATHER_ARGS));
        assertThat(events.stream().filter(e -> "message_delta".equals(e.name())).findFirst().orElseThrow().json()
                .path("delta").path("stop_reason").asString()).isEqualTo("tool_use");
        assertThat(events.getLast().name()).isEqualTo("message_stop");
    }

    @Test
    void openAiClient_streamingTextFromAnthropic_endsWithStopAndDone_withoutUsageUnlessAsked() throws Exception {
        fx.upstream.onPost(ANTHROPIC_PATH, Responders.sse(AnthropicFixtures.textStream("claude-test", "Bon", "jour")));
        HttpResponse<String> r = fx.post(OPENAI_PATH, GatewayFixture.chatBody("anthropic/claude-test", "x", true));
        List<Event> events = events(r.body());
        assertThat(events.getLast().isDone()).isTrue();
        List<JsonNode> chunks = events.subList(0, events.size() - 1).stream().map(Event::json).toList();
        assertThat(chunks).allSatisfy(c -> assertThat(c.path("choices")).hasSize(1));
        assertThat(chunks.stream().map(c -> c.path("choices").get(0).path("delta").path("content").asString(""))
                .reduce("", String::concat)).isEqualTo("Bonjour");
        assertThat(chunks.getLast().path("choices").get(0).path("finish_reason").asString()).isEqualTo("stop");
    }
}
