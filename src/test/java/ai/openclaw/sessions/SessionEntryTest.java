package ai.openclaw.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.json.Json;
import ai.openclaw.models.ModelRef;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class SessionEntryTest {
    private static SessionEntry decode(String json) {
        return SessionEntryCodec.decode((ObjectNode) Json.parse(Path.of("sessions.json"), json));
    }

    @Test
    void pinSource_isReadAsWritten_orInferredForOlderEntries() {
        assertThat(decode("{\"authProfileOverride\": \"a:1\", \"authProfileOverrideSource\": \"auto\"}").pinSource())
                .contains(PinSource.AUTO);
        assertThat(decode("{\"authProfileOverride\": \"a:1\", \"authProfileOverrideCompactionCount\": 0}")
                .pinSource()).contains(PinSource.AUTO);
        assertThat(decode("{\"authProfileOverride\": \"a:1\"}").pinSource()).contains(PinSource.USER);
        assertThat(decode("{\"authProfileOverrideSource\": \"user\"}").pinSource()).isEmpty();
    }

    @Test
    void selectedModel_usesTheProviderOverride_elseARefInTheModel_elseTheDefaultProvider() {
        assertThat(decode("{\"providerOverride\": \"OpenAI\", \"modelOverride\": \"gpt-4o\"}").selectedModel("anthropic"))
                .contains(new ModelRef("openai", "gpt-4o"));
        assertThat(decode("{\"modelOverride\": \"openrouter/moonshotai/kimi-k2\"}").selectedModel("anthropic"))
                .contains(new ModelRef("openrouter", "moonshotai/kimi-k2"));
        assertThat(decode("{\"modelOverride\": \"claude-sonnet-4-5\"}").selectedModel("anthropic"))
                .contains(new ModelRef("anthropic", "claude-sonnet-4-5"));
        assertThat(decode("{\"providerOverride\": \"openai\"}").selectedModel("anthropic")).isEmpty();
    }

    @Test
    void wrongTypedFields_areKeptAsUnknown_untilReplaced() {
        SessionEntry e = decode("{\"modelOverride\": 5, \"updatedAt\": \"yesterday\", \"x\": null}");

        assertThat(e.modelOverride()).isNull();
        assertThat(e.updatedAt()).isNull();
        assertThat(e.extra().toString()).isEqualTo("{\"modelOverride\":5,\"updatedAt\":\"yesterday\",\"x\":null}");
        assertThat(e.withModel(new ModelRef("openai", "gpt-4o")).extra().toString())
                .isEqualTo("{\"updatedAt\":\"yesterday\",\"x\":null}");
        assertThat(e.withoutOverrides().extra().toString()).isEqualTo("{\"updatedAt\":\"yesterday\",\"x\":null}");
    }

    @Test
    void cliSessionIds_roundTrip_keepingOtherBackendsAndUnknownFields() {
        SessionEntry e = decode("{\"cliSessionIds\": {\"codex-cli\": \"x-1\"}, \"label\": \"mine\"}");

        SessionEntry stored = e.withCliSessionId("claude-cli", "c-1");

        assertThat(stored.cliSessionId("claude-cli")).contains("c-1");
        assertThat(stored.cliSessionId("codex-cli")).contains("x-1");
        assertThat(SessionEntryCodec.encode(stored, null).toString()).isEqualTo(
                "{\"cliSessionIds\":{\"codex-cli\":\"x-1\",\"claude-cli\":\"c-1\"},\"label\":\"mine\","
                        + "\"claudeCliSessionId\":\"c-1\"}");
        SessionEntry forgotten = stored.withoutCliSessionId("claude-cli");
        assertThat(forgotten.cliSessionId("claude-cli")).isEmpty();
        assertThat(forgotten.cliSessionId("codex-cli")).contains("x-1");
        assertThat(e.cliSessionId("claude-cli")).as("the original is unchanged").isEmpty();
    }

    @Test
    void legacyClaudeCliSessionId_isReadForClaudeCli() {
        assertThat(decode("{\"claudeCliSessionId\": \"old-1\"}").cliSessionId("claude-cli")).contains("old-1");
        assertThat(decode("{\"claudeCliSessionId\": \"old-1\"}").cliSessionId("codex-cli")).isEmpty();
        assertThat(decode("{\"cliSessionIds\": {\"claude-cli\": 5}}").cliSessionId("claude-cli")).isEmpty();
    }

    @Test
    void userPin_dropsTheCompactionCount_autoPinRecordsIt() {
        SessionEntry auto = SessionEntry.EMPTY.withAutoPin("a:1", 4);
        assertThat(auto.authProfileOverrideSource()).isEqualTo("auto");
        assertThat(auto.authProfileOverrideCompactionCount()).isEqualTo(4);

        SessionEntry user = auto.withUserPin("a:2");
        assertThat(user.authProfileOverride()).isEqualTo("a:2");
        assertThat(user.pinSource()).contains(PinSource.USER);
        assertThat(user.authProfileOverrideCompactionCount()).isNull();
    }

    @Test
    void extra_cannotBeChangedFromOutside() {
        SessionEntry e = decode("{\"x\": {\"y\": 1}}");
        ((ObjectNode) e.extra().get("x")).put("y", 2);
        e.extra().put("z", 3);
        assertThat(e.extra().toString()).isEqualTo("{\"x\":{\"y\":1}}");
    }

    @Test
    void toString_namesUnknownFieldsButNotTheirValues() {
        SessionEntry e = decode("{\"token\": \"sk-live-abcdefghijklmnop\", \"modelOverride\": \"gpt-4o\"}");
        assertThat(e.toString()).contains("token").doesNotContain("sk-live");
    }
}
