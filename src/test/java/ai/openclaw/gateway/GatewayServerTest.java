package ai.openclaw.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.app.AppContext;
import ai.openclaw.cli.Terminal;
import ai.openclaw.env.ShellEnvRunner;
import ai.openclaw.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The gateway process shell over a real socket: auth, bind rules, token bootstrap, health, models, errors. */
class GatewayServerTest {
    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Gateway gateway;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
    }

    private AppContext ctx() {
        env.put("HOME", dir.toString());
        env.put("OPENCLAW_STATE_DIR", dir.resolve("state").toString());
        Terminal none = new NoTerminal();
        return new AppContext(env, dir, Clock.systemUTC(), ProcessHandle.current().pid(), ShellEnvRunner.disabled(),
                none, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private void config(String json5) throws Exception {
        Path state = dir.resolve("state");
        Files.createDirectories(state);
        Files.writeString(state.resolve("openclaw.json"), json5);
    }

    private ModelCalls calls = (ex, format, log) -> ex.sendJson(200, Json.object().put("served", format.name()));

    private Gateway start(String bind) throws Exception {
        AppContext ctx = ctx();
        GatewayRuntime runtime = new GatewayRuntime(ctx, ctx.err());
        gateway = Gateway.start(ctx, runtime, 0, bind, calls, new GatewayMetrics(() -> 0), () -> { }, ctx.out());
        return gateway;
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void firstStart_generatesATokenSavesItPrivatelyAndNeverPrintsIt() throws Exception {
        start(null);
        Path config = dir.resolve("state/openclaw.json");
        JsonNode saved = Json.read(config).orElseThrow();
        String token = saved.path("gateway").path("auth").path("token").asString();
        assertThat(saved.path("gateway").path("auth").path("mode").asString()).isEqualTo("token");
        assertThat(token).startsWith("ocgw_").hasSizeGreaterThan(40);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
        assertThat(out.toString()).contains("jq -r .gateway.auth.token").doesNotContain(token);
        assertThat(err.toString()).doesNotContain(token);
        assertThat(get("/v1/models").statusCode()).isEqualTo(401);
        assertThat(get("/v1/models", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
    }

    @Test
    void healthNeedsNoCredential() throws Exception {
        config("{gateway: {auth: {mode: 'token', token: 'tok-0123456789'}}}");
        start(null);
        HttpResponse<String> r = get("/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"ok\"");
    }

    @Test
    void wrongCredential_gets401InTheFormatOfTheCalledApi() throws Exception {
        config("{gateway: {auth: {mode: 'token', token: 'tok-0123456789'}}}");
        start(null);
        HttpResponse<String> openai = post("/v1/chat/completions", "{}", "Authorization", "Bearer nope");
        assertThat(openai.statusCode()).isEqualTo(401);
        assertThat(Json.parse(dir, openai.body()).path("error").path("type").asString())
                .isEqualTo("authentication_error");
        HttpResponse<String> anthropic = post("/v1/messages", "{}", "x-api-key", "tok-0123456789x");
        assertThat(anthropic.statusCode()).isEqualTo(401);
        JsonNode a = Json.parse(dir, anthropic.body());
        assertThat(a.path("type").asString()).isEqualTo("error");
        assertThat(a.path("error").path("type").asString()).isEqualTo("authentication_error");
    }

    @Test
    void anthropicStyleClients_authenticateWithXApiKey() throws Exception {
        config("{gateway: {auth: {mode: 'token', token: 'tok-0123456789'}}}");
        start(null);
        HttpResponse<String> r = post("/v1/messages", "{}", "x-api-key", "tok-0123456789");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("ANTHROPIC");
    }

    @Test
    void tokenFromTheEnvironment_winsOverTheConfig() throws Exception {
        config("{gateway: {auth: {mode: 'token', token: 'from-config-123'}}}");
        env.put("OPENCLAW_GATEWAY_TOKEN", "from-env-456789");
        start(null);
        assertThat(get("/v1/models", "Authorization", "Bearer from-config-123").statusCode()).isEqualTo(401);
        assertThat(get("/v1/models", "Authorization", "Bearer from-env-456789").statusCode()).isEqualTo(200);
    }

    @Test
    void authModeNone_isAcceptedOnLoopbackButRefusedBeyondIt() throws Exception {
        config("{gateway: {auth: {mode: 'none'}}}");
        start("loopback");
        assertThat(get("/v1/models").statusCode()).isEqualTo(200);
        gateway.close();
        gateway = null;
        assertThatThrownBy(() -> start("lan"))
                .isInstanceOf(Gateway.RefusedException.class)
                .hasMessageContaining("without gateway auth")
                .hasMessageContaining("gateway.auth.mode");
    }

    @Test
    void unknownPathAndWrongMethod_getJsonErrorsNot5xx() throws Exception {
        config("{gateway: {auth: {mode: 'none'}}}");
        start(null);
        HttpResponse<String> missing = get("/v2/nothing");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Json.parse(dir, missing.body()).path("error").path("message").asString())
                .contains("POST /v1/chat/completions");
        HttpResponse<String> wrong = get("/v1/chat/completions");
        assertThat(wrong.statusCode()).isEqualTo(405);
        assertThat(wrong.headers().firstValue("allow")).contains("POST");
    }

    @Test
    void models_listsDefaultFallbacksConfiguredModelsAndAliases() throws Exception {
        config("""
                {gateway: {auth: {mode: 'none'}},
                 agents: {defaults: {model: {primary: 'anthropic/claude-opus-4-6', fallbacks: ['openai/gpt-5']},
                          models: {'anthropic/claude-opus-4-6': {alias: 'Opus'}}}},
                 models: {providers: {local: {baseUrl: 'http://127.0.0.1:9/v1', models: [{id: 'qwen'}]}}}}
                """);
        start(null);
        JsonNode list = Json.parse(dir, get("/v1/models").body());
        assertThat(list.path("object").asString()).isEqualTo("list");
        assertThat(list.path("data").findValuesAsString("id"))
                .containsExactly("anthropic/claude-opus-4-6", "openai/gpt-5", "local/qwen", "Opus");
        assertThat(list.path("data").get(3).path("openclaw.alias_for").asString())
                .isEqualTo("anthropic/claude-opus-4-6");
    }

    @Test
    void metrics_areServedInPrometheusText() throws Exception {
        config("{gateway: {auth: {mode: 'none'}}}");
        start(null);
        get("/health");
        HttpResponse<String> r = get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("openclaw_requests_total").contains("openclaw_active_cooldowns");
    }

    @Test
    void accessLog_hasOneLinePerRequestWithoutSecrets() throws Exception {
        config("{gateway: {auth: {mode: 'token', token: 'tok-secret-0123456789'}}}");
        start(null);
        get("/v1/models", "Authorization", "Bearer tok-secret-0123456789");
        get("/health");
        // the line is written as the request completes, which may be just after the client has its answer
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (err.toString().lines().filter(l -> l.contains(" GET ")).count() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(err.toString().lines().filter(l -> l.contains(" GET ")).count()).isEqualTo(2);
        assertThat(err.toString()).doesNotContain("tok-secret-0123456789");
    }

    @Test
    void anUnexpectedFailure_isA500InTheApisFormat_andItsStackTraceIsInTheGatewayLog() throws Exception {
        config("{gateway: {auth: {mode: 'none'}}}");
        calls = (ex, format, log) -> {
            throw new IllegalStateException("scheduler refused the task");
        };
        start(null);
        HttpResponse<String> r = post("/v1/messages", "{}");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(Json.MAPPER.readTree(r.body()).path("error").path("type").asString()).isEqualTo("api_error");
        assertThat(r.body()).contains("see the gateway log").doesNotContain("scheduler refused");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!err.toString().contains("internal error:") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(err.toString())
                .contains("POST /v1/messages internal error: java.lang.IllegalStateException: scheduler refused the task")
                .contains("at ai.openclaw.gateway.GatewayServerTest");
    }

    @Test
    void runningOutOfMemory_isA503ThatSaysSo_andTheGatewayKeepsServing() throws Exception {
        config("{gateway: {auth: {mode: 'none'}}}");
        java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
        calls = (ex, format, log) -> {
            if (first.getAndSet(false)) {
                throw new OutOfMemoryError("Java heap space");
            }
            ex.sendJson(200, Json.object().put("served", format.name()));
        };
        start(null);
        HttpResponse<String> r = post("/v1/chat/completions", "{}");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(Json.MAPPER.readTree(r.body()).path("error").path("code").asString())
                .isEqualTo("gateway_out_of_memory");
        assertThat(r.body()).contains("OPENCLAW_JAVA_OPTS=-Xmx1g");
        assertThat(post("/v1/chat/completions", "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void anInvalidConfigAfterStart_isReportedAndTheLastGoodOneStays() throws Exception {
        config("{gateway: {auth: {mode: 'none'}}, agents: {defaults: {model: {primary: 'openai/gpt-5'}}}}");
        start(null);
        Thread.sleep(GatewayRuntime.RECHECK_MS + 50);
        Files.writeString(dir.resolve("state/openclaw.json"), "{ broken: ");
        Thread.sleep(GatewayRuntime.RECHECK_MS + 50);
        HttpResponse<String> r = get("/v1/models");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("openai/gpt-5");
        assertThat(err.toString()).contains("new config rejected");

        Files.writeString(dir.resolve("state/openclaw.json"),
                "{gateway: {auth: {mode: 'none'}}, agents: {defaults: {model: {primary: 'groq/llama'}}}}");
        Thread.sleep(GatewayRuntime.RECHECK_MS + 50);
        assertThat(get("/v1/models").body()).contains("groq/llama");
    }
}
