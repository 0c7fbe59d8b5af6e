package ai.openclaw.cli;

import ai.openclaw.probe.ProbeOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --probe*} options of {@code models status}. Numbers are taken as text and checked here, so that a bad
 * value gets OpenClaw's message rather than a parser's. They are checked whenever given, with or without
 * {@code --probe}.
 */
public final class ProbeFlags {
    @Option(names = "--probe", description = "Make one tiny live call per credential and report its status.")
    boolean probe;

    @Option(names = "--probe-provider", paramLabel = "<id>", description = "Probe only this provider.")
    String provider;

    @Option(names = "--probe-profile", paramLabel = "<id>",
            description = "Probe only these profiles (repeatable, or comma-separated).")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--probe-timeout", paramLabel = "<ms>", description = "Per-probe timeout (default: 8000).")
    String timeout;

    @Option(names = "--probe-concurrency", paramLabel = "<n>", description = "Probes at once (default: 2).")
    String concurrency;

    @Option(names = "--probe-max-tokens", paramLabel = "<n>", description = "Output cap per probe (default: 8).")
    String maxTokens;

    boolean enabled() {
        return probe;
    }

    /** @throws UserError with OpenClaw's message when a value is not acceptable */
    ProbeOptions options() {
        long timeoutMs = timeout == null ? ProbeOptions.DEFAULT_TIMEOUT_MS : timeoutMs(timeout);
        int n = concurrency == null ? ProbeOptions.DEFAULT_CONCURRENCY
                : positiveInt(concurrency, "--probe-concurrency must be > 0.");
        int tokens = maxTokens == null ? ProbeOptions.DEFAULT_MAX_TOKENS
                : positiveInt(maxTokens, "--probe-max-tokens must be > 0.");
        List<String> ids = new ArrayList<>();
        for (String value : profiles) {
            for (String id : value.split(",")) {
                if (!id.isBlank()) {
                    ids.add(id.strip());
                }
            }
        }
        return new ProbeOptions(provider, ids, timeoutMs, n, tokens);
    }

    /** A positive number of milliseconds; a fraction is rounded up. */
    private static long timeoutMs(String text) {
        String message = "--probe-timeout must be a positive number (ms).";
        double ms;
        try {
            ms = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new UserError(message);
        }
        if (!Double.isFinite(ms) || ms <= 0 || ms > Integer.MAX_VALUE) {
            throw new UserError(message);
        }
        return (long) Math.ceil(ms);
    }

    private static int positiveInt(String text, String message) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserError(message);
    }
}
