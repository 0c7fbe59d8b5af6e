package ai.openclaw.app;

import ai.openclaw.claudecli.ClaudeCliCredentials;
import ai.openclaw.claudecli.ClaudeCliLocator;
import ai.openclaw.claudecli.ClaudeCliRenewal;
import ai.openclaw.claudecli.ClaudeCliResync;
import ai.openclaw.claudecli.ClaudeCliSync;
import ai.openclaw.core.Durations;
import ai.openclaw.store.AuthProfilesCodec;
import ai.openclaw.store.AuthStore;
import ai.openclaw.store.AuthStoreRepository;
import ai.openclaw.store.LoadedStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reserved {@code anthropic:claude-cli} profile as this installation sees it: where the {@code claude} program
 * is, how its login is read (the layered environment's {@code CLAUDE_CONFIG_DIR}, the user's home, the Keychain on
 * macOS), and the re-sync that {@code models status} and {@code doctor} run.
 *
 * <p>Re-sync happens only for agents whose store holds the profile: reading somebody's Claude login without being
 * asked would be a surprise, so {@code openclaw models auth login --provider anthropic --method cli [--agent <id>]} is
 * the opt-in, per agent.
 */
public final class ClaudeCliProfile {
    /** The backend id whose {@code command} names the {@code claude} program. */
    public static final String BACKEND_ID = "claude-cli";

    private final AppContext ctx;

    public ClaudeCliProfile(AppContext ctx) {
        this.ctx = ctx;
    }

    /** The reader of the Claude CLI's login, over the layered environment and the user's home. */
    public ClaudeCliCredentials credentials() {
        return new ClaudeCliCredentials(ctx.loaded().env().asMap(), ctx.userHome(), ctx.keychain());
    }

    /** The sync of the profile with the Claude CLI's login. */
    public ClaudeCliSync sync() {
        return new ClaudeCliSync(credentials(), ctx.clock());
    }

    /** The refresher that renews the profile by re-reading the Claude CLI's login (Keychain allowed on macOS). */
    public ClaudeCliResync refresher() {
        return new ClaudeCliResync(credentials(), ctx.clock(), true);
    }

    /** {@code agents.defaults.cliBackends.claude-cli.command}, when configured. */
    public Optional<String> configuredCommand() {
        return ctx.config().cliBackendCommand(BACKEND_ID);
    }

    /** The {@code claude} executable, when installed (configured command, else {@code PATH}). */
    public Optional<Path> locate() {
        String configured = configuredCommand().map(this::expandTilde).orElse(null);
        return ClaudeCliLocator.locate(ctx.loaded().env().get("PATH").orElse(null), configured);
    }

    private String expandTilde(String command) {
        if (command.equals("~")) {
            return ctx.userHome().toString();
        }
        return command.startsWith("~/") ? ctx.userHome().resolve(command.substring(2)).toString() : command;
    }

    /**
     * True when the agent's store holds the profile. The config's {@code auth.profiles} is shared by all agents, so it
     * does not count: listing the profile there must not copy the Claude CLI's login into every agent's store.
     */
    public boolean inUse(AuthStore store) {
        return store.profile(ClaudeCliCredentials.PROFILE_ID) != null;
    }

    /**
     * The result of a re-sync for one agent.
     *
     * @param loaded      the load to report on (with the Claude CLI's login when it was saved or overlaid)
     * @param result      what the sync did
     * @param problem     why the Claude CLI's login could not be used or saved, or that it has none; null when fine
     * @param expiredNote that the Claude CLI's login expired, with how to renew it; null when it did not
     */
    public record Resynced(LoadedStore loaded, ClaudeCliSync.Result result, String problem, String expiredNote) {
        /** Both notes, for a report's warnings. */
        public List<String> notes() {
            List<String> out = new ArrayList<>();
            if (problem != null) {
                out.add(problem);
            }
            if (expiredNote != null) {
                out.add(expiredNote);
            }
            return List.copyOf(out);
        }
    }

    /**
     * Re-syncs the agent's profile with the Claude CLI's login when the agent uses it.
     *
     * @param loaded      the agent's store as just loaded
     * @param useKeychain whether the macOS Keychain may be asked (status output never does: it may prompt)
     * @return empty when the agent does not use the profile
     */
    public Optional<Resynced> resync(Agents.Agent agent, LoadedStore loaded, boolean useKeychain) {
        if (!inUse(loaded.store()) || (loaded.exists() && loaded.format() != AuthProfilesCodec.Format.CANONICAL)) {
            return Optional.empty();
        }
        AuthStoreRepository repo = ctx.agents().store(agent);
        // legacy credentials imported in memory only: a write now would create the store without them
        boolean writable = !ctx.storeLoadsReadOnly() && (loaded.exists() || loaded.imported().isEmpty());
        ClaudeCliCredentials credentials = credentials();
        ClaudeCliSync.Result r = new ClaudeCliSync(credentials, ctx.clock())
                .sync(repo, loaded.store(), writable, useKeychain);
        String problem = problem(r, credentials.whereLooked(useKeychain));
        String expired = r.loginExpiredAt(ctx.now()) ? ClaudeCliCredentials.PROFILE_ID + ": the Claude CLI login ("
                + r.login().source() + ") expired " + Durations.remaining(ctx.now() - r.login().expires()) + " ago. "
                + ClaudeCliRenewal.HINT : null;
        if (r.store() == loaded.store()) {
            return Optional.of(new Resynced(loaded, r, problem, expired));
        }
        AuthProfilesCodec.Format format = r.action() == ClaudeCliSync.Action.SAVED
                ? AuthProfilesCodec.Format.CANONICAL : loaded.format();
        return Optional.of(new Resynced(new LoadedStore(loaded.path(), r.store(), format, loaded.warnings(),
                loaded.imported()), r, problem, expired));
    }

    private String problem(ClaudeCliSync.Result r, String whereLooked) {
        String id = ClaudeCliCredentials.PROFILE_ID;
        return switch (r.action()) {
            case UNREADABLE -> id + ": " + r.problem();
            case NO_LOGIN -> id + ": the Claude CLI has no login (looked in " + whereLooked + "). "
                    + ClaudeCliRenewal.LOG_IN;
            case OVERLAID -> id + ": the newer Claude CLI login (" + r.login().source() + ") is used for this report "
                    + "but was not saved (" + (r.problem() != null ? r.problem()
                    : ctx.storeLoadsReadOnly() ? "OPENCLAW_AUTH_STORE_READONLY=1"
                    : "legacy credentials are not imported yet; run `openclaw doctor`") + ")";
            default -> null;
        };
    }
}
