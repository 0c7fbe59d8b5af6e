package ai.openclaw.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A {@link Terminal} fed from a script: each prompt takes the next line (null once the script is used up). It
 * records the prompts it was asked, so tests can check what a person would have seen.
 */
public final class ScriptedTerminal implements Terminal {
    private final boolean interactive;
    private final Deque<String> lines;
    private final List<String> prompts = new ArrayList<>();
    private final List<String> secretPrompts = new ArrayList<>();

    private ScriptedTerminal(boolean interactive, List<String> lines) {
        this.interactive = interactive;
        this.lines = new ArrayDeque<>(lines);
    }

    /** A person at a terminal who types {@code lines} in answer to the prompts. */
    public static ScriptedTerminal typing(String... lines) {
        return new ScriptedTerminal(true, List.of(lines));
    }

    /** No terminal; standard input holds {@code stdin} (split into lines). */
    public static ScriptedTerminal stdin(String stdin) {
        return new ScriptedTerminal(false, stdin == null ? List.of() : stdin.lines().toList());
    }

    @Override
    public boolean interactive() {
        return interactive;
    }

    @Override
    public synchronized char[] readSecret(String prompt) {
        prompts.add(prompt);
        secretPrompts.add(prompt);
        String line = lines.poll();
        return line == null ? null : line.toCharArray();
    }

    @Override
    public synchronized String readLine(String prompt) {
        prompts.add(prompt);
        return lines.poll();
    }

    public synchronized List<String> prompts() {
        return List.copyOf(prompts);
    }

    public synchronized List<String> secretPrompts() {
        return List.copyOf(secretPrompts);
    }

    public synchronized int unread() {
        return lines.size();
    }
}
