package ai.openclaw.cli;

import ai.openclaw.app.Agents;
import ai.openclaw.app.AppContext;
import ai.openclaw.json.Json;
import ai.openclaw.probe.ProbeJson;
import ai.openclaw.probe.ProbeOptions;
import ai.openclaw.probe.ProbeService;
import ai.openclaw.probe.ProbeSummary;
import ai.openclaw.probe.ProbeTable;
import ai.openclaw.probe.Prober;
import ai.openclaw.status.ModelsStatusService;
import ai.openclaw.status.StatusJson;
import ai.openclaw.status.StatusReport;
import ai.openclaw.status.StatusText;
import ai.openclaw.store.LoadedStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the config, the agent's stored profiles (masked), their order, expiry and cooldowns,",
                "environment and models.json credentials, and providers in use that have no auth.",
                "With --probe, also make one tiny live call per credential and report what came back."},
        footer = {"", "Exit codes with --check: 0 ok, 1 a provider in use is expired or missing, "
                + "2 a provider in use expires within 24h (probe results do not change them).",
                "Example: openclaw models status --check || notify-send 'model auth needs attention'",
                "Example: openclaw models status --probe --probe-provider anthropic --json"})
public final class ModelsStatusCommand implements Callable<Integer> {
    /** Terminal width when {@code COLUMNS} does not say. */
    private static final int DEFAULT_COLUMNS = 80;

    private final AppContext ctx;

    @Mixin
    AgentOption agent;

    @Option(names = "--json", description = "Machine-readable output (schema: docs/models-status-json.md).")
    boolean json;

    @Option(names = "--plain", description = "Print only the resolved default model.")
    boolean plain;

    @Option(names = "--check", description = "Exit 1 when a provider in use is expired/missing, 2 when expiring.")
    boolean check;

    @Mixin
    ProbeFlags probe;

    public ModelsStatusCommand(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (probe.enabled() && plain) {
            throw new UserError("--probe cannot be used with --plain output.");
        }
        ProbeOptions options = probe.options();
        return run(ctx, agent.value(), json, plain, check, probe.enabled() ? options : null);
    }

    static int run(AppContext ctx, String agentId, boolean json, boolean plain, boolean check) {
        return run(ctx, agentId, json, plain, check, null);
    }

    /** @param probe the probe options, or null for no probes */
    static int run(AppContext ctx, String agentId, boolean json, boolean plain, boolean check, ProbeOptions probe) {
        Agents.Agent agent = ctx.agents().resolve(agentId);
        LoadedStore loaded = ctx.agents().store(agent).load();
        StatusReport report = new ModelsStatusService(ctx).build(agent, loaded);
        ProbeSummary probes = probe == null ? null : probe(ctx, agent, report, loaded, probe);
        if (plain) {
            ctx.out().println(report.models().primary().key());
        } else if (json) {
            ObjectNode root = StatusJson.render(report);
            if (probes != null) {
                ((ObjectNode) root.get("auth")).set("probes", ProbeJson.render(probes));
            }
            ctx.out().print(Json.pretty(root));
        } else {
            new StatusText(ctx.paths()).render(report, ctx.out());
            if (probes != null) {
                ProbeTable.render(probes, columns(ctx), ctx.out());
            }
            if (check && report.checkExitCode() != 0) {
                ctx.out().println();
                ctx.out().println("Check failed (exit " + report.checkExitCode() + "):");
                report.checkReasons().forEach(r -> ctx.out().println("- " + r));
            }
        }
        return check ? report.checkExitCode() : 0;
    }

    /** Runs the probes, showing progress on standard error when it is a terminal. */
    private static ProbeSummary probe(AppContext ctx, Agents.Agent agent, StatusReport report, LoadedStore loaded,
                                      ProbeOptions options) {
        ProbeProgressLine line = ctx.terminal() != null && ctx.terminal().interactive()
                ? new ProbeProgressLine(ctx.err()) : null;
        try {
            return new ProbeService(ctx, System::nanoTime).run(agent, report, loaded.store(), options,
                    line == null ? Prober.Progress.NONE : line);
        } finally {
            if (line != null) {
                line.clear();
            }
        }
    }

    private static int columns(AppContext ctx) {
        String value = ctx.processEnv().get("COLUMNS");
        try {
            return value == null ? DEFAULT_COLUMNS : Math.max(1, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return DEFAULT_COLUMNS;
        }
    }
}
