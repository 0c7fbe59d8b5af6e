package ai.openclaw.translate;

/**
 * Tool call ids for Anthropic, which accepts only {@code [a-zA-Z0-9_-]+}: other characters become {@code _}. The
 * same function maps an assistant's {@code tool_calls[].id} and the matching {@code tool_call_id}, so pairs stay
 * paired. Anthropic ids already fit OpenAI and pass unchanged.
 */
final class ToolCallIds {
    private ToolCallIds() {}

    static String forAnthropic(String id) {
        String safe = id.replaceAll("[^a-zA-Z0-9_-]", "_");
        return safe.isEmpty() ? "_" : safe;
    }
}
