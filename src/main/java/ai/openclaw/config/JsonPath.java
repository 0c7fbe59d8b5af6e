package ai.openclaw.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A location inside a JSON document, printed the way a JavaScript reader would write it:
 * {@code auth.profiles["anthropic:work"].mode}, {@code agents.list[0].id}. Keys that are plain identifiers
 * use dot notation; any other key is bracketed and JSON-quoted. The root prints as {@code (root)}.
 */
public record JsonPath(List<Segment> segments) {
    private static final Pattern IDENTIFIER = Pattern.compile("^[A-Za-z_$][A-Za-z0-9_$]*$");
    public static final JsonPath ROOT = new JsonPath(List.of());

    /** One step: an object key or an array index. */
    public sealed interface Segment permits Key, Index {}

    public record Key(String name) implements Segment {}

    public record Index(int index) implements Segment {}

    public JsonPath {
        segments = List.copyOf(segments);
    }

    /** Builds a path from plain keys, e.g. {@code JsonPath.of("auth", "order")}. */
    public static JsonPath of(String... keys) {
        JsonPath path = ROOT;
        for (String key : keys) {
            path = path.key(key);
        }
        return path;
    }

    public JsonPath key(String name) {
        return append(new Key(name));
    }

    public JsonPath index(int index) {
        return append(new Index(index));
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** The enclosing path; the root is its own parent. */
    public JsonPath parent() {
        return isRoot() ? this : new JsonPath(segments.subList(0, segments.size() - 1));
    }

    private JsonPath append(Segment segment) {
        List<Segment> next = new ArrayList<>(segments.size() + 1);
        next.addAll(segments);
        next.add(segment);
        return new JsonPath(next);
    }

    @Override
    public String toString() {
        if (segments.isEmpty()) {
            return "(root)";
        }
        StringBuilder out = new StringBuilder();
        for (Segment segment : segments) {
            switch (segment) {
                case Index(int index) -> out.append('[').append(index).append(']');
                case Key(String name) when IDENTIFIER.matcher(name).matches() -> {
                    if (!out.isEmpty()) {
                        out.append('.');
                    }
                    out.append(name);
                }
                case Key(String name) -> out.append('[').append(quote(name)).append(']');
            }
        }
        return out.toString();
    }

    private static String quote(String key) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : key.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
