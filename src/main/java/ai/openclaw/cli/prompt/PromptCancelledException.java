package ai.openclaw.cli.prompt;

/** The person pressed Ctrl-C, or the input ended before every question was answered. */
public final class PromptCancelledException extends RuntimeException {
    private final boolean interrupted;

    public PromptCancelledException(boolean interrupted) {
        super(interrupted ? "cancelled with Ctrl-C" : "the input ended before every question was answered");
        this.interrupted = interrupted;
    }

    /** True for Ctrl-C, false for the end of input (Ctrl-D, or standard input used up). */
    public boolean interrupted() {
        return interrupted;
    }
}
