package ai.openclaw.secrets;

import static ai.openclaw.secrets.SecretsTestSupport.ENV_SECRET;
import static ai.openclaw.secrets.SecretsTestSupport.assertNoSecretIn;
import static ai.openclaw.secrets.SecretsTestSupport.config;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.core.Secret;
import ai.openclaw.secrets.SecretRef.Source;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretResolverEnvTest {
    private static final Path HOME = Path.of("/home/alice");
    private static final Map<String, String> ENV = Map.of("OPENAI_API_KEY", ENV_SECRET, "BLANK", "  ", "OTHER", "x-1");

    private static SecretResolver resolver(SecretsConfig config) {
        return new SecretResolver(config, ENV, HOME);
    }

    @Test
    void resolve_envRefWithoutConfig_usesImplicitDefaultProvider() {
        Resolution result = resolver(SecretsConfig.EMPTY).resolve(SecretRef.env("OPENAI_API_KEY"));

        assertThat(result).isEqualTo(new Resolution.Resolved(Secret.of(ENV_SECRET)));
        assertThat(result.secret()).map(Secret::reveal).contains(ENV_SECRET);
        assertNoSecretIn(result.toString());
    }

    @Test
    void resolve_explicitDefaultAlias_isImplicitToo() {
        assertThat(resolver(SecretsConfig.EMPTY).resolve(new SecretRef(Source.ENV, "default", "OTHER")).secret())
                .map(Secret::reveal).contains("x-1");
    }

    @Test
    void resolve_missingVariable_failsNamingVariableAndRef() {
        Resolution result = resolver(SecretsConfig.EMPTY).resolve(SecretRef.env("ANTHROPIC_API_KEY"));

        assertThat(result).isInstanceOfSatisfying(Resolution.Failed.class, failed -> {
            assertThat(failed.ref()).isEqualTo(new SecretRef(Source.ENV, "default", "ANTHROPIC_API_KEY"));
            assertThat(failed.message()).isEqualTo(
                    "Environment variable \"ANTHROPIC_API_KEY\" is missing or empty. (ref: env:default:ANTHROPIC_API_KEY)");
        });
    }

    @Test
    void resolve_blankVariable_isMissingOrEmpty() {
        assertThat(message(resolver(SecretsConfig.EMPTY).resolve(SecretRef.env("BLANK"))))
                .startsWith("Environment variable \"BLANK\" is missing or empty.");
    }

    @Test
    void resolve_customDefaultEnvAlias_isImplicitForLegacyRefs_butDefaultIsThenUnknown() {
        SecretResolver resolver = resolver(config("{\"defaults\":{\"env\":\"shell\"}}", HOME));

        assertThat(resolver.resolve(SecretRef.env("OPENAI_API_KEY")).secret()).isPresent();
        assertThat(message(resolver.resolve(new SecretRef(Source.ENV, "default", "OPENAI_API_KEY"))))
                .isEqualTo("Secret provider \"default\" is not configured (ref: env:default:OPENAI_API_KEY).");
    }

    @Test
    void resolve_allowlistedProvider_refusesNamesOutsideTheList() {
        SecretResolver resolver = resolver(config(
                "{\"providers\":{\"shell\":{\"source\":\"env\",\"allowlist\":[\"OTHER\"]}}}", HOME));

        assertThat(resolver.resolve(new SecretRef(Source.ENV, "shell", "OTHER")).secret()).isPresent();
        assertThat(message(resolver.resolve(new SecretRef(Source.ENV, "shell", "OPENAI_API_KEY"))))
                .isEqualTo("Environment variable \"OPENAI_API_KEY\" is not allowlisted in secrets.providers.shell.allowlist."
                        + " (ref: env:shell:OPENAI_API_KEY)");
    }

    @Test
    void resolve_unknownAlias_failsAsNotConfigured() {
        assertThat(message(resolver(SecretsConfig.EMPTY).resolve(new SecretRef(Source.EXEC, "vault", "openai"))))
                .isEqualTo("Secret provider \"vault\" is not configured (ref: exec:vault:openai).");
    }

    @Test
    void resolve_sourceMismatch_failsNamingBothSources() {
        SecretResolver resolver = resolver(config("{\"providers\":{\"shell\":{\"source\":\"env\"}}}", HOME));

        assertThat(message(resolver.resolve(new SecretRef(Source.FILE, "shell", "/openai"))))
                .isEqualTo("Secret provider \"shell\" has source \"env\" but ref requests \"file\". (ref: file:shell:/openai)");
    }

    @Test
    void resolve_invalidId_failsWithoutConsultingTheProvider() {
        assertThat(message(resolver(SecretsConfig.EMPTY).resolve(SecretRef.env("lower_case"))))
                .contains("Env secret reference id must match").contains("env:default:lower_case");
    }

    @Test
    void resolveAll_keysResultsByTheRefsAsGiven_inInputOrder() {
        SecretRef legacy = SecretRef.env("OPENAI_API_KEY");
        SecretRef explicit = new SecretRef(Source.ENV, "default", "OPENAI_API_KEY");
        SecretRef missing = SecretRef.env("NOPE");

        Map<SecretRef, Resolution> results = resolver(SecretsConfig.EMPTY).resolveAll(List.of(missing, legacy, explicit, legacy));

        assertThat(results.keySet()).containsExactly(missing, legacy, explicit);
        assertThat(results.get(legacy)).isEqualTo(results.get(explicit));
        assertThat(results.get(missing)).isInstanceOf(Resolution.Failed.class);
    }

    @Test
    void resolve_pluginIntegrationProvider_failsAsUnsupported() {
        SecretResolver resolver = resolver(config("""
                {"providers":{"op":{"source":"exec","pluginIntegration":{"pluginId":"p","integrationId":"i"}}}}""", HOME));

        assertThat(message(resolver.resolve(new SecretRef(Source.EXEC, "op", "openai"))))
                .contains("Exec provider \"op\" uses pluginIntegration").contains("(ref: exec:op:openai)");
    }

    @Test
    void resolveAll_overMaxRefsPerProvider_failsTheWholeProvider() {
        SecretResolver resolver = resolver(config("{\"resolution\":{\"maxRefsPerProvider\":1}}", HOME));

        Map<SecretRef, Resolution> results = resolver.resolveAll(List.of(SecretRef.env("OPENAI_API_KEY"), SecretRef.env("OTHER")));

        assertThat(results.values()).allSatisfy(r -> assertThat(message(r))
                .startsWith("Secret provider \"default\" exceeded maxRefsPerProvider (1)."));
    }

    static String message(Resolution resolution) {
        assertThat(resolution).isInstanceOf(Resolution.Failed.class);
        String message = ((Resolution.Failed) resolution).message();
        assertNoSecretIn(message);
        assertNoSecretIn(resolution.toString());
        return message;
    }
}
