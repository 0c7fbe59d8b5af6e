package ai.openclaw.auth;

import ai.openclaw.store.FailureReason;

/**
 * A profile inside a cooldown or disabled window.
 *
 * @param model the model the cooldown is scoped to, or null when it applies to the whole profile
 */
public record UnusableProfile(String profileId, String provider, Kind kind, FailureReason reason, String model,
                              long until, long remainingMs) {
    public enum Kind {
        COOLDOWN, DISABLED;

        public String wireName() {
            return this == COOLDOWN ? "cooldown" : "disabled";
        }
    }
}
