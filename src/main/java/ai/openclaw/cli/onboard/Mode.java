package ai.openclaw.cli.onboard;

import java.util.Locale;

/** {@code --mode}: {@code local} sets up model auth on this machine; {@code remote} means a gateway elsewhere. */
public enum Mode {
    LOCAL, REMOTE;

    public static Mode parse(String raw) {
        if (raw == null) {
            return LOCAL;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "local" -> LOCAL;
            case "remote" -> REMOTE;
            default -> throw new OnboardException("Invalid --mode (use \"local\" or \"remote\").");
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
