package ai.openclaw.clibackend;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One running CLI process, read as a sequence of {@link CliEvent}s ({@link #next()}).
 *
 * <p><b>Process lifetime.</b> Three virtual threads serve the run: one reads stdout line by line through the
 * {@link StreamJsonParser}, one keeps the last {@value #STDERR_TAIL_BYTES} bytes of stderr (quoted in error messages),
 * and a watchdog kills the process and all its descendants when the run exceeds its total time or prints nothing
 * (stdout or stderr) for its no-output time. {@link #cancel()} (the caller went away), {@link #shutdown()} (the gateway
 * stops) and {@link #close()} before the end kill the process tree the same way. The run ends, and its concurrency
 * slot is released, exactly once: when stdout is closed and the process has exited, or, should a stray descendant
 * keep the pipe open, {@value #KILL_GRACE_MS} ms after a kill or after the process exited (a background job of a
 * tool the CLI ran would otherwise hold the answer until the timeout).
 *
 * <p><b>Threads.</b> {@link #next()} is for one consumer thread; {@link #cancel()}, {@link #shutdown()}, {@link #pid()}
 * may be called from any thread.
 */
public final class CliRun implements AutoCloseable {
    static final int STDERR_TAIL_BYTES = 4096;
    static final int MAX_LINE_BYTES = 16 * 1024 * 1024;
    static final long MAX_OUTPUT_CHARS = 128L * 1024 * 1024;
    static final long KILL_GRACE_MS = 2000;

    private final Process process;
    private final CliBackendConfig config;
    /** Fed by the stdout reader; read for the terminal event by whichever thread ends the run. */
    private final StreamJsonParser parser;
    private final ReentrantLock parserLock = new ReentrantLock();
    private final java.util.function.Consumer<CliRun> onEnd;
    private final LinkedBlockingQueue<CliEvent> events = new LinkedBlockingQueue<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicBoolean terminalSent = new AtomicBoolean();
    /** Why the gateway stopped the run (watchdog, cancel, shutdown); null while it has not. */
    private final AtomicReference<CliFailure> stoppedBecause = new AtomicReference<>();
    private final StderrTail stderr = new StderrTail();
    private final Thread stderrReader;
    private final long startNanos;
    private volatile long lastOutputNanos;
    private CliEvent terminal;

    private CliRun(Process process, CliBackendConfig config, java.util.function.Consumer<CliRun> onEnd) {
        this.process = process;
        this.config = config;
        this.parser = new StreamJsonParser(config.sessionIdFields());
        this.onEnd = onEnd;
        this.startNanos = System.nanoTime();
        this.lastOutputNanos = startNanos;
        this.stderrReader = Thread.ofVirtual().name("cli-stderr-" + process.pid()).unstarted(this::readStderr);
    }

    /**
     * Supervises a started process.
     *
     * @param stdin what to write to its standard input before closing it (null: close it at once)
     * @param onEnd runs once when the run ends (releases the concurrency slot)
     */
    static CliRun supervise(Process process, CliBackendConfig config, String stdin,
                            java.util.function.Consumer<CliRun> onEnd) {
        CliRun run = new CliRun(process, config, onEnd);
        run.stderrReader.start();
        Thread.ofVirtual().name("cli-stdout-" + process.pid()).start(run::readStdout);
        Thread.ofVirtual().name("cli-watchdog-" + process.pid()).start(run::watch);
        process.onExit().thenRun(() -> Thread.ofVirtual().name("cli-exit-" + process.pid()).start(run::afterExit));
        if (stdin == null) {
            closeQuietly(process.getOutputStream());
        } else {
            Thread.ofVirtual().name("cli-stdin-" + process.pid()).start(() -> feed(process.getOutputStream(), stdin));
        }
        return run;
    }

    /** The process id (tests, logs). */
    public long pid() {
        return process.pid();
    }

    /**
     * The next event, waiting for it. After the terminal event ({@link CliEvent#terminal()}) every call returns it
     * again. An interrupt of the calling thread cancels the run.
     */
    public CliEvent next() {
        if (terminal != null) {
            return terminal;
        }
        CliEvent e;
        try {
            e = events.take();
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            cancel();
            e = new CliEvent.Failed(new CliFailure(CliFailure.Kind.CANCELLED, "interrupted"));
        }
        if (e.terminal()) {
            terminal = e;
        }
        return e;
    }

    /** The caller went away: kill the process tree; the run ends as {@link CliFailure.Kind#CANCELLED}. */
    public void cancel() {
        stop(new CliFailure(CliFailure.Kind.CANCELLED, "The caller disconnected; the Claude CLI was stopped."));
    }

    /** The gateway stops: kill the process tree; the run ends as {@link CliFailure.Kind#SHUTDOWN}. */
    void shutdown() {
        stop(new CliFailure(CliFailure.Kind.SHUTDOWN, "The gateway is stopping; the Claude CLI was stopped."));
    }

    /** Whether the run has ended (its terminal event is queued). */
    public boolean ended() {
        return ended.getCount() == 0;
    }

    /** Kills the process tree unless the run already ended. */
    @Override
    public void close() {
        if (!ended()) {
            cancel();
        }
    }

    private void stop(CliFailure why) {
        if (ended()) {
            return;
        }
        if (stoppedBecause.compareAndSet(null, why)) {
            killTree();
        }
    }

    private void killTree() {
        // the descendants are listed first: once the root dies they are re-parented and no longer found from it
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    // ------------------------------------------------------------------ threads

    private void readStdout() {
        long chars = 0;
        try (InputStream in = process.getInputStream()) {
            LineReader lines = new LineReader(in);
            String line;
            while ((line = lines.next()) != null) {
                lastOutputNanos = System.nanoTime();
                chars += line.length();
                if (chars > MAX_OUTPUT_CHARS) {
                    stop(new CliFailure(CliFailure.Kind.OUTPUT_TOO_LARGE, "The Claude CLI printed more than "
                            + (MAX_OUTPUT_CHARS >> 20) + "M characters; it was stopped."));
                    break;
                }
                parserLock.lock();
                try {
                    events.addAll(parser.onLine(line));
                } finally {
                    parserLock.unlock();
                }
            }
        } catch (LineTooLongException e) {
            stop(new CliFailure(CliFailure.Kind.OUTPUT_TOO_LARGE, "The Claude CLI printed a line longer than "
                    + (MAX_LINE_BYTES >> 20) + " MiB; it was stopped."));
        } catch (IOException e) {
            // the process was killed or closed its stdout: what arrived is all there is
        }
        int exit;
        try {
            exit = process.waitFor();
            stderrReader.join(Duration.ofMillis(KILL_GRACE_MS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exit = -1;
        }
        end(terminalEvent(exit));
    }

    private CliEvent terminalEvent(int exit) {
        parserLock.lock();
        try {
            return terminalEventLocked(exit);
        } finally {
            parserLock.unlock();
        }
    }

    private CliEvent terminalEventLocked(int exit) {
        CliFailure stopped = stoppedBecause.get();
        if (stopped != null) {
            return new CliEvent.Failed(stopped);
        }
        CliFailure reported = parser.resultFailure();
        if (reported != null) {
            return new CliEvent.Failed(reported);
        }
        if (parser.hasResult()) {
            return parser.finished();
        }
        if (exit != 0) {
            return new CliEvent.Failed(new CliFailure(CliFailure.Kind.EXIT, "The Claude CLI exited with status "
                    + exit + " without a result" + stderrPart() + malformedPart()));
        }
        if (parser.hasText()) {
            return parser.finished();
        }
        return new CliEvent.Failed(new CliFailure(CliFailure.Kind.NO_RESULT, "The Claude CLI ended without a "
                + "result" + malformedPart() + stderrPart() + ". Its arguments must include --output-format "
                + "stream-json --verbose (agents.defaults.cliBackends[\"" + config.id() + "\"].args)."));
    }

    private String stderrPart() {
        String tail = stderr.text();
        return tail.isEmpty() ? "" : "; stderr: " + StreamJsonParser.snippet(tail, 1000);
    }

    private String malformedPart() {
        int n = parser.malformedLines();
        return n == 0 ? "" : "; it printed " + n + " line" + (n == 1 ? "" : "s") + " that are not stream-json, the "
                + "first: \"" + parser.firstMalformed() + "\"";
    }

    private void readStderr() {
        byte[] buf = new byte[4096];
        try (InputStream in = process.getErrorStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                lastOutputNanos = System.nanoTime();
                stderr.add(buf, n);
            }
        } catch (IOException e) {
            // killed, or the pipe closed: the tail so far is what there is
        }
    }

    private void watch() {
        long limit = config.timeout().toNanos();
        long idleLimit = config.noOutputTimeout().toNanos();
        try {
            while (true) {
                long now = System.nanoTime();
                long hardLeft = startNanos + limit - now;
                long idleLeft = lastOutputNanos + idleLimit - now;
                if (hardLeft <= 0) {
                    stop(new CliFailure(CliFailure.Kind.TIMEOUT, "The Claude CLI did not finish within "
                            + config.timeout().toSeconds() + " s (agents.defaults.cliBackends[\"" + config.id()
                            + "\"].timeoutSeconds); it was stopped."));
                    break;
                }
                if (idleLeft <= 0) {
                    stop(new CliFailure(CliFailure.Kind.NO_OUTPUT, "The Claude CLI printed nothing for "
                            + config.noOutputTimeout().toSeconds() + " s (agents.defaults.cliBackends[\""
                            + config.id() + "\"].noOutputTimeoutSeconds); it was stopped."));
                    break;
                }
                if (ended.await(Math.min(hardLeft, idleLeft), TimeUnit.NANOSECONDS)) {
                    return;
                }
            }
            waitForEndAfterKill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The process exited; normally stdout closes with it and the reader ends the run. */
    private void afterExit() {
        try {
            if (!ended.await(KILL_GRACE_MS, TimeUnit.MILLISECONDS)) {
                // a descendant (a background job) inherited stdout and keeps it open: answer without waiting for it
                end(terminalEvent(process.exitValue()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * After a kill the stdout reader ends the run once the pipe closes. A descendant that escaped the kill (it left
     * the process tree) may hold the pipe open: the run is ended without it after a grace period.
     */
    private void waitForEndAfterKill() throws InterruptedException {
        if (!ended.await(KILL_GRACE_MS, TimeUnit.MILLISECONDS)) {
            end(new CliEvent.Failed(stoppedBecause.get()));
        }
    }

    private void end(CliEvent terminalEvent) {
        if (terminalSent.compareAndSet(false, true)) {
            // the slot is free before the reader sees the end: whoever it answers may start the next run at once
            ended.countDown();
            onEnd.accept(this);
            events.add(terminalEvent);
        }
    }

    private static void feed(OutputStream stdin, String text) {
        // a program may exit without reading its input (broken pipe): its output says what happened
        try (stdin) {
            stdin.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException ignored) {
            // see above
        }
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException ignored) {
            // nothing to tell
        }
    }

    /** Counts only: the process's output is the conversation. */
    @Override
    public String toString() {
        return "CliRun[" + config.id() + ", pid=" + process.pid() + (ended() ? ", ended" : "") + "]";
    }

    /** A line over {@link #MAX_LINE_BYTES}. */
    private static final class LineTooLongException extends IOException {
        LineTooLongException() {
            super("line too long", null);
        }
    }

    /** Splits a byte stream at {@code \n} (dropping a {@code \r} before it) and decodes each line as UTF-8. */
    private static final class LineReader {
        private final InputStream in;
        private final byte[] buf = new byte[8192];
        private int pos;
        private int len;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineReader(InputStream in) {
            this.in = in;
        }

        /** The next line, or null at the end (a last line without {@code \n} is returned too). */
        String next() throws IOException {
            line.reset();
            while (true) {
                if (pos == len) {
                    len = in.read(buf);
                    pos = 0;
                    if (len <= 0) {
                        len = 0;
                        return line.size() == 0 ? null : decode();
                    }
                }
                int start = pos;
                while (pos < len && buf[pos] != '\n') {
                    pos++;
                }
                line.write(buf, start, pos - start);
                if (line.size() > MAX_LINE_BYTES) {
                    throw new LineTooLongException();
                }
                if (pos < len) {
                    pos++; // the '\n'
                    return decode();
                }
            }
        }

        private String decode() {
            String s = line.toString(StandardCharsets.UTF_8);
            return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        }
    }

    /** The last {@link #STDERR_TAIL_BYTES} bytes written to stderr. */
    private static final class StderrTail {
        private final ReentrantLock lock = new ReentrantLock();
        private final byte[] ring = new byte[STDERR_TAIL_BYTES];
        private long written;

        void add(byte[] data, int n) {
            lock.lock();
            try {
                for (int i = 0; i < n; i++) {
                    ring[(int) (written++ % ring.length)] = data[i];
                }
            } finally {
                lock.unlock();
            }
        }

        String text() {
            lock.lock();
            try {
                int size = (int) Math.min(written, ring.length);
                byte[] out = new byte[size];
                long from = written - size;
                for (int i = 0; i < size; i++) {
                    out[i] = ring[(int) ((from + i) % ring.length)];
                }
                return new String(out, StandardCharsets.UTF_8).strip();
            } finally {
                lock.unlock();
            }
        }
    }
}
