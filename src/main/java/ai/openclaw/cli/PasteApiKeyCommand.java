package ai.openclaw.cli;

import ai.openclaw.app.Agents;
import ai.openclaw.app.AppContext;
import ai.openclaw.app.CredentialService;
import ai.openclaw.config.AuthMode;
import ai.openclaw.core.ProviderIds;
import ai.openclaw.core.Secret;
import ai.openclaw.credential.ApiKeyCredential;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "paste-api-key", mixinStandardHelpOptions = true,
        description = {"Store an API key as an `api_key` profile.",
                "The key is read with echo off on a terminal, or from standard input; never from arguments."},
        footer = {"", "Example: printf '%s' \"$OPENROUTER_KEY\" | openclaw models auth paste-api-key --provider openrouter"})
public final class PasteApiKeyCommand implements Callable<Integer> {
    private final AppContext ctx;

    @Mixin
    AgentOption agent;

    @Option(names = "--provider", required = true, paramLabel = "<id>", description = "Provider id, e.g. openai.")
    String provider;

    @Option(names = "--profile-id", paramLabel = "<id>", description = "Profile id (default: <provider>:manual).")
    String profileId;

    public PasteApiKeyCommand(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        String p = ProviderIds.normalize(provider);
        if (p.isEmpty()) {
            throw new UserError("Missing --provider.");
        }
        String id = CredentialService.profileId(p, profileId, "manual");
        Agents.Agent target = ctx.agents().resolve(agent.value());
        String key = SecretPrompt.read(ctx.terminal(), "Paste API key for " + p);
        var saved = new CredentialService(ctx).save(target, id, ApiKeyCredential.of(p, Secret.of(key)),
                AuthMode.API_KEY);
        Reports.saved(ctx, saved);
        return 0;
    }
}
