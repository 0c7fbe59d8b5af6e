package ai.openclaw.core;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Human durations: OpenClaw's compact remaining-time format and the {@code --expires-in} parser. */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d|w)?$");

    private Durations() {}

    /**
     * {@code 0m} when due, otherwise whole minutes (at least 1) below an hour, hours below 48 h, else days, each
     * rounded.
     */
    public static String remaining(long ms) {
        if (ms <= 0) {
            return "0m";
        }
        long minutes = Math.max(1, Math.round(ms / 60_000.0));
        if (minutes < 60) {
            return minutes + "m";
        }
        long hours = Math.round(minutes / 60.0);
        if (hours < 48) {
            return hours + "h";
        }
        return Math.round(hours / 24.0) + "d";
    }

    /**
     * Parses {@code 365d}, {@code 12h}, {@code 30m}, {@code 45s}, {@code 2w}, {@code 500ms}; a bare number means
     * days.
     *
     * @throws IllegalArgumentException with an example of the accepted format
     */
    public static long parseMillis(String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("Invalid duration \"" + text + "\" (e.g. 365d, 12h, 30m)");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "d" : m.group(2);
        double factor = switch (unit) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            case "w" -> 7 * 86_400_000.0;
            default -> 86_400_000;
        };
        long ms = Math.round(n * factor);
        if (ms <= 0) {
            throw new IllegalArgumentException("Invalid duration \"" + text + "\": must be positive");
        }
        return ms;
    }
}
