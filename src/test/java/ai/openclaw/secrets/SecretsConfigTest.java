package ai.openclaw.secrets;

import static ai.openclaw.secrets.SecretsTestSupport.config;
import static ai.openclaw.secrets.SecretsTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.secrets.SecretProviderConfig.EnvProvider;
import ai.openclaw.secrets.SecretProviderConfig.ExecProvider;
import ai.openclaw.secrets.SecretProviderConfig.FileMode;
import ai.openclaw.secrets.SecretProviderConfig.FileProvider;
import ai.openclaw.secrets.SecretProviderConfig.PluginExecProvider;
import ai.openclaw.secrets.SecretRef.Source;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretsConfigTest {
    private static final Path HOME = Path.of("/home/alice");

    @Test
    void fromJson_missingOrNullNode_isEmpty() {
        assertThat(SecretsConfig.fromJson(null, HOME)).isEqualTo(SecretsConfig.EMPTY);
        assertThat(SecretsConfig.fromJson(json("null"), HOME)).isEqualTo(SecretsConfig.EMPTY);
        assertThat(SecretsConfig.fromJson(json("{}").get("secrets"), HOME)).isEqualTo(SecretsConfig.EMPTY);
        assertThat(SecretsConfig.EMPTY.defaults()).isEqualTo(new SecretDefaults("default", "default", "default"));
        assertThat(SecretsConfig.EMPTY.resolution()).isEqualTo(new ResolutionLimits(4, 512, 256 * 1024));
    }

    @Test
    void fromJson_readsDefaultsAndResolutionLimits() {
        SecretsConfig config = config("""
                {"defaults":{"env":"shell","exec":"vault"},
                 "resolution":{"maxProviderConcurrency":2,"maxRefsPerProvider":10,"maxBatchBytes":2048}}""", HOME);

        assertThat(config.defaults()).isEqualTo(new SecretDefaults("shell", "default", "vault"));
        assertThat(config.resolution()).isEqualTo(new ResolutionLimits(2, 10, 2048));
        assertThat(config.normalize(SecretRef.env("X"))).isEqualTo(new SecretRef(Source.ENV, "shell", "X"));
        assertThat(config.normalize(new SecretRef(Source.EXEC, "other", "x"))).isEqualTo(new SecretRef(Source.EXEC, "other", "x"));
    }

    @Test
    void fromJson_appliesProviderDefaults() {
        SecretsConfig config = config("""
                {"providers":{
                  "shell":{"source":"env"},
                  "local":{"source":"file","path":"/etc/openclaw/secrets.json"},
                  "vault":{"source":"exec","command":"/usr/local/bin/vault-helper"}}}""", HOME);

        assertThat(config.provider("shell")).contains(new EnvProvider(null));
        assertThat(config.provider("local")).contains(
                new FileProvider(Path.of("/etc/openclaw/secrets.json"), FileMode.JSON, 5000, 1024 * 1024, false));
        ExecProvider exec = (ExecProvider) config.provider("vault").orElseThrow();
        assertThat(exec.command()).isEqualTo(Path.of("/usr/local/bin/vault-helper"));
        assertThat(exec.args()).isEmpty();
        assertThat(exec.timeoutMs()).isEqualTo(5000);
        assertThat(exec.noOutputTimeoutMs()).isEqualTo(5000);
        assertThat(exec.maxOutputBytes()).isEqualTo(1024 * 1024);
        assertThat(exec.jsonOnly()).isTrue();
        assertThat(exec.env()).isEmpty();
        assertThat(exec.passEnv()).isEmpty();
        assertThat(exec.trustedDirs()).isEmpty();
        assertThat(exec.allowInsecurePath()).isFalse();
        assertThat(exec.allowSymlinkCommand()).isFalse();
    }

    @Test
    void fromJson_readsEveryExecOption_andNoOutputTimeoutDefaultsToTimeout() {
        ExecProvider exec = (ExecProvider) config("""
                {"providers":{"vault":{"source":"exec","command":"~/bin/helper","args":["get","--json"],
                  "timeoutMs":9000,"maxOutputBytes":4096,"jsonOnly":false,"env":{"VAULT_ADDR":"https://v"},
                  "passEnv":["HOME","VAULT_TOKEN"],"trustedDirs":["~/bin","/opt/tools"],
                  "allowInsecurePath":true,"allowSymlinkCommand":true}}}""", HOME).provider("vault").orElseThrow();

        assertThat(exec.command()).isEqualTo(HOME.resolve("bin/helper"));
        assertThat(exec.args()).containsExactly("get", "--json");
        assertThat(exec.timeoutMs()).isEqualTo(9000);
        assertThat(exec.noOutputTimeoutMs()).isEqualTo(9000);
        assertThat(exec.maxOutputBytes()).isEqualTo(4096);
        assertThat(exec.jsonOnly()).isFalse();
        assertThat(exec.env()).isEqualTo(Map.of("VAULT_ADDR", "https://v"));
        assertThat(exec.passEnv()).containsExactly("HOME", "VAULT_TOKEN");
        assertThat(exec.trustedDirs()).containsExactly(HOME.resolve("bin"), Path.of("/opt/tools"));
        assertThat(exec.allowInsecurePath()).isTrue();
        assertThat(exec.allowSymlinkCommand()).isTrue();
    }

    @Test
    void fromJson_expandsTildeInFilePath_andReadsSingleValueMode() {
        FileProvider file = (FileProvider) config("""
                {"providers":{"local":{"source":"file","path":"~/.secrets/openai.key","mode":"singleValue",
                  "timeoutMs":100,"maxBytes":64,"allowInsecurePath":true}}}""", HOME).provider("local").orElseThrow();

        assertThat(file).isEqualTo(new FileProvider(HOME.resolve(".secrets/openai.key"), FileMode.SINGLE_VALUE, 100, 64, true));
    }

    @Test
    void fromJson_readsEnvAllowlist() {
        assertThat(config("{\"providers\":{\"shell\":{\"source\":\"env\",\"allowlist\":[\"A\",\"B_2\"]}}}", HOME)
                .provider("shell")).contains(new EnvProvider(List.of("A", "B_2")));
    }

    @Test
    void fromJson_acceptsPluginIntegrationExecProviders() {
        assertThat(config("""
                {"providers":{"op":{"source":"exec","pluginIntegration":{"pluginId":"onepassword","integrationId":"cli"}}}}""",
                HOME).provider("op")).contains(new PluginExecProvider("onepassword", "cli"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"providers":{"vault":{"source":"exec","command":"bin/helper"}}}           | secrets.providers.vault.command: must be an absolute path
            {"providers":{"vault":{"source":"exec"}}}                                   | secrets.providers.vault.command: is required
            {"providers":{"vault":{"source":"exec","command":"/x","timeoutMs":120001}}} | secrets.providers.vault.timeoutMs: must be at most 120000
            {"providers":{"vault":{"source":"exec","command":"/x","timeoutMs":0}}}      | secrets.providers.vault.timeoutMs: must be a positive integer
            {"providers":{"vault":{"source":"exec","command":"/x","timeoutMs":1.5}}}    | secrets.providers.vault.timeoutMs: must be a positive integer
            {"providers":{"vault":{"source":"exec","command":"/x","maxOutputBytes":20971521}}} | secrets.providers.vault.maxOutputBytes: must be at most 20971520
            {"providers":{"vault":{"source":"exec","command":"/x","passEnv":["lower"]}}} | secrets.providers.vault.passEnv[0]: must match
            {"providers":{"vault":{"source":"exec","command":"/x","trustedDirs":["rel"]}}} | secrets.providers.vault.trustedDirs[0]: must be an absolute path
            {"providers":{"vault":{"source":"exec","command":"/x","jsonOnly":"yes"}}}   | secrets.providers.vault.jsonOnly: must be true or false
            {"providers":{"vault":{"source":"exec","command":"/x","shell":true}}}       | secrets.providers.vault: unknown key(s) [shell]
            {"providers":{"local":{"source":"file","path":"/x","mode":"yaml"}}}         | secrets.providers.local.mode: must be "json" or "singleValue"
            {"providers":{"local":{"source":"file","path":"/x","maxBytes":20971521}}}   | secrets.providers.local.maxBytes: must be at most 20971520
            {"providers":{"local":{"source":"file"}}}                                   | secrets.providers.local.path: is required
            {"providers":{"shell":{"source":"env","allowlist":["ok","A"]}}}             | secrets.providers.shell.allowlist[0]: must match
            {"providers":{"x":{"source":"vault"}}}                                      | secrets.providers.x.source: must be one of env, file, exec
            {"providers":{"x":{}}}                                                      | secrets.providers.x.source: is required
            {"providers":{"Bad":{"source":"env"}}}                                      | secrets.providers.Bad: provider alias must match
            {"providers":[]}                                                            | secrets.providers: must be an object
            {"defaults":{"env":"Not Valid"}}                                            | secrets.defaults.env: must match
            {"defaults":{"ssh":"x"}}                                                    | secrets.defaults: unknown key(s) [ssh]
            {"resolution":{"maxProviderConcurrency":17}}                                | secrets.resolution.maxProviderConcurrency: must be at most 16
            {"resolution":{"maxRefsPerProvider":4097}}                                  | secrets.resolution.maxRefsPerProvider: must be at most 4096
            {"resolution":{"maxBatchBytes":5242881}}                                    | secrets.resolution.maxBatchBytes: must be at most 5242880
            {"vaults":{}}                                                               | secrets: unknown key(s) [vaults]
            []                                                                          | secrets: must be an object
            """)
    void fromJson_rejectsInvalidConfig_namingTheJsonPath(String text, String expected) {
        assertThatThrownBy(() -> config(text, HOME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(expected);
    }

    @Test
    void fromJson_errorsNeverQuoteValues() {
        assertThatThrownBy(() -> config("""
                {"providers":{"vault":{"source":"exec","command":"/x","env":{"TOKEN":12345678}}}}""", HOME))
                .hasMessage("secrets.providers.vault.env.TOKEN: must be a string");
        assertThatThrownBy(() -> config("""
                {"providers":{"vault":{"source":"exec","command":"relative-Zq7vK2pX9mW4"}}}""", HOME))
                .hasMessageNotContaining("Zq7vK2");
    }

    @Test
    void execProviderToString_listsEnvNamesButNotValues() {
        ExecProvider exec = (ExecProvider) config("""
                {"providers":{"vault":{"source":"exec","command":"/x","args":["--token=Zq7vK2pX9mW4envA"],
                  "env":{"VAULT_TOKEN":"Zq7vK2pX9mW4envA"}}}}""", HOME).provider("vault").orElseThrow();

        assertThat(exec.toString()).contains("VAULT_TOKEN").doesNotContain("Zq7vK2");
    }
}
