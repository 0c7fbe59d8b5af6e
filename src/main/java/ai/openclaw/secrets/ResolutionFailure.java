package ai.openclaw.secrets;

/**
 * A resolution step failed for every ref it covered (a whole provider, or one id). The message is the
 * reason only, already safe to show: it names files, aliases and ids, never values or provider output.
 * No cause is kept, so a stack trace cannot carry a parser's view of secret-bearing input either.
 */
final class ResolutionFailure extends Exception {
    ResolutionFailure(String reason) {
        super(reason, null, false, false);
    }

    String reason() {
        return getMessage();
    }
}
