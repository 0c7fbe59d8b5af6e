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
        footer = {"", "With --fix, expired and expiring OAuth tokens are refreshed too (asked separately on a terminal;",
                "--yes refreshes without asking, --non-interactive never refreshes).",
                "Exit status: 0 when nothing needs action (after repairs), 1 otherwise.",
                "Examples:", "  openclaw doctor", "  openclaw doctor --fix --yes"})
public final class DoctorCommand implements Callable<Integer> {
    private final AppContext ctx;

    @Option(names = {"--fix", "--repair"}, description = "Apply the repairs (each changed file is backed up first).")
    boolean fix;

    @Option(names = "--yes", description = "With --fix: do not ask for confirmation on a terminal.")
    boolean yes;

    @Option(names = "--non-interactive", description = "Never prompt; file repairs only (OAuth tokens are not refreshed).")
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
        List<Finding> fileRepairs = findings.stream()
                .filter(f -> f.repair() != null && !(f.repair() instanceof Finding.OAuthRefresh)).toList();
        List<Finding> refreshes = findings.stream().filter(f -> f.repair() instanceof Finding.OAuthRefresh).toList();
        boolean apply = fix && !fileRepairs.isEmpty() && (yes || nonInteractive || !ctx.terminal().interactive()
                || ctx.terminal().confirm("Apply " + fileRepairs.size() + " repair(s)?", true));
        // refreshing calls the provider: its own question, and never without a person or --yes when one could ask
        boolean refresh = fix && !nonInteractive && !refreshes.isEmpty() && (yes || !ctx.terminal().interactive()
                || ctx.terminal().confirm("Refresh expiring OAuth tokens now? (static tokens need re-auth)", true));
        int repaired = 0;
        int pending = 0;
        List<String> refreshErrors = new java.util.ArrayList<>();
        for (Map.Entry<String, List<Finding>> e : byScope.entrySet()) {
            out.println();
            out.println(heading(e.getKey()));
            for (Finding f : e.getValue()) {
                out.println("- " + (f.severity() == Finding.Severity.PROBLEM ? "" : "note: ") + f.message());
                if (f.repair() == null) {
                    continue;
                }
                boolean isRefresh = f.repair() instanceof Finding.OAuthRefresh;
                boolean problem = f.severity() == Finding.Severity.PROBLEM;
                if (!(isRefresh ? refresh : apply)) {
                    out.println(fix && isRefresh && nonInteractive
                            ? "  skipped: OAuth tokens are not refreshed with --non-interactive"
                            : "  --fix would: " + f.repair().description());
                    pending += problem ? 1 : 0;
                    continue;
                }
                try {
                    out.println("  fixed: " + f.repair().apply());
                    repaired++;
                } catch (RuntimeException ex) {
                    out.println((isRefresh ? "  refresh failed: " : "  repair failed: ") + Cli.message(ex));
                    if (f.repair() instanceof Finding.OAuthRefresh r) {
                        refreshErrors.add("- " + r.profileId() + ": " + Cli.message(ex));
                    }
                    pending += problem ? 1 : 0;
                }
            }
        }
        if (!refreshErrors.isEmpty()) {
            out.println();
            out.println("OAuth refresh errors");
            refreshErrors.forEach(out::println);
        }
        long manual = findings.stream()
                .filter(f -> f.severity() == Finding.Severity.PROBLEM && f.repair() == null).count();
        out.println();
        out.println("Summary: " + findings.size() + " finding(s); " + repaired + " repaired; " + pending
                + " need --fix; " + manual + " need manual action.");
        if (!fix && (!fileRepairs.isEmpty() || !refreshes.isEmpty())) {
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
