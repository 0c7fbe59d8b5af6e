package ai.openclaw.routing;

import ai.openclaw.config.CooldownConfig;
import ai.openclaw.config.OpenClawConfig;
import ai.openclaw.core.ProviderIds;
import ai.openclaw.credential.Credential;
import ai.openclaw.env.LayeredEnv;
import ai.openclaw.models.ModelRef;
import ai.openclaw.models.ModelSelection;
import ai.openclaw.providers.ProviderEndpoint;
import ai.openclaw.store.AuthStore;
import ai.openclaw.store.FailureReason;
import ai.openclaw.store.UsageStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Decides which credential serves a model call, and in which order the alternatives are tried.
 *
 * <p>{@link #plan} resolves the request to models ({@link ModelRequestParser}, {@link ModelResolver}) and pins:
 * <ul>
 *   <li>A request {@code @profile} or a session {@code user} pin locks that profile; an {@code auto} pin is only
 *       tried first. A pin applies to every planned model of its profile's provider (the requested model and
 *       fallbacks of the same provider); models of other providers use their normal order.</li>
 *   <li>Fallbacks ({@code agents.defaults.model.fallbacks}) follow when the request runs the agent's default model
 *       (no model given, or the default named explicitly, with or without {@code @profile}); a model the caller
 *       chose that is not the default is strict: no fallback (§6.4 "explicit user selections are strict"). The
 *       locked profile then moves to the next fallback model instead of to another profile.</li>
 * </ul>
 *
 * <p>{@link #execute} walks the models; for each it builds the candidate list ({@link CandidateCollector}), makes an
 * OAuth profile's token usable right before its attempt ({@link OAuthTokens}: refreshed if needed, else skipped with
 * the refresh's reason), calls the attempt function per candidate, records outcomes ({@link FailureRecorder}) and decides between the next candidate
 * and the next model ({@link RotationPolicy}). A failure that is not failover-worthy (context overflow) ends the
 * request at once. When nothing served it throws {@link NoRouteException} ({@link NoRouteVerdict}).
 *
 * <p>Thread-safe; one instance per process. {@link #close()} writes pending state and stops the writer thread.
 */
public final class Router implements AutoCloseable {
    /** How long the state writer gathers changes before writing them. */
    public static final Duration DEFAULT_COALESCE = Duration.ofMillis(100);

    /** Waits before retrying after an overloaded answer ({@code auth.cooldowns.overloadedBackoffMs}). */
    @FunctionalInterface
    public interface Pause {
        void sleep(long millis) throws InterruptedException;
    }

    private final RoutingContext ctx;
    private final FailureRecorder recorder;
    private final OAuthTokens oauthTokens;
    private final Pause pause;
    private final KeyCooldowns keyCooldowns = new KeyCooldowns();
    private final CooldownProbes probes = new CooldownProbes();
    /**
     * The model selection of the config in force. Derived from the config alone, so it is kept until the host hands
     * out another config object (a reload replaces it), instead of being rebuilt on every request.
     */
    private volatile SelectionCache selection;
    /**
     * The environment keys of each provider for the environment in force (same reasoning: {@link EnvKeys#collect}
     * scans the whole environment, which only changes when the host replaces the {@link LayeredEnv}).
     */
    private volatile EnvKeyCache envKeys;

    /** How many distinct request model strings a config's cache keeps; callers choose them, so it is bounded. */
    private static final int MAX_CACHED_MODELS = 256;

    /**
     * @param resolved the outcome of parsing and resolving each request model string against {@code selection}
     *                 (pure functions of the two); only successes are kept, failures throw again every time
     */
    private record SelectionCache(OpenClawConfig config, ModelSelection selection,
                                  ConcurrentHashMap<String, Resolved> resolved) {}

    private record Resolved(ModelRef model, String profileId) {}

    private record EnvKeyCache(LayeredEnv env, ConcurrentHashMap<String, List<EnvKeys.EnvKey>> byProvider) {}

    /** @param warnings receives problems writing {@code auth-state.json} (never secrets) */
    public Router(RoutingContext ctx, Consumer<String> warnings) {
        this(ctx, DEFAULT_COALESCE, warnings, Thread::sleep);
    }

    public Router(RoutingContext ctx, Duration coalesce, Consumer<String> warnings, Pause pause) {
        this.ctx = ctx;
        this.recorder = new FailureRecorder(ctx.clock(), ctx::repository, coalesce, warnings);
        this.oauthTokens = new OAuthTokens(ctx);
        this.pause = pause;
    }

    /**
     * Resolves the request's model, profile and fallbacks.
     *
     * @throws ModelSelectionException unknown or disallowed model, unknown profile or one of another provider
     */
    public RoutePlan plan(RouteRequest request) {
        OpenClawConfig config = ctx.config();
        String agentId = request.agentId() == null || request.agentId().isBlank()
                ? ctx.defaultAgentId() : request.agentId();
        SelectionCache cache = selection(config);
        ModelSelection selection = cache.selection();
        SessionPin pin = request.pin();
        ModelRef model;
        String requestProfile = null;
        if (request.model() != null && !request.model().isBlank()) {
            Resolved resolved = resolve(cache, request.model());
            model = resolved.model();
            requestProfile = resolved.profileId();
        } else if (pin != null && pin.provider() != null && pin.model() != null) {
            model = new ModelRef(ProviderIds.normalize(pin.provider()), pin.model().strip());
        } else {
            model = selection.primary();
        }
        // planning reads profiles only, which this router's usage view never changes: the host's snapshot will do,
        // without laying the recent usage changes over it
        AuthStore store = ctx.store(agentId);
        // the pin applies to every model of the pinned profile's provider: the request's and its fallbacks'
        String pinned = null;
        boolean lock = false;
        if (requestProfile != null) {
            checkProfile(requestProfile, model, store);
            pinned = requestProfile;
            lock = true;
        } else if (pin != null && pin.profileId() != null && store.profile(pin.profileId()) != null) {
            pinned = pin.profileId();
            lock = pin.source() == SessionPin.Source.USER;
        }
        ProviderEndpoint endpoint = ctx.endpoint(model.provider()).orElseThrow(() -> new ModelSelectionException(
                400, "model_not_found", "Unknown provider \"" + model.provider() + "\" in model \"" + model.key()
                        + "\": configure it under models.providers. " + ModelResolver.HOW_TO_LIST));
        boolean strict = !model.equals(selection.primary());
        Set<ModelRef> chain = new LinkedHashSet<>();
        chain.add(model);
        if (!strict) {
            chain.addAll(selection.fallbacks());
        }
        List<PlannedModel> models = new ArrayList<>();
        for (ModelRef m : chain) {
            String forModel = pinned != null && belongsTo(pinned, m.provider(), store) ? pinned : null;
            models.add(new PlannedModel(m, m.equals(model) ? endpoint : ctx.endpoint(m.provider()).orElse(null),
                    lock ? forModel : null, lock ? null : forModel));
        }
        return new RoutePlan(agentId, models, strict, config, ctx.env());
    }

    /**
     * Tries the plan's candidates until one serves.
     *
     * @param attempt performs one upstream call; returns {@link AttemptResult.Served} or {@link AttemptResult.Failed}
     *                (an exception from it propagates unchanged and ends the request)
     * @throws NoRouteException when nothing served
     */
    public <T> RouteResult<T> execute(RoutePlan plan, Function<Attempt, AttemptResult<T>> attempt) {
        List<Outcome> outcomes = new ArrayList<>();
        CooldownConfig cooldowns = plan.config().auth().cooldowns();
        LayeredEnv env = plan.env();
        CandidateCollector collector = new CandidateCollector(plan.config(), env, ctx.secrets(),
                provider -> envKeys(env, provider), keyCooldowns, ctx.modelsJsonKeys(plan.agentId()));
        int number = 0;
        int maxAttempts = -1;
        Set<String> probedProviders = new java.util.HashSet<>();
        for (PlannedModel pm : plan.models()) {
            if (pm.endpoint() == null) {
                outcomes.add(new Outcome(new AttemptRecord(pm.model(), "provider " + pm.model().provider(),
                        "skipped", "unknown_provider", 0, 0), Outcome.Kind.LEFT_OUT, null, 0, null));
                continue;
            }
            long now = ctx.clock().millis();
            AuthStore store = store(plan.agentId());
            List<Candidate> candidates = collector.collect(pm, store, now);
            if (maxAttempts < 0) {
                maxAttempts = RunRetries.DEFAULT.maxAttempts(candidates.size());
            }
            Candidate.Usable probe = probe(plan, pm, collector, store, candidates, probedProviders, now);
            RotationPolicy rotation = new RotationPolicy(cooldowns);
            String leaveReason = null;
            for (Candidate c : candidates) {
                Candidate.Usable u;
                if (c instanceof Candidate.Skipped s) {
                    if (probe == null || !s.label().equals(probe.label())) {
                        outcomes.add(skipped(pm.model(), s));
                        continue;
                    }
                    u = probe;
                } else {
                    u = (Candidate.Usable) c;
                }
                if (leaveReason == null && number >= maxAttempts) {
                    leaveReason = RunRetries.RETRY_LIMIT;
                }
                if (leaveReason != null) {
                    outcomes.add(new Outcome(new AttemptRecord(pm.model(), u.label(), "skipped", leaveReason, 0, 0),
                            Outcome.Kind.LEFT_OUT, null, 0, null));
                    continue;
                }
                if (u.oauth() != null) {
                    Candidate ready = oauthTokens.prepare(plan.agentId(), u);
                    if (ready instanceof Candidate.Skipped s) {
                        outcomes.add(skipped(pm.model(), s));
                        continue;
                    }
                    u = (Candidate.Usable) ready;
                }
                Attempt a = new Attempt(++number, pm.model(), pm.endpoint(), u.credential());
                AttemptResult<T> result = attempt.apply(a);
                if (result instanceof AttemptResult.Served<T> served) {
                    if (u.profileId() != null) {
                        recorder.success(plan.agentId(), ctx.store(plan.agentId()), u.profileId(),
                                pm.model().provider());
                    } else if (u.credential().secret() != null) {
                        keyCooldowns.success(pm.model().provider(), u.credential());
                    }
                    outcomes.add(new Outcome(new AttemptRecord(pm.model(), u.label(), "ok", null, 0, 0),
                            Outcome.Kind.SERVED, null, 0, null));
                    return new RouteResult<>(served.value(), a, outcomes.stream().map(Outcome::record).toList());
                }
                UpstreamFailure failure = ((AttemptResult.Failed<T>) result).failure();
                Outcome failed = failed(plan, pm, u, failure, cooldowns);
                outcomes.add(failed);
                if (!FailureClassifier.isFailoverWorthy(failure)) {
                    throw NoRouteVerdict.contextOverflow(outcomes, failed);
                }
                leaveReason = rotation.leaveReason(u.profileId() != null, failed.reason());
                if (leaveReason == null && failed.reason() == FailureReason.OVERLOADED) {
                    backOff(cooldowns.overloadedBackoffMs());
                }
            }
        }
        throw NoRouteVerdict.of(outcomes, plan.models().stream().map(m -> m.model().key()).toList(),
                plan.models().stream().map(m -> m.model().provider()).toList());
    }

    /**
     * The cooling profile to try anyway when every credential of the model is cooling down ({@link CooldownProbes}),
     * at most one per provider per request; null when none.
     */
    private Candidate.Usable probe(RoutePlan plan, PlannedModel pm, CandidateCollector collector, AuthStore store,
                                   List<Candidate> candidates, Set<String> probedProviders, long now) {
        String provider = pm.model().provider();
        if (probedProviders.contains(provider) || ai.openclaw.auth.Cooldowns.exempt(provider)) {
            return null;
        }
        Set<String> profiles = new java.util.HashSet<>();
        for (Candidate c : candidates) {
            if (c instanceof Candidate.Skipped s && s.coolingDown() && store.profile(s.label()) != null) {
                profiles.add(s.label());
            }
        }
        if (profiles.isEmpty()) {
            return null;
        }
        String key = plan.agentId() + "\u0000" + pm.model().key();
        Optional<Candidate.Skipped> chosen = probes.choose(key, candidates, profiles, now);
        if (chosen.isEmpty()) {
            return null;
        }
        probedProviders.add(provider);
        return collector.probeProfile(chosen.get().label(), provider, store, now) instanceof Candidate.Usable u
                ? u : null;
    }

    /** The selection of {@code config}, computed once per config object (identity: a reload is a new object). */
    private SelectionCache selection(OpenClawConfig config) {
        SelectionCache c = selection;
        if (c == null || c.config() != config) {
            c = new SelectionCache(config, ModelSelection.resolve(config.agents().primaryModel(),
                    config.agents().fallbacks(), config.agents().modelAliases()), new ConcurrentHashMap<>());
            selection = c;
        }
        return c;
    }

    /** The request's model string parsed and resolved against the cache's selection. */
    private static Resolved resolve(SelectionCache cache, String requested) {
        Resolved hit = cache.resolved().get(requested);
        if (hit != null) {
            return hit;
        }
        ModelRequest parsed = ModelRequestParser.parse(requested);
        Resolved r = new Resolved(ModelResolver.resolve(parsed.model(), cache.selection()), parsed.profileId());
        if (cache.resolved().size() < MAX_CACHED_MODELS) {
            cache.resolved().putIfAbsent(requested, r);
        }
        return r;
    }

    /** {@link EnvKeys#collect} of {@code provider}, computed once per environment object (identity, as above). */
    private List<EnvKeys.EnvKey> envKeys(LayeredEnv env, String provider) {
        EnvKeyCache c = envKeys;
        if (c == null || c.env() != env) {
            c = new EnvKeyCache(env, new ConcurrentHashMap<>());
            envKeys = c;
        }
        return c.byProvider().computeIfAbsent(provider, p -> EnvKeys.collect(p, env));
    }

    /** The agent's store as this process sees it: the host's snapshot with this router's recent changes on top. */
    public AuthStore store(String agentId) {
        return recorder.view(agentId, ctx.store(agentId));
    }

    /**
     * Writes every recorded outcome to {@code auth-state.json} now (tests, shutdown).
     *
     * @throws StateWriteException when a write failed
     */
    public void flush() {
        recorder.flush();
    }

    @Override
    public void close() {
        recorder.close();
    }

    private Outcome failed(RoutePlan plan, PlannedModel pm, Candidate.Usable u, UpstreamFailure failure,
                           CooldownConfig cooldowns) {
        FailureReason reason = FailureClassifier.classify(failure);
        long now = ctx.clock().millis();
        long remaining = 0;
        if (u.profileId() != null) {
            Optional<UsageStats> after = recorder.failure(plan.agentId(), ctx.store(plan.agentId()), u.profileId(),
                    pm.model().provider(), pm.model().model(), reason, failure,
                    // "local" means a keyless local model server; a profile used against a loopback URL still counts
                    pm.endpoint().local() && u.credential().source() instanceof CredentialSource.NoKey, cooldowns);
            remaining = after.map(s -> Math.max(0, s.unusableUntil(now, pm.model().model()) - now)).orElse(0L);
        } else if (u.credential().secret() != null && FailureRecorder.isRecorded(pm.model().provider(), reason, failure,
                pm.endpoint().local())) {
            UsageStats after = keyCooldowns.failure(pm.model().provider(), u.credential(), pm.model().model(), reason,
                    now, failure.retryAfterMs(), cooldowns);
            remaining = Math.max(0, after.unusableUntil(now, pm.model().model()) - now);
        }
        long recovery = remaining > 0 ? remaining
                : failure.retryAfterMs() != null && failure.retryAfterMs() > 0 ? failure.retryAfterMs() : 0;
        String upstream = failure.message() == null ? null : redact(failure.message(), u.credential());
        return new Outcome(new AttemptRecord(pm.model(), u.label(), "failed", reason.wireName(), failure.status(),
                remaining), Outcome.Kind.FAILED, reason, recovery, upstream);
    }

    private static Outcome skipped(ModelRef model, Candidate.Skipped s) {
        Outcome.Kind kind = s.coolingDown() ? Outcome.Kind.COOLING
                : Candidate.Skipped.DISABLED.equals(s.reason()) ? Outcome.Kind.DISABLED : Outcome.Kind.LEFT_OUT;
        return new Outcome(new AttemptRecord(model, s.label(), "skipped", s.reason(), 0, s.remainingMs(), s.detail()),
                kind, s.cause(), s.remainingMs(), null);
    }

    /** Upstream messages are redacted by the caller; the attempt's own secret is removed again, to be sure. */
    private static String redact(String message, CredentialCandidate credential) {
        if (credential.secret() == null) {
            return message;
        }
        return message.replace(credential.secret().reveal(), credential.secret().masked());
    }

    private void backOff(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            pause.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void checkProfile(String profileId, ModelRef model, AuthStore store) {
        Credential c = store.profile(profileId);
        if (c == null) {
            throw new ModelSelectionException(400, "profile_not_found", "Auth profile \"" + profileId
                    + "\" not found. List profiles with `openclaw models status`.");
        }
        String p1 = ProviderIds.normalize(c.provider());
        if (!p1.equals(model.provider())) {
            throw new ModelSelectionException(400, "profile_provider_mismatch",
                    "Auth profile \"" + profileId + "\" is for " + p1 + ", not " + model.provider() + ".");
        }
    }

    private static boolean belongsTo(String profileId, String provider, AuthStore store) {
        Credential c = store.profile(profileId);
        return c != null && ProviderIds.normalize(c.provider()).equals(provider);
    }

}
