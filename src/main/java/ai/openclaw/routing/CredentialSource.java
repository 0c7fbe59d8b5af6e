package ai.openclaw.routing;

/** Where the credential of one attempt came from; its {@link #label()} is what logs and error bodies show. */
public sealed interface CredentialSource {
    String label();

    /** A stored auth profile. */
    record Profile(String profileId) implements CredentialSource {
        @Override
        public String label() {
            return profileId;
        }
    }

    /** An environment variable (§7 key collection). */
    record EnvKey(String variable) implements CredentialSource {
        @Override
        public String label() {
            return "env: " + variable;
        }
    }

    /** {@code models.providers.<provider>.apiKey} in the config. */
    record ConfigKey(String provider) implements CredentialSource {
        @Override
        public String label() {
            return "config: models.providers." + provider + ".apiKey";
        }
    }

    /** {@code providers.<provider>.apiKey} in the agent's generated {@code models.json}. */
    record ModelsJsonKey(String provider) implements CredentialSource {
        @Override
        public String label() {
            return "models.json: providers." + provider + ".apiKey";
        }
    }

    /** A local endpoint that takes no credential. */
    record NoKey() implements CredentialSource {
        @Override
        public String label() {
            return "none (local endpoint)";
        }
    }
}
