package ai.openclaw.routing;

import java.util.regex.Pattern;

/**
 * Splits {@code <alias-or-model>@<profileId>} (logins §5.2, §5.5, §6.3).
 *
 * <p>Only an {@code @} after the last {@code /} can start a profile: model ids of routers such as
 * {@code openrouter/org/model} may hold {@code @} earlier. Walking the {@code @}s from the left, a segment (the text up
 * to the next {@code @}) that reads like part of a model id is kept in the model and the next {@code @} is tried:
 * Vertex date suffixes ({@code @20240620}), versions ({@code @v2}, {@code @1.2.3}, {@code @2024}) and quantization
 * tags ({@code @q4}, {@code @iq3_xs}, {@code @8bit}). Everything after the delimiter is the profile id, which may
 * itself contain {@code @} ({@code openai:me@example.com}).
 */
public final class ModelRequestParser {
    /** All digits, or {@code v?N(.N)*} with an optional {@code -pre} and {@code +build}. */
    private static final Pattern VERSION =
            Pattern.compile("v?\\d+(?:\\.\\d+)*(?:-[0-9A-Za-z.]+)?(?:\\+[0-9A-Za-z.]+)?", Pattern.CASE_INSENSITIVE);
    /** GGUF / MLX style quantization and precision tags. */
    private static final Pattern QUANTIZATION = Pattern.compile(
            "(?:i?q\\d+(?:_[a-z0-9]+)*|\\d+-?bits?|b?fp?\\d+|int\\d+|mxfp\\d+|nf4|awq|gptq|gguf|mlx)",
            Pattern.CASE_INSENSITIVE);

    private ModelRequestParser() {}

    /**
     * @throws ModelSelectionException (400 {@code model_required}) for a profile without a model ({@code @work}),
     *                                 (400 {@code model_not_found}) for a blank string
     */
    public static ModelRequest parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new ModelSelectionException(400, "model_not_found",
                    "The model is empty. List the available models with GET /v1/models.");
        }
        if (t.charAt(0) == '@') {
            throw new ModelSelectionException(400, "model_required",
                    "Auth profile override requires a model selection: write <model>@<profileId>. "
                            + "List the available models with GET /v1/models.");
        }
        int at = t.indexOf('@', t.lastIndexOf('/') + 1);
        while (at > 0) {
            int next = t.indexOf('@', at + 1);
            String segment = t.substring(at + 1, next < 0 ? t.length() : next);
            if (!partOfModelId(segment)) {
                String model = t.substring(0, at).strip();
                String profile = t.substring(at + 1).strip();
                // both sides must be non-empty, else the text is a model id with a stray '@'
                return model.isEmpty() || profile.isEmpty() ? new ModelRequest(t, null) : new ModelRequest(model, profile);
            }
            at = next;
        }
        return new ModelRequest(t, null);
    }

    private static boolean partOfModelId(String segment) {
        return VERSION.matcher(segment).matches() || QUANTIZATION.matcher(segment).matches();
    }
}
