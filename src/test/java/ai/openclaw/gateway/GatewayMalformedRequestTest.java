package ai.openclaw.gateway;

import static ai.openclaw.gateway.GatewayFixture.ANTHROPIC_PATH;
import static ai.openclaw.gateway.GatewayFixture.OPENAI_PATH;
import static ai.openclaw.gateway.GatewayFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.gateway.GatewayFixture.Config;
import ai.openclaw.testing.AnthropicFixtures;
import ai.openclaw.testing.OpenAiFixtures;
import ai.openclaw.testing.Responders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Requests the gateway cannot serve as sent, for both endpoints: oversized bodies, bodies that are not JSON, wrong
 * types at any depth of messages and tools, bad model references, and fields that cannot be translated to the other
 * API. Each gets a 4xx with a JSON error in the called endpoint's own format, never a 5xx. Upstreams that receive a
 * request anyway (same format, passed through) answer as the real ones do, with a 400 the client then gets.
 */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayMalformedRequestTest {
    GatewayFixture fx;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        fx = GatewayFixture.standard(dir).config(Config.standard().noFallbacks()).start();
        fx.upstream.onPost(OPENAI_PATH, Responders.json(400, OpenAiFixtures.error(
                "Invalid value for 'messages': invalid_request_error", "invalid_request_error", null)));
        fx.upstream.onPost(ANTHROPIC_PATH, Responders.json(400, AnthropicFixtures.error("invalid_request_error",
                "messages.0.content: invalid_request_error")));
    }

    @AfterAll
    void stop() throws Exception {
        fx.close();
    }

    /** A 4xx with a JSON error body shaped like {@code path}'s API; returns the error message. */
    private static String assertClientError(String path, HttpResponse<String> r, String what) {
        assertThat(r.statusCode()).as(what + " -> " + r.body()).isBetween(400, 499);
        assertThat(r.headers().firstValue("content-type").orElse("")).as(what).startsWith("application/json");
        JsonNode body = json(r);
        JsonNode error = body.path("error");
        if (path.equals(ANTHROPIC_PATH)) {
            assertThat(body.path("type").asString()).as(what).isEqualTo("error");
            assertThat(error.path("type").asString()).as(what).isNotBlank();
        } else {
            assertThat(error.path("type").asString()).as(what).isNotBlank();
        }
        String message = error.path("message").asString();
        assertThat(message).as(what).isNotBlank();
        GatewayFixture.assertNoSecret(what, r.body());
        return message;
    }

    private HttpResponse<String> send(String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(fx.uri(path));
        if (contentType != null) {
            b.header("content-type", contentType);
        }
        return fx.http.send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aBodyOverTheLimit_is413InTheEndpointsFormat(String path) throws Exception {
        byte[] huge = new byte[Exchange.MAX_BODY_BYTES + 1024];
        byte[] head = "{\"messages\":[{\"role\":\"user\",\"content\":\"".getBytes(StandardCharsets.UTF_8);
        java.util.Arrays.fill(huge, (byte) 'a');
        System.arraycopy(head, 0, huge, 0, head.length);
        int before = fx.upstream.requests().size();
        HttpResponse<String> r = send(path, "application/json", huge);
        assertThat(r.statusCode()).isEqualTo(413);
        assertClientError(path, r, "huge body");
        assertThat(fx.upstream.requests()).hasSize(before);
    }

    static Stream<String> endpoints() {
        return Stream.of(OPENAI_PATH, ANTHROPIC_PATH);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void bodiesThatAreNotAJsonObject_areRejected_whateverTheContentType(String path) throws Exception {
        List<Object[]> cases = List.of(
                new Object[] {"application/x-www-form-urlencoded", "model=openai%2Fgpt-test&messages=hi"},
                new Object[] {"multipart/form-data; boundary=xyz",
                        "--xyz\r\nContent-Disposition: form-data; name=\"messages\"\r\n\r\nhi\r\n--xyz--\r\n"},
                new Object[] {"text/plain", "hello there"},
                new Object[] {"application/json", "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]"},
                new Object[] {"application/json", "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]} trailing"},
                new Object[] {"application/json", "null"},
                new Object[] {"application/json", "\"a string\""},
                new Object[] {null, ""});
        int before = fx.upstream.requests().size();
        for (Object[] c : cases) {
            assertClientError(path, send(path, (String) c[0], ((String) c[1]).getBytes(StandardCharsets.UTF_8)),
                    c[0] + " " + c[1]);
        }
        byte[] invalidUtf8 = "{\"messages\":[{\"role\":\"user\",\"content\":\"\u00ff\u00fe\"}]}"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertClientError(path, send(path, "application/json", invalidUtf8), "invalid UTF-8");
        assertThat(fx.upstream.requests()).hasSize(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void deeplyNestedJson_isRejectedNotAStackOverflow(String path) throws Exception {
        int depth = 50_000;
        String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"metadata\":"
                + "[".repeat(depth) + "]".repeat(depth) + "}";
        assertClientError(path, send(path, "application/json", body.getBytes(StandardCharsets.UTF_8)),
                "nested " + depth);
    }

    static Stream<Arguments> badModels() {
        List<Arguments> out = new ArrayList<>();
        for (String path : List.of(OPENAI_PATH, ANTHROPIC_PATH)) {
            for (String model : List.of("nope/nothing", "openai/not-allowed", "openai/gpt-test@no-such-profile",
                    "anthropic/claude-test@openai:a", "openai/gpt-test@", "@openai:a", "/", "openai/",
                    "x".repeat(5000), "Fast@anthropic:main")) {
                out.add(Arguments.of(path, model));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} model={1}")
    @MethodSource("badModels")
    void unknownOrMismatchedModelReferences_are4xx_beforeAnyUpstreamCall(String path, String model)
            throws Exception {
        int before = fx.upstream.requests().size();
        String body = path.equals(OPENAI_PATH) ? GatewayFixture.chatBody(model, "x", false)
                : GatewayFixture.messagesBody(model, "x", false);
        assertClientError(path, fx.post(path, body), "model " + model);
        assertThat(fx.upstream.requests()).hasSize(before);
    }

    private static final String OPENAI_TOOL =
            "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{}}}],";
    private static final String ANTHROPIC_TOOL = "\"tools\":[{\"name\":\"f\",\"input_schema\":{}}],";

    /** OpenAI-format bodies with a wrong type somewhere; {@code @M} is replaced by the model. */
    static final List<String> OPENAI_BAD = List.of(
            "{\"model\":\"@M\",\"messages\":[{\"role\":\"user\",\"content\":[5]}]}",
            "{\"model\":\"@M\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":5}]}]}",
            "{\"model\":\"@M\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\"}]}]}",
            "{\"model\":\"@M\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":5}]}]}",
            "{\"model\":\"@M\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\","
                    + "\"image_url\":{\"url\":5}}]}]}",
            "{\"model\":\"@M\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\","
                    + "\"image_url\":{\"url\":\"data:image/png;base64\"}}]}]}",
            "{\"model\":\"@M\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"no_such_part\"}]}]}",
            "{\"model\":\"@M\",\"messages\":[{\"role\":\"user\",\"content\":[{}]}]}",
            "{\"model\":\"@M\",\"messages\":[{\"role\":\"wizard\",\"content\":\"x\"}]}",
            "{\"model\":\"@M\",\"messages\":[{\"role\":5,\"content\":\"x\"}]}",
            "{\"model\":\"@M\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"},{\"role\":\"assistant\","
                    + "\"content\":null,\"tool_calls\":\"x\"}]}",
            "{\"model\":\"@M\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"},{\"role\":\"assistant\","
                    + "\"content\":null,\"tool_calls\":[5]}]}",
            "{\"model\":\"@M\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"},{\"role\":\"assistant\","
                    + "\"content\":null,\"tool_calls\":[{\"id\":5,\"type\":\"function\",\"function\":5}]}]}",
            "{\"model\":\"@M\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"},{\"role\":\"assistant\","
                    + "\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":"
                    + "{\"name\":\"f\",\"arguments\":\"{not json\"}}]}]}",
            "{\"model\":\"@M\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"},{\"role\":\"tool\","
                    + "\"content\":\"r\"}]}",
            "{\"model\":\"@M\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"},{\"role\":\"tool\","
                    + "\"tool_call_id\":5,\"content\":[5]}]}",
            "{\"model\":\"@M\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"tools\":\"x\"}",
            "{\"model\":\"@M\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"tools\":[5]}",
            "{\"model\":\"@M\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"tools\":[{\"type\":\"function\"}]}",
            "{\"model\":\"@M\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"tools\":[{\"type\":\"function\","
                    + "\"function\":{\"name\":5}}]}",
            "{\"model\":\"@M\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"tools\":[{\"type\":\"function\","
                    + "\"function\":{\"name\":\"f\",\"parameters\":\"x\"}}]}",
            "{\"model\":\"@M\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]," + OPENAI_TOOL
                    + "\"tool_choice\":5}",
            "{\"model\":\"@M\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]," + OPENAI_TOOL
                    + "\"tool_choice\":\"bogus\"}",
            "{\"model\":\"@M\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]," + OPENAI_TOOL
                    + "\"tool_choice\":{\"type\":\"function\"}}",
            "{\"model\":\"@M\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"stop\":5}",
            "{\"model\":\"@M\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"stop\":[5]}",
            "{\"model\":\"@M\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"temperature\":\"hot\"}",
            "{\"model\":\"@M\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"top_p\":[]}",
            "{\"model\":\"@M\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"response_format\":\"json\"}",
            "{\"model\":\"@M\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"user\":{\"id\":1}}",
            "{\"model\":\"@M\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"max_tokens\":1.5}",
            "{\"model\":\"@M\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"max_tokens\":\"100\"}",
            "{\"model\":\"@M\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],"
                    + "\"max_completion_tokens\":\"100\"}");

    /** Anthropic-format bodies with a wrong type somewhere. */
    static final List<String> ANTHROPIC_BAD = List.of(
            "{\"model\":\"@M\",\"max_tokens\":9,\"system\":5,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
            "{\"model\":\"@M\",\"max_tokens\":9,\"system\":[{\"type\":\"image\"}],"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
            "{\"model\":\"@M\",\"max_tokens\":9,\"system\":[5],\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
            "{\"model\":\"@M\",\"max_tokens\":9,\"messages\":[{\"role\":\"user\",\"content\":[5]}]}",
            "{\"model\":\"@M\",\"max_tokens\":9,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\"}]}]}",
            "{\"model\":\"@M\",\"max_tokens\":9,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\","
                    + "\"text\":[]}]}]}",
            "{\"model\":\"@M\",\"max_tokens\":9,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image\","
                    + "\"source\":5}]}]}",
            "{\"model\":\"@M\",\"max_tokens\":9,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image\","
                    + "\"source\":{\"type\":\"base64\"}}]}]}",
            "{\"model\":\"@M\",\"max_tokens\":9,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image\","
                    + "\"source\":{\"type\":\"url\",\"url\":5}}]}]}",
            "{\"model\":\"@M\",\"max_tokens\":9,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":"
                    + "\"tool_result\"}]}]}",
            "{\"model\":\"@M\",\"max_tokens\":9,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":"
                    + "\"tool_result\",\"tool_use_id\":5,\"content\":5}]}]}",
            "{\"model\":\"@M\",\"max_tokens\":9,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"mystery\"}]}]}",
            "{\"model\":\"@M\",\"max_tokens\":9,\"messages\":[{\"role\":\"user\",\"content\":\"x\"},"
                    + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":5,\"name\":5,\"input\":\"x\"}]},"
                    + "{\"role\":\"user\",\"content\":\"y\"}]}",
            "{\"model\":\"@M\",\"max_tokens\":9,\"messages\":[{\"role\":\"system\",\"content\":\"x\"}]}",
            "{\"model\":\"@M\",\"max_tokens\":9,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"tools\":\"x\"}",
            "{\"model\":\"@M\",\"max_tokens\":9,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"tools\":[5]}",
            "{\"model\":\"@M\",\"max_tokens\":9,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"tools\":[{}]}",
            "{\"model\":\"@M\",\"max_tokens\":9,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],"
                    + "\"tools\":[{\"name\":5,\"input_schema\":{}}]}",
            "{\"model\":\"@M\",\"max_tokens\":9,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],"
                    + "\"tools\":[{\"name\":\"f\",\"input_schema\":\"x\"}]}",
            "{\"model\":\"@M\",\"max_tokens\":9,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],"
                    + ANTHROPIC_TOOL + "\"tool_choice\":\"auto\"}",
            "{\"model\":\"@M\",\"max_tokens\":9,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],"
                    + ANTHROPIC_TOOL + "\"tool_choice\":{\"type\":\"tool\"}}",
            "{\"model\":\"@M\",\"max_tokens\":9,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],"
                    + "\"stop_sequences\":\"x\"}",
            "{\"model\":\"@M\",\"max_tokens\":9,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],"
                    + "\"stop_sequences\":[5]}",
            "{\"model\":\"@M\",\"max_tokens\":9,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],"
                    + "\"metadata\":{\"user_id\":{\"a\":1}}}",
            "{\"model\":\"@M\",\"max_tokens\":9,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],"
                    + "\"temperature\":\"hot\"}",
            "{\"model\":\"@M\",\"max_tokens\":\"9\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");

    static Stream<Arguments> wrongTypes() {
        List<Arguments> out = new ArrayList<>();
        for (String model : List.of("anthropic/claude-test", "openai/gpt-test")) {
            for (int i = 0; i < OPENAI_BAD.size(); i++) {
                out.add(Arguments.of(OPENAI_PATH, model, i, OPENAI_BAD.get(i).replace("@M", model)));
            }
            for (int i = 0; i < ANTHROPIC_BAD.size(); i++) {
                out.add(Arguments.of(ANTHROPIC_PATH, model, i, ANTHROPIC_BAD.get(i).replace("@M", model)));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} to {1} #{2}")
    @MethodSource("wrongTypes")
    void wrongTypesAnywhereInTheBody_are4xxInTheEndpointsFormat(String path, String model, int index, String body)
            throws Exception {
        for (boolean stream : new boolean[] {false, true}) {
            String b = stream ? body.replaceFirst("^\\{", "{\"stream\":true,") : body;
            int before = fx.upstream.requests().size();
            assertClientError(path, fx.post(path, b), b);
            boolean crossFormat = path.equals(OPENAI_PATH) == model.startsWith("anthropic/");
            if (crossFormat) {
                assertThat(fx.upstream.requests()).as("the translator itself refuses " + b).hasSize(before);
            }
        }
    }

    @Test
    void untranslatableFields_get400NamingTheField_beforeAnyUpstreamCall() throws Exception {
        record Case(String path, String body, String field) {}
        List<Case> cases = List.of(
                new Case(OPENAI_PATH, "{\"model\":\"anthropic/claude-test\",\"n\":2,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "n"),
                new Case(OPENAI_PATH, "{\"model\":\"anthropic/claude-test\",\"logprobs\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "logprobs"),
                new Case(OPENAI_PATH, "{\"model\":\"anthropic/claude-test\",\"logit_bias\":{\"50256\":-100},"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "logit_bias"),
                new Case(OPENAI_PATH, "{\"model\":\"anthropic/claude-test\",\"temperature\":1.7,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "temperature"),
                new Case(ANTHROPIC_PATH, "{\"model\":\"openai/gpt-test\",\"max_tokens\":9,\"top_k\":5,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "top_k"),
                new Case(ANTHROPIC_PATH, "{\"model\":\"openai/gpt-test\",\"max_tokens\":9,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"},"
                        + "{\"role\":\"assistant\",\"content\":\"prefill\"}]}", "messages"));
        int before = fx.upstream.requests().size();
        for (Case c : cases) {
            for (boolean stream : new boolean[] {false, true}) {
                String body = stream ? c.body().replaceFirst("^\\{", "{\"stream\":true,") : c.body();
                HttpResponse<String> r = fx.post(c.path(), body);
                assertThat(r.statusCode()).as(body + " -> " + r.body()).isEqualTo(400);
                assertThat(assertClientError(c.path(), r, body)).contains(c.field());
            }
        }
        assertThat(fx.upstream.requests()).hasSize(before);
        // the same fields are fine for a model of the same format: passed through untouched
        fx.upstream.onPost(OPENAI_PATH, GatewayFixture.KEY_A,
                Responders.json(OpenAiFixtures.chatCompletion("gpt-test", "two")));
        fx.upstream.onPost(OPENAI_PATH, GatewayFixture.KEY_B,
                Responders.json(OpenAiFixtures.chatCompletion("gpt-test", "two")));
        try {
            HttpResponse<String> same = fx.post(OPENAI_PATH, "{\"model\":\"openai/gpt-test\",\"n\":2,"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
            assertThat(same.statusCode()).isEqualTo(200);
            assertThat(json(fx.upstream.lastRequest().bodyText()).path("n").asInt()).isEqualTo(2);
        } finally {
            fx.upstream.onPost(OPENAI_PATH, GatewayFixture.KEY_A, Responders.json(400,
                    OpenAiFixtures.error("Invalid value: invalid_request_error", "invalid_request_error", null)));
            fx.upstream.onPost(OPENAI_PATH, GatewayFixture.KEY_B, Responders.json(400,
                    OpenAiFixtures.error("Invalid value: invalid_request_error", "invalid_request_error", null)));
        }
    }
}
