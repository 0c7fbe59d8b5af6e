package ai.openclaw.gateway;

import static ai.openclaw.testing.FakeClaude.assistant;
import static ai.openclaw.testing.FakeClaude.awaitFile;
import static ai.openclaw.testing.FakeClaude.err;
import static ai.openclaw.testing.FakeClaude.init;
import static ai.openclaw.testing.FakeClaude.out;
import static ai.openclaw.testing.FakeClaude.result;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.json.Json;
import ai.openclaw.testing.AnthropicFixtures;
import ai.openclaw.testing.FakeClaude;
import ai.openclaw.testing.Responders;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code claude-cli/<model>} end to end: client → gateway → fake {@code claude} program, over real sockets. */
@Timeout(60)
class GatewayClaudeCliTest {
    static final String MODEL = "claude-cli/claude-sonnet-4-6";

    @TempDir
    Path dir;

    GatewayFixture f;
    FakeClaude claude;

    @BeforeEach
    void setUp() throws Exception {
        f = new GatewayFixture(dir);
        f.env("PATH", System.getenv("PATH"));
        f.profiles("main", GatewayFixture.standardProfiles());
        claude = FakeClaude.create(dir.resolve("fake-claude"));
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    /** Config with claude-cli as the default model; {@code backend} goes into cliBackends["claude-cli"]. */
    GatewayFixture start(String backend, String fallbacks) throws Exception {
        f.config("""
                {gateway: {auth: {mode: 'none'}},
                 agents: {defaults: {model: {primary: '%s', fallbacks: %s},
                                     models: {'%s': {}, 'claude-cli/claude-opus-4-6': {alias: 'Opus'},
                                              'anthropic/claude-test': {}},
                                     cliBackends: {'claude-cli': {command: '%s' %s}}}},
                 models: {providers: {anthropic: {baseUrl: '@BASE@', api: 'anthropic-messages'}}}}
                """.formatted(MODEL, fallbacks, MODEL, claude.program(), backend.isEmpty() ? "" : ", " + backend));
        return f.start();
    }

    GatewayFixture start(String backend) throws Exception {
        return start(backend, "[]");
    }

    static String chat(String model, boolean stream, String... userAssistantUser) {
        var root = Json.object();
        root.put("model", model);
        if (stream) {
            root.put("stream", true);
            root.putObject("stream_options").put("include_usage", true);
        }
        var messages = root.putArray("messages");
        messages.addObject().put("role", "system").put("content", "Be brief.");
        for (int i = 0; i < userAssistantUser.length; i++) {
            messages.addObject().put("role", i % 2 == 0 ? "user" : "assistant").put("content", userAssistantUser[i]);
        }
        return Json.compact(root);
    }

    // ------------------------------------------------------------------ answers

    @Test
    void openAi_nonStreaming_isAChatCompletionWithTheCliTextAndUsage() throws Exception {
        f.env("ANTHROPIC_API_KEY", "sk-ant-api03-gateway-key-not-for-the-cli");
        start("");
        claude.scenario(FakeClaude.ok("Hello from Claude", 11, 5));

        HttpResponse<String> r = f.post(GatewayFixture.OPENAI_PATH, chat(MODEL, false, "Say hello"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = GatewayFixture.json(r);
        assertThat(body.path("object").asString()).isEqualTo("chat.completion");
        assertThat(body.path("id").asString()).startsWith("chatcmpl-");
        assertThat(body.path("model").asString()).isEqualTo(MODEL);
        assertThat(body.path("choices").get(0).path("message").path("content").asString())
                .isEqualTo("Hello from Claude");
        assertThat(body.path("choices").get(0).path("finish_reason").asString()).isEqualTo("stop");
        assertThat(body.path("usage").path("prompt_tokens").asLong()).as("input + cache read").isEqualTo(15);
        assertThat(body.path("usage").path("completion_tokens").asLong()).isEqualTo(5);
        assertThat(claude.argv(1)).containsSubsequence("--model", "sonnet", "--append-system-prompt", "Be brief.")
                .last().isEqualTo("Say hello");
        assertThat(claude.env(1)).doesNotContainKey("ANTHROPIC_API_KEY").containsKey("PATH");
        assertThat(claude.cwd(1)).isEqualTo(f.state.resolve("workspace").toRealPath().toString());
        f.awaitLog("POST /v1/chat/completions 200 agent=main model=" + MODEL + " credential=cli:claude-cli");
    }

    @Test
    void anthropic_nonStreaming_isAMessageWithTheCliTextAndUsage() throws Exception {
        start("");
        claude.scenario(FakeClaude.ok("Bonjour", 7, 2));

        HttpResponse<String> r = f.post(GatewayFixture.ANTHROPIC_PATH, """
                {"model":"%s","max_tokens":100,"system":"Answer in French.",
                 "messages":[{"role":"user","content":"Say hello"}]}""".formatted(MODEL));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = GatewayFixture.json(r);
        assertThat(body.path("type").asString()).isEqualTo("message");
        assertThat(body.path("id").asString()).startsWith("msg_");
        assertThat(body.path("role").asString()).isEqualTo("assistant");
        assertThat(body.path("content").get(0).path("text").asString()).isEqualTo("Bonjour");
        assertThat(body.path("stop_reason").asString()).isEqualTo("end_turn");
        assertThat(body.path("usage").path("input_tokens").asLong()).isEqualTo(7);
        assertThat(body.path("usage").path("output_tokens").asLong()).isEqualTo(2);
        assertThat(body.path("usage").path("cache_read_input_tokens").asLong()).isEqualTo(4);
        assertThat(claude.argv(1)).containsSubsequence("--append-system-prompt", "Answer in French.", "Say hello");
    }

    @Test
    void openAi_streaming_sendsEachCliMessageAsItArrives() throws Exception {
        start("");
        claude.scenario(out(init(FakeClaude.SESSION)) + out(assistant("m1", "Hello")) + awaitFile("next")
                + out(assistant("m2", "World")) + out(result("World", 3, 2)));

        HttpResponse<Stream<String>> r = f.http.send(HttpRequest.newBuilder(f.uri(GatewayFixture.OPENAI_PATH))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(chat(MODEL, true, "Greet"))).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("text/event-stream"));
        StringBuilder seen = new StringBuilder();
        Iterator<String> lines = r.body().iterator();
        while (lines.hasNext()) {
            String line = lines.next();
            seen.append(line).append('\n');
            if (line.contains("\"content\":\"Hello\"")) {
                // the second message is printed only now: an answer held back until the end would never get here
                claude.release("next");
            }
        }

        List<GatewayFixture.Event> events = GatewayFixture.events(seen.toString());
        List<String> content = new ArrayList<>();
        List<String> finish = new ArrayList<>();
        JsonNode usage = null;
        for (GatewayFixture.Event e : events.subList(0, events.size() - 1)) {
            JsonNode chunk = e.json();
            assertThat(chunk.path("object").asString()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.path("model").asString()).isEqualTo(MODEL);
            if (chunk.path("choices").isEmpty()) {
                usage = chunk.path("usage");
                continue;
            }
            JsonNode choice = chunk.path("choices").get(0);
            if (choice.path("delta").path("content").isString()) {
                content.add(choice.path("delta").path("content").asString());
            }
            if (choice.path("finish_reason").isString()) {
                finish.add(choice.path("finish_reason").asString());
            }
        }
        assertThat(String.join("", content)).isEqualTo("Hello\n\nWorld");
        assertThat(content).containsSubsequence("Hello", "\n\n", "World");
        assertThat(finish).containsExactly("stop");
        assertThat(usage).isNotNull();
        assertThat(usage.path("completion_tokens").asLong()).isEqualTo(2);
        assertThat(events.getLast().isDone()).isTrue();
    }

    @Test
    void anthropic_streaming_isTheMessagesEventSequence() throws Exception {
        start("");
        claude.scenario(out(init(FakeClaude.SESSION)) + out(assistant("m1", "Hel")) + out(assistant("m2", "lo"))
                + out(result("lo", 6, 3)));

        HttpResponse<String> r = f.post(GatewayFixture.ANTHROPIC_PATH, """
                {"model":"%s","max_tokens":100,"stream":true,"messages":[{"role":"user","content":"Hi"}]}"""
                .formatted(MODEL));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<GatewayFixture.Event> events = GatewayFixture.events(r.body());
        assertThat(events).extracting(GatewayFixture.Event::name).containsExactly("message_start",
                "content_block_start", "content_block_delta", "content_block_delta", "content_block_delta",
                "content_block_stop", "message_delta", "message_stop");
        assertThat(events.get(0).json().path("message").path("model").asString()).isEqualTo(MODEL);
        assertThat(events.subList(2, 5)).extracting(e -> e.json().path("delta").path("text").asString())
                .containsExactly("Hel", "\n\n", "lo");
        JsonNode delta = events.get(6).json();
        assertThat(delta.path("delta").path("stop_reason").asString()).isEqualTo("end_turn");
        assertThat(delta.path("usage").path("input_tokens").asLong()).isEqualTo(6);
        assertThat(delta.path("usage").path("output_tokens").asLong()).isEqualTo(3);
    }

    @Test
    void streaming_failureAfterTheFirstText_isAnErrorEventInTheClientsFormat() throws Exception {
        start("");
        claude.scenario(out(assistant("m1", "Partial")) + err("Error: connection lost") + "exit 1\n");

        HttpResponse<String> openAi = f.post(GatewayFixture.OPENAI_PATH, chat(MODEL, true, "Hi"));
        HttpResponse<String> anthropic = f.post(GatewayFixture.ANTHROPIC_PATH, """
                {"model":"%s","max_tokens":100,"stream":true,"messages":[{"role":"user","content":"Hi"}]}"""
                .formatted(MODEL));

        assertThat(openAi.statusCode()).isEqualTo(200);
        List<GatewayFixture.Event> o = GatewayFixture.events(openAi.body());
        assertThat(o.getLast().json().path("error").path("message").asString()).contains("status 1")
                .contains("connection lost");
        assertThat(o).noneMatch(GatewayFixture.Event::isDone);
        List<GatewayFixture.Event> a = GatewayFixture.events(anthropic.body());
        assertThat(a.getLast().name()).isEqualTo("error");
        assertThat(a.getLast().json().path("error").path("type").asString()).isEqualTo("api_error");
        assertThat(a).extracting(GatewayFixture.Event::name).doesNotContain("message_stop");
    }

    // ------------------------------------------------------------------ failures before the first byte

    @Test
    void cliExitingNonZero_isA502InTheClientsFormat_quotingStderr() throws Exception {
        start("");
        claude.scenario(err("Error: Invalid model name") + "exit 2\n");

        HttpResponse<String> r = f.post(GatewayFixture.OPENAI_PATH, chat(MODEL, false, "Hi"));

        assertThat(r.statusCode()).isEqualTo(502);
        JsonNode error = GatewayFixture.json(r).path("error");
        assertThat(error.path("code").asString()).isEqualTo("cli_failed");
        assertThat(error.path("message").asString()).contains("exited with status 2").contains("Invalid model name");
    }

    @Test
    void isErrorResult_isA502InTheClientsFormat() throws Exception {
        start("");
        claude.scenario(out(init("s")) + out(FakeClaude.errorResult("Claude AI usage limit reached")));

        HttpResponse<String> r = f.post(GatewayFixture.ANTHROPIC_PATH, GatewayFixture.messagesBody(MODEL, "Hi", true));

        assertThat(r.statusCode()).isEqualTo(502);
        JsonNode body = GatewayFixture.json(r);
        assertThat(body.path("type").asString()).isEqualTo("error");
        assertThat(body.path("error").path("type").asString()).isEqualTo("api_error");
        assertThat(body.path("error").path("message").asString()).contains("usage limit reached");
    }

    @Test
    void timeout_isA504_andTheProcessTreeIsKilled() throws Exception {
        start("timeoutSeconds: 1");
        claude.scenario(out(init("s")) + "sleep 60 & echo $! > \"$d/child.$n\"\nwait\n");

        HttpResponse<String> r = f.post(GatewayFixture.OPENAI_PATH, chat(MODEL, false, "Hi"));

        assertThat(r.statusCode()).isEqualTo(504);
        assertThat(GatewayFixture.json(r).path("error").path("message").asString()).contains("timeoutSeconds");
        assertThat(FakeClaude.awaitGone(claude.pid(1))).as("CLI process gone").isTrue();
        assertThat(FakeClaude.awaitGone(claude.recorded("child", 1))).as("its child gone").isTrue();
    }

    @Test
    void cliNotInstalled_isA503NamingTheCommandSetting() throws Exception {
        f.config("""
                {gateway: {auth: {mode: 'none'}},
                 agents: {defaults: {model: '%s', cliBackends: {'claude-cli': {command: '%s'}}}}}
                """.formatted(MODEL, dir.resolve("nowhere/claude")));
        f.start();

        HttpResponse<String> r = f.post(GatewayFixture.OPENAI_PATH, chat(null, false, "Hi"));

        assertThat(r.statusCode()).isEqualTo(503);
        JsonNode error = GatewayFixture.json(r).path("error");
        assertThat(error.path("code").asString()).isEqualTo("cli_not_found");
        assertThat(error.path("message").asString()).contains("agents.defaults.cliBackends[\"claude-cli\"].command")
                .contains("does not exist or is not executable");
    }

    @Test
    void image_isA400NamingTheField_andTheCliDoesNotRun() throws Exception {
        start("");

        HttpResponse<String> r = f.post(GatewayFixture.OPENAI_PATH, """
                {"model":"%s","messages":[{"role":"user","content":[{"type":"text","text":"What is it?"},
                 {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]}]}""".formatted(MODEL));

        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode error = GatewayFixture.json(r).path("error");
        assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
        assertThat(error.path("message").asString()).startsWith("messages[0].content[1]: images are not supported");
        assertThat(claude.runs()).isZero();
    }

    @Test
    void malformedStreamJsonLine_isSkipped() throws Exception {
        start("");
        claude.scenario("echo 'Warning: update available'\n" + out(init(FakeClaude.SESSION)) + "echo '{\"type\":'\n"
                + out(assistant("m1", "Fine")) + out(result("Fine", 1, 1)));

        HttpResponse<String> r = f.post(GatewayFixture.OPENAI_PATH, chat(MODEL, false, "Hi"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(GatewayFixture.json(r).path("choices").get(0).path("message").path("content").asString())
                .isEqualTo("Fine");
    }

    @Test
    void invalidBackendSettings_areA500NamingThePath() throws Exception {
        start("maxConcurrent: 'two'");

        HttpResponse<String> r = f.post(GatewayFixture.OPENAI_PATH, chat(MODEL, false, "Hi"));

        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(GatewayFixture.json(r).path("error").path("message").asString())
                .contains("agents.defaults.cliBackends[\"claude-cli\"].maxConcurrent");
    }

    // ------------------------------------------------------------------ process lifetime and limits

    @Test
    void clientDisconnectMidStream_killsTheCliAndItsChildren() throws Exception {
        start("");
        claude.scenario(out(init(FakeClaude.SESSION)) + out(assistant("m1", "first piece"))
                + "sleep 60 & echo $! > \"$d/child.$n\"\nwait\n");
        byte[] body = chat(MODEL, true, "Tell me a long story").getBytes(StandardCharsets.UTF_8);

        try (Socket socket = new Socket("127.0.0.1", f.gateway.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + GatewayFixture.OPENAI_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.contains("first piece")) {
                // read up to the first text
            }
            assertThat(line).as("the first text arrived").isNotNull();
            claude.awaitRecorded("child", 1);
        }

        assertThat(FakeClaude.awaitGone(claude.pid(1))).as("CLI process gone").isTrue();
        assertThat(FakeClaude.awaitGone(claude.recorded("child", 1))).as("its child gone").isTrue();
        f.awaitLog("attempts=client_disconnected");
    }

    @Test
    void busyBackend_answersTheSecondRequestWith429_whileTheFirstRuns() throws Exception {
        start("maxConcurrent: 1, maxQueued: 0");
        claude.scenario(out(init(FakeClaude.SESSION)) + awaitFile("go") + FakeClaude.ok("done", 1, 1));
        CompletableFuture<HttpResponse<String>> first = f.http.sendAsync(HttpRequest.newBuilder(
                f.uri(GatewayFixture.OPENAI_PATH)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(chat(MODEL, false, "One"))).build(),
                HttpResponse.BodyHandlers.ofString());
        claude.awaitPid(1);

        HttpResponse<String> second = f.post(GatewayFixture.ANTHROPIC_PATH,
                GatewayFixture.messagesBody(MODEL, "Two", false));

        assertThat(second.statusCode()).isEqualTo(429);
        JsonNode error = GatewayFixture.json(second).path("error");
        assertThat(error.path("type").asString()).isEqualTo("rate_limit_error");
        assertThat(error.path("message").asString()).contains("busy").contains("maxConcurrent = 1");
        claude.release("go");
        assertThat(first.get().statusCode()).isEqualTo(200);
        assertThat(claude.runs()).isEqualTo(1);
    }

    @Test
    void queuedRequest_isServedAfterTheRunningOne() throws Exception {
        start("maxConcurrent: 1, maxQueued: 4");
        claude.scenario("if [ -e \"$d/running\" ]; then echo overlap >> \"$d/overlaps\"; fi\ntouch \"$d/running\"\n"
                + out(init(FakeClaude.SESSION)) + awaitFile("go") + "rm \"$d/running\"\n"
                + FakeClaude.ok("done", 1, 1));
        CompletableFuture<HttpResponse<String>> first = f.http.sendAsync(HttpRequest.newBuilder(
                f.uri(GatewayFixture.OPENAI_PATH)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(chat(MODEL, false, "One"))).build(),
                HttpResponse.BodyHandlers.ofString());
        claude.awaitPid(1);
        CompletableFuture<HttpResponse<String>> second = f.http.sendAsync(HttpRequest.newBuilder(
                f.uri(GatewayFixture.OPENAI_PATH)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(chat(MODEL, false, "Two"))).build(),
                HttpResponse.BodyHandlers.ofString());

        claude.release("go");

        assertThat(first.get().statusCode()).isEqualTo(200);
        assertThat(second.get().statusCode()).as(second.get().body()).isEqualTo(200);
        assertThat(claude.runs()).isEqualTo(2);
        assertThat(claude.dir().resolve("overlaps")).as("the runs never overlapped").doesNotExist();
    }

    @Test
    void gatewayShutdown_killsRunningCliProcesses() throws Exception {
        start("");
        claude.scenario(out(init(FakeClaude.SESSION)) + "sleep 60\n");
        CompletableFuture<HttpResponse<String>> pending = f.http.sendAsync(HttpRequest.newBuilder(
                f.uri(GatewayFixture.OPENAI_PATH)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(chat(MODEL, false, "Hi"))).build(),
                HttpResponse.BodyHandlers.ofString());
        long pid = claude.awaitPid(1);

        f.parts.close();

        assertThat(FakeClaude.awaitGone(pid)).isTrue();
        assertThat(pending.get().statusCode()).isEqualTo(503);
    }

    // ------------------------------------------------------------------ sessions

    @Test
    void sessionKey_storesTheCliSession_andTheNextTurnResumesIt() throws Exception {
        start("");
        claude.scenario(FakeClaude.ok("Nice to meet you, Ada.", 5, 5));

        HttpResponse<String> one = f.post(GatewayFixture.OPENAI_PATH, chat(MODEL, false, "I am Ada."),
                "x-openclaw-session-key", "chat-1");
        HttpResponse<String> two = f.post(GatewayFixture.OPENAI_PATH,
                chat(MODEL, false, "I am Ada.", "Nice to meet you, Ada.", "Who am I?"),
                "x-openclaw-session-key", "chat-1");

        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(two.statusCode()).isEqualTo(200);
        List<String> first = claude.argv(1);
        assertThat(first).contains("--session-id", "--append-system-prompt").doesNotContain("--resume");
        assertThat(first.get(first.indexOf("--session-id") + 1)).matches("[0-9a-f-]{36}");
        assertThat(claude.argv(2)).containsSubsequence("--resume", FakeClaude.SESSION)
                .doesNotContain("--session-id", "--append-system-prompt").last().isEqualTo("Who am I?");
        JsonNode stored = sessionsOnDisk().path("chat-1");
        assertThat(stored.path("cliSessionIds").path("claude-cli").asString()).isEqualTo(FakeClaude.SESSION);
    }

    @Test
    void withoutSessionKey_aConversationIsSentAsATranscript_andNothingIsStored() throws Exception {
        start("");

        HttpResponse<String> r = f.post(GatewayFixture.OPENAI_PATH,
                chat(MODEL, false, "I am Ada.", "Hello Ada.", "Who am I?"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(claude.argv(1).getLast()).startsWith("Earlier in this conversation:")
                .contains("User: I am Ada.").contains("Assistant: Hello Ada.").endsWith("Who am I?");
        assertThat(SessionsFile.path(f)).doesNotExist();
    }

    @Test
    void newDirective_forgetsTheCliSession() throws Exception {
        start("");
        f.post(GatewayFixture.OPENAI_PATH, chat(MODEL, false, "Hi"), "x-openclaw-session-key", "chat-1");

        HttpResponse<String> reset = f.post(GatewayFixture.OPENAI_PATH, chat(MODEL, false, "/new"),
                "x-openclaw-session-key", "chat-1");
        f.post(GatewayFixture.OPENAI_PATH, chat(MODEL, false, "Hi again"), "x-openclaw-session-key", "chat-1");

        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(claude.argv(2)).contains("--session-id").doesNotContain("--resume");
    }

    @Test
    void resumeOfASessionTheCliNoLongerKnows_isRetriedFresh_withTheWholeConversation() throws Exception {
        start("");
        Files.createDirectories(SessionsFile.path(f).getParent());
        Files.writeString(SessionsFile.path(f), """
                {"chat-1": {"cliSessionIds": {"claude-cli": "gone-session", "codex-cli": "other"}, "label": "kept"}}""");
        claude.scenario("case \" $* \" in *\" --resume \"*) " + out(FakeClaude.errorResult(
                "No conversation found with session ID: gone-session")).strip() + "; exit 1;; esac\n"
                + FakeClaude.ok("Fresh answer", 1, 1));

        HttpResponse<String> r = f.post(GatewayFixture.OPENAI_PATH, chat(MODEL, false, "Q1", "A1", "Q2"),
                "x-openclaw-session-key", "chat-1");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(claude.runs()).isEqualTo(2);
        assertThat(claude.argv(1)).containsSubsequence("--resume", "gone-session");
        assertThat(claude.argv(2)).contains("--session-id").doesNotContain("--resume");
        assertThat(claude.argv(2).getLast()).contains("User: Q1").endsWith("Q2");
        JsonNode stored = sessionsOnDisk().path("chat-1");
        assertThat(stored.path("cliSessionIds").path("claude-cli").asString()).isEqualTo(FakeClaude.SESSION);
        assertThat(stored.path("cliSessionIds").path("codex-cli").asString()).isEqualTo("other");
        assertThat(stored.path("label").asString()).isEqualTo("kept");
    }

    // ------------------------------------------------------------------ routing

    @Test
    void failingCli_fallsBackToTheNextModel() throws Exception {
        f.upstream.onPost("/v1/messages", Responders.json(AnthropicFixtures.message("claude-test", "from the API")));
        start("", "['anthropic/claude-test']");
        claude.scenario(err("boom") + "exit 1\n");

        HttpResponse<String> r = f.post(GatewayFixture.OPENAI_PATH, chat(null, false, "Hi"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(GatewayFixture.json(r).path("choices").get(0).path("message").path("content").asString())
                .isEqualTo("from the API");
        assertThat(claude.runs()).isEqualTo(1);
        f.awaitLog("model=anthropic/claude-test");
    }

    @Test
    void failingCliAndFailingFallback_isTheRoutersVerdictQuotingBoth() throws Exception {
        f.upstream.onPost("/v1/messages", Responders.serverError(500, AnthropicFixtures.error("api_error", "down")));
        start("", "['anthropic/claude-test']");
        claude.scenario(err("boom") + "exit 1\n");

        HttpResponse<String> r = f.post(GatewayFixture.OPENAI_PATH, chat(null, false, "Hi"));

        JsonNode error = GatewayFixture.json(r).path("error");
        assertThat(r.statusCode()).isBetween(500, 599);
        assertThat(error.path("attempts")).hasSize(2);
        assertThat(error.path("attempts").get(0).path("model").asString()).isEqualTo(MODEL);
    }

    @Test
    void aliasAndModelAliases_mapToTheCliModelName() throws Exception {
        start("");

        HttpResponse<String> r = f.post(GatewayFixture.OPENAI_PATH, chat("Opus", false, "Hi"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(GatewayFixture.json(r).path("model").asString()).isEqualTo("Opus");
        assertThat(claude.argv(1)).containsSubsequence("--model", "opus");
        f.awaitLog("model=claude-cli/claude-opus-4-6");
    }

    @Test
    void modelsEndpoint_listsTheConfiguredClaudeCliModels() throws Exception {
        start("");

        HttpResponse<String> r = f.get("/v1/models");

        assertThat(r.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        GatewayFixture.json(r).path("data").forEach(m -> ids.add(m.path("id").asString()));
        assertThat(ids).contains(MODEL, "claude-cli/claude-opus-4-6", "Opus");
        GatewayFixture.json(r).path("data").forEach(m -> {
            if (m.path("id").asString().startsWith("claude-cli/")) {
                assertThat(m.path("owned_by").asString()).isEqualTo("claude-cli");
            }
        });
    }

    private JsonNode sessionsOnDisk() throws Exception {
        return Json.read(SessionsFile.path(f)).orElseThrow();
    }

    /** Where agent main keeps its sessions. */
    static final class SessionsFile {
        static Path path(GatewayFixture f) {
            return f.state.resolve("agents/main/sessions/sessions.json");
        }
    }
}
