package ai.openclaw.cli;

import ai.openclaw.app.Agents;
import ai.openclaw.app.AppContext;
import ai.openclaw.json.Json;
import ai.openclaw.status.ModelsStatusService;
import ai.openclaw.status.StatusJson;
import ai.openclaw.status.StatusReport;
import ai.openclaw.status.StatusText;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the config, the agent's stored profiles (masked), their order, expiry and cooldowns,",
                "environment and models.json credentials, and providers in use that have no auth."},
        footer = {"", "Exit codes with --check: 0 ok, 1 a provider in use is expired or missing, "
                + "2 a provider in use expires within 24h.",
                "Example: openclaw models status --check || notify-send 'model auth needs attention'"})
public final class ModelsStatusCommand implements Callable<Integer> {
    private final AppContext ctx;

    @Mixin
    AgentOption agent;

    @Option(names = "--json", description = "Machine-readable output (schema: docs/models-status-json.md).")
    boolean json;

    @Option(names = "--plain", description = "Print only the resolved default model.")
    boolean plain;

    @Option(names = "--check", description = "Exit 1 when a provider in use is expired/missing, 2 when expiring.")
    boolean check;

    public ModelsStatusCommand(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return run(ctx, agent.value(), json, plain, check);
    }

    static int run(AppContext ctx, String agentId, boolean json, boolean plain, boolean check) {
        Agents.Agent agent = ctx.agents().resolve(agentId);
        StatusReport report = new ModelsStatusService(ctx).build(agent);
        if (plain) {
            ctx.out().println(report.models().primary().key());
        } else if (json) {
            ctx.out().print(Json.pretty(StatusJson.render(report)));
        } else {
            new StatusText(ctx.paths()).render(report, ctx.out());
            if (check && report.checkExitCode() != 0) {
                ctx.out().println();
                ctx.out().println("Check failed (exit " + report.checkExitCode() + "):");
                report.checkReasons().forEach(r -> ctx.out().println("- " + r));
            }
        }
        return check ? report.checkExitCode() : 0;
    }
}
