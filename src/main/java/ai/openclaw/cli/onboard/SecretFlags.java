package ai.openclaw.cli.onboard;

import ai.openclaw.cli.prompt.LineInput;
import ai.openclaw.core.Secret;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the secrets given with flags before any question is asked: {@code <flag> -} reads one line of standard
 * input (echo off on a terminal; at most one flag may do so), any other value is taken as the secret and earns a
 * warning on stderr that the command line is visible to other local users.
 */
public final class SecretFlags {
    private SecretFlags() {}

    /** The given flags' secrets, keyed by flag name; absent flags are left out. */
    public static Map<String, ResolvedSecret> resolve(List<SecretArgument> args, LineInput stdin, PrintWriter err) {
        Map<String, ResolvedSecret> out = new LinkedHashMap<>();
        String stdinFlag = null;
        for (SecretArgument a : args) {
            if (!a.given()) {
                continue;
            }
            if (a.fromStdin()) {
                if (stdinFlag != null) {
                    throw new OnboardException("Only one secret can be read from standard input, but "
                            + stdinFlag + " and " + a.flag() + " both say \"-\".",
                            "Pass the other one in its environment variable.");
                }
                stdinFlag = a.flag();
                out.put(a.flag(), new ResolvedSecret(readStdin(stdin, a.flag()), ResolvedSecret.Origin.STDIN, a.flag()));
            } else {
                err.println("Warning: " + a.flag() + " was given on the command line, where other local users can "
                        + "read it (ps, /proc) and shell history keeps it. Next time use `" + a.flag()
                        + " -` and pipe the secret on standard input, or set it in the environment.");
                err.flush();
                out.put(a.flag(), new ResolvedSecret(Secret.of(a.value()), ResolvedSecret.Origin.ARGV, a.flag()));
            }
        }
        return out;
    }

    private static Secret readStdin(LineInput stdin, String flag) {
        char[] chars = stdin.readSecret("Paste the value for " + flag + ": ");
        try {
            Secret s = chars == null ? null : Secret.ofNullable(new String(chars));
            if (s == null) {
                throw new OnboardException(flag + " -: nothing was read from standard input.",
                        "Pipe the secret in, e.g. `printf '%s' \"$KEY\" | openclaw onboard ... " + flag + " -`.");
            }
            return s;
        } finally {
            if (chars != null) {
                Arrays.fill(chars, '\0');
            }
        }
    }
}
