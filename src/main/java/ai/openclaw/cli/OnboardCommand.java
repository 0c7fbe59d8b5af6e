package ai.openclaw.cli;

import ai.openclaw.app.Agents;
import ai.openclaw.app.AppContext;
import ai.openclaw.cli.onboard.AuthChoice;
import ai.openclaw.cli.onboard.AuthStep;
import ai.openclaw.cli.onboard.Flow;
import ai.openclaw.cli.onboard.Mode;
import ai.openclaw.cli.onboard.NonInteractivePlanner;
import ai.openclaw.cli.onboard.OnboardApplier;
import ai.openclaw.cli.onboard.OnboardException;
import ai.openclaw.cli.onboard.OnboardJson;
import ai.openclaw.cli.onboard.OnboardPlan;
import ai.openclaw.cli.onboard.OnboardRequest;
import ai.openclaw.cli.onboard.OnboardResult;
import ai.openclaw.cli.onboard.OnboardWizard;
import ai.openclaw.cli.onboard.ResolvedSecret;
import ai.openclaw.cli.onboard.SecretArgument;
import ai.openclaw.cli.onboard.SecretFlags;
import ai.openclaw.cli.prompt.PromptCancelledException;
import ai.openclaw.cli.prompt.PromptSession;
import ai.openclaw.config.AuthMode;
import ai.openclaw.core.Durations;
import ai.openclaw.credential.TokenCredential;
import ai.openclaw.env.LayeredEnv;
import ai.openclaw.json.Json;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "onboard", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Connect a model provider: store an API key or a setup-token (or start a login), write the "
                + "config, and show `models status`.",
                "On a terminal it asks (arrow keys, masked entry); with --non-interactive --accept-risk everything "
                        + "comes from flags, the environment and standard input."},
        footer = {"", "Secrets stay out of argv: give a secret flag the value `-` to read the secret from standard "
                + "input, or leave the flag out and set ANTHROPIC_API_KEY, OPENAI_API_KEY, OPENROUTER_API_KEY, "
                + "GEMINI_API_KEY, CUSTOM_API_KEY or ANTHROPIC_SETUP_TOKEN. A secret typed as a flag's value is "
                + "visible to other local users; a warning says so.",
                "", "Examples:", "  openclaw onboard",
                "  printf '%%s' \"$KEY\" | openclaw onboard --non-interactive --accept-risk --auth-choice apiKey "
                        + "--anthropic-api-key -",
                "  openclaw onboard --non-interactive --accept-risk --auth-choice custom-api-key "
                        + "--custom-base-url http://127.0.0.1:8000/v1 --custom-model-id qwen"})
public final class OnboardCommand implements Callable<Integer> {
    /** Exit status after Ctrl-C, as a shell reports a process ended by SIGINT. */
    static final int EXIT_INTERRUPTED = 130;

    private final AppContext ctx;

    @Option(names = "--non-interactive", description = "Ask nothing; requires --accept-risk.")
    boolean nonInteractive;

    @Option(names = "--accept-risk", description = "Acknowledge that unattended setup stores credentials without review.")
    boolean acceptRisk;

    @Option(names = "--flow", paramLabel = "<flow>",
            description = "quickstart (fewest questions), advanced or manual (every question; the default).")
    String flow;

    @Option(names = "--mode", paramLabel = "<mode>",
            description = "local (default): set up model auth here; remote: the gateway runs elsewhere, nothing to do here.")
    String mode;

    @Option(names = "--auth-choice", paramLabel = "<choice>", description = "apiKey, token, setup-token, "
            + "openai-api-key, openai-codex, openrouter-api-key, gemini-api-key, custom-api-key, skip, ...")
    String authChoice;

    @Option(names = "--token-provider", paramLabel = "<id>", description = "With --auth-choice token: anthropic.")
    String tokenProvider;

    @Option(names = "--token", paramLabel = "<token|->", description = "Setup-token; `-` reads it from standard input.")
    String token;

    @Option(names = "--token-profile-id", paramLabel = "<id>", description = "Default: anthropic:default.")
    String tokenProfileId;

    @Option(names = "--token-expires-in", paramLabel = "<duration>", description = "e.g. 365d, 12h. Default: none.")
    String tokenExpiresIn;

    @Option(names = "--anthropic-api-key", paramLabel = "<key|->", description = "`-` reads it from standard input.")
    String anthropicApiKey;

    @Option(names = "--openai-api-key", paramLabel = "<key|->", description = "`-` reads it from standard input.")
    String openaiApiKey;

    @Option(names = "--openrouter-api-key", paramLabel = "<key|->", description = "`-` reads it from standard input.")
    String openrouterApiKey;

    @Option(names = "--gemini-api-key", paramLabel = "<key|->", description = "`-` reads it from standard input.")
    String geminiApiKey;

    @Option(names = "--custom-base-url", paramLabel = "<url>", description = "Custom provider endpoint, e.g. http://127.0.0.1:8000/v1.")
    String customBaseUrl;

    @Option(names = "--custom-api-key", paramLabel = "<key|->", description = "Optional; `-` reads it from standard input.")
    String customApiKey;

    @Option(names = "--custom-model-id", paramLabel = "<id>", description = "The model to call there.")
    String customModelId;

    @Option(names = "--custom-provider-id", paramLabel = "<id>", description = "Default: custom-<host>.")
    String customProviderId;

    @Option(names = "--custom-compatibility", paramLabel = "<api>", description = "openai (default) or anthropic.")
    String customCompatibility;

    @Option(names = "--json", description = "With --non-interactive: print a JSON summary instead of text (no secrets).")
    boolean json;

    /**
     * Caught here rather than left to picocli, whose "Unmatched argument" message would repeat them: a stray argument
     * is often a key pasted without its flag.
     */
    @Parameters(hidden = true)
    List<String> stray;

    public OnboardCommand(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        try {
            return run();
        } catch (OnboardException e) {
            ctx.err().println("Error: " + e.getMessage());
            return Cli.EXIT_ERROR;
        } catch (PromptCancelledException e) {
            if (e.interrupted()) {
                ctx.err().println("Onboarding cancelled; nothing was changed.");
                return EXIT_INTERRUPTED;
            }
            ctx.err().println("Error: the input ended before every question was answered; nothing was changed.");
            return Cli.EXIT_ERROR;
        }
    }

    private int run() {
        if (stray != null && !stray.isEmpty()) {
            throw new OnboardException("onboard takes no arguments besides its options (" + stray.size()
                    + " given, not shown: one may be a secret).", "Pass a key with its flag, e.g. "
                    + "`--anthropic-api-key -` to read it from standard input.");
        }
        if (nonInteractive && !acceptRisk) {
            throw new OnboardException("Non-interactive onboarding requires explicit risk acknowledgement.",
                    "Read: https://docs.openclaw.ai/security",
                    "Re-run with: openclaw onboard --non-interactive --accept-risk ...");
        }
        OnboardRequest req = request();
        if (json && !nonInteractive) {
            throw new OnboardException("--json needs --non-interactive (the wizard talks to a person).");
        }
        if (req.mode() == Mode.REMOTE) {
            return remote(req);
        }
        Agents.Agent agent = ctx.agents().resolve(null);
        LayeredEnv env = ctx.loaded().env();
        String currentModel = ctx.config().agents().primaryModel();
        Map<String, ResolvedSecret> secrets = SecretFlags.resolve(req.secrets(), ctx.terminal(), ctx.err());
        OnboardPlan plan;
        if (nonInteractive) {
            plan = new NonInteractivePlanner(secrets, env::get, ctx.agents().store(agent).loadReadOnly().store(),
                    ctx.now(), currentModel).plan(req);
        } else {
            if (!ctx.terminal().interactive()) {
                ctx.err().println("Standard input is not a terminal: the answers are read from it, one per line "
                        + "(scripts: openclaw onboard --non-interactive --accept-risk ...).");
            }
            try (PromptSession session = PromptSession.open(ctx.terminal().rawConsole(), ctx.terminal(), ctx.out(),
                    colors())) {
                plan = new OnboardWizard(session.prompter(), secrets, env::get, ctx.now(), currentModel).run(req);
            }
        }
        OnboardResult result = new OnboardApplier(ctx, new CommandLoginLauncher(ctx)).apply(agent, plan);
        if (json) {
            ctx.out().print(Json.pretty(OnboardJson.render(result, req.mode())));
            return 0;
        }
        report(result);
        ctx.out().println();
        return ModelsStatusCommand.run(ctx, null, false, false, false);
    }

    private OnboardRequest request() {
        return new OnboardRequest(nonInteractive, acceptRisk, Flow.parse(flow), Mode.parse(mode), authChoice,
                tokenProvider, tokenProfileId, tokenExpiresIn, customBaseUrl, customModelId, customProviderId,
                customCompatibility, List.of(
                        new SecretArgument("--anthropic-api-key", anthropicApiKey),
                        new SecretArgument("--openai-api-key", openaiApiKey),
                        new SecretArgument("--openrouter-api-key", openrouterApiKey),
                        new SecretArgument("--gemini-api-key", geminiApiKey),
                        new SecretArgument("--token", token),
                        new SecretArgument("--custom-api-key", customApiKey)),
                json);
    }

    /** A remote gateway keeps its own credentials: nothing is written here. */
    private int remote(OnboardRequest req) {
        if (req.authChoice() != null && !req.authChoice().strip().equals(AuthChoice.SKIP.id())) {
            throw new OnboardException("--mode remote sets up no model auth on this machine: the remote gateway "
                    + "keeps its own credentials.", "Run `openclaw onboard` on the gateway host, or use --mode local.");
        }
        if (json) {
            var o = Json.object();
            o.put("mode", Mode.REMOTE.wireName());
            o.put("changed", false);
            ctx.out().print(Json.pretty(o));
        } else {
            ctx.out().println("Mode remote: model credentials live on the gateway host; run `openclaw onboard` there. "
                    + "Nothing was changed here.");
        }
        return 0;
    }

    private void report(OnboardResult r) {
        r.savedProfile().ifPresent(saved -> {
            Reports.saved(ctx, saved);
            switch (r.plan().auth()) {
                case AuthStep.Store s -> {
                    ctx.out().println((s.mode() == AuthMode.TOKEN ? "Token" : "Key") + " from: "
                            + s.originText());
                    if (s.credential() instanceof TokenCredential t && t.expires() != null) {
                        ctx.out().println("Expires in: " + Durations.remaining(t.expires() - ctx.now()));
                    }
                }
                case AuthStep.KeepProfile k -> ctx.out().println("Using the API key already stored in " + k.profileId()
                        + ".");
                default -> { }
            }
        });
        r.plan().customProvider().ifPresent(c -> {
            ctx.out().println("Provider: models.providers." + c.id() + " (" + c.baseUrl() + ", "
                    + c.compatibility().api().wireName() + ", model " + c.modelId() + ")");
            if (r.profile() == null) {
                ctx.out().println("No API key stored for " + c.id() + ": requests to it carry no credential.");
            }
        });
        if (r.plan().choice() == AuthChoice.SKIP) {
            ctx.out().println("Model auth: skipped (nothing stored).");
        }
        if (r.savedProfile().isEmpty() && r.configUpdated()) {
            ctx.out().println("Updated " + Reports.shorten(ctx, r.configPath()));
        }
        String model = r.defaultModel();
        ctx.out().println("Default model: " + (model == null ? "not set (the built-in default applies)"
                : model + (r.defaultModelChanged() ? " (set)" : " (unchanged)")));
    }

    private boolean colors() {
        Map<String, String> env = ctx.processEnv();
        return !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
    }
}
