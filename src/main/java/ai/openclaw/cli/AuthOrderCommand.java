package ai.openclaw.cli;

import ai.openclaw.app.Agents;
import ai.openclaw.app.AppContext;
import ai.openclaw.auth.AuthOrder;
import ai.openclaw.auth.RefCheck;
import ai.openclaw.auth.ResolvedOrder;
import ai.openclaw.core.ProviderIds;
import ai.openclaw.credential.Credential;
import ai.openclaw.json.Json;
import ai.openclaw.store.AuthStore;
import ai.openclaw.store.AuthStoreRepository;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

/** {@code models auth order get|set|clear}: the agent's per-provider order override in {@code auth-state.json}. */
@Command(name = "order", mixinStandardHelpOptions = true,
        description = "Show or override the order in which a provider's profiles are tried (per agent).",
        subcommands = {AuthOrderCommand.Get.class, AuthOrderCommand.Set.class, AuthOrderCommand.Clear.class})
public final class AuthOrderCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The first two lines of every subcommand's report. */
    static void header(AppContext ctx, Agents.Agent agent, String provider) {
        ctx.out().println("Agent: " + agent.id());
        ctx.out().println("Provider: " + provider);
    }

    /** Options shared by the three subcommands. */
    static final class Target {
        @Option(names = "--provider", required = true, paramLabel = "<id>", description = "Provider id.")
        String provider;

        String provider() {
            String p = ProviderIds.normalize(provider);
            if (p.isEmpty()) {
                throw new UserError("Missing --provider.");
            }
            return p;
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true,
            description = "Show the override and the effective order, with where it comes from.",
            footer = {"", "Example: openclaw models auth order get --provider anthropic"})
    static final class Get implements Callable<Integer> {
        private final AppContext ctx;

        @Mixin
        AgentOption agent;

        @Mixin
        Target target;

        @Option(names = "--json", description = "Machine-readable output.")
        boolean json;

        Get(AppContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            String p = target.provider();
            Agents.Agent a = ctx.agents().resolve(agent.value());
            AuthStore store = ctx.agents().store(a).loadReadOnly().store();
            List<String> override = store.state().order().get(p);
            ResolvedOrder effective = AuthOrder.resolve(p, store, ctx.config().auth(), ctx.now(), null, null,
                    RefCheck.ASSUME_RESOLVABLE);
            if (json) {
                ObjectNode o = Json.object();
                o.put("agentId", a.id());
                o.put("agentDir", a.agentDir().toString());
                o.put("provider", p);
                if (override == null) {
                    o.putNull("order");
                } else {
                    override.forEach(o.putArray("order")::add);
                }
                o.put("source", effective.source().name().toLowerCase(java.util.Locale.ROOT));
                var eff = o.putArray("effective");
                effective.ordered().forEach(eff::add);
                ctx.out().print(Json.pretty(o));
                return 0;
            }
            header(ctx, a, p);
            ctx.out().println("Order override: " + (override == null ? "(none)" : String.join(", ", override)));
            ctx.out().println("Effective order (" + effective.source().label() + "): "
                    + (effective.ordered().isEmpty() ? "(no usable profiles)" : String.join(", ", effective.ordered())));
            effective.excluded().forEach((id, e) -> ctx.out().println("  excluded " + id + ": " + e.code().wireName()));
            return 0;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Lock rotation for this agent to the given profiles, in this order.",
            footer = {"", "Example: openclaw models auth order set --provider anthropic anthropic:work anthropic:manual"})
    static final class Set implements Callable<Integer> {
        private final AppContext ctx;

        @Mixin
        AgentOption agent;

        @Mixin
        Target target;

        @Parameters(paramLabel = "<profileId>", arity = "0..*", description = "Profile ids, first tried first.")
        List<String> ids = new ArrayList<>();

        Set(AppContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            String p = target.provider();
            List<String> wanted = List.copyOf(new LinkedHashSet<>(ids.stream().map(String::strip)
                    .filter(s -> !s.isEmpty()).toList()));
            if (wanted.isEmpty()) {
                throw new UserError("Missing profile ids. Provide one or more profile ids.");
            }
            Agents.Agent a = ctx.agents().resolve(agent.value());
            AuthStoreRepository repo = ctx.agents().store(a);
            repo.update(store -> {
                for (String id : wanted) {
                    Credential c = store.profile(id);
                    if (c == null) {
                        throw new UserError("Auth profile \"" + id + "\" not found in " + a.agentDir() + ".");
                    }
                    if (!ProviderIds.normalize(c.provider()).equals(p)) {
                        throw new UserError("Auth profile \"" + id + "\" is for " + c.provider() + ", not " + p + ".");
                    }
                }
                return store.withStateChange(s -> s.withOrder(p, wanted));
            });
            header(ctx, a, p);
            ctx.out().println("Order override: " + String.join(", ", wanted));
            return 0;
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true,
            description = "Remove the agent's override (back to config auth.order, or round-robin).",
            footer = {"", "Example: openclaw models auth order clear --provider anthropic"})
    static final class Clear implements Callable<Integer> {
        private final AppContext ctx;

        @Mixin
        AgentOption agent;

        @Mixin
        Target target;

        Clear(AppContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            String p = target.provider();
            Agents.Agent a = ctx.agents().resolve(agent.value());
            ctx.agents().store(a).update(store -> store.withStateChange(s -> s.withOrder(p, null)));
            header(ctx, a, p);
            ctx.out().println("Cleared per-agent order override.");
            return 0;
        }
    }
}
