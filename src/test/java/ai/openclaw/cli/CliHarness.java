package ai.openclaw.cli;

import ai.openclaw.app.AppContext;
import ai.openclaw.claudecli.ForegroundRunner;
import ai.openclaw.claudecli.Keychain;
import ai.openclaw.env.ShellEnvRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Black-box driver of the {@code openclaw} CLI over a private temp HOME and state directory.
 *
 * <p>{@link #run} executes one command in this JVM through {@link Cli#execute} with the harness's environment map,
 * a settable {@link Clock} and a scripted {@link Terminal}. {@link #runProcess} starts a real JVM on
 * {@code ai.openclaw.cli.Main} with the same HOME/state dir, feeds its standard input and waits for its exit.
 */
public final class CliHarness {
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");

    /** The outcome of one command. */
    public record Result(int exit, String out, String err) {
        public JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (RuntimeException e) {
                throw new AssertionError("stdout is not JSON: " + e.getMessage() + "\n--- stdout ---\n" + out
                        + "\n--- stderr ---\n" + err, e);
            }
        }

        public String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit=" + exit + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    /** A clock tests can move. */
    public static final class MutableClock extends Clock {
        private final AtomicLong millis;

        MutableClock(long millis) {
            this.millis = new AtomicLong(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        public void set(long epochMillis) {
            millis.set(epochMillis);
        }

        public void advance(Duration d) {
            millis.addAndGet(d.toMillis());
        }
    }

    private final Path root;
    private final Path home;
    private final Path stateDir;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final MutableClock clock;
    private ScriptedTerminal lastTerminal;
    private ShellEnvRunner shell = ShellEnvRunner.disabled();
    private ForegroundRunner foreground = this::runInBackground;
    private ai.openclaw.oauth.refresh.RefresherRegistry refreshers;

    public CliHarness(Path root) {
        this.root = root;
        this.home = root.resolve("home");
        this.stateDir = home.resolve(".openclaw");
        mkdirsPrivate(stateDir);
        env.put("HOME", home.toString());
        env.put("OPENCLAW_STATE_DIR", stateDir.toString());
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        // a whole number of seconds, so that "expires in" texts are stable
        this.clock = new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toEpochMilli());
    }

    // ---- locations -------------------------------------------------------------------------------------------

    public Path root() {
        return root;
    }

    public Path home() {
        return home;
    }

    public Path stateDir() {
        return stateDir;
    }

    public Path configPath() {
        return stateDir.resolve("openclaw.json");
    }

    public Path agentDir(String agentId) {
        return stateDir.resolve("agents").resolve(agentId).resolve("agent");
    }

    public Path store(String agentId) {
        return agentDir(agentId).resolve("auth-profiles.json");
    }

    public Path authState(String agentId) {
        return agentDir(agentId).resolve("auth-state.json");
    }

    // ---- environment and clock -------------------------------------------------------------------------------

    public Map<String, String> env() {
        return env;
    }

    public CliHarness env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    /** What the login-shell import ({@code env.shellEnv.enabled}) sees; by default it fails. */
    public CliHarness shell(ShellEnvRunner runner) {
        this.shell = runner;
        return this;
    }

    /** The token refreshers each in-process run's composition root gets (none by default, as in a plain build). */
    public CliHarness refreshers(ai.openclaw.oauth.refresh.RefresherRegistry registry) {
        this.refreshers = registry;
        return this;
    }

    public MutableClock clock() {
        return clock;
    }

    /** Runs the programs a command starts with the terminal ({@code claude setup-token}); see {@link #runInBackground}. */
    public CliHarness foreground(ForegroundRunner runner) {
        this.foreground = runner;
        return this;
    }

    /** Where the default foreground runner appends the output of the programs it runs. */
    public Path foregroundLog() {
        return root.resolve("foreground.log");
    }

    /**
     * The default foreground runner of in-process runs: a real process, but with standard input from /dev/null and its
     * output appended to {@link #foregroundLog()}, because this JVM's own standard streams belong to the test runner.
     */
    private int runInBackground(List<String> argv, Map<String, String> environment) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(argv)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(foregroundLog().toFile()))
                .redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(environment);
        try {
            return pb.start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    public long now() {
        return clock.millis();
    }

    // ---- files -----------------------------------------------------------------------------------------------

    public Path writeConfig(String json5) {
        return writePrivate(configPath(), json5);
    }

    public Path writeStore(String agentId, String json) {
        return writePrivate(store(agentId), json);
    }

    public Path writeAuthState(String agentId, String json) {
        return writePrivate(authState(agentId), json);
    }

    public Path writeDotEnv(String text) {
        return writePrivate(stateDir.resolve(".env"), text);
    }

    /** Writes {@code text} with mode 0600, creating missing parent folders with 0700. */
    public Path writePrivate(Path file, String text) {
        mkdirsPrivate(file.getParent());
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PRIVATE_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** An executable {@code /bin/sh} script (0700). */
    public Path writeScript(Path file, String body) {
        writePrivate(file, "#!/bin/sh\n" + body);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    public static void mkdirsPrivate(Path dir) {
        try {
            List<Path> missing = new ArrayList<>();
            for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
                missing.add(p);
            }
            Files.createDirectories(dir);
            for (Path p : missing) {
                Files.setPosixFilePermissions(p, PRIVATE_DIR);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(Path file) {
        return JSON.readTree(read(file));
    }

    public static String mode(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file below the temp root: relative path to "sha256 mode" (directories: "dir mode"). */
    public Map<String, String> snapshot() {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                String rel = root.relativize(p).toString();
                if (Files.isDirectory(p)) {
                    out.put(rel + "/", "dir " + mode(p));
                } else {
                    out.put(rel, sha256(Files.readAllBytes(p)) + " " + mode(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Names of the files in a folder (empty when it does not exist). */
    public static List<String> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- in-process runs -------------------------------------------------------------------------------------

    /** Runs one command with empty standard input and no terminal. */
    public Result run(String... args) {
        return run(ScriptedTerminal.stdin(""), args);
    }

    /** Runs one command with {@code stdin} as standard input (no terminal). */
    public Result runWithStdin(String stdin, String... args) {
        return run(ScriptedTerminal.stdin(stdin), args);
    }

    /** Runs one command as if a person typed {@code lines} at a terminal. */
    public Result runInteractive(List<String> lines, String... args) {
        return run(ScriptedTerminal.typing(lines.toArray(String[]::new)), args);
    }

    public Result run(ScriptedTerminal terminal, String... args) {
        lastTerminal = terminal;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AppContext ctx = new AppContext(env, home, clock, ProcessHandle.current().pid(), shell,
                terminal, new PrintWriter(out, true), new PrintWriter(err, true), Keychain.NONE, foreground);
        if (refreshers != null) {
            ctx.useRefreshers(refreshers);
        }
        int exit = Cli.execute(ctx, args);
        return new Result(exit, out.toString(), err.toString());
    }

    public ScriptedTerminal lastTerminal() {
        return lastTerminal;
    }

    // ---- real processes --------------------------------------------------------------------------------------

    /** The argv of a child JVM running {@code mainClass} with {@code args}. */
    public List<String> processCommand(String mainClass, String... args) {
        String java = ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java,
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx128m",
                "-Duser.home=" + home,
                "-cp", System.getProperty("java.class.path"),
                mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /** Starts {@code openclaw <args>} in a new JVM with the harness environment plus {@code extraEnv}. */
    public Process startProcess(Map<String, String> extraEnv, String... args) {
        return startMain("ai.openclaw.cli.Main", extraEnv, args);
    }

    /** Starts any main class of the test classpath in a new JVM with the harness environment. */
    public Process startMain(String mainClass, Map<String, String> extraEnv, String... args) {
        ProcessBuilder pb = new ProcessBuilder(processCommand(mainClass, args)).directory(root.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment().putAll(extraEnv);
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts {@code openclaw <args>} in a new JVM inside a pseudo-terminal ({@code script -q -e -c ... /dev/null}), so
     * that {@code System.console()} is a real terminal. Its output (the terminal's) is the process's stdout.
     */
    public Process startInTerminal(Map<String, String> extraEnv, String... args) {
        return startInTerminal(null, extraEnv, args);
    }

    /** As {@link #startInTerminal(Map, String...)} with the command's stdout redirected to {@code stdoutFile}. */
    public Process startInTerminal(Path stdoutFile, Map<String, String> extraEnv, String... args) {
        String command = String.join(" ", processCommand("ai.openclaw.cli.Main", args).stream()
                .map(a -> "'" + a.replace("'", "'\\''") + "'").toList())
                + (stdoutFile == null ? "" : " > '" + stdoutFile.toString().replace("'", "'\\''") + "'");
        ProcessBuilder pb = new ProcessBuilder("script", "-q", "-e", "-c", command, "/dev/null")
                .directory(root.toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment().putAll(extraEnv);
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code openclaw <args>} in a new JVM, feeding {@code stdin} (may be null), within 60 s. */
    public Result runProcess(Map<String, String> extraEnv, String stdin, String... args) {
        return finish(startProcess(extraEnv, args), stdin, Duration.ofSeconds(60));
    }

    /** Feeds standard input, collects both outputs and waits for the exit; kills the process on timeout. */
    public static Result finish(Process p, String stdin, Duration timeout) {
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the process may already have exited without reading its input
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("process " + p.pid() + " did not exit within " + timeout + "; stdout so far: "
                        + out.getNow("") + " stderr: " + err.getNow(""));
            }
            return new Result(p.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new AssertionError("interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("cannot collect the output of process " + p.pid(), e);
        }
    }

    /**
     * Waits until one of the process's threads is blocked in {@code read(0, ...)}, i.e. the command is waiting for
     * its secret on standard input (Linux {@code /proc/<pid>/task/<tid>/syscall}). Lets a test release several
     * processes at the same moment. Returns false when that cannot be seen within {@code timeout}.
     */
    public static boolean awaitReadingStdin(Process p, Duration timeout) {
        String readSyscall = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "0";
            case "aarch64" -> "63";
            default -> null;
        };
        if (readSyscall == null) {
            return false;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Path tasks = Path.of("/proc", Long.toString(p.pid()), "task");
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (Stream<Path> s = Files.list(tasks)) {
                for (Path task : s.toList()) {
                    String[] f = Files.readString(task.resolve("syscall")).trim().split(" ");
                    if (f.length > 1 && f[0].equals(readSyscall) && f[1].equals("0x0")) {
                        return true;
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                // a thread ended while we looked; try again
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** The argv of a running process as the kernel shows it ({@code /proc/<pid>/cmdline}). */
    public static List<String> cmdline(Process p) {
        try {
            String raw = Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
            return List.of(raw.split("\0"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        CompletableFuture<String> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (in) {
                f.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                f.completeExceptionally(e);
            }
        }, "drain");
        t.setDaemon(true);
        t.start();
        return f;
    }

    // ---- chattr (root ignores chmod) --------------------------------------------------------------------------

    /**
     * Sets or clears the immutable flag (as root, chmod does not stop writes; this does). Always clear it in a
     * {@code finally}. Aborts (skips) the calling test when the file system does not support the flag.
     */
    public static void immutable(Path path, boolean on) {
        try {
            Process p = new ProcessBuilder("chattr", on ? "+i" : "-i", path.toString()).redirectErrorStream(true)
                    .start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                // a file system without the immutable flag (tmpfs, some overlays) cannot run this test
                org.junit.jupiter.api.Assumptions.assumeFalse(on, "chattr +i is not supported here: " + output);
                throw new IllegalStateException("chattr failed on " + path + ": " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
