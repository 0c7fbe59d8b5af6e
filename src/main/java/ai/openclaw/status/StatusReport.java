package ai.openclaw.status;

import ai.openclaw.auth.OAuthRefPolicy;
import ai.openclaw.auth.UnusableProfile;
import ai.openclaw.models.ModelSelection;
import java.nio.file.Path;
import java.util.List;

/**
 * The result of {@code openclaw models status}: one immutable value rendered as text or JSON, and the basis of
 * {@code --check}.
 *
 * @param checkExitCode 0 fine, 1 a provider in use is expired or missing, 2 one is expiring within 24 h
 * @param checkReasons  one line per provider that made the exit code non-zero
 */
public record StatusReport(
        Path configPath, boolean configExists, String agentId, Path agentDir,
        ModelSelection models,
        Path storePath, String storeFormat,
        boolean shellEnvEnabled, List<String> shellAppliedKeys,
        List<ProviderStatus> providers, List<String> missingProvidersInUse,
        List<UnusableProfile> unusable, List<OAuthRefPolicy.Violation> violations, List<String> warnings,
        long generatedAt, int checkExitCode, List<String> checkReasons) {
    public StatusReport {
        shellAppliedKeys = List.copyOf(shellAppliedKeys);
        providers = List.copyOf(providers);
        missingProvidersInUse = List.copyOf(missingProvidersInUse);
        unusable = List.copyOf(unusable);
        violations = List.copyOf(violations);
        warnings = List.copyOf(warnings);
        checkReasons = List.copyOf(checkReasons);
    }
}
