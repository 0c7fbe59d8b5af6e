package ai.openclaw.translate;

import ai.openclaw.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Golden cases under {@code src/test/resources/translate/}: one JSON file per case, named after the behaviour it
 * shows, compared structurally (key order and number representation do not matter).
 */
final class Golden {
    private Golden() {}

    /** Every {@code *.json} case in {@code translate/<dir>}, named by file name without extension. */
    static Stream<Named<JsonNode>> cases(String dir) {
        Path folder = resource(dir);
        try (Stream<Path> files = Files.list(folder)) {
            List<Named<JsonNode>> cases = new ArrayList<>();
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.json$", "");
                cases.add(Named.of(name, Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8))));
            }
            if (cases.isEmpty()) {
                throw new IllegalStateException("no golden cases in " + folder);
            }
            return cases.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String relative) {
        try {
            return Files.readString(resource(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path resource(String relative) {
        URL url = Golden.class.getClassLoader().getResource("translate/" + relative);
        if (url == null) {
            throw new IllegalStateException("missing test resource translate/" + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) {
        return Json.MAPPER.readTree(text);
    }

    /** Pretty JSON with object keys sorted and numbers re-read, so equal documents give equal text (and diffs). */
    static String canonical(JsonNode node) {
        return Json.pretty(sorted(Json.MAPPER.readTree(Json.compact(node))));
    }

    /** An event list as JSON: {@code [{"event": name-or-null, "data": parsed JSON or the raw text}]}. */
    static ArrayNode events(List<SseEvent> events) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (SseEvent e : events) {
            ObjectNode item = out.addObject();
            item.put("event", e.event());
            item.set("data", e.isDone() || !e.hasData() ? Json.MAPPER.getNodeFactory().stringNode(e.data()) : e.json());
        }
        return out;
    }

    /** The inverse of {@link #events}: data that is a JSON string is taken as raw text, anything else compacted. */
    static SseEvent event(JsonNode item) {
        JsonNode name = item.get("event");
        JsonNode data = item.get("data");
        return new SseEvent(name == null || name.isNull() ? null : name.stringValue(),
                data.isString() ? data.stringValue() : Json.compact(data));
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            node.properties().forEach(e -> fields.put(e.getKey(), sorted(e.getValue())));
            ObjectNode out = Json.object();
            fields.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = Json.MAPPER.createArrayNode();
            node.forEach(item -> out.add(sorted(item)));
            return out;
        }
        return node;
    }
}
