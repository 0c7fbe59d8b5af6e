package ai.openclaw.cli;

import ai.openclaw.app.AppContext;
import ai.openclaw.doctor.Doctor;
import ai.openclaw.doctor.Finding;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check the config, state directory and every agent's credential store.",
                "Without --fix nothing is changed; the report says what --fix would do."},
        footer = {"", "Exit status: 0 when nothing needs action (after repairs), 1 otherwise.",
                "Examples:", "  openclaw doctor", "  openclaw doctor --fix --yes"})
public final class DoctorCommand implements Callable<Integer> {
    private final AppContext ctx;

    @Option(names = {"--fix", "--repair"}, description = "Apply the repairs (each changed file is backed up first).")
    boolean fix;

    @Option(names = "--yes", description = "With --fix: do not ask for confirmation on a terminal.")
    boolean yes;

    @Option(names = "--non-interactive", description = "Never prompt.")
    boolean nonInteractive;

    public DoctorCommand(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        PrintWriter out = ctx.out();
        List<Finding> findings = new Doctor(ctx).examine();
        out.println("OpenClaw doctor");
        out.println("State dir: " + Reports.shorten(ctx, ctx.paths().stateDir()));
        if (findings.isEmpty()) {
            out.println();
            out.println("No problems found.");
            return 0;
        }
        Map<String, List<Finding>> byScope = new LinkedHashMap<>();
        findings.forEach(f -> byScope.computeIfAbsent(f.scope(), k -> new java.util.ArrayList<>()).add(f));
        List<Finding> repairable = findings.stream().filter(f -> f.repair() != null).toList();
        boolean apply = fix && (yes || nonInteractive || !ctx.terminal().interactive()
                || ctx.terminal().confirm("Apply " + repairable.size() + " repair(s)?", true));
        int repaired = 0;
        int failed = 0;
        for (Map.Entry<String, List<Finding>> e : byScope.entrySet()) {
            out.println();
            out.println(heading(e.getKey()));
            for (Finding f : e.getValue()) {
                out.println("- " + (f.severity() == Finding.Severity.PROBLEM ? "" : "note: ") + f.message());
                if (f.repair() == null) {
                    continue;
                }
                if (!apply) {
                    out.println("  --fix would: " + f.repair().description());
                    continue;
                }
                try {
                    out.println("  fixed: " + f.repair().apply());
                    repaired++;
                } catch (RuntimeException ex) {
                    out.println("  repair failed: " + Cli.message(ex));
                    failed++;
                }
            }
        }
        long manual = findings.stream()
                .filter(f -> f.severity() == Finding.Severity.PROBLEM && f.repair() == null).count();
        long pending = apply ? failed : repairable.size();
        out.println();
        out.println("Summary: " + findings.size() + " finding(s); " + repaired + " repaired; " + pending
                + " need --fix; " + manual + " need manual action.");
        if (!apply && !repairable.isEmpty()) {
            out.println("Run `openclaw doctor --fix` to apply the repairs above.");
        }
        return manual > 0 || pending > 0 ? 1 : 0;
    }

    private static String heading(String scope) {
        return switch (scope) {
            case "config" -> "Config";
            case "state" -> "State directory";
            default -> Character.toUpperCase(scope.charAt(0)) + scope.substring(1);
        };
    }
}
