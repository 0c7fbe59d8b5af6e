package ai.openclaw.app;

import ai.openclaw.claudecli.ForegroundRunner;
import ai.openclaw.claudecli.Keychain;
import ai.openclaw.cli.Terminal;
import ai.openclaw.config.ConfigLoader;
import ai.openclaw.config.ConfigWriter;
import ai.openclaw.config.LoadedConfig;
import ai.openclaw.config.OpenClawConfig;
import ai.openclaw.env.ShellEnvRunner;
import ai.openclaw.fs.FileLockManager;
import ai.openclaw.oauth.refresh.RefreshCoordinator;
import ai.openclaw.oauth.refresh.RefreshOptions;
import ai.openclaw.oauth.refresh.RefresherRegistry;
import ai.openclaw.paths.StatePaths;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * The composition root: everything that touches the outside world (clock, environment, home directory, terminal,
 * output streams, locks) is created once here and handed to the services. Tests build one with temp directories
 * and string writers.
 */
public final class AppContext {
    private final Map<String, String> processEnv;
    private final Path userHome;
    private final Clock clock;
    private final FileLockManager locks;
    private final ShellEnvRunner shell;
    private final Terminal terminal;
    private final PrintWriter out;
    private final PrintWriter err;
    private final StatePaths paths;
    private final Keychain keychain;
    private final ForegroundRunner foreground;
    private LoadedConfig loaded;
    private RefresherRegistry refreshers;
    private RefreshCoordinator oauthRefresh;

    /** The macOS Keychain when {@code os.name} says macOS, and programs run with this process's terminal. */
    public AppContext(Map<String, String> processEnv, Path userHome, Clock clock, long pid, ShellEnvRunner shell,
                      Terminal terminal, PrintWriter out, PrintWriter err) {
        this(processEnv, userHome, clock, pid, shell, terminal, out, err,
                Keychain.forOs(System.getProperty("os.name")), ForegroundRunner.INHERIT_IO);
    }

    /**
     * @param keychain   where the Claude CLI's login is read on macOS ({@link Keychain#NONE} elsewhere and in tests)
     * @param foreground runs a program such as {@code claude setup-token} with the terminal
     */
    public AppContext(Map<String, String> processEnv, Path userHome, Clock clock, long pid, ShellEnvRunner shell,
                      Terminal terminal, PrintWriter out, PrintWriter err, Keychain keychain,
                      ForegroundRunner foreground) {
        this.processEnv = Map.copyOf(processEnv);
        this.userHome = Objects.requireNonNull(userHome);
        this.clock = Objects.requireNonNull(clock);
        this.locks = new FileLockManager(clock, pid);
        this.shell = shell;
        this.terminal = terminal;
        this.out = out;
        this.err = err;
        this.paths = StatePaths.resolve(this.processEnv, userHome);
        this.keychain = Objects.requireNonNull(keychain);
        this.foreground = Objects.requireNonNull(foreground);
    }

    public Map<String, String> processEnv() {
        return processEnv;
    }

    public Clock clock() {
        return clock;
    }

    public long now() {
        return clock.millis();
    }

    public FileLockManager locks() {
        return locks;
    }

    public Terminal terminal() {
        return terminal;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public StatePaths paths() {
        return paths;
    }

    public Path userHome() {
        return userHome;
    }

    /** The macOS Keychain, or {@link Keychain#NONE}. */
    public Keychain keychain() {
        return keychain;
    }

    /** Runs a program in the foreground with this process's terminal. */
    public ForegroundRunner foreground() {
        return foreground;
    }

    /** The config and layered environment, loaded once per command (malformed config throws). */
    public synchronized LoadedConfig loaded() {
        if (loaded == null) {
            loaded = ConfigLoader.load(paths, processEnv, shell);
        }
        return loaded;
    }

    public OpenClawConfig config() {
        return loaded().config();
    }

    /**
     * Loads the config, or, when it cannot be read, continues with an empty config and the process environment so
     * that a diagnosing command ({@code doctor}) can still examine the stores. Returns the load error, if any.
     */
    public synchronized java.util.Optional<RuntimeException> loadLeniently() {
        try {
            loaded();
            return java.util.Optional.empty();
        } catch (ai.openclaw.json.MalformedFileException | ai.openclaw.config.ConfigException e) {
            loaded = new LoadedConfig(OpenClawConfig.empty(paths.configPath()),
                    ai.openclaw.env.LayeredEnv.ofProcess(processEnv));
            return java.util.Optional.of(e);
        }
    }

    /** Puts a config in force (the gateway keeps its last good config when a reload fails). */
    public synchronized void useLoaded(LoadedConfig config) {
        loaded = config;
    }

    /** Forgets the loaded config after this command changed it. */
    public synchronized void configChanged() {
        loaded = null;
    }

    public ConfigWriter configWriter() {
        return new ConfigWriter(locks);
    }

    /** {@code OPENCLAW_AUTH_STORE_READONLY=1}: loads never write (legacy imports stay in memory). */
    public boolean storeLoadsReadOnly() {
        return "1".equals(processEnv.get("OPENCLAW_AUTH_STORE_READONLY"));
    }

    public Agents agents() {
        return new Agents(this);
    }

    /** Replaces the token refreshers (tests, embedders); call before the first {@link #oauthRefresh()}. */
    public synchronized void useRefreshers(RefresherRegistry registry) {
        this.refreshers = java.util.Objects.requireNonNull(registry);
        this.oauthRefresh = null;
    }

    /**
     * The process's OAuth refresh coordinator (one per process: it holds the in-process single flight). Mirroring
     * into other agents' stores is off when {@code OPENCLAW_DISABLE_AUTH_PEER_MIRROR=1}; its warnings go to stderr.
     */
    public synchronized RefreshCoordinator oauthRefresh() {
        if (oauthRefresh == null) {
            RefreshOptions options = RefreshOptions.DEFAULTS
                    .withPeerMirrorDisabled(() -> "1".equals(envMap().get("OPENCLAW_DISABLE_AUTH_PEER_MIRROR")));
            if (refreshers == null) {
                refreshers = BuiltInRefreshers.of(this, this::envMap);
            }
            oauthRefresh = new RefreshCoordinator(locks, clock, paths.stateDir(), refreshers,
                    new AgentStoreDirectory(this), options, w -> err.println("oauth refresh: " + w));
        }
        return oauthRefresh;
    }

    /** The layered environment ({@code .env}, config {@code env}, process), else the process's alone. */
    private Map<String, String> envMap() {
        try {
            return loaded().env().asMap();
        } catch (RuntimeException e) {
            return processEnv;
        }
    }
}
