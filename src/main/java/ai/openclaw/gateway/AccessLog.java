package ai.openclaw.gateway;

import java.io.PrintWriter;
import java.time.Instant;

/**
 * One line per request: time, method, path, status, agent, model, profile used, attempts with reason codes, upstream
 * status, latency. No bodies, no header values, no secrets: only ids and labels that are safe to print.
 */
public final class AccessLog {
    /** What one request did; fields may be null when not reached. */
    public record Entry(long epochMillis, String method, String path, int status, String agent, String model,
                        String credential, String attempts, int upstreamStatus, long latencyMicros) {}

    private final java.util.function.Consumer<String> lines;

    /** Writes each line to {@code out} at once (one println per line, so lines never interleave). */
    public AccessLog(PrintWriter out) {
        this.lines = out::println;
    }

    /** Hands each finished line (without its line break) to {@code lines}, e.g. {@link BackgroundLines#add}. */
    AccessLog(java.util.function.Consumer<String> lines) {
        this.lines = lines;
    }

    public void log(Entry e) {
        StringBuilder sb = new StringBuilder(160);
        sb.append(Instant.ofEpochMilli(e.epochMillis())).append(' ')
                .append(e.method()).append(' ').append(e.path()).append(' ').append(e.status())
                .append(" agent=").append(dash(e.agent()))
                .append(" model=").append(dash(e.model()))
                .append(" credential=").append(dash(e.credential()))
                .append(" attempts=").append(dash(e.attempts()))
                .append(" upstream=").append(e.upstreamStatus() == 0 ? "-" : String.valueOf(e.upstreamStatus()))
                .append(" latency_ms=");
        appendMillis(sb, e.latencyMicros());
        lines.accept(sb.toString());
    }

    /**
     * An unexpected failure while serving a request, with its stack trace (what a 500's "see the gateway log" points
     * at). Exceptions never carry secrets (see {@code ai.openclaw.core.Secret}), so the trace is safe to print.
     */
    public void failure(long epochMillis, String method, String path, Throwable t) {
        java.io.StringWriter trace = new java.io.StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        lines.accept(Instant.ofEpochMilli(epochMillis) + " " + method + " " + path + " internal error: "
                + trace.toString().stripTrailing());
    }

    /**
     * Appends {@code micros} as milliseconds with two decimals, exactly as {@code String.format(Locale.ROOT, "%.2f",
     * micros / 1000.0)} does (half-up on the decimal value), without a Formatter per request.
     */
    static void appendMillis(StringBuilder sb, long micros) {
        if (micros < 0 || micros > 1_000_000_000_000L) {
            // not seen in practice (a monotonic clock, latencies far below 11 days); keep the exact reference form
            sb.append(String.format(java.util.Locale.ROOT, "%.2f", micros / 1000.0));
            return;
        }
        long hundredths = (micros + 5) / 10;
        long fraction = hundredths % 100;
        sb.append(hundredths / 100).append('.');
        if (fraction < 10) {
            sb.append('0');
        }
        sb.append(fraction);
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "-" : s.replace(' ', '_');
    }
}
