package ai.openclaw.cli;

import static ai.openclaw.cli.ModelsStatusCommandTest.strings;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.cli.CliHarness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code models auth order get|set|clear}. */
class AuthOrderCommandTest {
    @TempDir
    Path dir;
    CliHarness h;

    @BeforeEach
    void setUp() {
        h = new CliHarness(dir);
        h.writeConfig("{ agents: { list: [ { id: 'main', default: true }, { id: 'work' } ] } }");
        h.writeStore("main", """
                {"version":1,"profiles":{
                  "anthropic:a":{"type":"api_key","provider":"anthropic","key":"sk-ant-a-0123456789abcdefgh"},
                  "anthropic:b":{"type":"token","provider":"anthropic","token":"sk-ant-b-0123456789abcdefgh"},
                  "openai:x":{"type":"api_key","provider":"openai","key":"sk-openai-x-0123456789abcdef"}
                }}
                """);
    }

    @Test
    void getWithoutOverride() {
        Result r = h.run("models", "auth", "order", "get", "--provider", "anthropic");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Agent: main\n").contains("Provider: anthropic\n")
                .contains("Order override: (none)\n")
                .contains("Effective order (stored profiles (round-robin)): ");
        assertThat(r.out()).contains("anthropic:a").contains("anthropic:b");

        JsonNode j = h.run("models", "auth", "order", "get", "--provider", "anthropic", "--json").json();
        assertThat(j.get("agentId").asString()).isEqualTo("main");
        assertThat(j.get("agentDir").asString()).isEqualTo(h.agentDir("main").toString());
        assertThat(j.get("provider").asString()).isEqualTo("anthropic");
        assertThat(j.get("order").isNull()).isTrue();
        assertThat(j.get("source").asString()).isEqualTo("stored_profiles");
        assertThat(strings(j.get("effective"))).containsExactlyInAnyOrder("anthropic:a", "anthropic:b");
    }

    @Test
    void setWritesAuthStateAndGetShowsTheOverride() {
        Result set = h.run("models", "auth", "order", "set", "--provider", "Anthropic", "anthropic:b", "anthropic:a");

        assertThat(set.exit()).as(set.toString()).isZero();
        assertThat(set.out()).isEqualTo("Agent: main\nProvider: anthropic\nOrder override: anthropic:b, anthropic:a\n");
        JsonNode state = CliHarness.json(h.authState("main"));
        assertThat(state.get("version").asInt()).isEqualTo(1);
        assertThat(strings(state.get("order").get("anthropic"))).containsExactly("anthropic:b", "anthropic:a");
        assertThat(CliHarness.mode(h.authState("main"))).isEqualTo("rw-------");
        // the profiles file is not touched by an order change
        assertThat(CliHarness.json(h.store("main")).has("order")).isFalse();

        Result get = h.run("models", "auth", "order", "get", "--provider", "anthropic");
        assertThat(get.out()).contains("Order override: anthropic:b, anthropic:a")
                .contains("Effective order (auth-state.json order override): anthropic:b, anthropic:a");
        JsonNode j = h.run("models", "auth", "order", "get", "--provider", "anthropic", "--json").json();
        assertThat(strings(j.get("order"))).containsExactly("anthropic:b", "anthropic:a");
        assertThat(j.get("source").asString()).isEqualTo("agent_override");
        assertThat(strings(j.get("effective"))).containsExactly("anthropic:b", "anthropic:a");

        // status uses it too
        JsonNode status = h.run("models", "status", "--json").json();
        JsonNode anthropic = ModelsStatusCommandTest.provider(status.get("auth"), "anthropic");
        assertThat(anthropic.get("order").get("source").asString()).isEqualTo("agent_override");
        assertThat(strings(anthropic.get("order").get("resolved"))).containsExactly("anthropic:b", "anthropic:a");
        assertThat(anthropic.get("effective").get("detail").asString()).isEqualTo("anthropic:b");
    }

    @Test
    void setRejectsUnknownIdsWrongProviderAndNoIds() {
        var before = h.snapshot();

        Result unknown = h.run("models", "auth", "order", "set", "--provider", "anthropic", "anthropic:a", "anthropic:zzz");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("Auth profile \"anthropic:zzz\" not found in " + h.agentDir("main") + ".");

        Result wrong = h.run("models", "auth", "order", "set", "--provider", "anthropic", "openai:x");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).contains("Auth profile \"openai:x\" is for openai, not anthropic.");

        Result none = h.run("models", "auth", "order", "set", "--provider", "anthropic");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("Missing profile ids. Provide one or more profile ids.");

        Result blank = h.run("models", "auth", "order", "set", "--provider", "anthropic", " ", "");
        assertThat(blank.exit()).isEqualTo(1);
        assertThat(blank.err()).contains("Missing profile ids.");

        assertThat(h.snapshot()).isEqualTo(before);
    }

    @Test
    void setDeduplicatesIds() {
        h.run("models", "auth", "order", "set", "--provider", "anthropic", "anthropic:a", "anthropic:b", "anthropic:a");
        assertThat(strings(CliHarness.json(h.authState("main")).get("order").get("anthropic")))
                .containsExactly("anthropic:a", "anthropic:b");
    }

    @Test
    void clearDeletesTheStateFileWhenItBecomesEmpty() {
        h.run("models", "auth", "order", "set", "--provider", "anthropic", "anthropic:a");
        assertThat(Files.exists(h.authState("main"))).isTrue();

        Result clear = h.run("models", "auth", "order", "clear", "--provider", "anthropic");

        assertThat(clear.exit()).as(clear.toString()).isZero();
        assertThat(clear.out()).isEqualTo("Agent: main\nProvider: anthropic\nCleared per-agent order override.\n");
        assertThat(Files.exists(h.authState("main"))).isFalse();
        assertThat(CliHarness.list(h.agentDir("main"))).containsExactly("auth-profiles.json");
        assertThat(h.run("models", "auth", "order", "get", "--provider", "anthropic").out())
                .contains("Order override: (none)");
        // clearing again is harmless
        assertThat(h.run("models", "auth", "order", "clear", "--provider", "anthropic").exit()).isZero();
    }

    @Test
    void clearKeepsOtherStateAndOtherProviders() {
        h.writeAuthState("main", """
                {"version":1,"order":{"openai":["openai:x"]},"lastGood":{"anthropic":"anthropic:a"},
                 "usageStats":{"anthropic:a":{"lastUsed":1700000000000}}}
                """);
        h.run("models", "auth", "order", "set", "--provider", "anthropic", "anthropic:b");
        h.run("models", "auth", "order", "clear", "--provider", "anthropic");

        JsonNode state = CliHarness.json(h.authState("main"));
        assertThat(state.get("order").has("anthropic")).isFalse();
        assertThat(strings(state.get("order").get("openai"))).containsExactly("openai:x");
        assertThat(state.get("lastGood").get("anthropic").asString()).isEqualTo("anthropic:a");
        assertThat(state.get("usageStats").get("anthropic:a").get("lastUsed").asLong()).isEqualTo(1700000000000L);
    }

    @Test
    void getShowsConfigOrderAsSourceAndExcludedProfiles() {
        h.writeConfig("""
                { agents: { list: [ { id: 'main', default: true }, { id: 'work' } ] },
                  auth: { order: { anthropic: ['anthropic:b', 'anthropic:gone'] } } }
                """);
        Result r = h.run("models", "auth", "order", "get", "--provider", "anthropic");
        assertThat(r.out()).contains("Order override: (none)")
                .contains("Effective order (config auth.order): anthropic:b")
                .contains("excluded anthropic:gone: profile_missing");
        JsonNode j = h.run("models", "auth", "order", "get", "--provider", "anthropic", "--json").json();
        assertThat(j.get("source").asString()).isEqualTo("config_order");
    }

    @Test
    void overrideIsPerAgent() {
        h.writeStore("work", """
                {"version":1,"profiles":{"anthropic:w":{"type":"api_key","provider":"anthropic","key":"sk-ant-w-0123456789abcdefgh"}}}
                """);
        Result set = h.run("models", "auth", "order", "set", "--agent", "work", "--provider", "anthropic", "anthropic:w");
        assertThat(set.exit()).as(set.toString()).isZero();
        assertThat(set.out()).startsWith("Agent: work\n");
        assertThat(Files.exists(h.authState("work"))).isTrue();
        assertThat(Files.exists(h.authState("main"))).isFalse();

        // an id of main's store is not in work's store
        Result wrong = h.run("models", "auth", "order", "set", "--agent", "work", "--provider", "anthropic", "anthropic:a");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).contains("not found in " + h.agentDir("work"));

        assertThat(h.run("models", "auth", "order", "get", "--agent", "work", "--provider", "anthropic").out())
                .contains("Order override: anthropic:w");
        assertThat(h.run("models", "auth", "order", "get", "--provider", "anthropic").out())
                .contains("Order override: (none)");
        Result unknownAgent = h.run("models", "auth", "order", "get", "--agent", "ghost", "--provider", "anthropic");
        assertThat(unknownAgent.exit()).isEqualTo(1);
        assertThat(unknownAgent.err()).contains("Unknown agent \"ghost\"");
    }

    @Test
    void orderSetOnACorruptStateFileFailsAndLeavesItAlone() {
        h.writeAuthState("main", "{\"version\":1,\"order\":{\"anthropic\":[\"anthropic:a\"");
        var before = h.snapshot();
        Result r = h.run("models", "auth", "order", "set", "--provider", "anthropic", "anthropic:b");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).containsPattern(java.util.regex.Pattern.quote(h.authState("main").toString()) + ":\\d+:\\d+: ");
        assertThat(h.snapshot()).isEqualTo(before);
    }

    @Test
    void providerIsRequired() {
        Result r = h.run("models", "auth", "order", "get");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("--provider");
    }
}
