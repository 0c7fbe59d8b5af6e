package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.cli.CliHarness;
import ai.openclaw.cli.CliHarness.Result;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Several real OS processes updating one state dir at once lose no update (store, state file and config). */
@Timeout(180)
class ConcurrentCliProcessesTest {
    @TempDir
    Path dir;
    CliHarness h;

    @BeforeEach
    void setUp() {
        h = new CliHarness(dir);
    }

    static String secret(String id) {
        return "sk-conc-" + id.replace(':', '-') + "-0123456789abcdef";
    }

    /** Writes each process's standard input in one go, as close together as possible, then waits for all. */
    private static List<Result> releaseAndWait(List<Process> processes, List<String> inputs) throws IOException {
        for (int i = 0; i < processes.size(); i++) {
            try (OutputStream in = processes.get(i).getOutputStream()) {
                in.write(inputs.get(i).getBytes(StandardCharsets.UTF_8));
            }
        }
        List<Result> results = new ArrayList<>();
        for (Process p : processes) {
            results.add(CliHarness.finish(p, null, Duration.ofSeconds(120)));
        }
        return results;
    }

    private static Set<String> keys(JsonNode object) {
        Set<String> out = new LinkedHashSet<>();
        object.propertyNames().forEach(out::add);
        return out;
    }

    @Test
    void sixProcessesPastingAtOnceLoseNoProfile() throws IOException {
        // an existing config order for "team" must end up listing every new team profile too
        h.writeConfig("{ gateway: { port: 18789 }, auth: { profiles: { 'team:base': { provider: 'team', mode: 'api_key' } },"
                + " order: { team: ['team:base'] } } }");
        List<Process> processes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            if (i < 3) {
                processes.add(h.startProcess(Map.of(), "models", "auth", "paste-api-key", "--provider", "p" + i));
                ids.add("p" + i + ":manual");
            } else {
                processes.add(h.startProcess(Map.of(), "models", "auth", "paste-api-key", "--provider", "team",
                        "--profile-id", "m" + i));
                ids.add("team:m" + i);
            }
        }
        int waiting = 0;
        for (Process p : processes) {
            waiting += CliHarness.awaitReadingStdin(p, Duration.ofSeconds(60)) ? 1 : 0;
        }
        System.out.println(waiting + " of 6 processes were waiting on standard input when released");
        List<Result> results = releaseAndWait(processes, ids.stream().map(id -> secret(id) + "\n").toList());

        for (int i = 0; i < 6; i++) {
            assertThat(results.get(i).exit()).as("process %d (%d were released together): %s", i, waiting,
                    results.get(i)).isZero();
        }
        JsonNode profiles = CliHarness.json(h.store("main")).get("profiles");
        assertThat(keys(profiles)).containsExactlyInAnyOrderElementsOf(ids);
        for (String id : ids) {
            assertThat(profiles.get(id).get("key").asString()).isEqualTo(secret(id));
        }
        JsonNode config = CliHarness.json(h.configPath());
        Set<String> configured = keys(config.get("auth").get("profiles"));
        assertThat(configured).containsAll(ids).contains("team:base").hasSize(7);
        List<String> order = new ArrayList<>();
        config.get("auth").get("order").get("team").forEach(n -> order.add(n.asString()));
        assertThat(order).containsExactlyInAnyOrder("team:m3", "team:m4", "team:m5", "team:base");
        assertThat(order.getLast()).isEqualTo("team:base");
        assertThat(config.get("gateway").get("port").asInt()).isEqualTo(18789);
        // nothing left behind: no lock, no temp file
        assertThat(CliHarness.list(h.agentDir("main"))).containsExactly("auth-profiles.json");
        assertThat(CliHarness.list(h.stateDir())).containsExactlyInAnyOrder("agents", "openclaw.json", "openclaw.json.bak");
        assertThat(CliHarness.mode(h.store("main"))).isEqualTo("rw-------");
    }

    @Test
    void fourProcessesInterleavingOrderSetAndPasteRepeatedly() throws IOException {
        int rounds = 6;
        h.writeConfig("{ auth: { order: { shared: ['shared:base'] } } }");
        h.writeStore("main", "{\"version\":1,\"profiles\":{\"shared:base\":{\"type\":\"api_key\",\"provider\":\"shared\",\"key\":\""
                + secret("shared:base") + "\"}}}");
        List<Process> processes = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        Set<String> expected = new LinkedHashSet<>(List.of("shared:base"));
        for (int w = 0; w < 4; w++) {
            StringBuilder script = new StringBuilder();
            StringBuilder stdin = new StringBuilder();
            for (int r = 0; r < rounds; r++) {
                String name = "w" + w + "r" + r;
                String id = "shared:" + name;
                expected.add(id);
                boolean token = (w + r) % 2 == 0;
                script.append(String.join("\t", "models", "auth", token ? "paste-token" : "paste-api-key",
                        "--provider", "shared", "--profile-id", name)).append('\n');
                stdin.append(secret(id)).append('\n');
                script.append(String.join("\t", "models", "auth", "order", "set", "--provider", "shared", id,
                        "shared:base")).append('\n');
                if (r % 3 == 2) {
                    script.append(String.join("\t", "models", "auth", "order", "clear", "--provider", "shared"))
                            .append('\n');
                }
                script.append(String.join("\t", "models", "status", "--json")).append('\n');
            }
            Path file = h.writePrivate(dir.resolve("script-" + w + ".tsv"), script.toString());
            processes.add(h.startMain(CliLoopMain.class.getName(), Map.of(), file.toString()));
            inputs.add(stdin.toString());
        }
        int waiting = 0;
        for (Process p : processes) {
            waiting += CliHarness.awaitReadingStdin(p, Duration.ofSeconds(60)) ? 1 : 0;
        }
        System.out.println(waiting + " of 4 loop drivers were waiting on standard input when released");
        long start = System.nanoTime();

        List<Result> results = releaseAndWait(processes, inputs);
        System.out.println("loop drivers finished " + (System.nanoTime() - start) / 1_000_000 + " ms after release");

        for (Result r : results) {
            assertThat(r.exit()).as(r.toString()).isZero();
            assertThat(r.out()).doesNotContain("EXIT 1");
        }
        JsonNode profiles = CliHarness.json(h.store("main")).get("profiles");
        assertThat(keys(profiles)).containsExactlyInAnyOrderElementsOf(expected);
        for (String id : expected) {
            JsonNode p = profiles.get(id);
            assertThat(p.has("key") ? p.get("key").asString() : p.get("token").asString()).isEqualTo(secret(id));
        }
        JsonNode auth = CliHarness.json(h.configPath()).get("auth");
        assertThat(keys(auth.get("profiles"))).containsAll(expected.stream().filter(id -> !id.equals("shared:base")).toList());
        List<String> configOrder = new ArrayList<>();
        auth.get("order").get("shared").forEach(n -> configOrder.add(n.asString()));
        assertThat(configOrder).containsExactlyInAnyOrderElementsOf(expected);
        // the last order set or clear of some process won; whatever it is, it is well-formed
        if (java.nio.file.Files.exists(h.authState("main"))) {
            JsonNode order = CliHarness.json(h.authState("main")).get("order").get("shared");
            assertThat(order.size()).isEqualTo(2);
            assertThat(expected).contains(order.get(0).asString());
            assertThat(order.get(1).asString()).isEqualTo("shared:base");
        }
        assertThat(CliHarness.list(h.agentDir("main"))).allMatch(f -> f.equals("auth-profiles.json")
                || f.equals("auth-state.json"));
        assertThat(CliHarness.list(h.stateDir())).containsExactlyInAnyOrder("agents", "openclaw.json", "openclaw.json.bak");
    }

    @Test
    void aProcessKilledWhileWritingLeavesParseableFilesAndNoBlockingLock() throws Exception {
        h.writeConfig("{ auth: { order: { kill: ['kill:base'] } } }");
        StringBuilder script = new StringBuilder();
        StringBuilder stdin = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            script.append(String.join("\t", "models", "auth", "paste-api-key", "--provider", "kill", "--profile-id",
                    "n" + i)).append('\n');
            stdin.append(secret("kill:n" + i)).append('\n');
        }
        Path file = h.writePrivate(dir.resolve("kill.tsv"), script.toString());
        Process p = h.startMain(CliLoopMain.class.getName(), Map.of(), file.toString());
        CliHarness.awaitReadingStdin(p, Duration.ofSeconds(60));
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.toString().getBytes(StandardCharsets.UTF_8));
        }
        // let it write for a while, then kill it without warning (SIGKILL)
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && (!java.nio.file.Files.exists(h.store("main"))
                || CliHarness.json(h.store("main")).get("profiles").size() < 20)) {
            Thread.sleep(10);
        }
        p.destroyForcibly();
        p.waitFor();

        JsonNode store = CliHarness.json(h.store("main"));
        int stored = store.get("profiles").size();
        assertThat(stored).isBetween(20, 399);
        JsonNode config = CliHarness.json(h.configPath());
        assertThat(config.get("auth").get("profiles").size()).isBetween(stored - 1, stored + 1);
        System.out.println("killed after " + stored + " profiles; left behind: " + CliHarness.list(h.agentDir("main"))
                + " " + CliHarness.list(h.stateDir()));

        // the next command is not blocked by whatever lock the dead process held
        Result next = h.runWithStdin(secret("kill:after"), "models", "auth", "paste-api-key", "--provider", "kill",
                "--profile-id", "after");
        assertThat(next.exit()).as(next.toString()).isZero();
        JsonNode after = CliHarness.json(h.store("main")).get("profiles");
        assertThat(after.size()).isEqualTo(stored + 1);
        assertThat(CliHarness.json(h.configPath()).get("auth").get("profiles").has("kill:after")).isTrue();
    }
}
