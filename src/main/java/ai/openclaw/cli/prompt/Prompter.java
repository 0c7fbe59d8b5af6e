package ai.openclaw.cli.prompt;

import ai.openclaw.core.Secret;
import java.util.List;

/**
 * Questions to a person. Every method throws {@link PromptCancelledException} on Ctrl-C or at the end of input;
 * invalid answers are explained and asked again.
 */
public interface Prompter {
    /**
     * One of {@code choices}.
     *
     * @param initial the index highlighted (raw terminal) or taken on an empty answer (line input)
     * @return the index of the chosen option
     */
    int select(String question, List<Choice> choices, int initial);

    /** A secret, never echoed; stripped, non-empty ("Required") and accepted by {@code validator}. */
    Secret secret(String question, Validator validator);

    /**
     * A line of text, stripped; an empty answer means {@code defaultValue} when there is one.
     *
     * @param defaultValue shown in brackets; null for none
     */
    String text(String question, String defaultValue, Validator validator);

    /** Yes or no; an empty answer means {@code defaultYes}. */
    boolean confirm(String question, boolean defaultYes);

    /** A line of information between questions. */
    void note(String line);
}
