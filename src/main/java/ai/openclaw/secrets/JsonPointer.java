package ai.openclaw.secrets;

import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * RFC 6901 lookup used by file-backed refs: {@code /a/b} walks object members, a decimal segment indexes
 * an array, {@code ~1} is {@code /} and {@code ~0} is {@code ~}. Messages quote pointer segments (which come
 * from the ref id, not from the file) and never the values found.
 */
final class JsonPointer {
    private static final Pattern ARRAY_INDEX = Pattern.compile("0|[1-9][0-9]{0,9}");

    private JsonPointer() {}

    static JsonNode read(JsonNode root, String pointer) throws ResolutionFailure {
        if (!pointer.startsWith("/")) {
            throw new ResolutionFailure("File-backed secret ids must be absolute JSON pointers"
                    + " (for example: \"/providers/openai/apiKey\").");
        }
        JsonNode current = root;
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = decode(raw);
            if (current.isArray()) {
                if (!ARRAY_INDEX.matcher(token).matches() || Long.parseLong(token) >= current.size()) {
                    throw new ResolutionFailure("JSON pointer segment \"" + token + "\" is out of bounds.");
                }
                current = current.get(Integer.parseInt(token));
                continue;
            }
            if (!current.isObject() || !current.has(token)) {
                throw new ResolutionFailure("JSON pointer segment \"" + token + "\" does not exist.");
            }
            current = current.get(token);
        }
        return current;
    }

    /** {@code ~1} before {@code ~0}, as the RFC requires, so {@code ~01} decodes to {@code ~1}. */
    static String decode(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
