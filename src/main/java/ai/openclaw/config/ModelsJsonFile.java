package ai.openclaw.config;

import ai.openclaw.core.ProviderIds;
import ai.openclaw.json.Json;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The generated per-agent catalog {@code <agentDir>/models.json} (strict JSON). Only the provider fields the
 * credential runtime reads are typed. {@code apiKey} there is a plaintext key or a marker (an env var name,
 * {@code secretref-managed}, ...); interpreting markers is the caller's job.
 *
 * @param path      the file
 * @param exists    whether it existed
 * @param providers {@code providers}, keyed by normalised provider id (first wins if two keys normalise alike)
 */
public record ModelsJsonFile(Path path, boolean exists, Map<String, ModelsJsonFile.Provider> providers) {
    public static final String FILE_NAME = "models.json";

    /**
     * One {@code providers.<id>} entry; fields null when absent.
     *
     * @param id      the key as written
     * @param apiKey  key or marker (may be a secret: {@link #toString()} hides it)
     * @param baseUrl request base URL
     * @param api     request adapter
     */
    public record Provider(String id, String apiKey, String baseUrl, String api) {
        public Provider {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String toString() {
            return "ModelsJsonFile.Provider[id=" + id + ", apiKey=" + (apiKey == null ? "-" : "***") + ", baseUrl="
                    + baseUrl + ", api=" + api + "]";
        }
    }

    public ModelsJsonFile {
        Objects.requireNonNull(path, "path");
        providers = Collections.unmodifiableMap(new LinkedHashMap<>(providers));
    }

    /**
     * Reads {@code <agentDir>/models.json}; a missing file is an empty catalog.
     *
     * @throws ai.openclaw.json.MalformedFileException when it cannot be read or is not JSON
     * @throws ConfigException                         when {@code providers} or an entry has the wrong shape
     */
    public static ModelsJsonFile read(Path agentDir) {
        Path file = agentDir.resolve(FILE_NAME);
        Optional<String> text = Json5.readText(file);
        if (text.isEmpty()) {
            return new ModelsJsonFile(file, false, Map.of());
        }
        JsonNode root = Json.parse(file, text.get());
        ParsedDocument document = new ParsedDocument(file, root, SourceMap.scan(Json.MAPPER, text.get()));
        if (!root.isObject()) {
            throw document.errorAt(JsonPath.ROOT, "expected an object");
        }
        NodeReader reader = new NodeReader(document);
        JsonNode providers = reader.object(root, JsonPath.ROOT, "providers");
        Map<String, Provider> out = new LinkedHashMap<>();
        if (providers != null) {
            for (Map.Entry<String, JsonNode> entry : providers.properties()) {
                JsonPath path = JsonPath.of("providers", entry.getKey());
                JsonNode node = entry.getValue();
                if (!node.isObject()) {
                    throw reader.error(path, "expected an object");
                }
                out.putIfAbsent(ProviderIds.normalize(entry.getKey()), new Provider(entry.getKey(),
                        reader.string(node, path, "apiKey").orElse(null),
                        reader.string(node, path, "baseUrl").orElse(null),
                        reader.string(node, path, "api").orElse(null)));
            }
        }
        return new ModelsJsonFile(file, true, out);
    }

    /** Normalised provider id to its non-blank {@code apiKey} (key or marker), in file order. */
    public Map<String, String> apiKeys() {
        Map<String, String> out = new LinkedHashMap<>();
        providers.forEach((id, provider) -> {
            if (provider.apiKey() != null && !provider.apiKey().isBlank()) {
                out.put(id, provider.apiKey());
            }
        });
        return Collections.unmodifiableMap(out);
    }

    @Override
    public String toString() {
        return "ModelsJsonFile[" + path + (exists ? "" : " (missing)") + ", providers=" + providers.keySet() + "]";
    }
}
