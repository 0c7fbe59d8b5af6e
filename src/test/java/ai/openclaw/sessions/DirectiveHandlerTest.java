package ai.openclaw.sessions;

import static ai.openclaw.sessions.DirectiveFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectiveHandlerTest {
    private static final String S = "session-1";
    private static final String HINTS = """
            Switch: /model <provider/model>
            Browse: /models (providers) or /models <provider> (models)
            More: /model status""";

    @TempDir
    Path dir;

    private DirectiveFixture f;

    @BeforeEach
    void setUp() {
        f = new DirectiveFixture(dir);
    }

    // ---- /model -------------------------------------------------------------------------------------------------

    @Test
    void model_withoutSelection_showsTheDefaultAndHowToChangeIt() {
        assertThat(f.send(S, "/model")).isEqualTo("Current: anthropic/claude-opus-4-6\n\n" + HINTS);
    }

    @Test
    void model_afterASelection_showsItWithItsPin() {
        f.send(S, "/model openai/gpt-4o@openai:default");

        assertThat(f.send(S, "/model")).isEqualTo(
                "Current: openai/gpt-4o\nAuth profile: openai:default (user)\n\n" + HINTS);
    }

    @Test
    void model_withoutSession_saysNothingCanBeKept() {
        assertThat(f.send(null, "/model")).isEqualTo("Current: anthropic/claude-opus-4-6\n"
                + "(no session: send x-openclaw-session-key to keep a selection)\n\n" + HINTS);
    }

    // ---- /model <ref>[@profile] ---------------------------------------------------------------------------------

    @Test
    void setModel_byAlias_persistsProviderAndModel_andNamesTheAlias() {
        assertThat(f.send(S, "/model sonnet"))
                .isEqualTo("Model set to Sonnet (anthropic/claude-sonnet-4-5) for this session.");

        SessionEntry e = f.session(S).orElseThrow();
        assertThat(e.providerOverride()).isEqualTo("anthropic");
        assertThat(e.modelOverride()).isEqualTo("claude-sonnet-4-5");
        assertThat(e.authProfileOverride()).isNull();
        assertThat(e.updatedAt()).isEqualTo(DirectiveFixture.NOW);
    }

    @Test
    void setModel_withProfile_passesTheWholeRefToTheSelector_andPinsTheProfileAsUser() {
        assertThat(f.send(S, "/model: openai/gpt-4o@openai:default"))
                .isEqualTo("Model set to openai/gpt-4o for this session. Auth profile set to openai:default.");

        assertThat(f.selectorCalls).containsExactly("openai/gpt-4o@openai:default");
        SessionEntry e = f.session(S).orElseThrow();
        assertThat(e.modelOverride()).isEqualTo("gpt-4o");
        assertThat(e.authProfileOverride()).isEqualTo("openai:default");
        assertThat(e.authProfileOverrideSource()).isEqualTo("user");
    }

    @Test
    void aliasCommand_selectsLikeModelDirective() {
        assertThat(f.send(S, "/SONNET@anthropic:work"))
                .isEqualTo("Model set to Sonnet (anthropic/claude-sonnet-4-5) for this session. "
                        + "Auth profile set to anthropic:work.");
        assertThat(f.selectorCalls).containsExactly("SONNET@anthropic:work");
    }

    @Test
    void setModel_withoutProfile_clearsAnEarlierPin() {
        f.send(S, "/model sonnet@anthropic:work");

        assertThat(f.send(S, "/model openai/gpt-4o-mini"))
                .isEqualTo("Model set to openai/gpt-4o-mini for this session.");
        SessionEntry e = f.session(S).orElseThrow();
        assertThat(e.authProfileOverride()).isNull();
        assertThat(e.authProfileOverrideSource()).isNull();
    }

    @Test
    void setModel_toTheDefault_resetsTheModelOverride() {
        f.send(S, "/model sonnet");

        assertThat(f.send(S, "/model opus")).isEqualTo("Model reset to default (Opus (anthropic/claude-opus-4-6)).");
        assertThat(f.session(S).orElseThrow().hasOverrides()).isFalse();
        assertThat(f.send(S, "/model anthropic/claude-opus-4-6"))
                .isEqualTo("Model reset to default (anthropic/claude-opus-4-6).");
    }

    @Test
    void setModel_toTheDefaultWithProfile_keepsOnlyThePin() {
        f.send(S, "/model sonnet");

        assertThat(f.send(S, "/model Opus@anthropic:work"))
                .isEqualTo("Model reset to default (Opus (anthropic/claude-opus-4-6)). Auth profile set to anthropic:work.");
        SessionEntry e = f.session(S).orElseThrow();
        assertThat(e.modelOverride()).isNull();
        assertThat(e.providerOverride()).isNull();
        assertThat(e.authProfileOverride()).isEqualTo("anthropic:work");
    }

    @Test
    void setModel_errors_useTheReferenceTexts_andChangeNothing() {
        assertThat(f.send(S, "/model @anthropic:work")).isEqualTo("Auth profile override requires a model selection.");
        assertThat(f.send(S, "/model openai/gpt-4o@nope")).isEqualTo("Auth profile \"nope\" not found.");
        assertThat(f.send(S, "/model openai/gpt-4o@anthropic:work"))
                .isEqualTo("Auth profile \"anthropic:work\" is for anthropic, not openai.");
        assertThat(f.send(S, "/model 3")).isEqualTo("""
                Numeric model selection is not supported in chat.

                Browse: /models or /models <provider>
                Switch: /model <provider/model>""");
        assertThat(f.send(S, "/model openai/o3"))
                .isEqualTo("Model \"openai/o3\" is not allowed.\n\nBrowse: /models or /models <provider>");

        assertThat(f.sessionsFile()).doesNotExist();
    }

    @Test
    void rejectionThatAlreadyNamesTheListing_isPassedOnAsItIs() {
        DirectiveHandler handler = new DirectiveHandler(f.sessions, f.models,
                (agent, ref) -> new ModelChoice.Rejected("Unknown model \"x\". List models with /models."),
                new StatusAuthOverview(f.ctx), p -> java.util.Optional.empty());

        assertThat(handler.handle("main", S, new Directive.SetModel("x")))
                .isEqualTo("Unknown model \"x\". List models with /models.");
    }

    @Test
    void rejectionThatNamesOnlyTheHttpListing_getsTheChatHint() {
        DirectiveHandler handler = new DirectiveHandler(f.sessions, f.models,
                (agent, ref) -> new ModelChoice.Rejected("Unknown model \"x\". List the models with GET /v1/models."),
                new StatusAuthOverview(f.ctx), p -> java.util.Optional.empty());

        assertThat(handler.handle("main", S, new Directive.SetModel("x"))).isEqualTo(
                "Unknown model \"x\". List the models with GET /v1/models.\n\nBrowse: /models or /models <provider>");
    }

    @Test
    void setModel_withoutSession_validatesButDoesNotPersist() {
        assertThat(f.send(null, "/model openai/gpt-4o@nope")).isEqualTo("Auth profile \"nope\" not found.");
        assertThat(f.send(null, "/model sonnet"))
                .isEqualTo("Model not changed (no session: send x-openclaw-session-key to keep a selection).");
        assertThat(f.sessionsFile()).doesNotExist();
    }

    // ---- /new, /reset -------------------------------------------------------------------------------------------

    @Test
    void newAndReset_clearTheSelection_andSaySo() {
        f.send(S, "/model sonnet@anthropic:work");
        assertThat(f.send(S, "/new")).isEqualTo(
                "New session: model and auth profile selection cleared. Current: anthropic/claude-opus-4-6.");
        assertThat(f.session(S).orElseThrow().hasOverrides()).isFalse();

        f.send(S, "/model openai/gpt-4o");
        assertThat(f.send(S, "/reset")).isEqualTo(
                "Session reset: model and auth profile selection cleared. Current: anthropic/claude-opus-4-6.");
        assertThat(f.send(S, "/model")).startsWith("Current: anthropic/claude-opus-4-6\n");
    }

    @Test
    void reset_withoutSession_saysThereIsNothingToReset() {
        assertThat(f.send(null, "/reset"))
                .isEqualTo("Nothing to reset (no session: send x-openclaw-session-key to keep a selection).");
    }

    // ---- /models, /model list -----------------------------------------------------------------------------------

    @Test
    void models_listsProvidersWithCounts_onlyAllowedCatalogEntries() {
        String expected = """
                Providers:
                - anthropic (2)
                - groq (1)
                - mistral (1)
                - openai (2)

                Use: /models <provider>
                Switch: /model <provider/model>""";
        assertThat(f.send(null, "/models")).isEqualTo(expected);
        assertThat(f.send(null, "/model list")).isEqualTo(expected);
    }

    @Test
    void modelsOfAProvider_listsAPage() {
        assertThat(f.send(null, "/models OpenAI")).isEqualTo("""
                Models (openai) \u2014 showing 1-2 of 2 (page 1/1)
                - openai/gpt-4o
                - openai/gpt-4o-mini

                Switch: /model <provider/model>
                All: /models openai all""");
        assertThat(f.send(null, "/models openai limit=1")).isEqualTo("""
                Models (openai) \u2014 showing 1-1 of 2 (page 1/2)
                - openai/gpt-4o

                Switch: /model <provider/model>
                More: /models openai 2
                All: /models openai all""");
        assertThat(f.send(null, "/model list openai 2 limit=1")).isEqualTo("""
                Models (openai) \u2014 showing 2-2 of 2 (page 2/2)
                - openai/gpt-4o-mini

                Switch: /model <provider/model>
                All: /models openai all""");
    }

    @Test
    void models_outOfRangePage_andUnknownProvider_sayWhatExists() {
        assertThat(f.send(null, "/models openai 3 limit=1")).isEqualTo("""
                Page out of range: 3 (valid: 1-2)

                Try: /models openai 2
                All: /models openai all""");
        assertThat(f.send(null, "/models nope")).isEqualTo("""
                Unknown provider: nope

                Available providers:
                - anthropic
                - groq
                - mistral
                - openai

                Use: /models <provider>""");
    }

    // ---- /model status ------------------------------------------------------------------------------------------

    @Test
    void status_showsSelectionEndpointsAndMaskedAuthPerProvider() {
        String authFile = f.authFile().toString();
        assertThat(f.send(S, "/model status")).isEqualTo("""
                Current: anthropic/claude-opus-4-6
                Default: anthropic/claude-opus-4-6
                Agent: main
                Auth file: %1$s

                [anthropic] endpoint: default auth: anthropic:me=OAuth (me@example.com) (next, exp 2h), \
                anthropic:work=sk-ant-a...12345678 (lastGood), \
                anthropic:backup=token:sk-ant-o...87654321 (cooldown 5m, exp 3d) (auth-profiles.json: %1$s)
                  \u2022 anthropic/claude-opus-4-6 (Opus)
                  \u2022 anthropic/claude-sonnet-4-5 (Sonnet)

                [openai] endpoint: https://api.openai.com/v1 api: openai-completions auth: \
                openai:default=sk-proj-...abcdefgh (next) (auth-profiles.json: %1$s)
                  \u2022 openai/gpt-4o
                  \u2022 openai/gpt-4o-mini

                [groq] endpoint: default auth: gsk_LIVE...12345678 (env: GROQ_API_KEY)
                  \u2022 groq/llama-3.3-70b

                [mistral] endpoint: default auth: missing
                  \u2022 mistral/mistral-large-latest""".formatted(authFile));
    }

    @Test
    void status_neverShowsASecret() throws Exception {
        String reply = f.send(S, "/model status");

        for (String secret : DirectiveFixture.SECRETS) {
            assertThat(reply).doesNotContain(secret);
            // nor a long enough piece of it to be useful
            assertThat(reply).doesNotContain(secret.substring(8, secret.length() - 8));
        }
        assertThat(reply).doesNotContain("SECRET");
    }

    @Test
    void status_ofASessionWhoseModelIsNoLongerAllowed_fallsBackToTheDefault() {
        write(f.sessionsFile(), "{\"" + S + "\": {\"providerOverride\": \"openai\", \"modelOverride\": \"o3\"}}");

        assertThat(f.send(S, "/model status")).startsWith("""
                Current: anthropic/claude-opus-4-6
                Default: anthropic/claude-opus-4-6
                Agent: main
                Auth file: %s
                (previous selection reset to default)

                [anthropic]""".formatted(f.authFile()));
    }

    @Test
    void status_ofASelection_andWithoutSession() {
        f.send(S, "/model sonnet");
        assertThat(f.send(S, "/model status")).startsWith("Current: anthropic/claude-sonnet-4-5\n"
                + "Default: anthropic/claude-opus-4-6\n");
        assertThat(f.send(null, "/model status")).contains("Auth file: " + f.authFile() + "\n"
                + "(no session: send x-openclaw-session-key to keep a selection)\n\n[anthropic]");
    }

    // ---- broken state -------------------------------------------------------------------------------------------

    @Test
    void malformedSessionsFile_isReportedWithItsPosition_andLeftUntouched() throws Exception {
        write(f.sessionsFile(), "{\"session-1\": {\n  \"modelOverride\": oops}\n");

        assertThat(f.send(S, "/model sonnet"))
                .startsWith("Could not read a state file: " + f.sessionsFile() + ":2:");
        assertThat(f.send(S, "/model")).startsWith("Could not read a state file: " + f.sessionsFile() + ":2:");
        assertThat(Files.readString(f.sessionsFile())).isEqualTo("{\"session-1\": {\n  \"modelOverride\": oops}\n");
    }
}
