package ai.openclaw.routing;

import ai.openclaw.models.ModelSelection;

import static ai.openclaw.routing.RoutingFixture.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.models.ModelRef;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouterPlanTest {
    @TempDir
    Path root;

    private RoutingFixture fx;
    private Router router;

    @BeforeEach
    void setUp() {
        fx = new RoutingFixture(root).config("""
                {
                  agents: { defaults: {
                    model: { primary: "openai/gpt-4o", fallbacks: ["openai/gpt-4o-mini", "anthropic/claude-sonnet-4-5"] },
                  } },
                }
                """);
        fx.profile("openai:a", key("openai", "sk-a-0123456789"))
                .profile("openai:b", key("openai", "sk-b-0123456789"))
                .profile("anthropic:main", key("anthropic", "sk-ant-0123456789"));
        router = fx.router();
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private static ModelRef ref(String key) {
        return ModelRef.parse(key).orElseThrow();
    }

    private static ModelSelectionException rejected(Runnable r) {
        try {
            r.run();
        } catch (ModelSelectionException e) {
            return e;
        }
        throw new AssertionError("expected a ModelSelectionException");
    }

    @Test
    void noModel_runsTheDefaultWithItsFallbacks() {
        RoutePlan plan = router.plan(new RouteRequest(null, null, null));
        assertThat(plan.agentId()).isEqualTo("main");
        assertThat(plan.strict()).isFalse();
        assertThat(plan.models()).extracting(PlannedModel::model).containsExactly(ref("openai/gpt-4o"),
                ref("openai/gpt-4o-mini"), ref("anthropic/claude-sonnet-4-5"));
    }

    @Test
    void namingTheDefault_keepsTheFallbacks_anyOtherModelIsStrict() {
        assertThat(router.plan(RouteRequest.of("openai/gpt-4o")).models()).hasSize(3);
        assertThat(router.plan(RouteRequest.of("gpt-4o")).models()).hasSize(3);
        RoutePlan explicit = router.plan(RouteRequest.of("anthropic/claude-sonnet-4-5"));
        assertThat(explicit.strict()).isTrue();
        assertThat(explicit.models()).extracting(PlannedModel::model).containsExactly(ref("anthropic/claude-sonnet-4-5"));
    }

    @Test
    void aBareId_belongsToTheDefaultProvider_andProviderModelSplitsAtTheFirstSlash() {
        assertThat(router.plan(RouteRequest.of("o3")).requested().model()).isEqualTo(new ModelRef("openai", "o3"));
        assertThat(router.plan(RouteRequest.of("OpenRouter/moonshotai/kimi-k2")).requested().model())
                .isEqualTo(new ModelRef("openrouter", "moonshotai/kimi-k2"));
    }

    @Test
    void aliases_areCaseInsensitive_andTheAllowlistApplies_butTheDefaultIsAlwaysAllowed() {
        fx.config("""
                { agents: { defaults: {
                    model: { primary: "openai/gpt-4o" },
                    models: { "openai/gpt-4o-mini": { alias: "Mini" }, "anthropic/claude-sonnet-4-5": {} },
                } } }
                """);
        assertThat(router.plan(RouteRequest.of("mINi")).requested().model()).isEqualTo(ref("openai/gpt-4o-mini"));
        assertThat(router.plan(RouteRequest.of("anthropic/claude-sonnet-4-5")).requested().model())
                .isEqualTo(ref("anthropic/claude-sonnet-4-5"));
        assertThat(router.plan(RouteRequest.of("openai/gpt-4o")).requested().model()).isEqualTo(ref("openai/gpt-4o"));

        ModelSelectionException notAllowed = rejected(() -> router.plan(RouteRequest.of("openai/gpt-5")));
        assertThat(notAllowed.status()).isEqualTo(400);
        assertThat(notAllowed.code()).isEqualTo("model_not_allowed");
        assertThat(notAllowed.getMessage()).contains("openai/gpt-5").contains("GET /v1/models");

        assertThat(ModelResolver.allowed(ref("claude-cli/claude-opus-4-6"), ModelSelection.resolve(
                fx.config().agents().primaryModel(), fx.config().agents().fallbacks(),
                fx.config().agents().modelAliases()))).as("the local Claude CLI is never restricted").isTrue();

        ModelSelectionException unknownAlias = rejected(() -> router.plan(RouteRequest.of("maxi")));
        assertThat(unknownAlias.code()).isEqualTo("model_not_found");
        assertThat(unknownAlias.getMessage()).contains("\"maxi\"").contains("GET /v1/models");
    }

    @Test
    void anInvalidRef_orAnUnknownProvider_isModelNotFound() {
        ModelSelectionException invalid = rejected(() -> router.plan(RouteRequest.of("openai/")));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.code()).isEqualTo("model_not_found");
        assertThat(invalid.getMessage()).contains("GET /v1/models");

        fx.unknown("nowhere");
        ModelSelectionException unknown = rejected(() -> router.plan(RouteRequest.of("nowhere/model")));
        assertThat(unknown.code()).isEqualTo("model_not_found");
        assertThat(unknown.getMessage()).contains("\"nowhere\"");
    }

    @Test
    void anUnknownRequestProfile_isProfileNotFound() {
        ModelSelectionException e = rejected(() -> router.plan(RouteRequest.of("openai/gpt-4o@openai:ghost")));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("profile_not_found");
        assertThat(e.getMessage()).startsWith("Auth profile \"openai:ghost\" not found.");
    }

    @Test
    void aRequestProfileOfAnotherProvider_isAMismatch() {
        ModelSelectionException e = rejected(() -> router.plan(RouteRequest.of("gpt-4o@anthropic:main")));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("profile_provider_mismatch");
        assertThat(e.getMessage()).isEqualTo("Auth profile \"anthropic:main\" is for anthropic, not openai.");
    }

    @Test
    void aRequestProfile_locksTheModelsOfItsProvider_only() {
        RoutePlan plan = router.plan(RouteRequest.of("gpt-4o@openai:b"));
        assertThat(plan.strict()).isFalse();
        assertThat(plan.models()).extracting(PlannedModel::locked).containsExactly("openai:b", "openai:b", null);
        assertThat(plan.models()).extracting(PlannedModel::preferred).containsOnlyNulls();
    }

    @Test
    void sessionPins_userLocks_autoPrefers_andAPinOfAnotherProviderIsIgnored() {
        RoutePlan user = router.plan(new RouteRequest(null, null,
                new SessionPin(null, null, "openai:b", SessionPin.Source.USER)));
        assertThat(user.requested().locked()).isEqualTo("openai:b");
        RoutePlan auto = router.plan(new RouteRequest(null, null,
                new SessionPin(null, null, "openai:b", SessionPin.Source.AUTO)));
        assertThat(auto.requested().locked()).isNull();
        assertThat(auto.requested().preferred()).isEqualTo("openai:b");
        RoutePlan other = router.plan(new RouteRequest(null, null,
                new SessionPin(null, null, "anthropic:main", SessionPin.Source.USER)));
        assertThat(other.requested().locked()).isNull();
        assertThat(other.models().getLast().locked()).isEqualTo("anthropic:main");
    }

    @Test
    void theSessionModel_isUsedWhenTheRequestNamesNone() {
        RoutePlan plan = router.plan(new RouteRequest("main", null,
                new SessionPin("anthropic", "claude-sonnet-4-5", "anthropic:main", SessionPin.Source.USER)));
        assertThat(plan.requested().model()).isEqualTo(ref("anthropic/claude-sonnet-4-5"));
        assertThat(plan.requested().locked()).isEqualTo("anthropic:main");
        assertThat(plan.strict()).isTrue();
    }

    @Test
    void aProfileWithoutModel_isRejected() {
        assertThatThrownBy(() -> router.plan(RouteRequest.of("@openai:a")))
                .isInstanceOfSatisfying(ModelSelectionException.class,
                        e -> assertThat(e.code()).isEqualTo("model_required"));
    }
}
