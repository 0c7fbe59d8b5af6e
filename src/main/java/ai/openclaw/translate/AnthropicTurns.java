package ai.openclaw.translate;

import ai.openclaw.json.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Collects Anthropic content blocks turn by turn into a {@code messages} array that Anthropic accepts:
 * consecutive turns of one role merge into one message (so consecutive tool results and a following user message
 * become one user message, tool results first), turns without blocks disappear, a final assistant message loses
 * trailing whitespace (Anthropic rejects it in a prefill), and a message that is a single plain text block is
 * written as a string.
 */
final class AnthropicTurns {
    private record Turn(String role, List<ObjectNode> blocks) {}

    private final List<Turn> turns = new ArrayList<>();

    void add(String role, List<ObjectNode> blocks) {
        if (blocks.isEmpty()) {
            return;
        }
        if (!turns.isEmpty() && turns.getLast().role().equals(role)) {
            turns.getLast().blocks().addAll(blocks);
        } else {
            turns.add(new Turn(role, new ArrayList<>(blocks)));
        }
    }

    ArrayNode toMessages() {
        trimFinalAssistant();
        ArrayNode messages = Json.MAPPER.createArrayNode();
        for (Turn turn : turns) {
            ObjectNode message = messages.addObject();
            message.put("role", turn.role());
            if (turn.blocks().size() == 1 && isPlainText(turn.blocks().getFirst())) {
                message.put("content", turn.blocks().getFirst().get("text").stringValue());
            } else {
                message.putArray("content").addAll(turn.blocks());
            }
        }
        return messages;
    }

    private void trimFinalAssistant() {
        if (turns.isEmpty() || !turns.getLast().role().equals("assistant")) {
            return;
        }
        List<ObjectNode> blocks = turns.getLast().blocks();
        while (!blocks.isEmpty() && isText(blocks.getLast())) {
            String trimmed = blocks.getLast().get("text").stringValue().stripTrailing();
            if (!trimmed.isEmpty()) {
                blocks.getLast().put("text", trimmed);
                break;
            }
            blocks.removeLast();
        }
        if (blocks.isEmpty()) {
            turns.removeLast();
        }
    }

    private static boolean isText(JsonNode block) {
        return "text".equals(block.path("type").asString(""));
    }

    private static boolean isPlainText(JsonNode block) {
        return isText(block) && block.size() == 2;
    }
}
