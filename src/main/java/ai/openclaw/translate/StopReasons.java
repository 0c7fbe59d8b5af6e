package ai.openclaw.translate;

/**
 * Anthropic {@code stop_reason} ⇄ OpenAI {@code finish_reason}.
 *
 * <pre>
 * end_turn, stop_sequence, pause_turn   → stop            stop                    → end_turn
 * max_tokens, model_context_window_exceeded → length      length                  → max_tokens
 * tool_use                              → tool_calls      tool_calls, function_call → tool_use
 * refusal                               → content_filter  content_filter          → refusal
 * unknown                               → stop            unknown                 → end_turn
 * </pre>
 * {@code null} stays {@code null} both ways.
 */
final class StopReasons {
    private StopReasons() {}

    static String toOpenAi(String stopReason) {
        if (stopReason == null) {
            return null;
        }
        return switch (stopReason) {
            case "max_tokens", "model_context_window_exceeded" -> "length";
            case "tool_use" -> "tool_calls";
            case "refusal" -> "content_filter";
            default -> "stop";
        };
    }

    static String toAnthropic(String finishReason) {
        if (finishReason == null) {
            return null;
        }
        return switch (finishReason) {
            case "length" -> "max_tokens";
            case "tool_calls", "function_call" -> "tool_use";
            case "content_filter" -> "refusal";
            default -> "end_turn";
        };
    }
}
