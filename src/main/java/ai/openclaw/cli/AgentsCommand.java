package ai.openclaw.cli;

import ai.openclaw.app.AgentService;
import ai.openclaw.app.Agents;
import ai.openclaw.app.AppContext;
import ai.openclaw.json.Json;
import ai.openclaw.json.MalformedFileException;
import ai.openclaw.store.AuthStoreRepository;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "agents", mixinStandardHelpOptions = true,
        description = "Manage agents; each agent has its own credential store.",
        subcommands = {AgentsCommand.Add.class, AgentsCommand.ListAgents.class})
public final class AgentsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Create an agent with its own agent directory and credential store.",
            footer = {"", "Example: openclaw agents add work --workspace ~/work --non-interactive"})
    static final class Add implements Callable<Integer> {
        private final AppContext ctx;

        @Parameters(paramLabel = "<id>", description = "Agent id: lower-case letters, digits, '-' and '_'.")
        String id;

        @Option(names = "--name", paramLabel = "<name>", description = "Display name.")
        String name;

        @Option(names = "--workspace", paramLabel = "<dir>", description = "Workspace directory "
                + "(default: <stateDir>/workspace-<id>).")
        String workspace;

        @Option(names = "--non-interactive", description = "Never prompt (the store starts empty).")
        boolean nonInteractive;

        @Option(names = "--json", description = "Machine-readable output.")
        boolean json;

        Add(AppContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Agents.Agent copyFrom = null;
            boolean prompt = !nonInteractive && !json && ctx.terminal().interactive();
            if (prompt) {
                Agents.Agent def = ctx.agents().resolve(null);
                if (Files.exists(def.agentDir().resolve(AuthStoreRepository.PROFILES_FILE))
                        && ctx.terminal().confirm("Copy auth profiles from \"" + def.id() + "\"?", false)) {
                    copyFrom = def;
                }
            }
            AgentService.Created c = new AgentService(ctx).add(id, name, workspace, copyFrom);
            if (json) {
                ObjectNode o = Json.object();
                o.put("agentId", c.id());
                o.put("name", c.name() == null ? c.id() : c.name());
                o.put("workspace", c.workspace().toString());
                o.put("agentDir", c.agentDir().toString());
                o.put("copiedAuthProfiles", c.copiedAuth());
                ObjectNode bindings = o.putObject("bindings");
                bindings.putArray("added");
                bindings.putArray("skipped");
                bindings.putArray("conflicts");
                ctx.out().print(Json.pretty(o));
            } else {
                ctx.out().println("Agent: " + c.id());
                ctx.out().println("Workspace: " + c.workspace());
                ctx.out().println("Agent dir: " + c.agentDir());
                if (c.copiedAuth()) {
                    ctx.out().println("Copied auth profiles from the default agent.");
                }
                ctx.out().println("Add credentials with `openclaw models auth paste-api-key --agent " + c.id()
                        + " --provider <id>`.");
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List agents and their stores.",
            footer = {"", "Example: openclaw agents list --json"})
    static final class ListAgents implements Callable<Integer> {
        private final AppContext ctx;

        @Option(names = "--json", description = "Machine-readable output.")
        boolean json;

        ListAgents(AppContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            var agents = ctx.agents().list();
            if (json) {
                ArrayNode a = Json.MAPPER.createArrayNode();
                for (Agents.Agent agent : agents) {
                    ObjectNode o = a.addObject();
                    o.put("id", agent.id());
                    o.put("name", agent.name());
                    o.put("default", agent.isDefault());
                    o.put("configured", agent.configured());
                    o.put("workspace", agent.workspace() == null ? null : agent.workspace().toString());
                    o.put("agentDir", agent.agentDir().toString());
                    try {
                        o.put("profiles", profileCount(agent));
                    } catch (MalformedFileException e) {
                        o.putNull("profiles");
                        o.put("error", e.getMessage());
                    }
                }
                ctx.out().print(Json.pretty(a));
                return 0;
            }
            for (Agents.Agent agent : agents) {
                String profiles;
                try {
                    int n = profileCount(agent);
                    profiles = n + " profile" + (n == 1 ? "" : "s");
                } catch (MalformedFileException e) {
                    profiles = "store unreadable (" + e.getMessage() + ")";
                }
                ctx.out().println("- " + agent.id() + (agent.isDefault() ? " (default)" : "")
                        + (agent.name() == null ? "" : " \"" + agent.name() + "\"")
                        + ": " + profiles + ", " + Reports.shorten(ctx, agent.agentDir()));
            }
            return 0;
        }

        private int profileCount(Agents.Agent agent) {
            return ctx.agents().store(agent).loadReadOnly().store().profiles().size();
        }
    }
}
