package ai.openclaw.cli.onboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.config.AuthMode;
import ai.openclaw.core.Secret;
import ai.openclaw.credential.ApiKeyCredential;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small values of onboarding: setup-token checks, token and provider names, and secrets kept out of text. */
class OnboardValuesTest {
    static final String SECRET = "sk-ant-api03-valuesvalues-0123456789abcdef";

    @Test
    void setupToken_checksInOpenClawsOrder_requiredPrefixThenLength() {
        assertThat(SetupTokens.problem("   ")).contains("Required");
        assertThat(SetupTokens.problem("sk-ant-api03-" + "x".repeat(90))).contains("Expected token starting with sk-ant-oat01-");
        assertThat(SetupTokens.problem("sk-ant-oat01-" + "x".repeat(66))).contains("Token looks too short; paste the full setup-token");
        assertThat(SetupTokens.problem("  sk-ant-oat01-" + "x".repeat(67) + "\n")).as("80 after trimming").isEmpty();
    }

    @Test
    void tokenName_becomesASlug_blankMeansDefault() {
        assertThat(SetupTokens.profileName("Work Laptop")).isEqualTo("work-laptop");
        assertThat(SetupTokens.profileName("  --Team #1 (main)--")).isEqualTo("team-1-main");
        assertThat(SetupTokens.profileName("a.b_c")).isEqualTo("a.b_c");
        assertThat(SetupTokens.profileName("")).isEqualTo("default");
        assertThat(SetupTokens.profileName("!!!")).isEqualTo("default");
    }

    @Test
    void customProviderIds_areNormalized_andDerivedFromTheHost() {
        assertThat(CustomProvider.normalizeId(" My Custom_LLM ")).isEqualTo("my-custom-llm");
        assertThat(CustomProvider.normalizeId("!!!")).isEmpty();
        assertThat(CustomProvider.defaultId("https://llm.example.com/v1")).isEqualTo("custom-llm-example-com");
        assertThat(CustomProvider.defaultId("http://127.0.0.1:8000/v1")).isEqualTo("custom-127-0-0-1-8000");
    }

    @Test
    void customProviderBaseUrls_mustBeHttpWithoutCredentials_andAreNotRepeatedInTheProblem() {
        assertThat(CustomProvider.baseUrlProblem("https://llm.example.com/v1")).isEmpty();
        assertThat(CustomProvider.baseUrlProblem("llm.example.com")).isPresent();
        assertThat(CustomProvider.baseUrlProblem("https://user:hunter2@llm.example.com")).get().asString()
                .contains("--custom-api-key").doesNotContain("hunter2");
        assertThat(CustomProvider.normalizeBaseUrl("http://x/v1//")).isEqualTo("http://x/v1");
    }

    @Test
    void customProviderFromFlags_defaultsToOpenAiCompatibility() {
        CustomProvider p = CustomProvider.fromFlags(" https://llm.example.com/v1 ", " foo-large ", null, null);
        assertThat(p).isEqualTo(new CustomProvider("custom-llm-example-com", "https://llm.example.com/v1",
                CustomProvider.Compatibility.OPENAI, "foo-large"));
        assertThat(p.modelRef()).isEqualTo("custom-llm-example-com/foo-large");
        assertThatThrownBy(() -> CustomProvider.fromFlags("https://x/v1", "has space", null, null))
                .hasMessage("Invalid --custom-model-id: a model id has no spaces");
    }

    @Test
    void secretsNeverAppearInTheTextOfRequestsStepsOrResolvedSecrets() {
        SecretArgument arg = new SecretArgument("--anthropic-api-key", SECRET);
        OnboardRequest req = new OnboardRequest(true, true, null, Mode.LOCAL, "apiKey", null, null, null, null,
                null, null, null, List.of(arg, new SecretArgument("--token", "-")), false);
        ResolvedSecret resolved = new ResolvedSecret(Secret.of(SECRET), ResolvedSecret.Origin.ARGV, arg.flag());
        AuthStep.Store step = new AuthStep.Store("anthropic:default",
                ApiKeyCredential.of("anthropic", resolved.value()), AuthMode.API_KEY, resolved.origin(),
                resolved.describe());

        for (Object o : List.of(arg, req, resolved, step)) {
            assertThat(o.toString()).as(o.getClass().getSimpleName()).doesNotContain(SECRET).doesNotContain("valuesvalues");
        }
        assertThat(arg.toString()).isEqualTo("SecretArgument[--anthropic-api-key <on the command line>]");
        assertThat(req.secret("--token").fromStdin()).isTrue();
        assertThat(req.secret("--gemini-api-key").given()).isFalse();
        assertThat(resolved.describe()).isEqualTo("--anthropic-api-key (command line)");
    }

    @Test
    void flowAndModeSpellings() {
        assertThat(Flow.parse(null)).isNull();
        assertThat(Flow.parse("manual")).isEqualTo(Flow.ADVANCED);
        assertThat(Flow.parse("QuickStart")).isEqualTo(Flow.QUICKSTART);
        assertThat(Mode.parse(null)).isEqualTo(Mode.LOCAL);
        assertThat(Mode.parse("remote")).isEqualTo(Mode.REMOTE);
    }
}
