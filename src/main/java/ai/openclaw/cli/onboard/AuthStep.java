package ai.openclaw.cli.onboard;

import ai.openclaw.config.AuthMode;
import ai.openclaw.credential.Credential;
import java.util.Objects;

/** What onboarding does about credentials, decided before anything is written. */
public sealed interface AuthStep {
    /** Store a new credential (API key or token) under {@code profileId}. */
    record Store(String profileId, Credential credential, AuthMode mode, ResolvedSecret.Origin origin,
                 String originText) implements AuthStep {
        public Store {
            Objects.requireNonNull(profileId, "profileId");
            Objects.requireNonNull(credential, "credential");
            Objects.requireNonNull(mode, "mode");
        }

        /** Names the origin, never the secret ({@link Credential}'s {@code toString} is masked). */
        @Override
        public String toString() {
            return "Store[" + profileId + ", " + credential + ", " + mode + ", from " + originText + "]";
        }
    }

    /** An API-key profile already in the store serves; only its config entry is (re)written. */
    record KeepProfile(String profileId, String provider, AuthMode mode) implements AuthStep {}

    /** A login flow of its own (browser, or another CLI), run after the questions. */
    record Login(AuthChoice choice) implements AuthStep {}

    /** Nothing about credentials changes. */
    record None() implements AuthStep {}
}
