package ai.openclaw.cli;

import ai.openclaw.app.CredentialService;
import ai.openclaw.core.ProviderIds;
import picocli.CommandLine.Option;

/** {@code --provider} and {@code --profile-id} of the commands that store a credential. */
public final class CredentialTarget {
    @Option(names = "--provider", required = true, paramLabel = "<id>", description = "Provider id, e.g. anthropic.")
    String provider;

    @Option(names = "--profile-id", paramLabel = "<id>",
            description = "Profile id (default: <provider>:manual; a bare name gets the <provider>: prefix).")
    String profileId;

    /** The normalized provider id. */
    String provider() {
        String p = ProviderIds.normalize(provider);
        if (p.isEmpty()) {
            throw new UserError("Missing --provider.");
        }
        return p;
    }

    String profileId() {
        return CredentialService.profileId(provider(), profileId, "manual");
    }
}
