package ai.openclaw.gateway;

import static ai.openclaw.gateway.GatewayFixture.ANTHROPIC_PATH;
import static ai.openclaw.gateway.GatewayFixture.ANT_KEY;
import static ai.openclaw.gateway.GatewayFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.gateway.GatewayFixture.Config;
import ai.openclaw.testing.AnthropicFixtures;
import ai.openclaw.testing.Responders;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Anthropic refuses a subscription credential used outside Claude Code ("only authorized for use with Claude Code"):
 * the gateway treats it as an auth failure of that credential (the next profile is tried) and, when nothing serves,
 * explains the two ways out.
 */
@Timeout(60)
class GatewayClaudeCodeOnlyTest {
    static final String SETUP_TOKEN = "sk-ant-oat01-" + "s".repeat(80);
    static final String EXPLANATION = "Anthropic accepts this credential (a Claude subscription setup-token or "
            + "login) only from Claude Code. Either add an Anthropic API key (`openclaw models auth paste-api-key "
            + "--provider anthropic`) or use the Claude CLI backend (`claude-cli/<model>` models, e.g. "
            + "claude-cli/claude-opus-4-6).";

    @TempDir
    Path dir;
    GatewayFixture fx;

    @AfterEach
    void stop() throws Exception {
        if (fx != null) {
            fx.close();
        }
    }

    private void start(boolean withApiKey) throws Exception {
        fx = new GatewayFixture(dir);
        fx.config(Config.standard().noFallbacks().auth(withApiKey
                ? "order: {anthropic: ['anthropic:sub', 'anthropic:key']}" : "order: {anthropic: ['anthropic:sub']}"));
        fx.profiles("main", """
                {"version":1,"profiles":{
                  "anthropic:sub":{"type":"token","provider":"anthropic","token":"%s"}%s}}
                """.formatted(SETUP_TOKEN, withApiKey
                ? ",\n  \"anthropic:key\":{\"type\":\"api_key\",\"provider\":\"anthropic\",\"key\":\"" + ANT_KEY + "\"}"
                : ""));
        fx.start();
        fx.upstream.onPost(ANTHROPIC_PATH, ANT_KEY,
                Responders.json(AnthropicFixtures.message("claude-test", "from the api key")));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401, 403})
    void aClaudeCodeOnlyRefusal_isExplained_withTheTwoWaysOut(int status) throws Exception {
        start(false);
        fx.upstream.onPost(ANTHROPIC_PATH, SETUP_TOKEN, Responders.json(status, AnthropicFixtures.claudeCodeOnlyError()));

        HttpResponse<String> r = fx.chat("anthropic/claude-test", "hi");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        JsonNode error = json(r).path("error");
        assertThat(error.path("message").asString())
                .contains("only authorized for use with Claude Code")
                .endsWith(EXPLANATION);
        assertThat(error.path("attempts").get(0).path("credential").asString()).isEqualTo("anthropic:sub");
        assertThat(error.path("attempts").get(0).path("reason").asString()).isEqualTo("auth");
        assertThat(r.body()).doesNotContain(SETUP_TOKEN);
    }

    @Test
    void theAnthropicApiKey_servesWhenTheSubscriptionTokenIsRefused() throws Exception {
        start(true);
        fx.upstream.onPost(ANTHROPIC_PATH, SETUP_TOKEN, Responders.json(403, AnthropicFixtures.claudeCodeOnlyError()));

        HttpResponse<String> r = fx.chat("anthropic/claude-test", "hi");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).path("choices").get(0).path("message").path("content").asString())
                .isEqualTo("from the api key");
        assertThat(fx.credentialsSent()).containsExactly(SETUP_TOKEN, ANT_KEY);
        JsonNode sub = fx.authStateOnDisk("main").path("usageStats").path("anthropic:sub");
        assertThat(sub.path("failureCounts").path("auth").asInt()).as(sub.toString()).isEqualTo(1);
    }

    @Test
    void otherAuthFailures_getNoClaudeCodeExplanation() throws Exception {
        start(false);
        fx.upstream.onPost(ANTHROPIC_PATH, SETUP_TOKEN, Responders.unauthorized(AnthropicFixtures.authenticationError()));

        HttpResponse<String> r = fx.chat("anthropic/claude-test", "hi");

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).path("error").path("message").asString()).doesNotContain("Claude Code");
    }
}
