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

    private final PrintWriter out;

    public AccessLog(PrintWriter out) {
        this.out = out;
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
                .append(" latency_ms=").append(String.format(java.util.Locale.ROOT, "%.2f", e.latencyMicros() / 1000.0));
        // one println per line: concurrent requests never interleave within a line
        out.println(sb);
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "-" : s.replace(' ', '_');
    }
}
