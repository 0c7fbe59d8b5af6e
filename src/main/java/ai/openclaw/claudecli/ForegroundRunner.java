package ai.openclaw.claudecli;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Runs a program in the foreground with this process's terminal (standard input, output and error inherited), as
 * {@code openclaw models auth setup-token} runs {@code claude setup-token}: the person talks to the program directly
 * and nothing it shows passes through us.
 */
public interface ForegroundRunner {
    /** {@link ProcessBuilder#inheritIO()}, waiting for the exit. */
    ForegroundRunner INHERIT_IO = (argv, env) -> {
        ProcessBuilder pb = new ProcessBuilder(argv).inheritIO();
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroy();
            throw new IOException("interrupted while waiting for " + argv.getFirst(), e);
        }
    };

    /**
     * Runs {@code argv} (program path first) with exactly {@code env} as its environment.
     *
     * @return the exit status
     * @throws IOException when the program cannot be started
     */
    int run(List<String> argv, Map<String, String> env) throws IOException;
}
