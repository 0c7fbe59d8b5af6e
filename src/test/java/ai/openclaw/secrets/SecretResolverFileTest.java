package ai.openclaw.secrets;

import static ai.openclaw.secrets.SecretResolverEnvTest.message;
import static ai.openclaw.secrets.SecretsTestSupport.FILE_SECRET;
import static ai.openclaw.secrets.SecretsTestSupport.OTHER_SECRET;
import static ai.openclaw.secrets.SecretsTestSupport.config;
import static ai.openclaw.secrets.SecretsTestSupport.q;
import static ai.openclaw.secrets.SecretsTestSupport.writeFile;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.core.Secret;
import ai.openclaw.secrets.SecretRef.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretResolverFileTest {
    @TempDir
    Path dir;

    private static final String PAYLOAD = """
            {"providers":{"openai":{"apiKey":"%s"},"a/b":{"t~x":"slash-and-tilde"}},
             "list":["zero",{"k":"%s"}],"num":42,"empty":"","nested":{"obj":{}}}
            """.formatted(FILE_SECRET, OTHER_SECRET);

    private SecretResolver resolver(Path file, String extra) {
        return new SecretResolver(config("{\"providers\":{\"local\":{\"source\":\"file\",\"path\":" + q(file) + extra + "}}}", dir),
                Map.of(), dir);
    }

    private static SecretRef ref(String id) {
        return new SecretRef(Source.FILE, "local", id);
    }

    @Test
    void resolve_jsonMode_readsValueAtPointer() throws IOException {
        Path file = writeFile(dir.resolve("secrets.json"), PAYLOAD, "rw-------");

        assertThat(resolver(file, "").resolve(ref("/providers/openai/apiKey")))
                .isEqualTo(new Resolution.Resolved(Secret.of(FILE_SECRET)));
    }

    @Test
    void resolve_jsonMode_indexesArraysAndDecodesEscapes() throws IOException {
        SecretResolver resolver = resolver(writeFile(dir.resolve("secrets.json"), PAYLOAD, "rw-------"), "");

        assertThat(resolver.resolve(ref("/list/1/k")).secret()).map(Secret::reveal).contains(OTHER_SECRET);
        assertThat(resolver.resolve(ref("/providers/a~1b/t~0x")).secret()).map(Secret::reveal).contains("slash-and-tilde");
    }

    @Test
    void resolve_jsonMode_reportsMissingSegmentsAndBadIndexes() throws IOException {
        SecretResolver resolver = resolver(writeFile(dir.resolve("secrets.json"), PAYLOAD, "rw-------"), "");

        assertThat(message(resolver.resolve(ref("/providers/anthropic/apiKey"))))
                .isEqualTo("JSON pointer segment \"anthropic\" does not exist. (ref: file:local:/providers/anthropic/apiKey)");
        assertThat(message(resolver.resolve(ref("/list/2")))).startsWith("JSON pointer segment \"2\" is out of bounds.");
        assertThat(message(resolver.resolve(ref("/list/x")))).startsWith("JSON pointer segment \"x\" is out of bounds.");
        assertThat(message(resolver.resolve(ref("/num/deeper")))).startsWith("JSON pointer segment \"deeper\" does not exist.");
    }

    @Test
    void resolve_jsonMode_nonStringOrEmptyValue_fails() throws IOException {
        SecretResolver resolver = resolver(writeFile(dir.resolve("secrets.json"), PAYLOAD, "rw-------"), "");

        for (String id : List.of("/num", "/empty", "/nested/obj", "/list")) {
            assertThat(message(resolver.resolve(ref(id))))
                    .isEqualTo("Secret reference \"file:local:" + id + "\" resolved to a non-string or empty value.");
        }
    }

    @Test
    void resolve_jsonMode_payloadIsReadOncePerResolver() throws IOException {
        Path file = writeFile(dir.resolve("secrets.json"), PAYLOAD, "rw-------");
        SecretResolver resolver = resolver(file, "");
        assertThat(resolver.resolve(ref("/providers/openai/apiKey")).secret()).isPresent();

        Files.writeString(file, "{\"list\":[\"changed\",{\"k\":\"changed\"}]}");

        assertThat(resolver.resolve(ref("/list/1/k")).secret()).map(Secret::reveal).contains(OTHER_SECRET);
        assertThat(resolver(file, "").resolve(ref("/list/1/k")).secret()).map(Secret::reveal).contains("changed");
    }

    @Test
    void resolve_malformedJson_failsWithFileAndPosition_withoutContent() throws IOException {
        Path file = writeFile(dir.resolve("secrets.json"), "{\n  \"apiKey\": " + FILE_SECRET + "\n}\n", "rw-------");

        String message = message(resolver(file, "").resolve(ref("/apiKey")));

        assertThat(message).startsWith("File provider \"local\" payload is not valid JSON: " + file + ":2:")
                .endsWith("(ref: file:local:/apiKey)");
    }

    @Test
    void resolve_payloadThatIsNotAnObject_fails() throws IOException {
        Path file = writeFile(dir.resolve("secrets.json"), "[\"" + FILE_SECRET + "\"]", "rw-------");

        assertThat(message(resolver(file, "").resolve(ref("/0"))))
                .startsWith("File provider \"local\" payload is not a JSON object.");
    }

    @Test
    void resolve_singleValueMode_stripsBomAndOneTrailingNewline() throws IOException {
        Path file = writeFile(dir.resolve("openai.key"), "\uFEFF" + FILE_SECRET + "\n", "rw-------");

        assertThat(resolver(file, ",\"mode\":\"singleValue\"").resolve(ref("value")).secret())
                .map(Secret::reveal).contains(FILE_SECRET);
    }

    @Test
    void resolve_singleValueMode_requiresIdValue() throws IOException {
        Path file = writeFile(dir.resolve("openai.key"), FILE_SECRET, "rw-------");

        assertThat(message(resolver(file, ",\"mode\":\"singleValue\"").resolve(ref("/value"))))
                .isEqualTo("singleValue file provider \"local\" expects ref id \"value\". (ref: file:local:/value)");
    }

    @Test
    void resolve_singleValueMode_emptyFile_fails() throws IOException {
        Path file = writeFile(dir.resolve("openai.key"), "\n", "rw-------");

        assertThat(message(resolver(file, ",\"mode\":\"singleValue\"").resolve(ref("value"))))
                .contains("resolved to a non-string or empty value");
    }

    @Test
    void resolve_missingFile_failsNamingConfigPathAndFile() {
        Path file = dir.resolve("absent.json");

        assertThat(message(resolver(file, "").resolve(ref("/a"))))
                .isEqualTo("secrets.providers.local.path is not readable: " + file + " (ref: file:local:/a)");
    }

    @Test
    void resolve_worldReadableFile_isRefused() throws IOException {
        Path file = writeFile(dir.resolve("secrets.json"), PAYLOAD, "rw-r--r--");

        assertThat(message(resolver(file, "").resolve(ref("/providers/openai/apiKey"))))
                .startsWith("secrets.providers.local.path permissions are too open: " + file);
    }

    @Test
    void resolve_groupWritableFile_isRefused() throws IOException {
        Path file = writeFile(dir.resolve("secrets.json"), PAYLOAD, "rw--w----");

        assertThat(message(resolver(file, "").resolve(ref("/providers/openai/apiKey"))))
                .startsWith("secrets.providers.local.path permissions are too open");
    }

    @Test
    void resolve_insecureFile_isAcceptedWithAllowInsecurePath() throws IOException {
        Path file = writeFile(dir.resolve("secrets.json"), PAYLOAD, "rw-rw-rw-");

        assertThat(resolver(file, ",\"allowInsecurePath\":true").resolve(ref("/providers/openai/apiKey")).secret())
                .map(Secret::reveal).contains(FILE_SECRET);
    }

    @Test
    void resolve_fileOwnedBySomeoneElse_isRefused() throws IOException {
        Path file = writeFile(dir.resolve("secrets.json"), PAYLOAD, "rw-------");
        SecretResolver resolver = new SecretResolver(
                config("{\"providers\":{\"local\":{\"source\":\"file\",\"path\":" + q(file) + "}}}", dir), Map.of(), dir, 4242);

        assertThat(message(resolver.resolve(ref("/providers/openai/apiKey"))))
                .startsWith("secrets.providers.local.path must be owned by the current user (uid=4242): " + file);
    }

    @Test
    void resolve_directoryOrSymlink_isRefused() throws IOException {
        Path real = writeFile(dir.resolve("secrets.json"), PAYLOAD, "rw-------");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);

        assertThat(message(resolver(dir, "").resolve(ref("/a")))).startsWith("secrets.providers.local.path must be a file: " + dir);
        assertThat(message(resolver(link, "").resolve(ref("/a"))))
                .startsWith("secrets.providers.local.path must not be a symlink: " + link);
    }

    @Test
    void resolve_fileOverMaxBytes_fails() throws IOException {
        Path file = writeFile(dir.resolve("secrets.json"), PAYLOAD, "rw-------");

        assertThat(message(resolver(file, ",\"maxBytes\":16").resolve(ref("/providers/openai/apiKey"))))
                .startsWith("File provider \"local\" payload exceeds maxBytes (16).");
    }

    @Test
    void resolve_fileExactlyAtMaxBytes_isRead() throws IOException {
        Path file = writeFile(dir.resolve("openai.key"), FILE_SECRET, "rw-------");
        int size = FILE_SECRET.getBytes(StandardCharsets.UTF_8).length;

        assertThat(resolver(file, ",\"mode\":\"singleValue\",\"maxBytes\":" + size).resolve(ref("value")).secret())
                .isPresent();
    }
}
