package ai.openclaw.status;

import ai.openclaw.auth.OAuthRefPolicy;
import ai.openclaw.auth.ProfileHealth;
import ai.openclaw.auth.ProviderHealth;
import ai.openclaw.auth.UnusableProfile;
import ai.openclaw.credential.CredentialType;
import ai.openclaw.json.Json;
import ai.openclaw.models.ModelRef;
import java.util.Collection;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code models status --json} document. Key names follow OpenClaw's where it has them; the schema is
 * documented in {@code docs/models-status-json.md} and only grows (fields are never renamed or removed).
 */
public final class StatusJson {
    public static final int SCHEMA_VERSION = 1;

    private StatusJson() {}

    public static ObjectNode render(StatusReport r) {
        ObjectNode root = Json.object();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("configPath", r.configPath().toString());
        root.put("configExists", r.configExists());
        root.put("agentId", r.agentId());
        root.put("agentDir", r.agentDir().toString());
        root.put("defaultModel", r.models().primaryRaw() == null ? null : r.models().primaryRaw());
        root.put("resolvedDefault", r.models().primary().key());
        strings(root.putArray("fallbacks"), r.models().fallbacks().stream().map(ModelRef::key).toList());
        ObjectNode aliases = root.putObject("aliases");
        r.models().aliases().forEach(aliases::put);
        strings(root.putArray("allowed"), r.models().allowed());

        ObjectNode auth = root.putObject("auth");
        auth.put("storePath", r.storePath().toString());
        auth.put("storeFormat", r.storeFormat());
        ObjectNode shell = auth.putObject("shellEnvFallback");
        shell.put("enabled", r.shellEnvEnabled());
        strings(shell.putArray("appliedKeys"), r.shellAppliedKeys());
        ArrayNode withOAuth = auth.putArray("providersWithOAuth");
        r.providers().forEach(p -> {
            long n = p.countOf(CredentialType.OAUTH) + p.countOf(CredentialType.TOKEN);
            if (n > 0) {
                withOAuth.add(p.provider() + " (" + n + ")");
            }
        });
        strings(auth.putArray("missingProvidersInUse"), r.missingProvidersInUse());
        ArrayNode providers = auth.putArray("providers");
        r.providers().forEach(p -> providers.add(provider(p)));
        ArrayNode unusable = auth.putArray("unusableProfiles");
        r.unusable().forEach(u -> unusable.add(unusable(u)));
        ObjectNode oauth = auth.putObject("oauth");
        oauth.put("warnAfterMs", ai.openclaw.auth.AuthHealth.WARN_AFTER_MS);
        ArrayNode oauthProfiles = oauth.putArray("profiles");
        ArrayNode oauthProviders = oauth.putArray("providers");
        for (ProviderStatus p : r.providers()) {
            p.profiles().stream().filter(row -> row.type() != CredentialType.API_KEY)
                    .forEach(row -> oauthProfiles.add(refreshError(health(row.health(), row.label()), row)));
            if (p.profiles().stream().anyMatch(row -> row.type() != CredentialType.API_KEY)) {
                oauthProviders.add(providerHealth(p.health()));
            }
        }
        ArrayNode violations = auth.putArray("policyViolations");
        for (OAuthRefPolicy.Violation v : r.violations()) {
            ObjectNode o = violations.addObject();
            o.put("profileId", v.profileId());
            o.put("field", v.field());
            o.put("reason", v.reason());
        }
        strings(auth.putArray("warnings"), r.warnings());

        ObjectNode check = root.putObject("check");
        check.put("exitCode", r.checkExitCode());
        strings(check.putArray("reasons"), r.checkReasons());
        return root;
    }

    private static ObjectNode provider(ProviderStatus p) {
        ObjectNode o = Json.object();
        o.put("provider", p.provider());
        o.put("inUse", p.inUse());
        o.put("status", p.health().status().wireName());
        ObjectNode eff = o.putObject("effective");
        eff.put("kind", p.effectiveKind());
        eff.put("detail", p.effectiveDetail());
        ObjectNode profiles = o.putObject("profiles");
        profiles.put("count", p.profiles().size());
        profiles.put("oauth", p.countOf(CredentialType.OAUTH));
        profiles.put("token", p.countOf(CredentialType.TOKEN));
        profiles.put("apiKey", p.countOf(CredentialType.API_KEY));
        strings(profiles.putArray("labels"), p.profiles().stream().map(ProfileRow::display).toList());
        ArrayNode details = profiles.putArray("details");
        for (ProfileRow row : p.profiles()) {
            ObjectNode d = refreshError(health(row.health(), row.label()), row);
            d.put("display", row.display());
            d.put("inOrder", row.inOrder());
            if (row.unusable() != null) {
                d.set("unusable", unusable(row.unusable()));
            }
            details.add(d);
        }
        ObjectNode order = o.putObject("order");
        order.put("source", p.order().source().name().toLowerCase(java.util.Locale.ROOT));
        strings(order.putArray("resolved"), p.order().ordered());
        ObjectNode excluded = order.putObject("excluded");
        p.order().excluded().forEach((id, e) -> excluded.put(id, e.code().wireName()));
        source(o, "env", p.env());
        source(o, "modelsJson", p.modelsJson());
        source(o, "config", p.configKey());
        return o;
    }

    private static void source(ObjectNode o, String field, CredentialSource s) {
        if (s == null) {
            return;
        }
        ObjectNode n = o.putObject(field);
        n.put("value", s.value());
        n.put("source", s.source());
        n.put("usable", s.usable());
        if (s.problem() != null) {
            n.put("problem", s.problem());
        }
    }

    private static ObjectNode health(ProfileHealth h, String label) {
        ObjectNode o = Json.object();
        o.put("profileId", h.profileId());
        o.put("provider", h.provider());
        o.put("type", h.type().wireName());
        o.put("status", h.status().wireName());
        o.put("reasonCode", h.reasonCode().wireName());
        if (h.detail() != null) {
            o.put("detail", h.detail());
        }
        if (h.expiresAt() != null) {
            o.put("expiresAt", h.expiresAt());
            o.put("remainingMs", h.remainingMs());
        }
        o.put("source", "store");
        o.put("label", label);
        return o;
    }

    /** Adds {@code lastRefreshError: {at, code, message}} when the profile's last OAuth refresh failed. */
    private static ObjectNode refreshError(ObjectNode o, ProfileRow row) {
        if (row.lastRefreshError() != null) {
            ObjectNode e = o.putObject("lastRefreshError");
            e.put("at", row.lastRefreshError().at());
            e.put("code", row.lastRefreshError().code());
            e.put("message", row.lastRefreshError().message());
        }
        return o;
    }

    private static ObjectNode providerHealth(ProviderHealth h) {
        ObjectNode o = Json.object();
        o.put("provider", h.provider());
        o.put("status", h.status().wireName());
        if (h.expiresAt() != null) {
            o.put("expiresAt", h.expiresAt());
            o.put("remainingMs", h.remainingMs());
        }
        strings(o.putArray("profiles"), h.profiles().stream().map(ProfileHealth::profileId).toList());
        return o;
    }

    private static ObjectNode unusable(UnusableProfile u) {
        ObjectNode o = Json.object();
        o.put("profileId", u.profileId());
        o.put("provider", u.provider());
        o.put("kind", u.kind().wireName());
        if (u.reason() != null) {
            o.put("reason", u.reason().wireName());
        }
        if (u.model() != null) {
            o.put("model", u.model());
        }
        o.put("until", u.until());
        o.put("remainingMs", u.remainingMs());
        return o;
    }

    private static void strings(ArrayNode a, Collection<String> values) {
        values.forEach(a::add);
    }
}
