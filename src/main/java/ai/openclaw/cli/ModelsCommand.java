package ai.openclaw.cli;

import ai.openclaw.app.AppContext;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code openclaw models}: without a subcommand it shows the status. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Model auth status and credential management (no subcommand = status).",
        subcommands = {ModelsStatusCommand.class, ModelsAuthCommand.class})
public final class ModelsCommand implements Callable<Integer> {
    private final AppContext ctx;

    @Mixin
    AgentOption agent;

    @Option(names = "--status-json", description = "Same as `models status --json`.")
    boolean json;

    @Option(names = "--status-plain", description = "Same as `models status --plain`.")
    boolean plain;

    public ModelsCommand(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return ModelsStatusCommand.run(ctx, agent.value(), json, plain, false);
    }
}
