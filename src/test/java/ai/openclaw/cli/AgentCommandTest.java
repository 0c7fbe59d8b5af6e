package ai.openclaw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.cli.CliHarness.Result;
import ai.openclaw.testing.FakeUpstream;
import ai.openclaw.testing.OpenAiFixtures;
import ai.openclaw.testing.Responders;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code openclaw agent}: one call through the gateway's routing, in process, answer streamed to stdout. */
@Timeout(60)
class AgentCommandTest {
    static final String KEY_A = "sk-agentcmd-aaaaaaaaaaaaaaaa";
    static final String KEY_B = "sk-agentcmd-bbbbbbbbbbbbbbbb";

    @TempDir
    Path dir;
    CliHarness h;
    FakeUpstream upstream;

    @BeforeEach
    void setUp() {
        h = new CliHarness(dir);
        upstream = FakeUpstream.start();
        h.writeConfig("{agents: {defaults: {model: {primary: 'openai/gpt-test'}}},"
                + " models: {providers: {openai: {baseUrl: '" + upstream.baseUrl() + "/v1'}}}}");
        h.writeStore("main", "{\"version\":1,\"profiles\":{"
                + "\"openai:a\":{\"type\":\"api_key\",\"provider\":\"openai\",\"key\":\"" + KEY_A + "\"},"
                + "\"openai:b\":{\"type\":\"api_key\",\"provider\":\"openai\",\"key\":\"" + KEY_B + "\"}}}");
    }

    @AfterEach
    void tearDown() {
        upstream.close();
    }

    @Test
    void message_isAnsweredThroughTheRouting_andStreamedToStdout() {
        upstream.onPost("/v1/chat/completions",
                Responders.sse(OpenAiFixtures.textStream("gpt-test", "Hel", "lo!"), Duration.ofMillis(5)));
        Result r = h.run("agent", "--message", "hi");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("Hello!\n");
        assertThat(r.err()).contains("openai/gpt-test via openai:");
        assertThat(r.all()).doesNotContain(KEY_A).doesNotContain(KEY_B);
    }

    @Test
    void aRateLimitedProfile_isRotatedAway() {
        upstream.onPost("/v1/chat/completions", KEY_A, Responders.rateLimited(OpenAiFixtures.rateLimitError(), null));
        upstream.onPost("/v1/chat/completions", KEY_B,
                Responders.sse(OpenAiFixtures.textStream("gpt-test", "from b")));
        Result r = h.run("agent", "--message", "hi", "--model", "openai/gpt-test@openai:b");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("from b");
        assertThat(upstream.lastRequest().credential()).contains(KEY_B);
    }

    @Test
    void whenNothingServes_theReasonOfEveryCandidateIsPrintedAndTheExitIsOne() {
        upstream.onPost("/v1/chat/completions", Responders.unauthorized(OpenAiFixtures.invalidKeyError(KEY_A)));
        Result r = h.run("agent", "--message", "hi");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("Error 401").contains("openai:a").contains("openai:b").contains("auth");
        assertThat(r.all()).doesNotContain(KEY_A).doesNotContain(KEY_B);
    }

    @Test
    void json_printsTheWholeAnswer() {
        upstream.onPost("/v1/chat/completions", Responders.json(OpenAiFixtures.chatCompletion("gpt-test", "whole")));
        Result r = h.run("agent", "--message", "hi", "--json");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.json().path("choices").get(0).path("message").path("content").asString()).isEqualTo("whole");
    }

    @Test
    void aClaudeCodeOnlyRefusal_isExplainedInTheOutput() {
        String setupToken = "sk-ant-oat01-" + "q".repeat(80);
        h.writeConfig("{agents: {defaults: {model: {primary: 'anthropic/claude-test'}}},"
                + " models: {providers: {anthropic: {baseUrl: '" + upstream.baseUrl() + "', api: 'anthropic-messages'}}}}");
        h.writeStore("main", "{\"version\":1,\"profiles\":{\"anthropic:manual\":{\"type\":\"token\","
                + "\"provider\":\"anthropic\",\"token\":\"" + setupToken + "\"}}}");
        upstream.onPost("/v1/messages", Responders.json(400,
                ai.openclaw.testing.AnthropicFixtures.claudeCodeOnlyError()));

        Result r = h.run("agent", "--message", "hi");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("only authorized for use with Claude Code")
                .contains("Either add an Anthropic API key (`openclaw models auth paste-api-key --provider anthropic`) "
                        + "or use the Claude CLI backend (`claude-cli/<model>` models")
                .contains("- anthropic/claude-test anthropic:manual: failed (auth)");
        assertThat(r.all()).doesNotContain(setupToken);
    }
}
