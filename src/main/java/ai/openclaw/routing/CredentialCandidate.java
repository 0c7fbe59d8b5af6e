package ai.openclaw.routing;

import ai.openclaw.core.Secret;

/**
 * A usable credential for one attempt: its source and the resolved secret (null for {@link CredentialSource.NoKey}).
 */
public record CredentialCandidate(CredentialSource source, Secret secret) {
    @Override
    public String toString() {
        return "CredentialCandidate[" + source.label() + "]";
    }
}
