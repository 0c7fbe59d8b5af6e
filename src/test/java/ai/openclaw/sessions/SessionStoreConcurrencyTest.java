package ai.openclaw.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.fs.FileLockManager;
import ai.openclaw.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class SessionStoreConcurrencyTest {
    private static final int PER_WRITER = 25;

    @TempDir
    Path stateDir;

    @Test
    void twoThreadsAndTwoProcesses_updatingDifferentSessions_loseNothing() throws Exception {
        Clock clock = Clock.systemUTC();
        SessionStore store = new SessionStores(stateDir, new FileLockManager(clock, ProcessHandle.current().pid()),
                clock).forAgent("main");
        List<Process> children = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (String prefix : List.of("proc-a-", "proc-b-")) {
                Path output = stateDir.resolve(prefix + "out.txt");
                outputs.add(output);
                children.add(childJvm(SessionUpdaterMain.class, stateDir.toString(), prefix,
                        Integer.toString(PER_WRITER)).redirectOutput(output.toFile()).start());
            }
            List<Future<?>> threads = new ArrayList<>();
            for (String prefix : List.of("thread-a-", "thread-b-")) {
                threads.add(pool.submit(() -> SessionUpdaterMain.updateAll(store, prefix, PER_WRITER)));
            }
            for (Future<?> thread : threads) {
                thread.get(120, TimeUnit.SECONDS);
            }
            for (int i = 0; i < children.size(); i++) {
                Process child = children.get(i);
                assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child %d finished", i).isTrue();
                assertThat(child.exitValue()).as("child %d exit code; output:%n%s", i,
                        Files.readString(outputs.get(i))).isZero();
            }
        } finally {
            children.forEach(Process::destroyForcibly);
        }

        JsonNode sessions = Json.read(store.path()).orElseThrow();
        assertThat(sessions.size()).isEqualTo(4 * PER_WRITER);
        for (String prefix : List.of("proc-a-", "proc-b-", "thread-a-", "thread-b-")) {
            for (int i = 0; i < PER_WRITER; i++) {
                assertThat(sessions.get(prefix + i).get("modelOverride").asString()).isEqualTo(prefix + i);
            }
        }
        assertThat(store.path().resolveSibling("sessions.json.lock")).doesNotExist();
        try (var files = Files.list(store.path().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("sessions.json");
        }
    }

    /** A fresh JVM (a separate OS process) running {@code mainClass} from the test classpath. */
    private static ProcessBuilder childJvm(Class<?> mainClass, String... args) {
        String java = ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m", mainClass.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }
}
