package ai.openclaw.cli;

import ai.openclaw.probe.Prober;
import java.io.PrintWriter;

/**
 * {@code Probing auth profiles… 3/7} on one terminal line of standard error, rewritten in place and cleared by
 * {@link #clear()}. Only for a terminal: piped output gets nothing.
 */
final class ProbeProgressLine implements Prober.Progress {
    private static final String LABEL = "Probing auth profiles…";

    private final PrintWriter err;
    private int shown;

    ProbeProgressLine(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void update(int done, int total) {
        String text = LABEL + " " + done + "/" + total;
        err.print("\r" + text + " ".repeat(Math.max(0, shown - text.length())));
        err.flush();
        shown = text.length();
    }

    synchronized void clear() {
        if (shown > 0) {
            err.print("\r" + " ".repeat(shown) + "\r");
            err.flush();
            shown = 0;
        }
    }
}
