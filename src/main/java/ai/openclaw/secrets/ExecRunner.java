package ai.openclaw.secrets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs one exec provider process without a shell and under hard limits: total time, time without
 * output, and combined stdout+stderr bytes. Breaking any limit kills the process and its descendants at
 * once; the caller never waits on a pipe that a stray grandchild keeps open beyond the total deadline.
 */
final class ExecRunner {
    /** Longest single wait between limit checks; keeps reaction to a limit prompt without busy waiting. */
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    record Request(
            Path command,
            List<String> args,
            Path workingDir,
            Map<String, String> env,
            byte[] stdin,
            long timeoutMs,
            long noOutputTimeoutMs,
            long maxOutputBytes) {
        Request {
            Objects.requireNonNull(command, "command");
            args = List.copyOf(args);
            env = Map.copyOf(env);
        }

        @Override
        public String toString() {
            return "Request[command=" + command + ", args=" + args.size() + ", env=" + env.keySet() + "]";
        }
    }

    sealed interface Outcome {
        /** The process exited by itself. {@code stdout} holds secrets: the caller wipes it. */
        record Exited(int code, byte[] stdout, long stderrBytes) implements Outcome {
            @Override
            public String toString() {
                return "Exited[code=" + code + ", stdout=" + stdout.length + " bytes, stderr=" + stderrBytes + " bytes]";
            }
        }

        record TimedOut() implements Outcome {}

        record NoOutput() implements Outcome {}

        record OutputTooLarge() implements Outcome {}

        record StartFailed(String reason) implements Outcome {}

        record Interrupted() implements Outcome {}
    }

    Outcome run(Request request) {
        List<String> argv = new ArrayList<>();
        argv.add(request.command().toString());
        argv.addAll(request.args());
        ProcessBuilder builder = new ProcessBuilder(argv).directory(request.workingDir().toFile());
        builder.environment().clear();
        builder.environment().putAll(request.env());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new Outcome.StartFailed(startFailure(e));
        }
        long start = System.nanoTime();
        Output output = new Output(request.maxOutputBytes(), start);
        Thread.ofVirtual().name("secrets-exec-stdin").start(() -> feed(process.getOutputStream(), request.stdin()));
        Thread.ofVirtual().name("secrets-exec-stdout").start(() -> output.pump(process.getInputStream(), true));
        Thread.ofVirtual().name("secrets-exec-stderr").start(() -> output.pump(process.getErrorStream(), false));
        try {
            return supervise(process, output, request, start);
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            return new Outcome.Interrupted();
        }
    }

    private static Outcome supervise(Process process, Output output, Request request, long start)
            throws InterruptedException {
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(request.timeoutMs());
        long idleLimit = TimeUnit.MILLISECONDS.toNanos(request.noOutputTimeoutMs());
        while (true) {
            if (output.tooLarge()) {
                killTree(process);
                output.discard();
                return new Outcome.OutputTooLarge();
            }
            long now = System.nanoTime();
            // The total limit is checked first: with the default noOutputTimeoutMs (= timeoutMs) a silent
            // hang reaches both at once, and "timed out" is the more useful report.
            if (now - deadline >= 0) {
                killTree(process);
                output.discard();
                return new Outcome.TimedOut();
            }
            long idleDeadline = output.lastActivity() + idleLimit;
            if (now - idleDeadline >= 0) {
                killTree(process);
                output.discard();
                return new Outcome.NoOutput();
            }
            long wait = Math.max(1, Math.min(SLICE_NANOS, Math.min(deadline, idleDeadline) - now));
            if (output.awaitEof(wait)) {
                // Both pipes closed; the exit status follows at once unless the process lingers.
                if (process.waitFor(wait, TimeUnit.NANOSECONDS)) {
                    if (output.tooLarge()) {
                        continue;
                    }
                    return new Outcome.Exited(process.exitValue(), output.stdout(), output.stderrBytes());
                }
            }
        }
    }

    /**
     * Kills the process and everything it started. The descendant list is taken first because killed
     * children are re-parented and would no longer be found afterwards.
     */
    private static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    private static void feed(OutputStream stdin, byte[] payload) {
        // A provider may exit without reading its input (broken pipe): that is its answer, not our error.
        try (stdin) {
            stdin.write(payload);
        } catch (IOException ignored) {
            // see above
        }
    }

    /** The JDK message is "Cannot run program ... : error=N, Reason"; keep the reason only. */
    private static String startFailure(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int at = message.lastIndexOf("error=");
        return at >= 0 ? message.substring(at) : e.getClass().getSimpleName();
    }

    /** Collects stdout, counts stderr, and records when output last arrived. */
    private static final class Output {
        private final long limit;
        private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        private final CountDownLatch eof = new CountDownLatch(2);
        private long total;
        private long stderrBytes;
        private boolean tooLarge;
        private volatile long lastActivity;

        Output(long limit, long start) {
            this.limit = limit;
            this.lastActivity = start;
        }

        void pump(InputStream in, boolean keep) {
            byte[] buffer = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    if (!accept(buffer, n, keep)) {
                        break;
                    }
                }
            } catch (IOException ignored) {
                // The process was killed or closed the pipe; what arrived so far is all there is.
            } finally {
                Arrays.fill(buffer, (byte) 0);
                eof.countDown();
            }
        }

        private synchronized boolean accept(byte[] buffer, int n, boolean keep) {
            lastActivity = System.nanoTime();
            total += n;
            if (total > limit) {
                tooLarge = true;
                return false;
            }
            if (keep) {
                stdout.write(buffer, 0, n);
            } else {
                stderrBytes += n;
            }
            return true;
        }

        boolean awaitEof(long nanos) throws InterruptedException {
            return eof.await(nanos, TimeUnit.NANOSECONDS);
        }

        long lastActivity() {
            return lastActivity;
        }

        synchronized boolean tooLarge() {
            return tooLarge;
        }

        synchronized byte[] stdout() {
            return stdout.toByteArray();
        }

        synchronized long stderrBytes() {
            return stderrBytes;
        }

        synchronized void discard() {
            stdout.reset();
        }
    }
}
