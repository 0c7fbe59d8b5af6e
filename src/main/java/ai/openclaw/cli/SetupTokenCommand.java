package ai.openclaw.cli;

import ai.openclaw.anthropic.SetupTokenValidation;
import ai.openclaw.app.AppContext;
import ai.openclaw.app.ClaudeCliProfile;
import ai.openclaw.app.CredentialService;
import ai.openclaw.config.AuthMode;
import ai.openclaw.core.ProviderIds;
import ai.openclaw.core.Secret;
import ai.openclaw.credential.TokenCredential;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "setup-token", mixinStandardHelpOptions = true,
        description = {"Store an Anthropic setup-token as a `token` profile (never refreshed).",
                "Offers to run `claude setup-token` first when Claude Code is installed.",
                "Needs an interactive terminal: the token is pasted at a prompt with echo",
                "off, never taken from arguments."},
        footer = {"", "From a script, use",
                "  printf '%%s' \"$TOKEN\" | openclaw models auth paste-token --provider anthropic",
                "Example: openclaw models auth setup-token --provider anthropic"})
public final class SetupTokenCommand implements Callable<Integer> {
    static final String PROVIDER = "anthropic";
    /** How often a person may paste a value that does not look like a setup-token. */
    static final int MAX_ATTEMPTS = 3;
    static final String NEEDS_TTY = "setup-token requires an interactive TTY. To store a setup-token from a script, "
            + "pipe it to `openclaw models auth paste-token --provider anthropic`.";

    private final AppContext ctx;

    @Mixin
    AgentOption agent;

    @Option(names = "--provider", paramLabel = "<id>", defaultValue = PROVIDER,
            description = "Provider id; only anthropic is supported (the default).")
    String provider;

    @Option(names = "--profile-id", paramLabel = "<id>",
            description = "Profile id (default: anthropic:manual; a bare name gets the anthropic: prefix).")
    String profileId;

    @Option(names = "--yes", description = "Accept the defaults: run `claude setup-token` without asking.")
    boolean yes;

    public SetupTokenCommand(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (!PROVIDER.equals(ProviderIds.normalize(provider))) {
            throw new UserError("Only --provider anthropic is supported for setup-token.");
        }
        String id = CredentialService.profileId(PROVIDER, profileId, "manual");
        Terminal terminal = ctx.terminal();
        if (!terminal.interactive()) {
            throw new UserError(NEEDS_TTY);
        }
        var agentRef = ctx.agents().resolve(agent.value());
        Optional<Path> claude = new ClaudeCliProfile(ctx).locate();
        if (claude.isPresent()) {
            if (yes || terminal.confirm("Run `claude setup-token` now?", true)) {
                runSetupToken(claude.get());
            }
        } else {
            ctx.out().println("Claude CLI not found on PATH: run `claude setup-token` on any machine with Claude Code "
                    + "installed, then paste the token here.");
        }
        String token = readToken(terminal);
        Reports.saved(ctx, new CredentialService(ctx).save(agentRef, id,
                TokenCredential.of(PROVIDER, Secret.of(token), null), AuthMode.TOKEN));
        return 0;
    }

    /** {@code claude setup-token} with this terminal; the token it prints goes from the screen to our prompt. */
    private void runSetupToken(Path claude) {
        ctx.out().println("Running " + claude + " setup-token ...");
        ctx.out().flush();
        int exit;
        try {
            exit = ctx.foreground().run(List.of(claude.toString(), "setup-token"), ctx.processEnv());
        } catch (IOException e) {
            throw new UserError("Cannot run " + claude + ": " + ai.openclaw.json.Json.describe(e)
                    + ". Nothing was stored.");
        }
        if (exit != 0) {
            throw new UserError("claude setup-token failed (exit " + exit + "). Nothing was stored.");
        }
    }

    /** The pasted setup-token, asked again (echo off) while it does not validate, at most {@value #MAX_ATTEMPTS} times. */
    private String readToken(Terminal terminal) {
        String problem = SetupTokenValidation.REQUIRED;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            char[] chars = terminal.readSecret("Paste Anthropic setup-token: ");
            if (chars == null) {
                break;
            }
            try {
                Optional<String> p = SetupTokenValidation.problem(java.nio.CharBuffer.wrap(chars));
                if (p.isEmpty()) {
                    return new String(chars).strip();
                }
                problem = p.get();
            } finally {
                Arrays.fill(chars, '\0');
            }
            if (attempt < MAX_ATTEMPTS) {
                ctx.err().println(problem + ". Try again.");
                ctx.err().flush();
            }
        }
        throw new UserError(problem + ". Nothing was stored.");
    }
}
