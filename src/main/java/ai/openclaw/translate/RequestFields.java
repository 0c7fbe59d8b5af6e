package ai.openclaw.translate;

import tools.jackson.databind.JsonNode;

/** Reading client request fields, with {@link TranslationException}s that name the field's path. */
final class RequestFields {
    private RequestFields() {}

    /** The field's value, or {@code null} when it is missing or JSON null (both mean "not set" in either API). */
    static JsonNode get(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        return value == null || value.isNull() || value.isMissingNode() ? null : value;
    }

    static boolean has(JsonNode parent, String field) {
        return get(parent, field) != null;
    }

    static String path(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    static String path(String parent, int index) {
        return parent + "[" + index + "]";
    }

    static JsonNode requireObject(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new TranslationException(path, "must be a JSON object");
        }
        return node;
    }

    static JsonNode requireArray(JsonNode parent, String field, String parentPath) {
        JsonNode value = get(parent, field);
        if (value == null || !value.isArray()) {
            throw new TranslationException(path(parentPath, field), "must be an array");
        }
        return value;
    }

    static String requireString(JsonNode parent, String field, String parentPath) {
        JsonNode value = get(parent, field);
        if (value == null || !value.isString()) {
            throw new TranslationException(path(parentPath, field), "must be a string");
        }
        return value.stringValue();
    }

    /** The string value, {@code null} when not set. */
    static String optionalString(JsonNode parent, String field, String parentPath) {
        JsonNode value = get(parent, field);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            throw new TranslationException(path(parentPath, field), "must be a string");
        }
        return value.stringValue();
    }

    /** A number field copied as is, {@code null} when not set. */
    static JsonNode optionalNumber(JsonNode parent, String field, String parentPath) {
        JsonNode value = get(parent, field);
        if (value != null && !value.isNumber()) {
            throw new TranslationException(path(parentPath, field), "must be a number");
        }
        return value;
    }

    static boolean optionalBoolean(JsonNode parent, String field, String parentPath, boolean absent) {
        JsonNode value = get(parent, field);
        if (value == null) {
            return absent;
        }
        if (!value.isBoolean()) {
            throw new TranslationException(path(parentPath, field), "must be true or false");
        }
        return value.booleanValue();
    }

    /** A positive integer, {@code null} when not set. */
    static Long optionalPositiveInt(JsonNode parent, String field, String parentPath) {
        JsonNode value = get(parent, field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 1) {
            throw new TranslationException(path(parentPath, field), "must be a positive integer");
        }
        return value.asLong();
    }
}
