package ai.openclaw.probe;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The human table of {@code models status --probe}: columns Model ({@code provider/model} or {@code provider/-}),
 * Profile ({@code <label> (<mode>)}) and Status ({@code <status> · <latency>}), an indented {@code ↳ <error>} line
 * under a row that has an error, then {@code Probed N target(s) in <duration>} or {@code No probe targets.}. Error
 * lines are cut to the table width ({@code max(60, terminal columns - 1)}); {@code --json} has them whole.
 */
public final class ProbeTable {
    private static final String GAP = "  ";

    private ProbeTable() {}

    /** @param columns the terminal's width in columns (80 when unknown) */
    public static void render(ProbeSummary s, int columns, PrintWriter out) {
        out.println();
        out.println("Auth probes");
        if (s.results().isEmpty()) {
            out.println("No probe targets.");
            return;
        }
        int width = Math.max(60, columns - 1);
        List<String[]> rows = new ArrayList<>();
        for (ProbeResult r : s.results()) {
            rows.add(new String[] {r.model() == null ? r.provider() + "/-" : r.model(),
                    r.mode() == null ? r.label() : r.label() + " (" + r.mode() + ")",
                    r.status().wireName() + " · " + (r.latencyMs() == null ? "-" : duration(r.latencyMs()))});
        }
        int modelWidth = "Model".length();
        int profileWidth = "Profile".length();
        for (String[] row : rows) {
            modelWidth = Math.max(modelWidth, row[0].length());
            profileWidth = Math.max(profileWidth, row[1].length());
        }
        out.println(pad("Model", modelWidth) + GAP + pad("Profile", profileWidth) + GAP + "Status");
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            out.println(pad(row[0], modelWidth) + GAP + pad(row[1], profileWidth) + GAP + row[2]);
            String error = s.results().get(i).error();
            if (error != null) {
                for (String line : error.split("\n")) {
                    String text = line.startsWith("↳") ? "    " + line : "  ↳ " + line;
                    out.println(cut(text, width));
                }
            }
        }
        out.println("Probed " + s.totalTargets() + " target(s) in " + duration(s.durationMs()));
    }

    /** {@code 412ms} below a second, else seconds with one decimal ({@code 1.2s}). */
    static String duration(long ms) {
        if (ms < 1000) {
            return ms + "ms";
        }
        return String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
