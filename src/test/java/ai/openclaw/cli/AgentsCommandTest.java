package ai.openclaw.cli;

import static ai.openclaw.cli.ModelsStatusCommandTest.strings;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.cli.CliHarness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code agents add} and {@code agents list}; each agent has its own store. */
class AgentsCommandTest {
    static final String MAIN_KEY = "sk-or-v1-mainmainmainmain-0123456789";
    static final String WORK_KEY = "sk-or-v1-workworkworkwork-0123456789";

    @TempDir
    Path dir;
    CliHarness h;

    @BeforeEach
    void setUp() {
        h = new CliHarness(dir);
    }

    @Test
    void addCreatesConfigEntryAgentDirAndWorkspace() {
        h.writeConfig("{ gateway: { port: 1 }, agents: { defaults: { model: 'openai/gpt-5' } } }");

        Result r = h.run("agents", "add", "Work", "--non-interactive");

        assertThat(r.exit()).as(r.toString()).isZero();
        Path workspace = h.stateDir().resolve("workspace-work");
        assertThat(r.out()).contains("Agent: work\n").contains("Workspace: " + workspace + "\n")
                .contains("Agent dir: " + h.agentDir("work") + "\n")
                .contains("openclaw models auth paste-api-key --agent work --provider <id>");
        assertThat(Files.isDirectory(h.agentDir("work"))).isTrue();
        assertThat(CliHarness.mode(h.agentDir("work"))).isEqualTo("rwx------");
        assertThat(CliHarness.list(h.agentDir("work"))).as("the store starts empty").isEmpty();
        assertThat(Files.isDirectory(workspace)).isTrue();

        JsonNode cfg = CliHarness.json(h.configPath());
        JsonNode list = cfg.get("agents").get("list");
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.get(0).get("id").asString()).isEqualTo("main");
        assertThat(list.get(0).get("default").asBoolean()).as("adding an agent keeps the default").isTrue();
        assertThat(list.get(1).get("id").asString()).isEqualTo("work");
        assertThat(list.get(1).get("workspace").asString()).isEqualTo(workspace.toString());
        assertThat(cfg.get("gateway").get("port").asInt()).isEqualTo(1);
        assertThat(cfg.get("agents").get("defaults").get("model").asString()).isEqualTo("openai/gpt-5");
        assertThat(Files.exists(h.stateDir().resolve("openclaw.json.bak"))).isTrue();
    }

    @Test
    void addJsonWithWorkspaceAndName() {
        Path ws = h.root().resolve("ws");
        Result r = h.run("agents", "add", "research", "--workspace", ws.toString(), "--name", "Research", "--json");

        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("agentId").asString()).isEqualTo("research");
        assertThat(j.get("name").asString()).isEqualTo("Research");
        assertThat(j.get("workspace").asString()).isEqualTo(ws.toString());
        assertThat(j.get("agentDir").asString()).isEqualTo(h.agentDir("research").toString());
        assertThat(j.get("copiedAuthProfiles").asBoolean()).isFalse();
        assertThat(j.get("bindings").get("added").isArray()).isTrue();
        assertThat(Files.isDirectory(ws)).isTrue();
    }

    @Test
    void workspaceWithTildeExpandsToHome() {
        Result r = h.run("agents", "add", "tilde", "--workspace", "~/projects/tilde", "--json");
        assertThat(r.json().get("workspace").asString()).isEqualTo(h.home().resolve("projects/tilde").toString());
    }

    @Test
    void invalidIdsAreRefusedAndNothingIsWritten() {
        var before = h.snapshot();
        for (String bad : new String[] {"../x", "A/B", "a/b", "..", "", " ", "_x", "x".repeat(65), "a b", "a\\b"}) {
            Result r = h.run("agents", "add", "--non-interactive", "--", bad);
            assertThat(r.exit()).as("id %s: %s", bad, r).isEqualTo(1);
            assertThat(r.err()).contains("invalid agent id");
        }
        assertThat(h.snapshot()).isEqualTo(before);
        assertThat(Files.exists(h.root().resolve("x"))).isFalse();
        assertThat(Files.exists(h.stateDir().resolve("x"))).isFalse();
    }

    @Test
    void duplicateIdIsRefused() {
        assertThat(h.run("agents", "add", "work", "--non-interactive").exit()).isZero();
        var before = h.snapshot();
        Result again = h.run("agents", "add", "WORK", "--non-interactive");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("Agent \"work\" already exists");
        Result main = h.run("agents", "add", "main", "--non-interactive");
        assertThat(main.exit()).isEqualTo(1);
        assertThat(main.err()).contains("Agent \"main\" already exists");
        assertThat(h.snapshot()).isEqualTo(before);
    }

    @Test
    void listShowsAgentsWithTheirStores() {
        h.runWithStdin(MAIN_KEY, "models", "auth", "paste-api-key", "--provider", "openrouter");
        h.run("agents", "add", "work", "--non-interactive");
        // an agent that only exists as a directory is listed too
        h.writeStore("orphan", "{\"version\":1,\"profiles\":{}}");

        Result text = h.run("agents", "list");
        assertThat(text.exit()).as(text.toString()).isZero();
        assertThat(text.out()).contains("- main (default): 1 profile, ~/.openclaw/agents/main/agent\n")
                .contains("- work: 0 profiles, ~/.openclaw/agents/work/agent\n")
                .contains("- orphan: 0 profiles");

        JsonNode j = h.run("agents", "list", "--json").json();
        assertThat(j.isArray()).isTrue();
        JsonNode main = ModelsStatusCommandTest.byKey(j, "id", "main");
        assertThat(main.get("default").asBoolean()).isTrue();
        assertThat(main.get("configured").asBoolean()).isTrue();
        assertThat(main.get("profiles").asInt()).isEqualTo(1);
        assertThat(main.get("agentDir").asString()).isEqualTo(h.agentDir("main").toString());
        JsonNode work = ModelsStatusCommandTest.byKey(j, "id", "work");
        assertThat(work.get("default").asBoolean()).isFalse();
        assertThat(work.get("profiles").asInt()).isZero();
        assertThat(ModelsStatusCommandTest.byKey(j, "id", "orphan").get("configured").asBoolean()).isFalse();
    }

    @Test
    void listOnAFreshStateDirShowsTheDefaultAgentAndWritesNothing() {
        Result r = h.run("agents", "list", "--json");
        assertThat(r.exit()).isZero();
        assertThat(r.json().size()).isEqualTo(1);
        assertThat(r.json().get(0).get("id").asString()).isEqualTo("main");
        assertThat(CliHarness.list(h.stateDir())).isEmpty();
    }

    @Test
    void eachAgentHasItsOwnStore() {
        h.runWithStdin(MAIN_KEY, "models", "auth", "paste-api-key", "--provider", "openrouter");
        h.run("agents", "add", "work", "--non-interactive");
        byte[] mainStore = readBytes(h.store("main"));

        Result paste = h.runWithStdin(WORK_KEY, "models", "auth", "paste-api-key", "--agent", "work",
                "--provider", "openrouter", "--profile-id", "team");

        assertThat(paste.exit()).as(paste.toString()).isZero();
        assertThat(paste.out()).contains("Stored in ~/.openclaw/agents/work/agent/auth-profiles.json");
        assertThat(readBytes(h.store("main"))).isEqualTo(mainStore);
        JsonNode work = CliHarness.json(h.store("work")).get("profiles");
        assertThat(work.size()).isEqualTo(1);
        assertThat(work.get("openrouter:team").get("key").asString()).isEqualTo(WORK_KEY);
        assertThat(CliHarness.json(h.store("main")).get("profiles").has("openrouter:team")).isFalse();

        JsonNode workStatus = h.run("models", "status", "--agent", "work", "--json").json();
        assertThat(strings(ModelsStatusCommandTest.provider(workStatus.get("auth"), "openrouter")
                .get("profiles").get("labels"))).containsExactly("openrouter:team=sk-or-v1...23456789");
        JsonNode mainStatus = h.run("models", "status", "--json").json();
        assertThat(strings(ModelsStatusCommandTest.provider(mainStatus.get("auth"), "openrouter")
                .get("profiles").get("labels"))).containsExactly("openrouter:manual=sk-or-v1...23456789");

        // paste-token --agent too
        h.runWithStdin("tok-work-0123456789abcdef", "models", "auth", "paste-token", "--agent", "work",
                "--provider", "anthropic");
        assertThat(CliHarness.json(h.store("work")).get("profiles").has("anthropic:manual")).isTrue();
        assertThat(CliHarness.json(h.store("main")).get("profiles").has("anthropic:manual")).isFalse();
    }

    @Test
    void pasteForAnUnknownAgentIsRefused() {
        var before = h.snapshot();
        Result r = h.runWithStdin(WORK_KEY, "models", "auth", "paste-api-key", "--agent", "ghost",
                "--provider", "openrouter");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("Unknown agent \"ghost\"");
        assertThat(h.snapshot()).isEqualTo(before);
    }

    @Test
    void interactiveAddOffersToCopyTheDefaultAgentsProfiles() {
        h.runWithStdin(MAIN_KEY, "models", "auth", "paste-api-key", "--provider", "openrouter");

        Result r = h.run(ScriptedTerminal.typing("y"), "agents", "add", "copy");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(h.lastTerminal().prompts()).containsExactly("Copy auth profiles from \"main\"? [y/N] ");
        assertThat(r.out()).contains("Copied auth profiles from the default agent.");
        assertThat(readBytes(h.store("copy"))).isEqualTo(readBytes(h.store("main")));
        assertThat(CliHarness.mode(h.store("copy"))).isEqualTo("rw-------");

        Result no = h.run(ScriptedTerminal.typing(""), "agents", "add", "nocopy");
        assertThat(no.exit()).isZero();
        assertThat(Files.exists(h.store("nocopy"))).isFalse();
    }

    @Test
    void theConfiguredDefaultAgentIsUsedWithoutAgentAndStaysDefault() {
        h.writeConfig("{ agents: { list: [ { id: 'alpha', default: true } ] } }");
        Result add = h.run("agents", "add", "beta", "--non-interactive");
        assertThat(add.exit()).as(add.toString()).isZero();
        JsonNode list = CliHarness.json(h.configPath()).get("agents").get("list");
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.get(0).get("id").asString()).isEqualTo("alpha");
        assertThat(list.get(0).get("default").asBoolean()).isTrue();

        h.runWithStdin(MAIN_KEY, "models", "auth", "paste-api-key", "--provider", "openrouter");
        assertThat(Files.exists(h.store("alpha"))).isTrue();
        assertThat(Files.exists(h.store("main"))).isFalse();
        assertThat(h.run("models", "status", "--json").json().get("agentId").asString()).isEqualTo("alpha");
        assertThat(h.run("agents", "list").out()).contains("- alpha (default): 1 profile").contains("- beta: 0 profiles")
                .doesNotContain("- main");
    }

    private static byte[] readBytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
