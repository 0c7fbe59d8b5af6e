package ai.openclaw.cli.onboard;

import java.util.List;
import java.util.Objects;

/**
 * The options of {@code openclaw onboard}, without picocli. Secret-carrying flags are {@link SecretArgument}s, so
 * that printing a request never shows a secret.
 *
 * @param flow    null when {@code --flow} was not given
 * @param secrets every secret flag (given or not) in a fixed order
 */
public record OnboardRequest(
        boolean nonInteractive,
        boolean acceptRisk,
        Flow flow,
        Mode mode,
        String authChoice,
        String tokenProvider,
        String tokenProfileId,
        String tokenExpiresIn,
        String customBaseUrl,
        String customModelId,
        String customProviderId,
        String customCompatibility,
        List<SecretArgument> secrets,
        boolean json) {

    public OnboardRequest {
        Objects.requireNonNull(mode, "mode");
        secrets = List.copyOf(secrets);
    }

    /** The named secret flag (absent when not given). */
    public SecretArgument secret(String flag) {
        return secrets.stream().filter(s -> s.flag().equals(flag)).findFirst()
                .orElse(new SecretArgument(flag, null));
    }

    /** True when any {@code --custom-*} flag was given. */
    boolean anyCustomFlag() {
        return customBaseUrl != null || customModelId != null || customProviderId != null
                || customCompatibility != null || secret(AuthChoice.CUSTOM_API_KEY.secretFlag()).given();
    }
}
