package ai.openclaw.secrets;

import static ai.openclaw.secrets.SecretsTestSupport.ENV_SECRET;
import static ai.openclaw.secrets.SecretsTestSupport.EXEC_SECRET;
import static ai.openclaw.secrets.SecretsTestSupport.FILE_SECRET;
import static ai.openclaw.secrets.SecretsTestSupport.assertNoSecretIn;
import static ai.openclaw.secrets.SecretsTestSupport.config;
import static ai.openclaw.secrets.SecretsTestSupport.q;
import static ai.openclaw.secrets.SecretsTestSupport.writeFile;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.secrets.SecretRef.Source;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every value a caller can print (toString, messages) across a pass that touches all three sources. */
class SecretsLeakTest {
    @TempDir
    Path dir;

    @Test
    void resolutionPass_neverPrintsSecrets_inToStringsOrMessages() throws IOException {
        Path file = writeFile(dir.resolve("secrets.json"), "{\"k\":\"" + FILE_SECRET + "\",\"n\":{\"x\":\"" + FILE_SECRET + "\"}}", "rw-------");
        Path single = writeFile(dir.resolve("single.key"), FILE_SECRET + "\n", "rw-------");
        Path script = SecretsTestSupport.writeScript(dir.resolve("p.sh"),
                "cat >/dev/null\necho " + EXEC_SECRET + " >&2\nprintf '{\"protocolVersion\":1,\"values\":{\"a\":\"%s\"}}' \"$TOKEN\"");
        SecretsConfig config = config("""
                {"providers":{
                  "local":{"source":"file","path":%s},
                  "single":{"source":"file","path":%s,"mode":"singleValue"},
                  "vault":{"source":"exec","command":%s,"env":{"TOKEN":"%s"},"args":["%s"]}}}"""
                .formatted(q(file), q(single), q(script), EXEC_SECRET, EXEC_SECRET), dir);
        SecretResolver resolver = new SecretResolver(config, Map.of("OPENAI_API_KEY", ENV_SECRET), dir);

        Map<SecretRef, Resolution> results = resolver.resolveAll(List.of(
                SecretRef.env("OPENAI_API_KEY"),
                new SecretRef(Source.FILE, "local", "/k"),
                new SecretRef(Source.FILE, "local", "/n"),
                new SecretRef(Source.FILE, "single", "value"),
                new SecretRef(Source.FILE, "single", "/x"),
                new SecretRef(Source.EXEC, "vault", "a"),
                new SecretRef(Source.EXEC, "vault", "b")));

        assertThat(results.values()).filteredOn(r -> r instanceof Resolution.Resolved).hasSize(4);
        assertThat(results.values()).filteredOn(r -> r instanceof Resolution.Failed).hasSize(3);
        results.values().forEach(r -> {
            assertNoSecretIn(r.toString());
            if (r instanceof Resolution.Failed failed) {
                assertNoSecretIn(failed.message());
            }
        });
        assertNoSecretIn(results.toString());
        assertNoSecretIn(config.toString());
        assertNoSecretIn(resolver.toString());
    }
}
