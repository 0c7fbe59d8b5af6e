package ai.openclaw.cli;

import ai.openclaw.app.AppContext;
import ai.openclaw.env.ProcessShellEnvRunner;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/** Entry point of the {@code openclaw} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * {@code $HOME} when set (as Node's {@code os.homedir()} and every shell tool do), else the JVM's
     * {@code user.home}, which comes from the password database and ignores {@code HOME}.
     */
    static Path homeDirectory() {
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }

    /** Runs one command against the real process environment and returns its exit code. */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true);
        AppContext ctx = new AppContext(System.getenv(), homeDirectory(),
                Clock.systemUTC(), ProcessHandle.current().pid(), new ProcessShellEnvRunner(),
                new SystemTerminal(System.console(), System.in, System.err), out, err);
        int code = Cli.execute(ctx, args);
        out.flush();
        err.flush();
        return code;
    }
}
