package ai.openclaw.cli.onboard;

import ai.openclaw.app.Agents;
import ai.openclaw.app.AppContext;
import ai.openclaw.app.AuthConfigPatch;
import ai.openclaw.app.CredentialService;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Carries out an {@link OnboardPlan}: the credential through {@link CredentialService} (store and
 * {@code auth.profiles}, each locked and atomic), then one locked config update for the custom provider and the
 * default model, then any handed-over login.
 */
public final class OnboardApplier {
    private final AppContext ctx;
    private final LoginLauncher logins;

    public OnboardApplier(AppContext ctx, LoginLauncher logins) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.logins = Objects.requireNonNull(logins, "logins");
    }

    public OnboardResult apply(Agents.Agent agent, OnboardPlan plan) {
        String previousModel = ctx.config().agents().primaryModel();
        Path configPath = ctx.config().path();
        CredentialService.Saved saved = switch (plan.auth()) {
            case AuthStep.Store s -> new CredentialService(ctx).save(agent, s.profileId(), s.credential(), s.mode());
            case AuthStep.KeepProfile k -> keep(agent, k, configPath);
            case AuthStep.Login l -> null;
            case AuthStep.None n -> null;
        };
        boolean configUpdated = saved != null && saved.configUpdated();
        if (plan.custom() != null || plan.defaultModel() != null) {
            configUpdated |= ctx.configWriter().update(configPath, root -> {
                plan.customProvider().ifPresent(p -> OnboardConfigPatch.putCustomProvider(root, p));
                plan.newDefaultModel().ifPresent(m -> OnboardConfigPatch.setPrimaryModel(root, m));
                return root;
            });
            ctx.configChanged();
        }
        LoginOutcome login = plan.auth() instanceof AuthStep.Login l
                ? (l.choice() == AuthChoice.OPENAI_CODEX ? logins.codexBrowserLogin(agent) : logins.claudeCliLogin(agent))
                : null;
        return new OnboardResult(plan, agent.id(), saved, plan.auth() instanceof AuthStep.KeepProfile, login,
                configPath, configUpdated, previousModel);
    }

    private CredentialService.Saved keep(Agents.Agent agent, AuthStep.KeepProfile k, Path configPath) {
        boolean updated = ctx.configWriter().update(configPath,
                root -> AuthConfigPatch.applyProfile(root, k.profileId(), k.provider(), k.mode().wireName()));
        ctx.configChanged();
        return new CredentialService.Saved(k.profileId(), k.provider(), k.mode(),
                ctx.agents().store(agent).profilesPath(), configPath, updated);
    }
}
