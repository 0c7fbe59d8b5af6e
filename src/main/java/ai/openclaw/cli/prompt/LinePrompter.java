package ai.openclaw.cli.prompt;

import ai.openclaw.core.Secret;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Prompts read as whole lines: on a terminal that cannot be put in raw mode, and when standard input is not a
 * terminal (a numbered list, answered by number, so that a script can pipe the answers). Secrets go through
 * {@link LineInput#readSecret} (echo off on a terminal).
 */
public final class LinePrompter implements Prompter {
    private final LineInput in;
    private final PrintWriter out;

    public LinePrompter(LineInput in, PrintWriter out) {
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public int select(String question, List<Choice> choices, int initial) {
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("nothing to choose from");
        }
        int fallback = Math.floorMod(initial, choices.size());
        out.println(question + ":");
        for (int i = 0; i < choices.size(); i++) {
            Choice c = choices.get(i);
            out.println("  " + (i + 1) + ") " + c.label() + (c.hint() == null ? "" : " - " + c.hint()));
        }
        out.flush();
        while (true) {
            String line = line("Choose 1-" + choices.size() + " [" + (fallback + 1) + "]: ");
            if (line.isEmpty()) {
                return fallback;
            }
            Optional<Integer> picked = parse(line, choices);
            if (picked.isPresent()) {
                return picked.get();
            }
            out.println("Please enter a number from 1 to " + choices.size() + ".");
            out.flush();
        }
    }

    /** A number in range, or an option's label typed out (case-insensitive). */
    private static Optional<Integer> parse(String answer, List<Choice> choices) {
        try {
            int n = Integer.parseInt(answer);
            return n >= 1 && n <= choices.size() ? Optional.of(n - 1) : Optional.empty();
        } catch (NumberFormatException e) {
            String a = answer.toLowerCase(Locale.ROOT);
            for (int i = 0; i < choices.size(); i++) {
                if (choices.get(i).label().toLowerCase(Locale.ROOT).equals(a)) {
                    return Optional.of(i);
                }
            }
            return Optional.empty();
        }
    }

    @Override
    public Secret secret(String question, Validator validator) {
        Validator check = validator.afterRequired();
        while (true) {
            char[] chars = in.readSecret(question + ": ");
            if (chars == null) {
                throw new PromptCancelledException(false);
            }
            String value;
            try {
                value = new String(chars).strip();
            } finally {
                Arrays.fill(chars, '\0');
            }
            Optional<String> problem = check.problem(value);
            if (problem.isEmpty()) {
                return Secret.of(value);
            }
            out.println(problem.get());
            out.flush();
        }
    }

    @Override
    public String text(String question, String defaultValue, Validator validator) {
        while (true) {
            String typed = line(question + (defaultValue == null ? "" : " [" + defaultValue + "]") + ": ");
            String value = typed.isEmpty() && defaultValue != null ? defaultValue : typed;
            Optional<String> problem = validator.problem(value);
            if (problem.isEmpty()) {
                return value;
            }
            out.println(problem.get());
            out.flush();
        }
    }

    @Override
    public boolean confirm(String question, boolean defaultYes) {
        while (true) {
            String answer = line(question + (defaultYes ? " [Y/n] " : " [y/N] ")).toLowerCase(Locale.ROOT);
            if (answer.isEmpty()) {
                return defaultYes;
            }
            if (answer.equals("y") || answer.equals("yes")) {
                return true;
            }
            if (answer.equals("n") || answer.equals("no")) {
                return false;
            }
            out.println("Please answer y or n.");
            out.flush();
        }
    }

    @Override
    public void note(String line) {
        out.println(line);
        out.flush();
    }

    private String line(String prompt) {
        out.flush();
        String line = in.readLine(prompt);
        if (line == null) {
            throw new PromptCancelledException(false);
        }
        return line.strip();
    }
}
