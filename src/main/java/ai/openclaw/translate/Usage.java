package ai.openclaw.translate;

import ai.openclaw.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Token usage both ways. Anthropic's {@code input_tokens} excludes prompt-cache reads and writes, OpenAI's
 * {@code prompt_tokens} includes them:
 * <ul>
 *   <li>to OpenAI: {@code prompt_tokens = input + cache_creation + cache_read}, {@code completion_tokens = output},
 *       {@code total_tokens} their sum, {@code prompt_tokens_details.cached_tokens = cache_read} when Anthropic
 *       reported either cache field;</li>
 *   <li>to Anthropic: {@code input_tokens = prompt - cached}, {@code output_tokens = completion},
 *       {@code cache_read_input_tokens = cached} when OpenAI reported {@code prompt_tokens_details.cached_tokens}.</li>
 * </ul>
 * Missing counts are 0.
 */
final class Usage {
    private Usage() {}

    static ObjectNode toOpenAi(JsonNode anthropic) {
        long input = count(anthropic, "input_tokens");
        long cacheWrite = count(anthropic, "cache_creation_input_tokens");
        long cacheRead = count(anthropic, "cache_read_input_tokens");
        long output = count(anthropic, "output_tokens");
        long prompt = input + cacheWrite + cacheRead;
        ObjectNode usage = Json.object();
        usage.put("prompt_tokens", prompt);
        usage.put("completion_tokens", output);
        usage.put("total_tokens", prompt + output);
        if (anthropic != null && (anthropic.has("cache_read_input_tokens")
                || anthropic.has("cache_creation_input_tokens"))) {
            usage.putObject("prompt_tokens_details").put("cached_tokens", cacheRead);
        }
        return usage;
    }

    static ObjectNode toAnthropic(JsonNode openAi) {
        long prompt = count(openAi, "prompt_tokens");
        JsonNode details = openAi == null ? null : openAi.get("prompt_tokens_details");
        boolean cacheReported = details != null && details.has("cached_tokens");
        long cached = cacheReported ? count(details, "cached_tokens") : 0;
        ObjectNode usage = Json.object();
        usage.put("input_tokens", Math.max(0, prompt - cached));
        usage.put("output_tokens", count(openAi, "completion_tokens"));
        if (cacheReported) {
            usage.put("cache_read_input_tokens", cached);
        }
        return usage;
    }

    private static long count(JsonNode parent, String field) {
        if (parent == null) {
            return 0;
        }
        JsonNode value = parent.get(field);
        return value != null && value.canConvertToLong() && value.isNumber() ? value.asLong() : 0;
    }
}
