package ai.openclaw.cli.onboard;

import java.util.Objects;
import java.util.Optional;

/**
 * Every decision of one onboarding run, taken before anything is written: so that Ctrl-C, the end of input or a
 * refused answer leaves the store and config as they were.
 *
 * @param choice       what was chosen
 * @param auth         the credential step
 * @param custom       a custom provider to add to {@code models.providers}, or null
 * @param defaultModel the new {@code agents.defaults.model.primary}, or null to keep the current one
 */
public record OnboardPlan(AuthChoice choice, AuthStep auth, CustomProvider custom, String defaultModel) {
    public OnboardPlan {
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(auth, "auth");
    }

    public Optional<CustomProvider> customProvider() {
        return Optional.ofNullable(custom);
    }

    public Optional<String> newDefaultModel() {
        return Optional.ofNullable(defaultModel);
    }
}
