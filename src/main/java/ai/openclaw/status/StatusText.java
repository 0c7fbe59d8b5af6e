package ai.openclaw.status;

import ai.openclaw.auth.HealthStatus;
import ai.openclaw.auth.ProfileHealth;
import ai.openclaw.auth.UnusableProfile;
import ai.openclaw.core.Durations;
import ai.openclaw.credential.CredentialType;
import ai.openclaw.models.ModelRef;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The human-readable {@code models status} output. Secrets appear only masked. */
public final class StatusText {
    private final ai.openclaw.paths.StatePaths paths;

    public StatusText(ai.openclaw.paths.StatePaths paths) {
        this.paths = paths;
    }

    public void render(StatusReport r, PrintWriter out) {
        line(out, "Config", shorten(r.configPath()) + (r.configExists() ? "" : " (not created yet)"));
        line(out, "Agent", r.agentId());
        line(out, "Agent dir", shorten(r.agentDir()));
        line(out, "Default", r.models().primary().key()
                + (r.models().primaryRaw() == null ? " (built-in default)"
                : r.models().primaryRaw().equals(r.models().primary().key()) ? ""
                : " (from " + r.models().primaryRaw() + ")"));
        List<String> fallbacks = r.models().fallbacks().stream().map(ModelRef::key).toList();
        line(out, "Fallbacks (" + fallbacks.size() + ")", fallbacks.isEmpty() ? "-" : String.join(", ", fallbacks));
        String aliases = r.models().aliases().entrySet().stream().map(e -> e.getKey() + " -> " + e.getValue())
                .collect(Collectors.joining(", "));
        line(out, "Aliases (" + r.models().aliases().size() + ")", aliases.isEmpty() ? "-" : aliases);
        out.println("Configured models (" + r.models().allowed().size() + "): "
                + (r.models().allowed().isEmpty() ? "all" : String.join(", ", r.models().allowed())));
        out.println();
        out.println("Auth overview");
        line(out, "Auth store", shorten(r.storePath()) + switch (r.storeFormat()) {
            case "missing" -> " (no credentials stored yet)";
            case "legacy_flat" -> " (legacy flat format: run `openclaw doctor --fix`)";
            case "not_an_object" -> " (not a JSON object: run `openclaw doctor`)";
            default -> "";
        });
        line(out, "Shell env", r.shellEnvEnabled()
                ? "on" + (r.shellAppliedKeys().isEmpty() ? "" : " (applied: " + String.join(", ", r.shellAppliedKeys()) + ")")
                : "off");
        List<String> withOAuth = new ArrayList<>();
        for (ProviderStatus p : r.providers()) {
            long n = p.countOf(CredentialType.OAUTH) + p.countOf(CredentialType.TOKEN);
            if (n > 0) {
                withOAuth.add(p.provider() + " (" + n + ")");
            }
        }
        out.println("Providers w/ OAuth/tokens (" + withOAuth.size() + "): "
                + (withOAuth.isEmpty() ? "-" : String.join(", ", withOAuth)));
        if (r.providers().isEmpty()) {
            out.println("- no providers configured and no credentials found");
        }
        for (ProviderStatus p : r.providers()) {
            out.println(providerLine(p));
            if (p.order().source().explicit() || p.profiles().size() > 1) {
                out.println("  order (" + p.order().source().label() + "): "
                        + (p.order().ordered().isEmpty() ? "(none usable)" : String.join(", ", p.order().ordered())));
            }
            p.order().excluded().forEach((id, e) -> out.println("  excluded " + id + ": " + e.code().wireName()
                    + (e.detail() == null ? "" : " (" + e.detail() + ")")));
        }

        if (!r.missingProvidersInUse().isEmpty()) {
            out.println();
            out.println("Missing auth");
            for (String p : r.missingProvidersInUse()) {
                out.println("- " + p + " " + missingHint(p));
            }
        }

        List<ProviderStatus> withExpiry = r.providers().stream()
                .filter(p -> p.profiles().stream().anyMatch(row -> row.type() != CredentialType.API_KEY)).toList();
        if (!withExpiry.isEmpty()) {
            out.println();
            out.println("OAuth/token status");
            for (ProviderStatus p : withExpiry) {
                out.println("- " + p.provider() + " " + p.health().status().wireName());
                for (ProfileRow row : p.profiles()) {
                    if (row.type() != CredentialType.API_KEY) {
                        out.println("  - " + row.label() + " " + healthText(row.health()));
                        if (row.lastRefreshError() != null) {
                            out.println("    last refresh failed " + ago(r.generatedAt(), row.lastRefreshError().at())
                                    + " [" + row.lastRefreshError().code() + "]: "
                                    + row.lastRefreshError().message());
                        }
                    }
                }
            }
        }

        if (!r.unusable().isEmpty()) {
            out.println();
            out.println("Cooldowns");
            for (UnusableProfile u : r.unusable()) {
                out.println("- " + u.profileId() + ": " + u.kind().wireName()
                        + (u.reason() == null ? "" : (u.kind() == UnusableProfile.Kind.DISABLED ? ":" : " ")
                        + u.reason().wireName())
                        + " (" + Durations.remaining(u.remainingMs()) + ")"
                        + (u.model() == null ? "" : " for model " + u.model()));
            }
        }

        if (!r.violations().isEmpty()) {
            out.println();
            out.println("Policy violations (OAuth + SecretRef is not supported)");
            r.violations().forEach(v -> out.println(v.line()));
        }
        if (!r.warnings().isEmpty()) {
            out.println();
            out.println("Warnings");
            r.warnings().forEach(w -> out.println("- " + w));
        }
    }

    private static String providerLine(ProviderStatus p) {
        List<String> parts = new ArrayList<>();
        parts.add("- " + p.provider() + (p.inUse() ? " (in use)" : "") + " effective=" + p.effectiveKind() + ":"
                + p.effectiveDetail());
        if (!p.profiles().isEmpty()) {
            parts.add("profiles=" + p.profiles().size() + " (oauth=" + p.countOf(CredentialType.OAUTH) + ", token="
                    + p.countOf(CredentialType.TOKEN) + ", api_key=" + p.countOf(CredentialType.API_KEY) + ")");
            parts.add(p.profiles().stream().map(ProfileRow::display).collect(Collectors.joining(", ")));
        }
        if (p.env() != null) {
            parts.add("env=" + p.env().value());
            parts.add("source=" + p.env().source());
        }
        if (p.modelsJson() != null) {
            parts.add("models.json=" + p.modelsJson().value()
                    + (p.modelsJson().usable() ? "" : " (" + p.modelsJson().problem() + ")"));
        }
        if (p.configKey() != null) {
            parts.add("config=" + p.configKey().value()
                    + (p.configKey().usable() ? "" : " (" + p.configKey().problem() + ")"));
        }
        return String.join(" | ", parts);
    }

    private static String healthText(ProfileHealth h) {
        String status = h.status() == HealthStatus.MISSING ? "unknown" : h.status().wireName();
        StringBuilder sb = new StringBuilder(status);
        if (h.status() == HealthStatus.MISSING) {
            sb.append(" [").append(h.reasonCode().wireName()).append(']');
            if (h.detail() != null) {
                sb.append(' ').append(h.detail());
            }
        } else if (h.remainingMs() != null) {
            sb.append(h.remainingMs() <= 0 ? " expired " + Durations.remaining(-h.remainingMs()) + " ago"
                    : " expires in " + Durations.remaining(h.remainingMs()));
        } else if (h.status() != HealthStatus.STATIC) {
            sb.append(" expires unknown");
        }
        return sb.toString();
    }

    private static String ago(long now, long at) {
        return now - at < 60_000 ? "just now" : Durations.remaining(now - at) + " ago";
    }

    static String missingHint(String provider) {
        if (provider.equals("anthropic")) {
            return "Run `claude setup-token`, then `openclaw models auth setup-token` (or reuse the Claude CLI login: "
                    + "`openclaw models auth login --provider anthropic --method cli`), or set ANTHROPIC_API_KEY.";
        }
        return "Run `openclaw models auth paste-api-key --provider " + provider + "` or set "
                + ai.openclaw.providers.ProviderEnvVars.candidates(provider).getLast() + ".";
    }

    private static void line(PrintWriter out, String label, String value) {
        out.println(String.format("%-14s: %s", label, value));
    }

    private String shorten(Path p) {
        return paths.display(p);
    }
}
