package ai.openclaw.sessions;

/**
 * What {@link DirectiveParser} found in the last user message: plain text for the model, text with a one-off model
 * hint, or a directive the gateway answers itself.
 */
public sealed interface ParsedMessage permits ParsedMessage.Plain, ParsedMessage.Inline, Directive {
    /** No directive: send the text upstream unchanged. */
    record Plain(String text) implements ParsedMessage {}

    /**
     * An inline {@code /model <ref>} inside a normal message: use {@code modelHint} ({@code <alias-or-id>[@<profile>]})
     * for this request only, and send {@code text}, the message without the directive, upstream. Nothing persists.
     */
    record Inline(String text, String modelHint) implements ParsedMessage {}
}
