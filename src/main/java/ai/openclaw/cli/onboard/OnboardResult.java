package ai.openclaw.cli.onboard;

import ai.openclaw.app.CredentialService;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What an onboarding run wrote, for the report. Holds no secret.
 *
 * @param plan          what was decided
 * @param agentId       whose store was used
 * @param profile       the profile stored (or kept) and its config entry; null when none
 * @param keptExisting  true when an API-key profile already in the store was used instead of a new key
 * @param login         the outcome of a handed-over login; null when none ran
 * @param configPath    the config file
 * @param configUpdated whether the config file was rewritten
 * @param previousModel {@code agents.defaults.model.primary} before the run, or null
 */
public record OnboardResult(OnboardPlan plan, String agentId, CredentialService.Saved profile, boolean keptExisting,
                            LoginOutcome login, Path configPath, boolean configUpdated, String previousModel) {

    public Optional<CredentialService.Saved> savedProfile() {
        return Optional.ofNullable(profile);
    }

    public Optional<LoginOutcome> loginOutcome() {
        return Optional.ofNullable(login);
    }

    /** The default model in force after the run (null when none is configured). */
    public String defaultModel() {
        return plan.newDefaultModel().orElse(previousModel);
    }

    public boolean defaultModelChanged() {
        return plan.newDefaultModel().isPresent() && !plan.defaultModel().equals(previousModel);
    }
}
