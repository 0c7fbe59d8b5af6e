package ai.openclaw.testing;

import ai.openclaw.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for the {@code claude} program: a small {@code /bin/sh} script in a temp directory that records each
 * invocation (argv NUL-separated, environment, working directory, stdin, its pid) under a run number and then runs
 * the current scenario ({@link #scenario}), a shell fragment that prints stream-json lines ({@link #out}), sleeps,
 * waits for files the test creates ({@link #awaitFile}), exits with a status...
 *
 * <p>Recorded files of run {@code n} (from 1): {@code argv.n}, {@code env.n}, {@code cwd.n}, {@code stdin.n},
 * {@code pid.n}; a scenario may write more (e.g. the pid of a background child to {@code child.n}).
 */
public final class FakeClaude {
    public static final String SESSION = "5c0e3a52-7d6f-4a53-a0c1-1f2e3d4c5b6a";

    private final Path dir;
    private final Path program;

    private FakeClaude(Path dir) {
        this.dir = dir;
        this.program = dir.resolve("claude");
    }

    /** Writes the program into {@code dir} (created when missing) with a scenario that answers "ok". */
    public static FakeClaude create(Path dir) throws IOException {
        Files.createDirectories(dir);
        FakeClaude f = new FakeClaude(dir);
        String script = """
                #!/bin/sh
                d='%s'
                n=$(( $(cat "$d/count" 2>/dev/null || echo 0) + 1 ))
                echo "$n" > "$d/count"
                echo $$ > "$d/pid.$n"
                : > "$d/argv.$n"
                for a in "$@"; do printf '%%s\\0' "$a" >> "$d/argv.$n"; done
                env > "$d/env.$n"
                pwd > "$d/cwd.$n"
                cat > "$d/stdin.$n"
                . "$d/scenario.sh"
                """.formatted(dir.toAbsolutePath());
        Files.writeString(f.program, script);
        Files.setPosixFilePermissions(f.program, PosixFilePermissions.fromString("rwx------"));
        f.scenario(ok("ok", 3, 2));
        return f;
    }

    /** The program's absolute path, for {@code agents.defaults.cliBackends["claude-cli"].command}. */
    public Path program() {
        return program;
    }

    public Path dir() {
        return dir;
    }

    /** Replaces what the following runs do ({@code $n} is the run number, {@code $d} the directory). */
    public FakeClaude scenario(String shell) throws IOException {
        Files.writeString(dir.resolve("scenario.sh"), shell);
        return this;
    }

    /** How many times the program ran. */
    public int runs() throws IOException {
        Path count = dir.resolve("count");
        return Files.exists(count) ? Integer.parseInt(Files.readString(count).strip()) : 0;
    }

    public List<String> argv(int run) throws IOException {
        String raw = Files.readString(dir.resolve("argv." + run), StandardCharsets.UTF_8);
        if (raw.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(raw.substring(0, raw.length() - 1).split("\0", -1));
    }

    /** The environment of run {@code run} (variables whose values span lines are cut at the first line). */
    public Map<String, String> env(int run) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("env." + run))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.putIfAbsent(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return out;
    }

    public String cwd(int run) throws IOException {
        return Files.readString(dir.resolve("cwd." + run)).strip();
    }

    public String stdin(int run) throws IOException {
        return Files.readString(dir.resolve("stdin." + run));
    }

    public long pid(int run) throws IOException {
        return Long.parseLong(Files.readString(dir.resolve("pid." + run)).strip());
    }

    /** A number a scenario wrote to {@code <name>.<run>} (e.g. a background child's pid). */
    public long recorded(String name, int run) throws IOException {
        return Long.parseLong(Files.readString(dir.resolve(name + "." + run)).strip());
    }

    /** Waits (bounded) until run {@code run} has recorded its pid, i.e. it started. */
    public long awaitPid(int run) throws Exception {
        return awaitRecorded("pid", run);
    }

    /** Waits (bounded) until the scenario wrote {@code <name>.<run>}. */
    public long awaitRecorded(String name, int run) throws Exception {
        Path p = dir.resolve(name + "." + run);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.exists(p) && !Files.readString(p).isBlank()) {
                return Long.parseLong(Files.readString(p).strip());
            }
            Thread.sleep(10);
        }
        throw new AssertionError(p + " was never written");
    }

    /** Creates {@code name} in the directory: releases a scenario waiting for it ({@link #awaitFile}). */
    public void release(String name) throws IOException {
        Files.writeString(dir.resolve(name), "go");
    }

    /** Whether process {@code pid} is still alive. */
    public static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Waits (bounded) until process {@code pid} is gone; true when it went. */
    public static boolean awaitGone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (alive(pid) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return !alive(pid);
    }

    // ------------------------------------------------------------------ scenario fragments

    /** Prints {@code json} as one line. */
    public static String out(String json) {
        return "printf '%s\\n' " + quote(json) + "\n";
    }

    public static String out(ObjectNode json) {
        return out(Json.compact(json));
    }

    /** Prints {@code text} to stderr. */
    public static String err(String text) {
        return "printf '%s\\n' " + quote(text) + " >&2\n";
    }

    /** Waits (at most 20 s) for the test to {@link #release} {@code name}. */
    public static String awaitFile(String name) {
        return "i=0; while [ ! -e \"$d/" + name + "\" ] && [ $i -lt 2000 ]; do sleep 0.01; i=$((i+1)); done\n";
    }

    /** A {@code system/init} event. */
    public static ObjectNode init(String sessionId) {
        ObjectNode o = Json.object().put("type", "system").put("subtype", "init").put("session_id", sessionId)
                .put("model", "claude-sonnet-4-6").put("cwd", "/somewhere");
        o.putArray("tools").add("Bash");
        return o;
    }

    /** An {@code assistant} event with one text block. */
    public static ObjectNode assistant(String messageId, String text) {
        ObjectNode o = Json.object().put("type", "assistant").put("session_id", SESSION);
        ObjectNode m = o.putObject("message").put("id", messageId).put("type", "message").put("role", "assistant")
                .put("model", "claude-sonnet-4-6");
        m.putArray("content").addObject().put("type", "text").put("text", text);
        m.putNull("stop_reason");
        m.putObject("usage").put("input_tokens", 1).put("output_tokens", 1);
        return o;
    }

    /** A successful {@code result} event. */
    public static ObjectNode result(String text, long inputTokens, long outputTokens) {
        ObjectNode o = Json.object().put("type", "result").put("subtype", "success").put("is_error", false)
                .put("duration_ms", 12).put("num_turns", 1).put("result", text).put("session_id", SESSION)
                .put("total_cost_usd", 0.001);
        o.putObject("usage").put("input_tokens", inputTokens).put("output_tokens", outputTokens)
                .put("cache_creation_input_tokens", 0).put("cache_read_input_tokens", 4);
        return o;
    }

    /** A {@code result} event with {@code is_error: true}. */
    public static ObjectNode errorResult(String text) {
        return Json.object().put("type", "result").put("subtype", "success").put("is_error", true)
                .put("result", text).put("session_id", SESSION);
    }

    /** init, one assistant message with {@code text}, result. */
    public static String ok(String text, long inputTokens, long outputTokens) {
        return out(init(SESSION)) + out(assistant("msg_1", text)) + out(result(text, inputTokens, outputTokens));
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** The pids a scenario recorded for run {@code run} under {@code names}, when present. */
    public List<Long> recordedPids(int run, String... names) throws IOException {
        List<Long> out = new ArrayList<>();
        for (String name : names) {
            Path p = dir.resolve(name + "." + run);
            Optional.of(p).filter(Files::exists).ifPresent(x -> {
                try {
                    out.add(Long.parseLong(Files.readString(x).strip()));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        return out;
    }
}
