package ai.openclaw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.app.AppContext;
import ai.openclaw.cli.Terminal;
import ai.openclaw.env.ShellEnvRunner;
import ai.openclaw.json.Json;
import ai.openclaw.testing.FakeUpstream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One gateway on an ephemeral loopback port in front of one {@link FakeUpstream} that plays both OpenAI
 * ({@code <base>/v1/chat/completions}) and Anthropic ({@code <base>/v1/messages}), with a state directory the test
 * fills before {@link #start()}: config ({@link Config}), stores, auth state, sessions, environment.
 */
final class GatewayFixture implements AutoCloseable {
    static final String KEY_A = "sk-openai-aaaaaaaaaaaaaaaaaaaaaaaa";
    static final String KEY_B = "sk-openai-bbbbbbbbbbbbbbbbbbbbbbbb";
    static final String ANT_KEY = "sk-ant-api03-cccccccccccccccccccccccc";
    static final String WORK_KEY = "sk-openai-wwwwwwwwwwwwwwwwwwwwwwww";
    /** Every secret the fixtures hand out, for leak scans. */
    static final List<String> ALL_KEYS = List.of(KEY_A, KEY_B, ANT_KEY, WORK_KEY);

    static final String OPENAI_PATH = "/v1/chat/completions";
    static final String ANTHROPIC_PATH = "/v1/messages";

    final Path dir;
    final Path state;
    final FakeUpstream upstream;
    final Map<String, String> env = new HashMap<>();
    final StringWriter err = new StringWriter();
    final HttpClient http = HttpClient.newHttpClient();
    GatewayAssembly parts;
    Gateway gateway;
    private ai.openclaw.oauth.refresh.RefresherRegistry refreshers;

    GatewayFixture(Path dir) throws Exception {
        this.dir = dir;
        this.state = dir.resolve("state");
        Files.createDirectories(state.resolve("agents/main/agent"));
        this.upstream = FakeUpstream.start();
        env.put("HOME", dir.toString());
        env.put("OPENCLAW_STATE_DIR", state.toString());
    }

    /** The usual setup: {@link Config#standard()} and the three standard profiles for agent main. */
    static GatewayFixture standard(Path dir) throws Exception {
        GatewayFixture f = new GatewayFixture(dir);
        f.config(Config.standard());
        f.profiles("main", standardProfiles());
        return f;
    }

    /** openai:a, openai:b (in this insertion order) and anthropic:main, all API keys. */
    static String standardProfiles() {
        return """
                {"version":1,"profiles":{
                  "openai:a":{"type":"api_key","provider":"openai","key":"%s"},
                  "openai:b":{"type":"api_key","provider":"openai","key":"%s"},
                  "anthropic:main":{"type":"api_key","provider":"anthropic","key":"%s"}}}
                """.formatted(KEY_A, KEY_B, ANT_KEY);
    }

    /** Writes {@code openclaw.json}; {@code @BASE@} becomes the fake upstream's base URL. */
    GatewayFixture config(Config config) throws Exception {
        return config(config.build());
    }

    GatewayFixture config(String json5) throws Exception {
        Files.writeString(state.resolve("openclaw.json"), json5.replace("@BASE@", upstream.baseUrl()));
        return this;
    }

    GatewayFixture profiles(String agent, String json) throws Exception {
        Path d = agentDir(agent);
        Files.createDirectories(d);
        Files.writeString(d.resolve("auth-profiles.json"), json);
        return this;
    }

    GatewayFixture authState(String agent, String json) throws Exception {
        Path d = agentDir(agent);
        Files.createDirectories(d);
        Files.writeString(d.resolve("auth-state.json"), json);
        return this;
    }

    /** The token refreshers the gateway's composition root is given (before {@link #start()}). */
    GatewayFixture refreshers(ai.openclaw.oauth.refresh.RefresherRegistry registry) {
        this.refreshers = registry;
        return this;
    }

    GatewayFixture env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Path agentDir(String agent) {
        return state.resolve("agents").resolve(agent).resolve("agent");
    }

    GatewayFixture start() throws Exception {
        Terminal none = new NoTerminal();
        AppContext ctx = new AppContext(env, dir, Clock.systemUTC(), ProcessHandle.current().pid(),
                ShellEnvRunner.disabled(), none, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        if (refreshers != null) {
            ctx.useRefreshers(refreshers);
        }
        parts = new GatewayAssembly(ctx, ctx.err());
        gateway = Gateway.start(ctx, parts.runtime(), 0, null, parts.calls(), parts.metrics(), parts::close,
                ctx.out());
        return this;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + gateway.port() + path);
    }

    HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("content-type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        return http.send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An OpenAI-format request for {@code model} (null: none) with one user message. */
    HttpResponse<String> chat(String model, String text, String... headers) throws Exception {
        return post(OPENAI_PATH, chatBody(model, text, false), headers);
    }

    static String chatBody(String model, String text, boolean stream) {
        var root = Json.object();
        if (model != null) {
            root.put("model", model);
        }
        if (stream) {
            root.put("stream", true);
        }
        root.putArray("messages").addObject().put("role", "user").put("content", text);
        return Json.compact(root);
    }

    static String messagesBody(String model, String text, boolean stream) {
        var root = Json.object();
        if (model != null) {
            root.put("model", model);
        }
        root.put("max_tokens", 256);
        if (stream) {
            root.put("stream", true);
        }
        root.putArray("messages").addObject().put("role", "user").put("content", text);
        return Json.compact(root);
    }

    static JsonNode json(HttpResponse<String> r) {
        return Json.parse(Path.of("response"), r.body());
    }

    static JsonNode json(String text) {
        return Json.parse(Path.of("json"), text);
    }

    /** The credential of every upstream request so far, in order ({@code "-"} when none). */
    List<String> credentialsSent() {
        return upstream.requests().stream().map(r -> r.credential().orElse("-")).toList();
    }

    List<String> pathsCalled() {
        return upstream.requests().stream().map(r -> r.path()).toList();
    }

    /** Writes the gateway's pending state, then reads the agent's {@code auth-state.json}. */
    JsonNode authStateOnDisk(String agent) throws Exception {
        parts.router().flush();
        return Json.read(agentDir(agent).resolve("auth-state.json")).orElseThrow();
    }

    /** The access-log line is written as the request completes, possibly just after the client has its answer. */
    void awaitLog(String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!err.toString().contains(fragment) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(err.toString()).contains(fragment);
    }

    /** Fails when any fixture secret appears in {@code text}. */
    static void assertNoSecret(String what, String text) {
        for (String key : ALL_KEYS) {
            assertThat(text).as(what + " must not contain a secret").doesNotContain(key);
        }
    }

    @Override
    public void close() throws Exception {
        // an idle keep-alive connection holds Jetty's graceful stop for a second: hang up first
        http.shutdownNow();
        try {
            if (gateway != null) {
                gateway.close();
            }
        } finally {
            upstream.close();
        }
    }

    /** One server-sent event as the client received it. */
    record Event(String name, String data) {
        JsonNode json() {
            return GatewayFixture.json(data);
        }

        boolean isDone() {
            return "[DONE]".equals(data);
        }
    }

    /**
     * Parses an SSE body strictly: events are separated by blank lines, every line is {@code event:}, {@code data:}
     * or a comment; anything else fails the test.
     */
    static List<Event> events(String body) {
        List<Event> out = new ArrayList<>();
        String name = null;
        StringBuilder data = null;
        for (String line : body.split("\r?\n", -1)) {
            if (line.isEmpty()) {
                if (data != null) {
                    out.add(new Event(name, data.toString()));
                }
                name = null;
                data = null;
            } else if (line.startsWith(":")) {
                continue;
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                String d = line.substring(5);
                d = d.startsWith(" ") ? d.substring(1) : d;
                data = data == null ? new StringBuilder(d) : data.append('\n').append(d);
            } else {
                throw new AssertionError("not an SSE line: " + line + "\nin:\n" + body);
            }
        }
        if (data != null) {
            throw new AssertionError("the stream ended inside an event:\n" + body);
        }
        return out;
    }

    /**
     * {@code openclaw.json} in JSON5: gateway auth none, agent defaults with primary {@code openai/gpt-test},
     * fallbacks, an allowlist of {@code openai/gpt-test} (alias Fast), {@code openai/gpt-other} and
     * {@code anthropic/claude-test}, and providers {@code openai} and {@code anthropic} at the fake upstream.
     */
    static final class Config {
        String gatewayAuth = "{mode: 'none'}";
        String fallbacks = "['anthropic/claude-test']";
        String auth = null;
        String openaiExtra = "";
        String anthropicExtra = "";
        String agentsList = null;

        static Config standard() {
            return new Config();
        }

        Config gatewayAuth(String v) {
            gatewayAuth = v;
            return this;
        }

        Config fallbacks(String v) {
            fallbacks = v;
            return this;
        }

        Config noFallbacks() {
            fallbacks = "[]";
            return this;
        }

        /** The body of {@code auth: {...}}. */
        Config auth(String v) {
            auth = v;
            return this;
        }

        /** Extra fields of {@code models.providers.openai}, e.g. {@code timeoutSeconds: 1}. */
        Config openai(String v) {
            openaiExtra = v;
            return this;
        }

        Config anthropic(String v) {
            anthropicExtra = v;
            return this;
        }

        Config agentsList(String v) {
            agentsList = v;
            return this;
        }

        String build() {
            return """
                    {gateway: {auth: %s},
                     %s
                     agents: {%s defaults: {model: {primary: 'openai/gpt-test', fallbacks: %s},
                              models: {'openai/gpt-test': {alias: 'Fast'}, 'openai/gpt-other': {},
                                       'anthropic/claude-test': {}}}},
                     models: {providers: {
                       openai: {baseUrl: '@BASE@/v1', api: 'openai-completions' %s},
                       anthropic: {baseUrl: '@BASE@', api: 'anthropic-messages' %s}}}}
                    """.formatted(gatewayAuth, auth == null ? "" : "auth: {" + auth + "},",
                    agentsList == null ? "" : "list: " + agentsList + ",", fallbacks,
                    openaiExtra.isEmpty() ? "" : ", " + openaiExtra,
                    anthropicExtra.isEmpty() ? "" : ", " + anthropicExtra);
        }
    }
}
