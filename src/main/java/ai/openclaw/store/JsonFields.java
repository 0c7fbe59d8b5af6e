package ai.openclaw.store;

import tools.jackson.databind.JsonNode;

/** Small readers for tolerant field access in state files. */
final class JsonFields {
    private JsonFields() {}

    /** A non-blank string field, stripped; null otherwise. */
    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || !v.isString()) {
            return null;
        }
        String s = v.asString().strip();
        return s.isEmpty() ? null : s;
    }

    /** A positive finite number as epoch milliseconds; null when absent or invalid. */
    static Long positiveMillis(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || !v.isNumber()) {
            return null;
        }
        double d = v.asDouble();
        if (!Double.isFinite(d) || d <= 0) {
            return null;
        }
        return (long) d;
    }

    /**
     * The {@code expires} rule of the store: absent stays null; any present value that is not a positive finite
     * number becomes 0, which later makes the credential ineligible ({@code invalid_expires}).
     */
    static Long expires(JsonNode node) {
        JsonNode v = node.get("expires");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            return 0L;
        }
        double d = v.asDouble();
        if (!Double.isFinite(d) || d <= 0) {
            return 0L;
        }
        return (long) d;
    }
}
