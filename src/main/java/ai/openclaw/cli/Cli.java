package ai.openclaw.cli;

import ai.openclaw.app.AppContext;
import ai.openclaw.app.UnknownAgentException;
import ai.openclaw.config.ConfigException;
import ai.openclaw.fs.FileWriteException;
import ai.openclaw.fs.LockTimeoutException;
import ai.openclaw.json.MalformedFileException;
import ai.openclaw.store.StoreFormatException;
import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Builds the command tree over an {@link AppContext} and runs it; tests call this with their own context. */
public final class Cli {
    /** Exit code for failures the user can fix (bad input, malformed files, busy lock). */
    public static final int EXIT_ERROR = 1;

    private Cli() {}

    public static int execute(AppContext ctx, String... args) {
        CommandLine cmd = new CommandLine(new OpenClawCommand(), new ContextFactory(ctx));
        cmd.setOut(ctx.out());
        cmd.setErr(ctx.err());
        inheritVersion(cmd);
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            ctx.err().println("Error: " + message(e));
            ctx.err().flush();
            return EXIT_ERROR;
        });
        int code = cmd.execute(args);
        ctx.out().flush();
        ctx.err().flush();
        return code;
    }

    /** Every subcommand offers {@code -V, --version} (standard help options): make it print the root's version. */
    private static void inheritVersion(CommandLine cmd) {
        for (CommandLine sub : cmd.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(cmd.getCommandSpec().versionProvider());
            inheritVersion(sub);
        }
    }

    /** Messages of our own exceptions are written to be shown (they name files and refs, never values). */
    static String message(Exception e) {
        if (e instanceof UserError || e instanceof MalformedFileException || e instanceof ConfigException
                || e instanceof UnknownAgentException || e instanceof LockTimeoutException
                || e instanceof StoreFormatException || e instanceof FileWriteException
                || e instanceof IllegalArgumentException || e instanceof ai.openclaw.doctor.Finding.RepairFailed) {
            return e.getMessage();
        }
        // unexpected: say what kind of failure, not its message, which we did not write and cannot vouch for
        return "unexpected " + e.getClass().getSimpleName() + (e.getStackTrace().length > 0
                ? " at " + e.getStackTrace()[0] : "") + " (please report this)";
    }

    /** Creates command objects, passing the context to those that take it. */
    private record ContextFactory(AppContext ctx) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                Constructor<K> c = cls.getDeclaredConstructor(AppContext.class);
                return c.newInstance(ctx);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
