package ai.openclaw.routing;

import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.store.FailureReason;

/** One entry of a model's candidate list: a credential to try, or one left out and why. */
sealed interface Candidate {
    String label();

    /**
     * A credential to try. {@code profileId} is null for env, config and no-key credentials; {@code oauth} is the
     * stored credential of an OAuth profile, made usable (refreshed if needed) right before its attempt.
     */
    record Usable(CredentialCandidate credential, String profileId, OAuthCredential oauth) implements Candidate {
        Usable(CredentialCandidate credential, String profileId) {
            this(credential, profileId, null);
        }

        @Override
        public String label() {
            return credential.source().label();
        }

        /** The same profile with {@code usable}'s access token. */
        Usable with(OAuthCredential usable) {
            return new Usable(new CredentialCandidate(credential.source(), usable.access()), profileId, usable);
        }
    }

    /**
     * Left out.
     *
     * @param reason      {@code cooldown}, {@code disabled}, {@code expired}, {@code unresolved_ref}, an eligibility
     *                    code ({@code missing_credential}, ...), {@code refresh_failed[:<cause>]},
     *                    {@code rotation_cap}, {@code not_rotated}, ...
     * @param remainingMs time left in the profile's cooldown or disabled window, else 0
     * @param cause       for cooldown/disabled: the failure that opened the window; else null
     * @param detail      for people: why, and what to do (a failed refresh's message); null when the reason says it
     */
    record Skipped(String label, String reason, long remainingMs, FailureReason cause, String detail)
            implements Candidate {
        static final String COOLDOWN = "cooldown";
        static final String DISABLED = "disabled";

        Skipped(String label, String reason, long remainingMs, FailureReason cause) {
            this(label, reason, remainingMs, cause, null);
        }

        boolean coolingDown() {
            return COOLDOWN.equals(reason);
        }

        boolean inWindow() {
            return COOLDOWN.equals(reason) || DISABLED.equals(reason);
        }
    }
}
