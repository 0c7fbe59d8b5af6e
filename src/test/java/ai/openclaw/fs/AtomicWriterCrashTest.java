package ai.openclaw.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import ai.openclaw.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriterCrashTest {
    private static final int SIZE = 2 * 1024 * 1024;
    private static final int KILLS = 5;

    @TempDir
    Path dir;

    @Test
    void write_killedWithSigkillAtRandomMomentsLeavesOneCompleteVersion() throws Exception {
        Path file = dir.resolve("auth-profiles.json");
        byte[] a = AtomicRewriteLoop.version('A', SIZE);
        byte[] b = AtomicRewriteLoop.version('B', SIZE);

        for (int kill = 0; kill < KILLS; kill++) {
            Process child = ChildJvm.builder(AtomicRewriteLoop.class, file.toString(), Integer.toString(SIZE)).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                String firstLine = out.readLine();
                assertThat(firstLine).as("child output before first write completed").isEqualTo("ready");
                Thread.sleep(ThreadLocalRandom.current().nextLong(20, 300));
            } finally {
                child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks in the child
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }

            byte[] onDisk = Files.readAllBytes(file);
            assertThat(Arrays.equals(onDisk, a) || Arrays.equals(onDisk, b))
                    .as("after kill %d the file is exactly version A or B (%d bytes on disk)", kill, onDisk.length)
                    .isTrue();
            String version = Json.parse(file, new String(onDisk, StandardCharsets.UTF_8)).get("version").asString();
            assertThat(version).isIn("A", "B");
        }
        // A kill during a write may leave that write's temp file, but never anything else.
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .allMatch(name -> name.equals("auth-profiles.json")
                            || name.matches("auth-profiles\\.json\\.[0-9a-f-]{36}\\.tmp"));
        }
    }
}
