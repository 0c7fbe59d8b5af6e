package ai.openclaw.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Typed access to the substituted config tree. A missing member or JSON {@code null} reads as absent; a
 * member of the wrong type is a {@link ConfigException} at its position. Messages describe the expected
 * type only, never the value found.
 */
final class NodeReader {
    private final ParsedDocument document;

    NodeReader(ParsedDocument document) {
        this.document = document;
    }

    ConfigException error(JsonPath at, String problem) {
        return document.errorAt(at, problem);
    }

    ConfigException keyError(JsonPath at, String problem) {
        return document.errorAtKey(at, problem);
    }

    /** The member {@code key} of {@code parent}, or null when absent or JSON null. */
    static JsonNode member(JsonNode parent, String key) {
        JsonNode value = parent == null ? null : parent.get(key);
        return value == null || value.isNull() || value.isMissingNode() ? null : value;
    }

    /** The object at {@code path}, or null when absent. */
    JsonNode object(JsonNode parent, JsonPath parentPath, String key) {
        JsonNode value = member(parent, key);
        if (value != null && !value.isObject()) {
            throw error(parentPath.key(key), "expected an object");
        }
        return value;
    }

    /** The array at {@code path}, or null when absent. */
    JsonNode array(JsonNode parent, JsonPath parentPath, String key) {
        JsonNode value = member(parent, key);
        if (value != null && !value.isArray()) {
            throw error(parentPath.key(key), "expected an array");
        }
        return value;
    }

    Optional<String> string(JsonNode parent, JsonPath parentPath, String key) {
        JsonNode value = member(parent, key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw error(parentPath.key(key), "expected a string");
        }
        return Optional.of(value.stringValue());
    }

    String requiredString(JsonNode parent, JsonPath parentPath, String key) {
        String value = string(parent, parentPath, key)
                .orElseThrow(() -> error(parentPath, "\"" + key + "\" is required (a non-empty string)"));
        if (value.isBlank()) {
            throw error(parentPath.key(key), "must be a non-empty string");
        }
        return value;
    }

    Optional<Boolean> bool(JsonNode parent, JsonPath parentPath, String key) {
        JsonNode value = member(parent, key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw error(parentPath.key(key), "expected true or false");
        }
        return Optional.of(value.booleanValue());
    }

    OptionalDouble number(JsonNode parent, JsonPath parentPath, String key) {
        JsonNode value = member(parent, key);
        if (value == null) {
            return OptionalDouble.empty();
        }
        if (!value.isNumber()) {
            throw error(parentPath.key(key), "expected a number");
        }
        return OptionalDouble.of(value.asDouble());
    }

    /** An array of strings; absent reads as an empty list. */
    List<String> stringList(JsonNode parent, JsonPath parentPath, String key) {
        JsonNode array = member(parent, key);
        JsonPath path = parentPath.key(key);
        if (array == null) {
            return List.of();
        }
        if (!array.isArray()) {
            throw error(path, "expected an array of strings");
        }
        List<String> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (!item.isString()) {
                throw error(path.index(i), "expected a string");
            }
            out.add(item.stringValue());
        }
        return List.copyOf(out);
    }

    /** Refuses members other than {@code allowed}; the error points at the first offending key. */
    void onlyKeys(JsonNode object, JsonPath path, Set<String> allowed) {
        for (String name : object.propertyNames()) {
            if (!allowed.contains(name)) {
                throw keyError(path.key(name), "unknown key; allowed keys are " + allowed.stream().sorted().toList());
            }
        }
    }
}
