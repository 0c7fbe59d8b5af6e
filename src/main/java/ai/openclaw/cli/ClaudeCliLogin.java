package ai.openclaw.cli;

import ai.openclaw.app.Agents;
import ai.openclaw.app.AppContext;
import ai.openclaw.app.ClaudeCliProfile;
import ai.openclaw.app.CredentialService;
import ai.openclaw.app.DefaultModelPatch;
import ai.openclaw.claudecli.ClaudeCliCredential;
import ai.openclaw.claudecli.ClaudeCliCredentials;
import ai.openclaw.claudecli.ClaudeCliCredentialsException;
import ai.openclaw.claudecli.ClaudeCliLocator;
import ai.openclaw.claudecli.ClaudeCliSync;
import ai.openclaw.config.AuthMode;
import ai.openclaw.core.Durations;
import ai.openclaw.credential.Credential;
import ai.openclaw.models.ModelSelection;
import java.nio.file.Path;

/**
 * {@code openclaw models auth login --provider anthropic --method cli}: reuses the login of the Claude CLI on this
 * host as the profile {@code anthropic:claude-cli} (config mode {@code oauth}). Checks that {@code claude} is
 * installed and logged in, copies its current login (never spending its refresh token: {@code models status} and
 * {@code doctor} re-read the Claude CLI's store later), and with {@code --set-default} makes
 * {@value #DEFAULT_MODEL} the default model.
 */
final class ClaudeCliLogin {
    /** The only Anthropic login method here. */
    static final String METHOD = "cli";
    /** What {@code --set-default} selects: the built-in default model, served by this Anthropic login. */
    static final String DEFAULT_MODEL = "anthropic/claude-opus-4-6";

    private final AppContext ctx;

    ClaudeCliLogin(AppContext ctx) {
        this.ctx = ctx;
    }

    int run(String agentId, String method, boolean setDefault) {
        if (method != null && !method.strip().equals(METHOD)) {
            throw new UserError("Unknown auth method \"" + method.strip() + "\" for anthropic. Use --method cli to "
                    + "reuse the Claude CLI login; for a setup-token run `openclaw models auth setup-token`, for an API "
                    + "key `openclaw models auth paste-api-key --provider anthropic`.");
        }
        Agents.Agent agent = ctx.agents().resolve(agentId);
        ClaudeCliProfile claude = new ClaudeCliProfile(ctx);
        Path program = claude.locate().orElseThrow(() ->
                new UserError(ClaudeCliLocator.notFoundMessage(claude.configuredCommand().orElse(null))));
        ClaudeCliCredentials credentials = claude.credentials();
        ClaudeCliCredential login;
        try {
            login = credentials.read(true).orElseThrow(() -> new UserError("No Claude CLI login found (looked in "
                    + credentials.whereLooked(true) + "). Run `claude` on this host and log in, then run this command "
                    + "again."));
        } catch (ClaudeCliCredentialsException e) {
            throw new UserError(e.getMessage());
        }
        long now = ctx.now();
        if (login.expiredAt(now)) {
            throw new UserError("The Claude CLI login (" + login.source() + ") expired "
                    + Durations.remaining(now - login.expires()) + " ago. Run `claude` on this host to renew it (or "
                    + "`claude auth login`), then run this command again. Nothing was stored.");
        }
        Credential stored = ctx.agents().store(agent).loadReadOnly().store()
                .profile(ClaudeCliCredentials.PROFILE_ID);
        CredentialService.Saved saved = new CredentialService(ctx).save(agent, ClaudeCliCredentials.PROFILE_ID,
                ClaudeCliSync.merge(stored, login.credential()), AuthMode.OAUTH,
                root -> DefaultModelPatch.apply(root, DEFAULT_MODEL, setDefault));

        ctx.out().println("Claude CLI    : " + Reports.shorten(ctx, program));
        ctx.out().println("Claude login  : " + (login.source().startsWith("/")
                ? Reports.shorten(ctx, Path.of(login.source())) : login.source()) + " ("
                + login.credential().type().wireName() + (login.credential().email() == null ? ""
                : ", " + login.credential().email()) + ", expires in "
                + Durations.remaining(login.expires() - now) + ")");
        Reports.saved(ctx, saved);
        if (setDefault) {
            ctx.out().println("Default model set to " + DEFAULT_MODEL);
        } else if (!DEFAULT_MODEL.equals(currentDefault())) {
            ctx.out().println("Default model available: " + DEFAULT_MODEL + " (use --set-default to apply)");
        }
        ctx.out().println("The Claude CLI owns this login: OpenClaw re-reads it (`openclaw models status`, "
                + "`openclaw doctor`) and never spends its refresh token.");
        return 0;
    }

    private String currentDefault() {
        var config = ctx.config().agents();
        return ModelSelection.resolve(config.primaryModel(), config.fallbacks(), config.modelAliases())
                .primary().key();
    }
}
