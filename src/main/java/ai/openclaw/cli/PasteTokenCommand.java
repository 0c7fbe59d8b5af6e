package ai.openclaw.cli;

import ai.openclaw.app.AppContext;
import ai.openclaw.app.CredentialService;
import ai.openclaw.config.AuthMode;
import ai.openclaw.core.Durations;
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

    @Mixin
    CredentialTarget target;

    @Option(names = "--expires-in", paramLabel = "<duration>",
            description = "Token lifetime, e.g. 365d, 12h, 30m (a bare number means days). Default: no expiry.")
    String expiresIn;

    public PasteTokenCommand(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        String provider = target.provider();
        String id = target.profileId();
        Long expires = expiresIn == null ? null : ctx.now() + Durations.parseMillis(expiresIn);
        var agentRef = ctx.agents().resolve(agent.value());
        String token = SecretPrompt.read(ctx.terminal(), "Paste token for " + provider);
        Reports.saved(ctx, new CredentialService(ctx).save(agentRef, id,
                TokenCredential.of(provider, Secret.of(token), expires), AuthMode.TOKEN));
        return 0;
    }
}
