package ai.openclaw.app;

import ai.openclaw.config.AuthMode;
import ai.openclaw.credential.Credential;
import ai.openclaw.store.AuthStoreRepository;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stores a credential the way every login command does: the secret goes into the agent's
 * {@code auth-profiles.json} (locked, atomic, 0600) and the profile's metadata into {@code openclaw.json}
 * ({@code auth.profiles}, and {@code auth.order} where one exists).
 */
public final class CredentialService {
    /** Where things were written, for the command's report. */
    /** @param configUpdated false when the config already said exactly this (it was not rewritten) */
    public record Saved(String profileId, String provider, AuthMode mode, Path storePath, Path configPath,
                        boolean configUpdated) {}

    private final AppContext ctx;

    public CredentialService(AppContext ctx) {
        this.ctx = ctx;
    }

    public Saved save(Agents.Agent agent, String profileId, Credential credential, AuthMode mode) {
        return save(agent, profileId, credential, mode, UnaryOperator.identity());
    }

    /**
     * As {@link #save(Agents.Agent, String, Credential, AuthMode)}, with a further config change made in the same
     * config write (so {@code openclaw.json.bak} is the config from before the command).
     */
    public Saved save(Agents.Agent agent, String profileId, Credential credential, AuthMode mode,
                      UnaryOperator<ObjectNode> alsoInConfig) {
        AuthStoreRepository repo = ctx.agents().store(agent);
        repo.update(store -> store.withProfile(profileId, credential));
        Path configPath = ctx.config().path();
        boolean updated = ctx.configWriter().update(configPath, root -> alsoInConfig.apply(
                AuthConfigPatch.applyProfile(root, profileId, credential.provider(), mode.wireName())));
        ctx.configChanged();
        return new Saved(profileId, credential.provider(), mode, repo.profilesPath(), configPath, updated);
    }

    /**
     * {@code --profile-id} as given, or {@code <provider>:<suffix>} when it has no provider prefix; a prefix naming
     * another provider is rejected.
     */
    public static String profileId(String provider, String requested, String defaultName) {
        if (requested == null || requested.isBlank()) {
            return provider + ":" + defaultName;
        }
        String id = requested.strip();
        if (id.chars().anyMatch(ch -> Character.isWhitespace(ch) || Character.isISOControl(ch))) {
            throw new IllegalArgumentException("Profile id \"" + id + "\" must not contain spaces or control characters.");
        }
        int colon = id.indexOf(':');
        if (colon < 0) {
            return provider + ":" + id;
        }
        String prefix = ai.openclaw.core.ProviderIds.normalize(id.substring(0, colon));
        if (!prefix.equals(provider) || colon == id.length() - 1) {
            throw new IllegalArgumentException("Profile id \"" + id + "\" does not belong to provider " + provider
                    + " (expected " + provider + ":<name>).");
        }
        return id;
    }
}
