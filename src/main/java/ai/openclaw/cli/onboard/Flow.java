package ai.openclaw.cli.onboard;

import java.util.Locale;

/** {@code --flow}: how many questions the wizard asks. */
public enum Flow {
    /** The fewest questions: the default model is kept, or set to the provider's suggestion when there is none. */
    QUICKSTART,
    /** Every question (also {@code manual}): the default model, the token's name and expiry. The wizard's default. */
    ADVANCED;

    /** {@code quickstart}, {@code advanced} or {@code manual}; null stays null. */
    public static Flow parse(String raw) {
        if (raw == null) {
            return null;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "quickstart" -> QUICKSTART;
            case "advanced", "manual" -> ADVANCED;
            default -> throw new OnboardException("Invalid --flow (use \"quickstart\", \"manual\", or \"advanced\").");
        };
    }
}
