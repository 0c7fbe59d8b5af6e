package ai.openclaw.env;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link ShellEnvRunner} that starts {@code <shell> -l -c 'env -0'} with {@link ProcessBuilder}, reads the
 * NUL-separated {@code NAME=value} records from its stdout, and kills the shell and all its descendants
 * when the timeout passes. Stdin is empty and stderr is discarded, so an interactive profile cannot hang
 * on input or leak text into our output.
 */
public final class ProcessShellEnvRunner implements ShellEnvRunner {
    /** A login environment is a few KiB; anything near this is not an environment listing. */
    static final int MAX_OUTPUT_BYTES = 4 * 1024 * 1024;

    @Override
    public Map<String, String> capture(Path shell, Map<String, String> environment, Duration timeout)
            throws ShellEnvException {
        ProcessBuilder builder = new ProcessBuilder(List.of(shell.toString(), "-l", "-c", "env -0"));
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ShellEnvException("cannot start login shell " + shell);
        }
        CompletableFuture<byte[]> output = new CompletableFuture<>();
        Thread.ofVirtual().name("shell-env-reader").start(() -> readAll(process, output));
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ShellEnvException("login shell " + shell + " timed out after " + timeout.toMillis() + " ms");
            }
            if (output.isCompletedExceptionally()) {
                output.join();
            }
            if (process.exitValue() != 0) {
                throw new ShellEnvException("login shell " + shell + " exited with status " + process.exitValue());
            }
            // The shell has exited; a background child may still hold the pipe, so bound the wait.
            long remaining = Math.max(deadline - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(200));
            return parse(output.get(remaining, TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShellEnvException("interrupted while waiting for login shell " + shell);
        } catch (TimeoutException e) {
            throw new ShellEnvException("login shell " + shell + " timed out after " + timeout.toMillis() + " ms");
        } catch (ExecutionException | CompletionException e) {
            throw new ShellEnvException("cannot read the environment of login shell " + shell + ": "
                    + e.getCause().getMessage());
        } finally {
            killTree(process);
        }
    }

    private static void readAll(Process process, CompletableFuture<byte[]> result) {
        try (InputStream in = process.getInputStream()) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            int n;
            while ((n = in.read(chunk)) >= 0) {
                if (buffer.size() + n > MAX_OUTPUT_BYTES) {
                    result.completeExceptionally(new IOException("output exceeds " + MAX_OUTPUT_BYTES + " bytes"));
                    // Stop the shell now rather than let it block on a full pipe until the timeout.
                    process.destroyForcibly();
                    return;
                }
                buffer.write(chunk, 0, n);
            }
            result.complete(buffer.toByteArray());
        } catch (IOException e) {
            result.completeExceptionally(new IOException("read failed"));
        }
    }

    /** Kills descendants first so none is re-parented and keeps running; closing stdout unblocks the reader. */
    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.getInputStream().close();
        } catch (IOException ignored) {
            // The reader thread ends either way once the process is gone.
        }
    }

    /** {@code NAME=value\0NAME=value\0...}; records without a name are skipped. */
    static Map<String, String> parse(byte[] output) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String record : new String(output, StandardCharsets.UTF_8).split("\0")) {
            int eq = record.indexOf('=');
            if (eq > 0) {
                env.put(record.substring(0, eq), record.substring(eq + 1));
            }
        }
        return env;
    }
}
