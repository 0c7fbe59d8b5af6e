package ai.openclaw.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "openclaw", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Model-provider credentials for OpenClaw agents: stored profiles, config and health.",
        subcommands = {OnboardCommand.class, GatewayCommand.class, AgentCommand.class, ModelsCommand.class, AgentsCommand.class,
                DoctorCommand.class},
        footer = {"", "State lives in ~/.openclaw (OPENCLAW_STATE_DIR); config in openclaw.json (OPENCLAW_CONFIG_PATH)."})
public final class OpenClawCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
