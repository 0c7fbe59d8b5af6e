package ai.openclaw.probe;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.app.Agents;
import ai.openclaw.app.AppContext;
import ai.openclaw.cli.CliHarness;
import ai.openclaw.cli.ScriptedTerminal;
import ai.openclaw.env.ShellEnvRunner;
import ai.openclaw.status.ModelsStatusService;
import ai.openclaw.status.StatusReport;
import ai.openclaw.store.LoadedStore;
import ai.openclaw.testing.FakeUpstream;
import ai.openclaw.testing.OpenAiFixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ProbeService} and {@link Prober} below the command: time source and progress reports. */
class ProbeServiceTest {
    @TempDir
    Path dir;
    CliHarness h;
    FakeUpstream up;
    /** The injected monotonic time source; only the fake upstream moves it. */
    final AtomicLong nanos = new AtomicLong(7_000_000_000L);

    @BeforeEach
    void setUp() {
        h = new CliHarness(dir);
        up = FakeUpstream.start();
        h.writeConfig("{ agents: { defaults: { model: { primary: 'acme/acme-1' } } },"
                + " models: { providers: { acme: { baseUrl: '" + up.baseUrl() + "/v1' } } } }");
    }

    @AfterEach
    void tearDown() {
        up.close();
    }

    private void profiles(int n) {
        List<String> profiles = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            profiles.add("\"acme:k%d\":{\"type\":\"api_key\",\"provider\":\"acme\",\"key\":\"sk-acme-k%d-0123456789\"}"
                    .formatted(i, i));
        }
        h.writeStore("main", "{\"version\":1,\"profiles\":{" + String.join(",", profiles) + "}}");
    }

    private ProbeSummary probe(ProbeOptions options, Prober.Progress progress) {
        AppContext ctx = new AppContext(h.env(), h.home(), h.clock(), ProcessHandle.current().pid(),
                ShellEnvRunner.disabled(), ScriptedTerminal.stdin(""), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        Agents.Agent agent = ctx.agents().resolve(null);
        LoadedStore loaded = ctx.agents().store(agent).load();
        StatusReport report = new ModelsStatusService(ctx).report(agent, loaded);
        return new ProbeService(ctx, nanos::get).run(agent, report, loaded.store(), options, progress);
    }

    @Test
    void latencyAndDuration_areMeasuredOnTheInjectedTimeSource() {
        profiles(1);
        up.onPost("/v1/chat/completions", ex -> {
            nanos.addAndGet(1_234_000_000L);
            ex.json(200, OpenAiFixtures.chatCompletion("acme-1", "OK"));
        });

        ProbeSummary s = probe(ProbeOptions.defaults(), Prober.Progress.NONE);

        assertThat(s.results()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(ProbeStatus.OK);
            assertThat(r.latencyMs()).isEqualTo(1234L);
        });
        assertThat(s.durationMs()).isEqualTo(1234L);
        assertThat(s.startedAt()).isEqualTo(h.now());
        assertThat(s.finishedAt()).isEqualTo(h.now() + 1234L);
    }

    @Test
    void progress_isToldTheStartAndEveryFinishedTarget() {
        profiles(3);
        up.onPost("/v1/chat/completions", ex -> ex.json(200, OpenAiFixtures.chatCompletion("acme-1", "OK")));
        List<String> updates = Collections.synchronizedList(new ArrayList<>());

        ProbeSummary s = probe(ProbeOptions.defaults(), (done, total) -> updates.add(done + "/" + total));

        assertThat(s.totalTargets()).isEqualTo(3);
        assertThat(updates).containsExactly("0/3", "1/3", "2/3", "3/3");
    }
}
