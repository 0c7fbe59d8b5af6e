package ai.openclaw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.cli.CliHarness.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code models status --check}: 0 fine, 1 expired/missing provider in use, 2 expiring within 24 h. */
class StatusCheckTest {
    static final long HOUR = 3_600_000L;

    @TempDir
    Path dir;
    CliHarness h;

    @BeforeEach
    void setUp() {
        h = new CliHarness(dir);
    }

    private void defaultModel(String model, String... fallbacks) {
        StringBuilder fb = new StringBuilder();
        for (String f : fallbacks) {
            fb.append("'").append(f).append("',");
        }
        h.writeConfig("{ agents: { defaults: { model: { primary: '" + model + "', fallbacks: [" + fb + "] } } } }");
    }

    private void token(String id, String provider, long expires) {
        h.writeStore("main", """
                {"version":1,"profiles":{"%s":{"type":"token","provider":"%s","token":"tok-0123456789abcdefghij","expires":%d}}}
                """.formatted(id, provider, expires));
    }

    /** Runs --check as text and as JSON and checks that both agree on the exit code. */
    private Result check(int expected) {
        Result text = h.run("models", "status", "--check");
        assertThat(text.exit()).as(text.toString()).isEqualTo(expected);
        Result json = h.run("models", "status", "--check", "--json");
        assertThat(json.exit()).as(json.toString()).isEqualTo(expected);
        assertThat(json.json().get("check").get("exitCode").asInt()).isEqualTo(expected);
        // without --check the same state exits 0
        assertThat(h.run("models", "status").exit()).isZero();
        return text;
    }

    @Test
    void claudeCliDefaultModel_needsNoCredentialOfOurs() {
        defaultModel("claude-cli/claude-sonnet-4-6", "openai/gpt-5");
        h.writeStore("main", """
                {"version":1,"profiles":{"openai:manual":{"type":"api_key","provider":"openai","key":"sk-proj-0123456789abcdefghij"}}}
                """);
        Result r = check(0);
        assertThat(r.out()).contains("claude-cli/claude-sonnet-4-6").doesNotContain("Missing auth")
                .doesNotContain("CLAUDE_CLI_API_KEY");
    }

    @Test
    void apiKeyForTheDefaultProviderIsZero() {
        defaultModel("openai/gpt-5");
        h.writeStore("main", """
                {"version":1,"profiles":{"openai:manual":{"type":"api_key","provider":"openai","key":"sk-proj-0123456789abcdefghij"}}}
                """);
        Result r = check(0);
        assertThat(r.out()).doesNotContain("Check failed");
    }

    @Test
    void envKeyForTheDefaultProviderIsZero() {
        defaultModel("openai/gpt-5");
        h.env("OPENAI_API_KEY", "sk-proj-fromenv0123456789");
        check(0);
    }

    @Test
    void expiredTokenOfTheProviderInUseIsOne() {
        defaultModel("anthropic/claude-sonnet-4-5");
        token("anthropic:manual", "anthropic", h.now() - HOUR);
        Result r = check(1);
        assertThat(r.out()).contains("Check failed (exit 1):").contains("- anthropic: expired")
                .contains("anthropic:manual expired");
        JsonNode p = h.run("models", "status", "--json").json().get("auth").get("oauth").get("profiles").get(0);
        assertThat(p.get("status").asString()).isEqualTo("expired");
        assertThat(p.get("remainingMs").asLong()).isEqualTo(-HOUR);
    }

    @Test
    void expiredTokenOfAFallbackProviderIsOne() {
        defaultModel("openai/gpt-5", "anthropic/claude-sonnet-4-5");
        h.env("OPENAI_API_KEY", "sk-proj-fromenv0123456789");
        token("anthropic:manual", "anthropic", h.now() - 1);
        check(1);
    }

    @Test
    void expiredTokenOfAProviderNotInUseIsZero() {
        defaultModel("openai/gpt-5");
        h.env("OPENAI_API_KEY", "sk-proj-fromenv0123456789");
        token("anthropic:manual", "anthropic", h.now() - HOUR);
        check(0);
    }

    @Test
    void missingProviderInUseIsOne() {
        defaultModel("groq/llama-3.3-70b");
        Result r = check(1);
        assertThat(r.out()).contains("Missing auth").contains("- groq Run `openclaw models auth paste-api-key --provider groq` or set GROQ_API_KEY.");
        JsonNode j = h.run("models", "status", "--json").json();
        assertThat(ModelsStatusCommandTest.strings(j.get("auth").get("missingProvidersInUse"))).containsExactly("groq");
    }

    @Test
    void keyRefToAnUnsetEnvVarIsUnresolvedAndCountsAsMissing() {
        defaultModel("openai/gpt-5");
        h.writeStore("main", """
                {"version":1,"profiles":{"openai:ref":{"type":"api_key","provider":"openai",
                  "keyRef":{"source":"env","provider":"default","id":"OPENAI_KEY_NOT_SET"}}}}
                """);
        Result r = check(1);
        assertThat(r.out()).contains("openai:ref=ref(env:OPENAI_KEY_NOT_SET)");
        JsonNode j = h.run("models", "status", "--json").json();
        JsonNode openai = ModelsStatusCommandTest.provider(j.get("auth"), "openai");
        assertThat(openai.get("effective").get("kind").asString()).isEqualTo("missing");
        assertThat(openai.get("order").get("excluded").get("openai:ref").asString()).isEqualTo("unresolved_ref");
        assertThat(ModelsStatusCommandTest.strings(j.get("auth").get("missingProvidersInUse"))).containsExactly("openai");

        // once the variable is set, the same ref resolves and the check passes
        h.env("OPENAI_KEY_NOT_SET", "sk-proj-nowset0123456789");
        check(0);
    }

    @Test
    void tokenExpiringInFiveHoursIsTwo() {
        defaultModel("anthropic/claude-sonnet-4-5");
        token("anthropic:manual", "anthropic", h.now() + 5 * HOUR);
        Result r = check(2);
        assertThat(r.out()).contains("Check failed (exit 2):").contains("anthropic: expiring within 24h")
                .contains("anthropic:manual expiring expires in 5h");
    }

    @Test
    void theClockDecidesBetweenOkExpiringAndExpired() {
        defaultModel("anthropic/claude-sonnet-4-5");
        token("anthropic:manual", "anthropic", h.now() + 25 * HOUR);
        check(0);
        h.clock().advance(java.time.Duration.ofHours(2));
        check(2);
        h.clock().advance(java.time.Duration.ofHours(23));
        check(1);
    }

    @Test
    void tokenWithoutExpiryIsStaticAndZero() {
        defaultModel("anthropic/claude-sonnet-4-5");
        h.writeStore("main", """
                {"version":1,"profiles":{"anthropic:manual":{"type":"token","provider":"anthropic","token":"tok-0123456789abcdefghij"}}}
                """);
        check(0);
    }

    @Test
    void expiringOAuthOfTheDefaultProviderIsTwo() {
        defaultModel("openai-codex/gpt-5.1-codex");
        h.writeStore("main", """
                {"version":1,"profiles":{"openai-codex:default":{"type":"oauth","provider":"openai-codex",
                  "access":"acc-0123456789abcdefghij","refresh":"ref-0123456789abcdefghij","expires":%d}}}
                """.formatted(h.now() + 3 * HOUR));
        check(2);
    }

    @Test
    void checkAppliesToTheSelectedAgent() {
        h.writeConfig("{ agents: { defaults: { model: 'openai/gpt-5' }, list: [ { id: 'main' }, { id: 'work' } ] } }");
        h.writeStore("main", """
                {"version":1,"profiles":{"openai:manual":{"type":"api_key","provider":"openai","key":"sk-proj-0123456789abcdefghij"}}}
                """);
        assertThat(h.run("models", "status", "--check").exit()).isZero();
        assertThat(h.run("models", "status", "--check", "--agent", "work").exit()).isEqualTo(1);
    }

    @Test
    void tokenWithAnInvalidExpiryIsUnusableAndOne() {
        defaultModel("anthropic/claude-sonnet-4-5");
        token("anthropic:manual", "anthropic", -5);
        Result r = check(1);
        assertThat(r.out()).contains("anthropic:manual unknown [invalid_expires]");
    }

    @Test
    void expiredOAuthOfTheDefaultProviderIsOne() {
        defaultModel("openai-codex/gpt-5.1-codex");
        h.writeStore("main", """
                {"version":1,"profiles":{"openai-codex:default":{"type":"oauth","provider":"openai-codex",
                  "access":"acc-0123456789abcdefghij","refresh":"ref-0123456789abcdefghij","expires":%d}}}
                """.formatted(h.now() - HOUR));
        Result r = check(1);
        assertThat(r.out()).contains("openai-codex:default expired expired 1h ago");
    }

    @Test
    void oauthWithoutExpiryIsMissingAndOne() {
        defaultModel("openai-codex/gpt-5.1-codex");
        h.writeStore("main", """
                {"version":1,"profiles":{"openai-codex:default":{"type":"oauth","provider":"openai-codex",
                  "access":"acc-0123456789abcdefghij","refresh":"ref-0123456789abcdefghij"}}}
                """);
        check(1);
    }

    @Test
    void anExpiredProfileIsFineWhenAnEnvKeyServesTheProvider() {
        defaultModel("anthropic/claude-sonnet-4-5");
        token("anthropic:manual", "anthropic", h.now() - HOUR);
        h.env("ANTHROPIC_API_KEY", "sk-ant-fromenv-0123456789");
        check(0);
    }
}
