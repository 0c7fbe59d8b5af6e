package ai.openclaw.cli;

import ai.openclaw.app.Agents;
import ai.openclaw.app.AppContext;
import ai.openclaw.app.CredentialService;
import ai.openclaw.config.AuthMode;
import ai.openclaw.core.Durations;
import ai.openclaw.core.ProviderIds;
import ai.openclaw.core.Secret;
import ai.openclaw.credential.TokenCredential;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "paste-token", mixinStandardHelpOptions = true,
        description = {"Store a static bearer token (e.g. an Anthropic setup-token) as a `token` profile.",
                "The token is read with echo off on a terminal, or from standard input; never from arguments."},
        footer = {"", "Example: openclaw models auth paste-token --provider anthropic --expires-in 365d"})
public final class PasteTokenCommand implements Callable<Integer> {
    private final AppContext ctx;

    @Mixin
    AgentOption agent;

    @Option(names = "--provider", required = true, paramLabel = "<id>", description = "Provider id, e.g. anthropic.")
    String provider;

    @Option(names = "--profile-id", paramLabel = "<id>", description = "Profile id (default: <provider>:manual).")
    String profileId;

    @Option(names = "--expires-in", paramLabel = "<duration>",
            description = "Token lifetime, e.g. 365d, 12h, 30m (a bare number means days). Default: no expiry.")
    String expiresIn;

    public PasteTokenCommand(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        String p = ProviderIds.normalize(provider);
        if (p.isEmpty()) {
            throw new UserError("Missing --provider.");
        }
        String id = CredentialService.profileId(p, profileId, "manual");
        Long expires = expiresIn == null ? null : ctx.now() + Durations.parseMillis(expiresIn);
        Agents.Agent target = ctx.agents().resolve(agent.value());
        String token = SecretPrompt.read(ctx.terminal(), "Paste token for " + p);
        var saved = new CredentialService(ctx).save(target, id, TokenCredential.of(p, Secret.of(token), expires),
                AuthMode.TOKEN);
        Reports.saved(ctx, saved);
        return 0;
    }
}
