package ai.openclaw.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "auth", mixinStandardHelpOptions = true, description = "Add credentials and control their order.",
        subcommands = {ModelsLoginCommand.class, SetupTokenCommand.class, PasteTokenCommand.class,
                PasteApiKeyCommand.class, AuthOrderCommand.class})
public final class ModelsAuthCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
