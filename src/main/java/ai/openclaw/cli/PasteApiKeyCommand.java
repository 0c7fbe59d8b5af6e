package ai.openclaw.cli;

import ai.openclaw.app.AppContext;
import ai.openclaw.app.CredentialService;
import ai.openclaw.config.AuthMode;
import ai.openclaw.core.Secret;
import ai.openclaw.credential.ApiKeyCredential;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "paste-api-key", mixinStandardHelpOptions = true,
        description = {"Store an API key as an `api_key` profile.",
                "The key is read with echo off on a terminal, or from standard input; never from arguments."},
        footer = {"", "Example: printf '%s' \"$OPENROUTER_KEY\" | openclaw models auth paste-api-key --provider openrouter"})
public final class PasteApiKeyCommand implements Callable<Integer> {
    private final AppContext ctx;

    @Mixin
    AgentOption agent;

    @Mixin
    CredentialTarget target;

    public PasteApiKeyCommand(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        String provider = target.provider();
        String id = target.profileId();
        var agentRef = ctx.agents().resolve(agent.value());
        String key = SecretPrompt.read(ctx.terminal(), "Paste API key for " + provider);
        Reports.saved(ctx, new CredentialService(ctx).save(agentRef, id,
                ApiKeyCredential.of(provider, Secret.of(key)), AuthMode.API_KEY));
        return 0;
    }
}
