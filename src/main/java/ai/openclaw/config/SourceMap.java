package ai.openclaw.config;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where each value (and each object key) of a parsed document starts, by {@link JsonPath}. Lets schema
 * errors found later on the tree point back at {@code file:line:column}. With duplicate keys the last
 * occurrence is recorded, matching the tree, where the last value wins.
 */
public final class SourceMap {
    private final Map<JsonPath, SourceLocation> values;
    private final Map<JsonPath, SourceLocation> keys;

    private SourceMap(Map<JsonPath, SourceLocation> values, Map<JsonPath, SourceLocation> keys) {
        this.values = Map.copyOf(values);
        this.keys = Map.copyOf(keys);
    }

    /** A map that knows no locations; every lookup answers {@link SourceLocation#START}. */
    public static SourceMap empty() {
        return new SourceMap(Map.of(), Map.of());
    }

    /**
     * Walks the tokens of {@code text} once. The text must already be known to parse with {@code mapper}
     * (parse errors are the caller's job and propagate unchanged).
     */
    public static SourceMap scan(JsonMapper mapper, String text) {
        Map<JsonPath, SourceLocation> values = new HashMap<>();
        Map<JsonPath, SourceLocation> keys = new HashMap<>();
        Deque<Frame> stack = new ArrayDeque<>();
        try (JsonParser parser = mapper.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                SourceLocation here = location(parser.currentTokenLocation());
                Frame frame = stack.peek();
                switch (token) {
                    case PROPERTY_NAME -> {
                        frame.pendingKey = parser.currentName();
                        keys.put(frame.path.key(frame.pendingKey), here);
                    }
                    case END_OBJECT, END_ARRAY -> stack.pop();
                    default -> {
                        JsonPath path = frame == null ? JsonPath.ROOT : frame.childPath();
                        values.put(path, here);
                        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                            stack.push(new Frame(path, token == JsonToken.START_ARRAY));
                        }
                    }
                }
            }
        }
        return new SourceMap(values, keys);
    }

    /** Where the value at {@code path} starts; falls back to the nearest enclosing value that is known. */
    public SourceLocation valueAt(JsonPath path) {
        for (JsonPath p = path; ; p = p.parent()) {
            SourceLocation found = values.get(p);
            if (found != null) {
                return found;
            }
            if (p.isRoot()) {
                return SourceLocation.START;
            }
        }
    }

    /** Where the key of the member at {@code path} is written; falls back to {@link #valueAt}. */
    public SourceLocation keyAt(JsonPath path) {
        SourceLocation found = keys.get(path);
        return found != null ? found : valueAt(path);
    }

    private static SourceLocation location(TokenStreamLocation location) {
        return new SourceLocation(Math.max(location.getLineNr(), 1), Math.max(location.getColumnNr(), 1));
    }

    private static final class Frame {
        final JsonPath path;
        final boolean array;
        int nextIndex;
        String pendingKey;

        Frame(JsonPath path, boolean array) {
            this.path = path;
            this.array = array;
        }

        JsonPath childPath() {
            return array ? path.index(nextIndex++) : path.key(pendingKey);
        }
    }
}
