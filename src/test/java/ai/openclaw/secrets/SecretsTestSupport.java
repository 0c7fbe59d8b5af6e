package ai.openclaw.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Fixtures shared by the secrets tests: real files with real modes, real shell scripts. */
final class SecretsTestSupport {
    /** Values used as secrets in tests; no message or toString may contain any 6-character part of them. */
    static final String ENV_SECRET = "Zq7vK2pX9mW4envA";
    static final String FILE_SECRET = "Hj3nB8rT5yL1fileB";
    static final String EXEC_SECRET = "Pw6cD1sG8kF3execC";
    static final String STDERR_SECRET = "Mx2tR9aV4eU7errD";
    static final String OTHER_SECRET = "Qa5zN3wE7bY2othE";
    static final List<String> KNOWN_SECRETS = List.of(ENV_SECRET, FILE_SECRET, EXEC_SECRET, STDERR_SECRET, OTHER_SECRET);

    private SecretsTestSupport() {}

    static JsonNode json(String text) {
        return Json.MAPPER.readTree(text);
    }

    static SecretsConfig config(String secretsJson, Path home) {
        return SecretsConfig.fromJson(json(secretsJson), home);
    }

    /** A file with the given content and mode, e.g. {@code rw-------}. */
    static Path writeFile(Path path, String content, String mode) throws IOException {
        Files.writeString(path, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        return path;
    }

    /** An executable {@code #!/bin/sh} script, mode 0700. */
    static Path writeScript(Path path, String body) throws IOException {
        return writeFile(path, "#!/bin/sh\n" + body + "\n", "rwx------");
    }

    /** JSON-escaped path for embedding in config text. */
    static String q(Path path) {
        return Json.MAPPER.writeValueAsString(path.toString());
    }

    static void assertNoSecretIn(String text) {
        for (String secret : KNOWN_SECRETS) {
            for (int i = 0; i + 6 <= secret.length(); i++) {
                assertThat(text).as("must not contain any part of a secret").doesNotContain(secret.substring(i, i + 6));
            }
        }
    }

    static int countLines(Path path) throws IOException {
        return Files.exists(path) ? Files.readAllLines(path).size() : 0;
    }
}
