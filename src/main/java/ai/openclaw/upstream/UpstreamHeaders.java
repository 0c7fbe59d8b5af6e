package ai.openclaw.upstream;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable, ordered list of HTTP header fields with case-insensitive lookup. Used for outgoing upstream requests
 * (which carry credentials) and for upstream responses. {@link #toString()} prints header names only, never values.
 */
public final class UpstreamHeaders {
    private static final UpstreamHeaders EMPTY = new UpstreamHeaders(List.of());

    private final List<Field> fields;

    /** One header line. {@link #toString()} leaves the value out. */
    public record Field(String name, String value) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return name + ": ***";
        }
    }

    private UpstreamHeaders(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    public static UpstreamHeaders empty() {
        return EMPTY;
    }

    /** Headers from alternating names and values: {@code of("retry-after", "7", "x-a", "b")}. */
    public static UpstreamHeaders of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("expected name/value pairs");
        }
        Builder b = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            b.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return b.build();
    }

    public static Builder builder() {
        return new Builder(List.of());
    }

    /** A builder that starts with these fields. */
    public Builder toBuilder() {
        return new Builder(fields);
    }

    /** The first value of {@code name} (case-insensitive). */
    public Optional<String> first(String name) {
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                return Optional.of(f.value());
            }
        }
        return Optional.empty();
    }

    /** Every value of {@code name} (case-insensitive), in order. */
    public List<String> all(String name) {
        List<String> out = new ArrayList<>();
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                out.add(f.value());
            }
        }
        return out;
    }

    public boolean contains(String name) {
        return first(name).isPresent();
    }

    /** All fields in order, names as given. */
    public List<Field> fields() {
        return fields;
    }

    /** The distinct names, lower-cased, in order of first appearance. */
    public Set<String> names() {
        Set<String> out = new LinkedHashSet<>();
        fields.forEach(f -> out.add(f.name().toLowerCase(Locale.ROOT)));
        return Collections.unmodifiableSet(out);
    }

    /** Lower-cased name to its values, in order of first appearance. */
    public Map<String, List<String>> asMap() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Field f : fields) {
            out.computeIfAbsent(f.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(f.value());
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(out);
    }

    public int size() {
        return fields.size();
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** Names only: header values may be credentials. */
    @Override
    public String toString() {
        return "UpstreamHeaders" + names();
    }

    /** Mutable builder; {@link #build()} makes an immutable copy. Not thread-safe. */
    public static final class Builder {
        private final List<Field> fields;

        private Builder(List<Field> start) {
            this.fields = new ArrayList<>(start);
        }

        /** Appends a field (keeps existing ones of the same name). */
        public Builder add(String name, String value) {
            fields.add(new Field(name, value));
            return this;
        }

        /** Replaces every field named {@code name} (case-insensitive) with one field, at the first one's place. */
        public Builder set(String name, String value) {
            Field field = new Field(name, value);
            int at = -1;
            for (int i = fields.size() - 1; i >= 0; i--) {
                if (fields.get(i).name().equalsIgnoreCase(name)) {
                    fields.remove(i);
                    at = i;
                }
            }
            if (at < 0) {
                fields.add(field);
            } else {
                fields.add(at, field);
            }
            return this;
        }

        /** Sets {@code name} only when no field of that name exists yet. */
        public Builder setIfAbsent(String name, String value) {
            if (first(name).isEmpty()) {
                fields.add(new Field(name, value));
            }
            return this;
        }

        public Builder remove(String name) {
            fields.removeIf(f -> f.name().equalsIgnoreCase(name));
            return this;
        }

        public Optional<String> first(String name) {
            return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).map(Field::value).findFirst();
        }

        public UpstreamHeaders build() {
            return fields.isEmpty() ? EMPTY : new UpstreamHeaders(fields);
        }
    }
}
