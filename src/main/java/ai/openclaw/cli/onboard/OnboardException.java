package ai.openclaw.cli.onboard;

/**
 * Onboarding cannot go on as asked; the message (possibly several lines: the problem, then what to do) is shown
 * after {@code Error: } and never contains a secret value.
 */
public final class OnboardException extends RuntimeException {
    public OnboardException(String message) {
        super(message);
    }

    public OnboardException(String... lines) {
        super(String.join("\n", lines));
    }
}
