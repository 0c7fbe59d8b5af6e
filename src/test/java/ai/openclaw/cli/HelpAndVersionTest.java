package ai.openclaw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.app.AppContext;
import ai.openclaw.cli.CliHarness.Result;
import ai.openclaw.env.ShellEnvRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --help} on every command and subcommand, {@code --version}, and usage errors. */
class HelpAndVersionTest {
    @TempDir
    Path dir;
    CliHarness h;

    @BeforeEach
    void setUp() {
        h = new CliHarness(dir);
    }

    /** Every command path of the tree, found by walking picocli's model (so a new command cannot be missed). */
    private List<List<String>> commandPaths() {
        AppContext ctx = new AppContext(h.env(), h.home(), h.clock(), 1, ShellEnvRunner.disabled(),
                ScriptedTerminal.stdin(""), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                try {
                    Constructor<K> c = cls.getDeclaredConstructor(AppContext.class);
                    c.setAccessible(true);
                    return c.newInstance(ctx);
                } catch (NoSuchMethodException e) {
                    return CommandLine.defaultFactory().create(cls);
                }
            }
        };
        List<List<String>> out = new ArrayList<>();
        walk(new CommandLine(new OpenClawCommand(), factory), new ArrayList<>(), out);
        return out;
    }

    private static void walk(CommandLine cmd, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        for (Map.Entry<String, CommandLine> e : cmd.getSubcommands().entrySet()) {
            List<String> sub = new ArrayList<>(path);
            sub.add(e.getKey());
            walk(e.getValue(), sub, out);
        }
    }

    @Test
    void theTreeHasTheIssuesCommands() {
        List<String> names = commandPaths().stream().map(p -> String.join(" ", p)).toList();
        assertThat(names).contains("", "models", "models status", "models auth", "models auth login",
                "models auth setup-token", "models auth paste-token",
                "models auth paste-api-key", "models auth order", "models auth order get", "models auth order set",
                "models auth order clear", "agents", "agents add", "agents list", "doctor");
    }

    @Test
    void helpOnEveryCommandExitsZeroAndPrintsUsage() {
        var before = h.snapshot();
        for (List<String> path : commandPaths()) {
            for (String flag : new String[] {"--help", "-h"}) {
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                Result r = h.run(args.toArray(String[]::new));
                String name = ("openclaw " + String.join(" ", path)).strip();
                assertThat(r.exit()).as("%s %s: %s", name, flag, r).isZero();
                assertThat(r.out()).as(name).startsWith("Usage: " + name);
                assertThat(r.out()).as(name).contains("-h, --help");
                assertThat(r.err()).as(name).isEmpty();
            }
        }
        assertThat(h.snapshot()).as("help writes nothing").isEqualTo(before);
    }

    @Test
    void helpTextsDocumentTheImportantOptions() {
        assertThat(h.run("models", "status", "--help").out()).contains("--json", "--check", "--agent", "Exit codes");
        assertThat(h.run("models", "auth", "paste-token", "--help").out())
                .contains("--provider", "--profile-id", "--expires-in", "standard input");
        assertThat(h.run("models", "auth", "paste-api-key", "--help").out()).contains("--provider", "--profile-id");
        assertThat(h.run("models", "auth", "setup-token", "--help").out())
                .contains("--provider", "--profile-id", "--yes", "--agent", "claude setup-token", "paste-token");
        assertThat(h.run("models", "auth", "login", "--help").out())
                .contains("--provider", "--method", "--set-default", "--agent", "anthropic:claude-cli");
        assertThat(h.run("models", "auth", "order", "set", "--help").out()).contains("--provider", "--agent", "<profileId>");
        assertThat(h.run("agents", "add", "--help").out()).contains("--workspace", "--non-interactive", "--json");
        assertThat(h.run("doctor", "--help").out()).contains("--fix", "--yes", "--non-interactive");
    }

    @Test
    void groupCommandsWithoutSubcommandPrintUsage() {
        for (String[] args : new String[][] {{}, {"models", "auth"}, {"models", "auth", "order"}, {"agents"}}) {
            Result r = h.run(args);
            assertThat(r.exit()).as(String.join(" ", args)).isZero();
            assertThat(r.out()).startsWith("Usage: openclaw");
        }
    }

    @Test
    void versionPrintsAVersion() {
        Result r = h.run("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).matches("(?s)openclaw-java \\S+ \\(Java \\S+\\)\\s*");
        assertThat(h.run("-V").out()).isEqualTo(r.out());
    }

    @Test
    void everySubcommandThatOffersVersionPrintsIt() {
        String version = h.run("--version").out();
        for (List<String> path : commandPaths()) {
            List<String> args = new ArrayList<>(path);
            args.add("--version");
            Result r = h.run(args.toArray(String[]::new));
            assertThat(r.exit()).as(String.join(" ", args)).isZero();
            assertThat(r.out()).as(String.join(" ", args)).isEqualTo(version);
        }
    }

    @Test
    void unknownCommandsAndOptionsAreUsageErrors() {
        Result unknown = h.run("frobnicate");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unmatched argument").contains("frobnicate");
        Result badOption = h.run("models", "status", "--jsn");
        assertThat(badOption.exit()).isEqualTo(2);
        assertThat(badOption.err()).contains("--jsn");
        assertThat(CliHarness.list(h.stateDir())).isEmpty();
    }
}
