package ai.openclaw.clibackend;

/** A run could not be started (program missing, no free slot); carries the {@link CliFailure}. */
public final class CliFailureException extends Exception {
    private final transient CliFailure failure;

    public CliFailureException(CliFailure failure) {
        super(failure.message(), null, false, false);
        this.failure = failure;
    }

    public CliFailure failure() {
        return failure;
    }
}
