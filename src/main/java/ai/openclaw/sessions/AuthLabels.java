package ai.openclaw.sessions;

import ai.openclaw.auth.Eligibility;
import ai.openclaw.auth.ReasonCode;
import ai.openclaw.auth.UnusableProfile;
import ai.openclaw.core.Durations;
import ai.openclaw.credential.CredentialType;
import ai.openclaw.status.CredentialSource;
import ai.openclaw.status.ProfileRow;
import ai.openclaw.status.ProviderStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code auth:} part of a {@code /model status} provider line. With profiles: a comma list over the resolved
 * order of {@code <id>=OAuth (email)}, {@code <id>=token:<masked>}, {@code <id>=<masked>} with flags
 * {@code (next, lastGood, cooldown <dur>, exp <dur>|expired)}, then profiles the order had to leave out as
 * {@code <id>=missing (<reason>)}, and {@code (auth-profiles.json: <path>)}. Without profiles: the masked
 * environment, {@code models.json} or config key with its source, else {@code missing}. Values come masked from the
 * status report; nothing here ever sees a secret.
 */
final class AuthLabels {
    private AuthLabels() {}

    static String label(String provider, AuthStatus status) {
        ProviderStatus ps = status.report().providers().stream().filter(p -> p.provider().equals(provider))
                .findFirst().orElse(null);
        if (ps == null) {
            return "missing";
        }
        String profilesSource = " (auth-profiles.json: " + status.report().storePath() + ")";
        List<String> ordered = new ArrayList<>();
        for (String id : ps.order().ordered()) {
            ordered.add(orderedProfile(id, ps, status.lastGood().get(provider)));
        }
        List<String> excluded = new ArrayList<>();
        for (Map.Entry<String, Eligibility> e : ps.order().excluded().entrySet()) {
            excluded.add(excludedProfile(e.getKey(), e.getValue(), row(ps, e.getKey())));
        }
        if (!ordered.isEmpty()) {
            ordered.addAll(excluded);
            return String.join(", ", ordered) + profilesSource;
        }
        for (CredentialSource s : new CredentialSource[] {ps.env(), ps.modelsJson(), ps.configKey()}) {
            if (s != null && s.usable()) {
                return s.value() + " (" + s.source() + ")";
            }
        }
        return excluded.isEmpty() ? "missing" : String.join(", ", excluded) + profilesSource;
    }

    private static String orderedProfile(String id, ProviderStatus ps, String lastGood) {
        ProfileRow row = row(ps, id);
        List<String> flags = new ArrayList<>();
        if (id.equals(ps.order().next())) {
            flags.add("next");
        }
        if (id.equals(lastGood)) {
            flags.add("lastGood");
        }
        if (row == null) {
            return id + "=missing" + suffix(flags);
        }
        UnusableProfile u = row.unusable();
        if (u != null) {
            String reason = u.kind() == UnusableProfile.Kind.DISABLED && u.reason() != null
                    ? " " + u.reason().wireName() : "";
            flags.add(u.kind().wireName() + reason + " " + Durations.remaining(u.remainingMs()));
        }
        expiryFlag(row).ifPresent(flags::add);
        return id + "=" + value(row) + suffix(flags);
    }

    private static String excludedProfile(String id, Eligibility why, ProfileRow row) {
        if (row != null && why.code() == ReasonCode.EXPIRED) {
            return id + "=" + value(row) + " (expired)";
        }
        return id + "=missing (" + why.code().wireName() + ")";
    }

    private static Optional<String> expiryFlag(ProfileRow row) {
        if (row.type() == CredentialType.API_KEY || row.health().expiresAt() == null
                || row.health().remainingMs() == null) {
            return Optional.empty();
        }
        long remaining = row.health().remainingMs();
        return Optional.of(remaining <= 0 ? "expired" : "exp " + Durations.remaining(remaining));
    }

    /**
     * The masked value of a row: its display ({@code <id>=<value>}, plus {@code  [cooldown …]} or
     * {@code  [disabled:…]} when unusable) without the id and the bracketed suffix.
     */
    static String value(ProfileRow row) {
        String display = row.display();
        String value = display.startsWith(row.id() + "=") ? display.substring(row.id().length() + 1) : display;
        if (row.unusable() != null) {
            int bracket = value.lastIndexOf(" [");
            value = bracket >= 0 ? value.substring(0, bracket) : value;
        }
        return value;
    }

    private static ProfileRow row(ProviderStatus ps, String id) {
        return ps.profiles().stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    private static String suffix(List<String> flags) {
        return flags.isEmpty() ? "" : " (" + String.join(", ", flags) + ")";
    }
}
