package ai.openclaw.routing;

import ai.openclaw.store.FailureReason;

/** One entry of a model's candidate list: a credential to try, or one left out and why. */
sealed interface Candidate {
    String label();

    /** A credential to try. {@code profileId} is null for env, config and no-key credentials. */
    record Usable(CredentialCandidate credential, String profileId) implements Candidate {
        @Override
        public String label() {
            return credential.source().label();
        }
    }

    /**
     * Left out.
     *
     * @param reason      {@code cooldown}, {@code disabled}, {@code expired}, {@code unresolved_ref}, an eligibility
     *                    code ({@code missing_credential}, ...), {@code rotation_cap}, {@code not_rotated}, ...
     * @param remainingMs time left in the profile's cooldown or disabled window, else 0
     * @param cause       for cooldown/disabled: the failure that opened the window; else null
     */
    record Skipped(String label, String reason, long remainingMs, FailureReason cause) implements Candidate {
        static final String COOLDOWN = "cooldown";
        static final String DISABLED = "disabled";

        boolean coolingDown() {
            return COOLDOWN.equals(reason);
        }

        boolean inWindow() {
            return COOLDOWN.equals(reason) || DISABLED.equals(reason);
        }
    }
}
