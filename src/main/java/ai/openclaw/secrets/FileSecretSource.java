package ai.openclaw.secrets;

import ai.openclaw.json.Json;
import ai.openclaw.json.MalformedFileException;
import ai.openclaw.secrets.SecretProviderConfig.FileMode;
import ai.openclaw.secrets.SecretProviderConfig.FileProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;

/**
 * Resolves file refs. {@link #load} reads and parses the provider's file once (the resolver caches the
 * payload for the pass); {@link #lookup} picks ids out of it.
 */
final class FileSecretSource {
    /** The parsed file. {@code toString} shows no content. */
    sealed interface Payload {
        record JsonObject(JsonNode root) implements Payload {
            @Override
            public String toString() {
                return "JsonObject[" + root.size() + " member(s)]";
            }
        }

        record SingleValue(String text) implements Payload {
            @Override
            public String toString() {
                return "SingleValue[***]";
            }
        }
    }

    private final SecurePathCheck pathCheck;

    FileSecretSource(SecurePathCheck pathCheck) {
        this.pathCheck = pathCheck;
    }

    /** Verifies, reads (bounded in size and time) and parses the provider's file. */
    Payload load(String alias, FileProvider provider) throws ResolutionFailure {
        String label = "secrets.providers." + alias + ".path";
        // A symlinked secret file is only followed when the operator opted out of path checks.
        Path path = pathCheck.verify(provider.path(), label, new SecurePathCheck.Policy(
                List.of(), provider.allowInsecurePath(), false, provider.allowInsecurePath()));
        byte[] bytes = readBounded(alias, label, path, provider);
        String text = new String(bytes, StandardCharsets.UTF_8);
        Arrays.fill(bytes, (byte) 0);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (provider.mode() == FileMode.SINGLE_VALUE) {
            return new Payload.SingleValue(stripOneTrailingNewline(text));
        }
        JsonNode root;
        try {
            root = Json.parse(path, text);
        } catch (MalformedFileException e) {
            // Json's message is path:line:col: problem and never quotes file content.
            throw new ResolutionFailure("File provider \"" + alias + "\" payload is not valid JSON: " + e.getMessage());
        }
        if (!root.isObject()) {
            throw new ResolutionFailure("File provider \"" + alias + "\" payload is not a JSON object.");
        }
        return new Payload.JsonObject(root);
    }

    Map<String, IdResult> lookup(String alias, Payload payload, List<String> ids) {
        Map<String, IdResult> results = new LinkedHashMap<>();
        for (String id : ids) {
            results.put(id, switch (payload) {
                case Payload.SingleValue single -> id.equals(SecretRefs.SINGLE_VALUE_ID)
                        ? new IdResult.Value(single.text())
                        : new IdResult.Problem("singleValue file provider \"" + alias + "\" expects ref id \""
                                + SecretRefs.SINGLE_VALUE_ID + "\".");
                case Payload.JsonObject json -> pointer(json.root(), id);
            });
        }
        return results;
    }

    private static IdResult pointer(JsonNode root, String id) {
        JsonNode found;
        try {
            found = JsonPointer.read(root, id);
        } catch (ResolutionFailure e) {
            return new IdResult.Problem(e.reason());
        }
        return new IdResult.Value(found.isString() ? found.stringValue() : null);
    }

    /**
     * Reads at most {@code maxBytes} on a separate thread so a file on a stalled mount cannot block the
     * pass beyond {@code timeoutMs}.
     */
    private static byte[] readBounded(String alias, String label, Path path, FileProvider provider)
            throws ResolutionFailure {
        OpenOption[] options = provider.allowInsecurePath()
                ? new OpenOption[] {StandardOpenOption.READ}
                : new OpenOption[] {StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS};
        FutureTask<byte[]> task = new FutureTask<>(() -> readAtMost(path, options, provider.maxBytes() + 1L));
        Thread.ofVirtual().name("secrets-file-" + alias).start(task);
        byte[] bytes;
        try {
            bytes = task.get(provider.timeoutMs(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new ResolutionFailure("File provider \"" + alias + "\" timed out after " + provider.timeoutMs() + "ms.");
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new ResolutionFailure("File provider \"" + alias + "\" was interrupted.");
        } catch (ExecutionException e) {
            throw new ResolutionFailure(label + " is not readable: " + path);
        }
        if (bytes.length > provider.maxBytes()) {
            Arrays.fill(bytes, (byte) 0);
            throw new ResolutionFailure(
                    "File provider \"" + alias + "\" payload exceeds maxBytes (" + provider.maxBytes() + ").");
        }
        return bytes;
    }

    private static byte[] readAtMost(Path path, OpenOption[] options, long limit) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(path, options);
                InputStream in = Channels.newInputStream(channel)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            int n;
            while (total < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) > 0) {
                out.write(buffer, 0, n);
                total += n;
            }
            Arrays.fill(buffer, (byte) 0);
            return out.toByteArray();
        }
    }

    private static String stripOneTrailingNewline(String text) {
        if (text.endsWith("\r\n")) {
            return text.substring(0, text.length() - 2);
        }
        if (text.endsWith("\n")) {
            return text.substring(0, text.length() - 1);
        }
        return text;
    }
}
