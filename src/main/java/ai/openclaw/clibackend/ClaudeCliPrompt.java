package ai.openclaw.clibackend;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * What the Claude CLI is told for one request: the prompt text and the system prompt, taken from an OpenAI Chat
 * Completions or Anthropic Messages body.
 *
 * <ul>
 *   <li>System prompt: OpenAI {@code system}/{@code developer} messages, or Anthropic {@code system} (text blocks),
 *       joined by blank lines; null when there is none.</li>
 *   <li>The conversation must end with a user message. The <em>current message</em> is the user text after the last
 *       assistant message (several user messages joined by blank lines).</li>
 *   <li>Resuming a CLI session (which already holds the earlier turns): the prompt is the current message alone.</li>
 *   <li>A fresh run of a conversation with earlier turns: the earlier turns are written out as a transcript
 *       ({@code User: ...}, {@code Assistant: ...}) before the current message, so that the CLI sees the history the
 *       client sent.</li>
 * </ul>
 * Text is all a CLI run takes: function tools, tool calls and results, images, documents, audio, several choices
 * ({@code n > 1}) and structured output are refused with {@link UnsupportedRequestException} naming the field.
 * Sampling parameters ({@code temperature}, {@code max_tokens}, {@code stop}, ...) have no CLI equivalent and are
 * ignored.
 *
 * @param prompt       never blank
 * @param systemPrompt null when the request has none
 */
public record ClaudeCliPrompt(String prompt, String systemPrompt) {
    static final String EARLIER = "Earlier in this conversation:";
    static final String CURRENT = "Current message:";
    private static final String BACKEND = "the claude-cli backend";

    /** The API dialect of the request body. */
    public enum Dialect {
        OPENAI, ANTHROPIC
    }

    public ClaudeCliPrompt {
        Objects.requireNonNull(prompt, "prompt");
    }

    private enum Role { USER, ASSISTANT }

    private record Turn(Role role, String text, int index) {}

    /**
     * @param body     a body that passed the gateway's structural checks ({@code messages} a non-empty array of
     *                 objects with a string role, content a string or an array)
     * @param resuming whether the run resumes a CLI session that holds the earlier turns
     * @throws UnsupportedRequestException something in the request cannot be handed to the CLI
     */
    public static ClaudeCliPrompt of(JsonNode body, Dialect dialect, boolean resuming) {
        List<Turn> turns = new ArrayList<>();
        List<String> system = new ArrayList<>();
        if (dialect == Dialect.OPENAI) {
            readOpenAi(body, turns, system);
        } else {
            readAnthropic(body, turns, system);
        }
        int lastMessage = body.path("messages").size() - 1;
        if (turns.isEmpty() || turns.getLast().role() != Role.USER) {
            throw new UnsupportedRequestException("messages[" + lastMessage + "]", BACKEND
                    + " answers a user message: the conversation must end with one");
        }
        int firstCurrent = turns.size();
        while (firstCurrent > 0 && turns.get(firstCurrent - 1).role() == Role.USER) {
            firstCurrent--;
        }
        List<String> current = turns.subList(firstCurrent, turns.size()).stream().map(Turn::text)
                .filter(t -> !t.isBlank()).toList();
        if (current.isEmpty()) {
            throw new UnsupportedRequestException("messages[" + turns.getLast().index() + "].content",
                    "the last user message has no text");
        }
        String currentText = String.join("\n\n", current);
        String prompt;
        if (resuming || firstCurrent == 0) {
            prompt = currentText;
        } else {
            StringBuilder sb = new StringBuilder(EARLIER).append("\n\n");
            for (Turn t : turns.subList(0, firstCurrent)) {
                if (!t.text().isBlank()) {
                    sb.append(t.role() == Role.USER ? "User: " : "Assistant: ").append(t.text()).append("\n\n");
                }
            }
            prompt = sb.append(CURRENT).append("\n\n").append(currentText).toString();
        }
        String systemPrompt = system.stream().filter(s -> !s.isBlank()).reduce((a, b) -> a + "\n\n" + b)
                .orElse(null);
        int systemBytes = systemPrompt == null ? 0 : systemPrompt.getBytes(StandardCharsets.UTF_8).length;
        if (systemBytes > ClaudeCliArgv.MAX_ARG_BYTES) {
            throw new UnsupportedRequestException(dialect == Dialect.ANTHROPIC ? "system" : "messages",
                    "the system prompt is longer than one command-line argument may be (128 KiB), and "
                            + BACKEND + " passes it on the command line");
        }
        return new ClaudeCliPrompt(prompt, systemPrompt);
    }

    private static void readOpenAi(JsonNode body, List<Turn> turns, List<String> system) {
        for (String field : List.of("tools", "functions")) {
            if (body.path(field).isArray() && !body.path(field).isEmpty()) {
                throw new UnsupportedRequestException(field, "function tools cannot be passed to " + BACKEND
                        + " (the Claude CLI uses its own tools)");
            }
        }
        JsonNode n = body.path("n");
        if (n.isNumber() && n.asInt() > 1) {
            throw new UnsupportedRequestException("n", BACKEND + " returns a single choice");
        }
        JsonNode format = body.path("response_format");
        if (format.isObject() && !"text".equals(format.path("type").asString("text"))) {
            throw new UnsupportedRequestException("response_format", "structured output is not supported by "
                    + BACKEND);
        }
        JsonNode messages = body.path("messages");
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String at = "messages[" + i + "]";
            switch (m.path("role").asString("")) {
                case "system", "developer" -> system.add(openAiText(m.get("content"), at + ".content", false));
                case "user" -> turns.add(new Turn(Role.USER, openAiText(m.get("content"), at + ".content", true), i));
                case "assistant" -> {
                    for (String field : List.of("tool_calls", "function_call")) {
                        JsonNode calls = m.path(field);
                        if (!calls.isMissingNode() && !calls.isNull() && !(calls.isArray() && calls.isEmpty())) {
                            throw new UnsupportedRequestException(at + "." + field, "tool calls are not supported by "
                                    + BACKEND);
                        }
                    }
                    turns.add(new Turn(Role.ASSISTANT, openAiText(m.get("content"), at + ".content", false), i));
                }
                case "tool", "function" -> throw new UnsupportedRequestException(at,
                        "tool results are not supported by " + BACKEND);
                default -> throw new UnsupportedRequestException(at + ".role",
                        "expected \"system\", \"developer\", \"user\" or \"assistant\"");
            }
        }
    }

    /** String content, or the text of its parts; images and other media are refused. */
    private static String openAiText(JsonNode content, String at, boolean user) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isString()) {
            return content.stringValue();
        }
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < content.size(); j++) {
            JsonNode part = content.get(j);
            String type = part.path("type").asString("");
            switch (type) {
                case "text" -> sb.append(part.path("text").asString(""));
                case "refusal" -> sb.append(part.path("refusal").asString(""));
                case "image_url" -> throw new UnsupportedRequestException(at + "[" + j + "]",
                        "images are not supported by " + BACKEND + " (it takes text only)");
                default -> throw new UnsupportedRequestException(at + "[" + j + "]", "content of type \"" + type
                        + "\" is not supported by " + BACKEND + (user ? " (it takes text only)" : ""));
            }
        }
        return sb.toString();
    }

    private static void readAnthropic(JsonNode body, List<Turn> turns, List<String> system) {
        if (body.path("tools").isArray() && !body.path("tools").isEmpty()) {
            throw new UnsupportedRequestException("tools", "tools cannot be passed to " + BACKEND
                    + " (the Claude CLI uses its own tools)");
        }
        JsonNode sys = body.get("system");
        if (sys != null && !sys.isNull()) {
            system.add(anthropicText(sys, "system"));
        }
        JsonNode messages = body.path("messages");
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String at = "messages[" + i + "]";
            Role role = switch (m.path("role").asString("")) {
                case "user" -> Role.USER;
                case "assistant" -> Role.ASSISTANT;
                default -> throw new UnsupportedRequestException(at + ".role", "expected \"user\" or \"assistant\"");
            };
            turns.add(new Turn(role, anthropicText(m.get("content"), at + ".content"), i));
        }
    }

    private static String anthropicText(JsonNode content, String at) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isString()) {
            return content.stringValue();
        }
        if (!content.isArray()) {
            throw new UnsupportedRequestException(at, "expected a string or an array of text blocks");
        }
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < content.size(); j++) {
            JsonNode block = content.get(j);
            String type = block.path("type").asString("");
            switch (type) {
                case "text" -> sb.append(block.path("text").asString(""));
                case "thinking", "redacted_thinking" -> {
                    // the assistant's reasoning of an earlier turn: not part of what it said
                }
                case "image", "document" -> throw new UnsupportedRequestException(at + "[" + j + "]",
                        (type.equals("image") ? "images" : "documents") + " are not supported by " + BACKEND
                                + " (it takes text only)");
                case "tool_use", "tool_result", "server_tool_use" -> throw new UnsupportedRequestException(
                        at + "[" + j + "]", "tool use is not supported by " + BACKEND);
                default -> throw new UnsupportedRequestException(at + "[" + j + "]", "content of type \"" + type
                        + "\" is not supported by " + BACKEND);
            }
        }
        return sb.toString();
    }
}
