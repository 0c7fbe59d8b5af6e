package ai.openclaw.clibackend;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The command line of one run (logins §3.7 argv assembly), and what goes to its standard input:
 * <ol>
 *   <li>the program, then {@code resumeArgs} with the session id substituted when resuming, else {@code args};</li>
 *   <li>{@code modelArg <model>} with the model id mapped through {@code modelAliases} (also when resuming: the
 *       model may differ from the previous turn's);</li>
 *   <li>{@code systemPromptArg <system prompt>} on fresh runs ({@code systemPromptWhen: first}), on every run
 *       ({@code always}) or never;</li>
 *   <li>on fresh runs with a new session id: {@code sessionArg <id>} (or each {@code sessionArgs} entry);</li>
 *   <li>the prompt, last, with {@code input: arg}; it goes to standard input instead (and the child's stdin is empty
 *       otherwise) when {@code input} is {@code stdin}, when it is longer than {@code maxPromptArgChars} or than one
 *       argument may be (128 KiB on Linux), when it starts with {@code -} (it would be read as an option) or contains
 *       a NUL character.</li>
 * </ol>
 * No credential is ever put on the command line: the CLI authenticates with its own login. Note that arguments are
 * visible to other local users ({@code ps}); {@code input: "stdin"} keeps prompts off the command line.
 *
 * @param argv  program first; never empty
 * @param stdin the prompt when it does not go on the command line, else null
 */
public record ClaudeCliArgv(List<String> argv, String stdin) {
    /** Linux refuses single arguments from 128 KiB on (MAX_ARG_STRLEN, counting the terminating NUL). */
    static final int MAX_ARG_BYTES = 128 * 1024 - 1;

    public ClaudeCliArgv {
        argv = List.copyOf(argv);
    }

    /** The session part of a run. */
    public sealed interface Session {
        /** No session id is passed (and none can be stored). */
        record None() implements Session {}

        /** A fresh run under a new session id ({@code sessionArg}). */
        record Fresh(String id) implements Session {}

        /** Continues the stored session ({@code resumeArgs}). */
        record Resume(String id) implements Session {}
    }

    /**
     * @param program the resolved program path
     * @param modelId the model part of the request's model ref ({@code claude-sonnet-4-6})
     */
    public static ClaudeCliArgv build(CliBackendConfig config, String program, String modelId, Session session,
                                      ClaudeCliPrompt prompt) {
        Objects.requireNonNull(program, "program");
        List<String> argv = new ArrayList<>();
        argv.add(program);
        boolean resume = session instanceof Session.Resume;
        if (session instanceof Session.Resume(String id)) {
            config.resumeArgs().forEach(a -> argv.add(a.replace(CliBackendConfig.SESSION_ID_PLACEHOLDER, id)));
        } else {
            argv.addAll(config.args());
        }
        if (config.modelArg() != null && modelId != null && !modelId.isBlank()) {
            argv.add(config.modelArg());
            argv.add(config.cliModel(modelId));
        }
        boolean withSystem = switch (config.systemPromptWhen()) {
            case FIRST -> !resume;
            case ALWAYS -> true;
            case NEVER -> false;
        };
        if (withSystem && config.systemPromptArg() != null && prompt.systemPrompt() != null) {
            argv.add(config.systemPromptArg());
            argv.add(prompt.systemPrompt().replace("\0", ""));
        }
        if (session instanceof Session.Fresh(String id)) {
            if (!config.sessionArgs().isEmpty()) {
                config.sessionArgs().forEach(a -> argv.add(a.replace(CliBackendConfig.SESSION_ID_PLACEHOLDER, id)));
            } else if (config.sessionArg() != null) {
                argv.add(config.sessionArg());
                argv.add(id);
            }
        }
        String text = prompt.prompt();
        if (fitsArgument(config, text)) {
            argv.add(text);
            return new ClaudeCliArgv(argv, null);
        }
        return new ClaudeCliArgv(argv, text);
    }

    private static boolean fitsArgument(CliBackendConfig config, String text) {
        return config.input() == CliBackendConfig.Input.ARG && text.length() <= config.maxPromptArgChars()
                && !text.startsWith("-") && text.indexOf('\0') < 0
                && text.getBytes(StandardCharsets.UTF_8).length <= MAX_ARG_BYTES;
    }

    /** Counts only: the arguments and stdin hold the conversation. */
    @Override
    public String toString() {
        return "ClaudeCliArgv[" + argv.size() + " args, prompt on " + (stdin == null ? "argv" : "stdin") + "]";
    }
}
