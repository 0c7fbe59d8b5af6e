package ai.openclaw.it;

import ai.openclaw.app.AppContext;
import ai.openclaw.cli.Cli;
import ai.openclaw.cli.SystemTerminal;
import ai.openclaw.env.ShellEnvRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A child-JVM driver that runs several {@code openclaw} commands one after another, each exactly as
 * {@link ai.openclaw.cli.Main} would (fresh context from the process environment, secrets from standard input),
 * so that one OS process can interleave many updates with other processes without paying a JVM start per command.
 *
 * <p>Argument: a file with one command per line, arguments separated by tabs. Prints {@code EXIT <code> <command>}
 * per command (and the error text of failures); exits 0 when every command exited 0, else 3.
 */
public final class CliLoopMain {
    private CliLoopMain() {}

    public static void main(String[] args) throws Exception {
        List<String> commands = Files.readAllLines(Path.of(args[0]));
        SystemTerminal terminal = new SystemTerminal(null, System.in);
        int failures = 0;
        for (String line : commands) {
            if (line.isBlank()) {
                continue;
            }
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            AppContext ctx = new AppContext(System.getenv(), Path.of(System.getProperty("user.home")),
                    Clock.systemUTC(), ProcessHandle.current().pid(), ShellEnvRunner.disabled(), terminal,
                    new PrintWriter(out, true), new PrintWriter(err, true));
            int code = Cli.execute(ctx, line.split("\t"));
            System.out.println("EXIT " + code + " " + line.replace('\t', ' '));
            if (code != 0) {
                failures++;
                System.out.println(err.toString().strip());
            }
        }
        System.out.flush();
        System.exit(failures == 0 ? 0 : 3);
    }
}
