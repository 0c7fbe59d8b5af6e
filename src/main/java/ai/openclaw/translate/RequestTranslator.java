package ai.openclaw.translate;

import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Request bodies between OpenAI Chat Completions and Anthropic Messages. Inputs are never modified; outputs share
 * no nodes with them. A request that uses something the target cannot express raises a
 * {@link TranslationException} naming the field (the gateway answers 400 in the client's format).
 *
 * <h2>OpenAI → Anthropic ({@link #toAnthropicRequest})</h2>
 * <ul>
 *   <li>{@code model} → {@code upstreamModel}.</li>
 *   <li>{@code system} and {@code developer} messages (string or text parts, wherever they occur) → top-level
 *       {@code system}, in order: a string when there is one text, else an array of text blocks.</li>
 *   <li>{@code user} content: string → string; parts: {@code text} → text block, {@code image_url} (base64
 *       {@code data:} URL of image/jpeg, png, gif or webp → {@code source.type: base64}; http(s) URL →
 *       {@code source.type: url}; {@code detail} dropped), {@code file} with a PDF {@code file_data} data: URL →
 *       {@code document} (base64 source, {@code filename} → {@code title}).</li>
 *   <li>{@code assistant}: content (string, text and refusal parts, {@code refusal}) → text blocks, then
 *       {@code tool_calls} → {@code tool_use} blocks ({@code id}, {@code name}, {@code input} parsed from the
 *       {@code arguments} JSON string; empty arguments → {@code {}}).</li>
 *   <li>{@code tool} messages → user messages with a {@code tool_result} block ({@code tool_call_id} →
 *       {@code tool_use_id}; string or text-part content; empty content omitted).</li>
 *   <li>Consecutive messages of one role merge into one message (Anthropic requires alternation), so consecutive
 *       tool results — and a user message right after them — become one user message, tool results first.
 *       Empty and whitespace-only text is dropped (Anthropic rejects it) and messages left empty disappear; a final
 *       assistant message (prefill) loses trailing whitespace. A message that is one text block is written as a
 *       string. Tool call ids get characters outside {@code [a-zA-Z0-9_-]} replaced by {@code _} (both in
 *       {@code tool_use} and {@code tool_result}).</li>
 *   <li>{@code max_completion_tokens}, else {@code max_tokens} → {@code max_tokens}; default
 *       {@value #DEFAULT_MAX_TOKENS} (Anthropic requires it).</li>
 *   <li>{@code temperature} (must be 0..1), {@code top_p} → same; {@code stop} (string or array) →
 *       {@code stop_sequences}; {@code stream} → {@code stream}; {@code user} (else {@code safety_identifier}) →
 *       {@code metadata.user_id}.</li>
 *   <li>{@code tools[].function{name, description, parameters}} → {@code tools[]{name, description,
 *       input_schema}} ({@code {"type":"object"}} when parameters are absent; {@code strict} dropped).
 *       {@code tool_choice}: {@code auto} → {@code {type: auto}}, {@code none} → {@code {type: none}},
 *       {@code required} → {@code {type: any}}, {@code {type: function, function: {name}}} → {@code {type: tool,
 *       name}}; {@code parallel_tool_calls: false} → {@code disable_parallel_tool_use: true}. Without tools,
 *       {@code tool_choice} and {@code parallel_tool_calls} are dropped.</li>
 *   <li>Rejected: {@code n} ≠ 1, {@code logprobs: true}, {@code top_logprobs} ≠ 0, non-empty {@code logit_bias},
 *       non-zero {@code presence_penalty} / {@code frequency_penalty}, {@code response_format} other than
 *       {@code text} ({@code json_object}, {@code json_schema}), {@code audio}, {@code modalities} other than
 *       text, {@code prediction}, {@code web_search_options}, deprecated {@code functions} / {@code function_call}
 *       (top level and on messages), {@code temperature} above 1, role {@code function} or unknown roles,
 *       {@code input_audio} and unknown content parts, images other than jpeg/png/gif/webp or not http(s)/base64,
 *       files other than PDF {@code file_data} (e.g. {@code file_id}), non-text system content, non-text tool
 *       message content, assistant {@code audio}, non-function tools and tool calls, {@code tool_choice}
 *       {@code allowed_tools} / {@code custom}, tool call {@code arguments} that are not a JSON object, and a
 *       conversation with no user or assistant message.</li>
 *   <li>Ignored: {@code seed}, {@code service_tier}, {@code store}, {@code metadata}, {@code reasoning_effort},
 *       {@code verbosity}, {@code prompt_cache_key}, {@code stream_options} (read by
 *       {@link AnthropicToOpenAiStream#includeUsageRequested}), message {@code name}, and unknown fields.</li>
 * </ul>
 *
 * <h2>Anthropic → OpenAI ({@link #toOpenAiRequest})</h2>
 * <ul>
 *   <li>{@code model} → {@code upstreamModel}; {@code system} (string or text blocks) → a leading
 *       {@code system} message (string content for one text, text parts for several).</li>
 *   <li>User content: string → string; {@code text} → text part, {@code image} (base64 → {@code data:} URL,
 *       url → URL) → {@code image_url}, {@code document} (base64 PDF → {@code file} part with {@code file_data} and
 *       {@code title} → {@code filename}; plain-text source → text part). {@code tool_result} blocks →
 *       {@code role: tool} messages ({@code tool_use_id} → {@code tool_call_id}, text content as a string or text
 *       parts), placed before the message's remaining user content. Text-only content with one part is a string.</li>
 *   <li>Assistant content: text blocks → {@code content} (string for one, text parts for several, {@code null}
 *       with tool calls only), {@code tool_use} → {@code tool_calls} ({@code input} serialized as the
 *       {@code arguments} string); {@code thinking} / {@code redacted_thinking} dropped.</li>
 *   <li>{@code max_tokens} → {@code max_completion_tokens}; {@code temperature}, {@code top_p} → same;
 *       {@code stop_sequences} → {@code stop}; {@code stream} → {@code stream} plus
 *       {@code stream_options.include_usage: true} (so the stream reports usage); {@code metadata.user_id} →
 *       {@code user}.</li>
 *   <li>{@code tools[]{name, description, input_schema}} → {@code tools[]{type: function, function: {name,
 *       description, parameters}}}; {@code tool_choice} {@code auto} → {@code "auto"}, {@code any} →
 *       {@code "required"}, {@code none} → {@code "none"}, {@code tool} → {@code {type: function, function:
 *       {name}}}; {@code disable_parallel_tool_use: true} → {@code parallel_tool_calls: false}.</li>
 *   <li>Rejected: {@code top_k}, non-empty {@code mcp_servers}, {@code container}, a final assistant message
 *       (prefill: OpenAI starts a new message instead of continuing it), roles other than user/assistant,
 *       non-text system blocks, server and built-in tools (any tool with a {@code type} other than
 *       {@code custom}), image sources other than base64/url, documents other than base64 PDF or plain text,
 *       non-text tool result content (e.g. images), unknown content block types ({@code server_tool_use},
 *       {@code search_result}, ...), unknown {@code tool_choice} types.</li>
 *   <li>Ignored: {@code thinking}, {@code service_tier}, {@code cache_control} anywhere, {@code citations},
 *       {@code tool_result.is_error}, other {@code metadata} fields, and unknown fields.</li>
 * </ul>
 */
public final class RequestTranslator {
    /** {@code max_tokens} sent to Anthropic when the OpenAI request sets no limit. */
    public static final int DEFAULT_MAX_TOKENS = 4096;

    private RequestTranslator() {}

    /**
     * An OpenAI Chat Completions request as an Anthropic Messages request for {@code upstreamModel}.
     *
     * @throws TranslationException when the request cannot be expressed for Anthropic or is malformed
     */
    public static ObjectNode toAnthropicRequest(JsonNode openAiChatRequest, String upstreamModel) {
        return OpenAiRequestToAnthropic.translate(openAiChatRequest, Objects.requireNonNull(upstreamModel));
    }

    /**
     * An Anthropic Messages request as an OpenAI Chat Completions request for {@code upstreamModel}.
     *
     * @throws TranslationException when the request cannot be expressed for OpenAI or is malformed
     */
    public static ObjectNode toOpenAiRequest(JsonNode anthropicMessagesRequest, String upstreamModel) {
        return AnthropicRequestToOpenAi.translate(anthropicMessagesRequest, Objects.requireNonNull(upstreamModel));
    }
}
