package ai.openclaw.translate;

import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Non-streaming response bodies between Anthropic Messages and OpenAI Chat Completions. A body that does not have
 * the promised shape raises {@link UpstreamFormatException} (the gateway answers 502).
 *
 * <h2>Anthropic message → OpenAI {@code chat.completion} ({@link #toOpenAiResponse})</h2>
 * {@code id} kept ({@code chatcmpl-<created>} when missing), {@code object: chat.completion}, {@code created} as
 * given, {@code model} = the client's model name, one choice: {@code message{role: assistant, content: text blocks
 * joined (null when there are only tool calls), refusal: null, tool_calls: tool_use blocks as {id, type: function,
 * function: {name, arguments: input as a JSON string}}}}, {@code logprobs: null}, {@code finish_reason} by
 * {@link StopReasons} (end_turn/stop_sequence → stop, max_tokens → length, tool_use → tool_calls, refusal →
 * content_filter); {@code usage} by {@link Usage} (prompt/completion/total tokens, cache reads as
 * {@code prompt_tokens_details.cached_tokens}). Thinking blocks are dropped.
 *
 * <h2>OpenAI {@code chat.completion} → Anthropic message ({@link #toAnthropicResponse})</h2>
 * Choice 0 only. {@code id} kept, {@code type: message}, {@code role: assistant}, {@code model} = the client's
 * model name, {@code content}: the text (and any {@code refusal} text) as a text block, then {@code tool_calls} as
 * {@code tool_use} blocks with {@code input} parsed from {@code arguments} (must be a JSON object; ids adjusted to
 * Anthropic's character set); {@code stop_reason} by {@link StopReasons} (stop → end_turn, length → max_tokens,
 * tool_calls → tool_use, content_filter → refusal); {@code stop_sequence: null}; {@code usage} by {@link Usage}.
 */
public final class ResponseTranslator {
    private ResponseTranslator() {}

    /**
     * @param clientModel    the model name the client asked for
     * @param createdEpochSeconds the {@code created} value (the caller's clock)
     */
    public static ObjectNode toOpenAiResponse(JsonNode anthropicMessage, String clientModel,
                                              long createdEpochSeconds) {
        return AnthropicResponseToOpenAi.translate(anthropicMessage, Objects.requireNonNull(clientModel),
                createdEpochSeconds);
    }

    /** @param clientModel the model name the client asked for */
    public static ObjectNode toAnthropicResponse(JsonNode openAiCompletion, String clientModel) {
        return OpenAiResponseToAnthropic.translate(openAiCompletion, Objects.requireNonNull(clientModel));
    }
}
