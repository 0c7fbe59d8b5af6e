package ai.openclaw.cli;

import ai.openclaw.app.AppContext;
import ai.openclaw.app.Agents;
import ai.openclaw.app.CredentialService;
import ai.openclaw.app.DefaultModelPatch;
import ai.openclaw.config.AuthMode;
import ai.openclaw.core.ProviderIds;
import ai.openclaw.credential.Credential;
import ai.openclaw.oauth.OAuthLoginException;
import ai.openclaw.oauth.PasteInput;
import ai.openclaw.oauth.RemoteEnvironment;
import ai.openclaw.oauth.codex.CodexEndpoints;
import ai.openclaw.oauth.codex.CodexLogin;
import ai.openclaw.oauth.codex.CodexLoginFlow;
import ai.openclaw.oauth.codex.CodexTokenClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code openclaw models auth login --provider <id> [--method <id>]}: runs a provider's login and stores what it
 * returns like every other credential command (store + {@code auth.profiles}), then offers or applies the
 * provider's default model (logins §4.2).
 *
 * <p>Unlike OpenClaw it does not require a terminal: without one, the pasted redirect URL is read from standard
 * input, so scripts and tests can complete a login.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Sign in with a provider's own login and store the result as an auth profile.",
                "openai-codex (method oauth): prints a ChatGPT sign-in URL, then takes the browser's redirect to"
                        + " http://localhost:1455/auth/callback, or the redirect URL / code pasted at the prompt"
                        + " (from standard input when there is no terminal).",
                "anthropic (method cli): reuses the login of the Claude CLI (claude must be installed and logged"
                        + " in) as the profile anthropic:claude-cli; the Claude CLI keeps owning it, and"
                        + " `models status` / `doctor` re-read it."},
        footer = {"", "Examples:", "  openclaw models auth login --provider openai-codex --set-default",
                "  openclaw models auth login --provider anthropic --method cli --set-default"})
public final class ModelsLoginCommand implements Callable<Integer> {
    /**
     * The model offered after a Codex login. The reference leaves the current value open (logins §2.9, §7.6); this
     * is the id OpenClaw's Codex onboarding wrote in the versions this implementation follows (Era B).
     */
    static final String CODEX_DEFAULT_MODEL = "openai-codex/gpt-5.3-codex";
    /** Production wait for the browser callback before the paste prompt (logins §2.4). */
    static final Duration CALLBACK_WAIT = Duration.ofSeconds(60);

    /** Provider to the login methods it offers, first = used when {@code --method} is omitted. */
    private static final Map<String, List<String>> SUPPORTED = supported();

    private static Map<String, List<String>> supported() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(CodexEndpoints.PROVIDER, List.of("oauth"));
        m.put("anthropic", List.of(ClaudeCliLogin.METHOD));
        return m;
    }

    private final AppContext ctx;

    @Mixin
    AgentOption agent;

    @Option(names = "--provider", required = true, paramLabel = "<id>", description = "Provider id: openai-codex or anthropic.")
    String provider;

    @Option(names = "--method", paramLabel = "<id>", description = "Login method (openai-codex: oauth, the default; anthropic: cli).")
    String method;

    @Option(names = "--profile-id", paramLabel = "<id>",
            description = "Profile id (default: <provider>:<account e-mail>; a bare name gets the <provider>: prefix).")
    String profileId;

    @Option(names = "--set-default", description = "Also make the provider's default model the default model.")
    boolean setDefault;

    public ModelsLoginCommand(AppContext ctx) {
        this.ctx = ctx;
    }

    /** The profiles the last {@link #call()} stored (for onboarding, which runs logins through this command). */
    private List<String> stored = List.of();

    List<String> storedProfileIds() {
        return stored;
    }

    /** What a provider's login produced, before it is stored. */
    private record Login(String profileName, Credential credential, AuthMode mode, String defaultModel) {}

    @Override
    public Integer call() {
        String p = ProviderIds.normalize(provider);
        if (p.isEmpty()) {
            throw new UserError("Missing --provider.");
        }
        String m = method == null || method.isBlank() ? null : method.strip().toLowerCase(Locale.ROOT);
        if (p.equals("anthropic")) {
            // the Claude CLI keeps owning this login: its own flow stores and reports it
            int exit = new ClaudeCliLogin(ctx).run(agent.value(), m, setDefault);
            stored = List.of(ai.openclaw.claudecli.ClaudeCliCredentials.PROFILE_ID);
            return exit;
        }
        // before the login, so that a bad --agent or --profile-id does not waste a sign-in
        Agents.Agent target = ctx.agents().resolve(agent.value());
        if (profileId != null) {
            CredentialService.profileId(p, profileId, "unused"); // throws on a malformed or foreign id
        }
        Login login = login(p, m);
        String id = CredentialService.profileId(p, profileId, login.profileName());
        CredentialService.Saved saved = new CredentialService(ctx).save(target, id, login.credential(), login.mode(),
                root -> DefaultModelPatch.apply(root, login.defaultModel(), setDefault));
        stored = List.of(saved.profileId());
        Reports.saved(ctx, saved);
        ctx.out().println(setDefault ? "Default model set to " + login.defaultModel()
                : "Default model available: " + login.defaultModel() + " (use --set-default to apply)");
        return 0;
    }

    /** One case per provider; each checks its own methods. Add a provider here and in {@link #supported()}. */
    private Login login(String provider, String method) {
        return switch (provider) {
            case CodexEndpoints.PROVIDER -> {
                requireMethod(provider, method);
                yield codexOAuth();
            }
            default -> throw new UserError("Unknown provider \"" + provider + "\" for models auth login. Supported: "
                    + describeSupported() + ".");
        };
    }

    private static void requireMethod(String provider, String method) {
        List<String> methods = SUPPORTED.get(provider);
        if (method != null && !methods.contains(method)) {
            throw new UserError("Unknown auth method \"" + method + "\" for " + provider + ". Use "
                    + methods.stream().map(x -> "--method " + x).collect(Collectors.joining(" or "))
                    + " or omit --method.");
        }
    }

    private static String describeSupported() {
        return SUPPORTED.entrySet().stream()
                .map(e -> "--provider " + e.getKey() + " (--method " + String.join("|", e.getValue()) + ")")
                .collect(Collectors.joining(", "));
    }

    private Login codexOAuth() {
        Map<String, String> env = ctx.loaded().env().asMap();
        CodexEndpoints endpoints = CodexEndpoints.fromEnv(env);
        // os.name decides whether a Linux host without a display is headless (logins §2.5)
        RemoteEnvironment remote = RemoteEnvironment.detect(ctx.processEnv(), System.getProperty("os.name"));
        try (CodexTokenClient client = CodexTokenClient.create(endpoints, env, ctx.clock())) {
            CodexLogin login = new CodexLoginFlow(client, new SecureRandom(), pasteInput(ctx.terminal()), ctx.out(),
                    ctx.err(), remote, CALLBACK_WAIT).run();
            return new Login(login.identity().profileName(), login.credential(), AuthMode.OAUTH, CODEX_DEFAULT_MODEL);
        } catch (OAuthLoginException e) {
            throw new UserError("OpenAI OAuth failed: " + e.getMessage()
                    + "\nTrouble with OAuth? See https://docs.openclaw.ai/start/faq");
        }
    }

    private static PasteInput pasteInput(Terminal terminal) {
        return new PasteInput() {
            @Override
            public boolean interactive() {
                return terminal.interactive();
            }

            @Override
            public String readLine(String prompt) {
                return terminal.readLine(prompt);
            }
        };
    }
}
