package ai.openclaw.routing;

import ai.openclaw.models.ModelRef;
import ai.openclaw.providers.ProviderEndpoint;
import ai.openclaw.store.AuthStore;
import ai.openclaw.store.FailureReason;
import java.util.Objects;
import java.util.function.Function;

/**
 * One attempt with exactly one credential, for {@code models status --probe} (store-and-selection §4.4).
 *
 * <p>The credential is built by the same {@link CandidateCollector} the {@link Router} uses (eligibility, OAuth
 * expiry, SecretRef resolution, environment keys, {@code models.providers.<p>.apiKey}) and the failure is classified
 * by the same {@link FailureClassifier}, so a probe and a real call agree on what a credential is and why it failed.
 * Unlike {@link Router#execute}:
 * <ul>
 *   <li>cooldown and disabled windows do not keep a profile from being probed (the question is whether it works
 *       now);</li>
 *   <li>there is no rotation and no fallback: one credential, one model, at most one attempt;</li>
 *   <li>nothing is recorded: this class holds no {@link FailureRecorder}, so a probe never touches usage stats,
 *       cooldowns or {@code lastGood}, whatever the outcome.</li>
 * </ul>
 * Thread-safe when the context is.
 */
public final class ProbeRoute {
    /** Which credential a probe uses. */
    public sealed interface Pin {
        /** A stored profile, as a locked profile would be used. */
        record Profile(String profileId) implements Pin {
            public Profile {
                Objects.requireNonNull(profileId, "profileId");
            }
        }

        /** The first environment key a call of the provider would try ({@link EnvKeys}). */
        record EnvKey() implements Pin {}

        /** {@code models.providers.<p>.apiKey} of the config, resolved as a call resolves it. */
        record ConfigKey() implements Pin {}

        /** A credential the host resolved itself (e.g. the agent's {@code models.json} key as status read it). */
        record Given(CredentialCandidate credential) implements Pin {
            public Given {
                Objects.requireNonNull(credential, "credential");
            }
        }
    }

    /** What became of a probe. */
    public sealed interface Outcome<T> {
        /** The upstream answered 2xx; {@code value} is what the attempt function returned. */
        record Served<T>(T value, Attempt attempt) implements Outcome<T> {}

        /**
         * The upstream call failed.
         *
         * @param failure as the attempt function reported it, its message also cleared of the attempt's own secret
         */
        record Failed<T>(Attempt attempt, FailureReason reason, UpstreamFailure failure) implements Outcome<T> {}

        /**
         * No call was made.
         *
         * @param reason an eligibility code ({@code missing_credential}, {@code expired}, {@code unresolved_ref},
         *               {@code mode_mismatch}, ...) or {@code unknown_provider} when the provider has no endpoint
         */
        record NotAttempted<T>(String reason) implements Outcome<T> {}
    }

    public static final String UNKNOWN_PROVIDER = "unknown_provider";

    private final RoutingContext ctx;

    public ProbeRoute(RoutingContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    /**
     * Probes {@code model} with the pinned credential.
     *
     * @param attempt performs the upstream call (an exception from it propagates unchanged)
     */
    public <T> Outcome<T> run(String agentId, ModelRef model, Pin pin, Function<Attempt, AttemptResult<T>> attempt) {
        ProviderEndpoint endpoint = ctx.endpoint(model.provider()).orElse(null);
        if (endpoint == null) {
            return new Outcome.NotAttempted<>(UNKNOWN_PROVIDER);
        }
        var env = ctx.env();
        String agent = agentId == null || agentId.isBlank() ? ctx.defaultAgentId() : agentId;
        CandidateCollector collector = new CandidateCollector(ctx.config(), env, ctx.secrets(),
                provider -> EnvKeys.collect(provider, env), new KeyCooldowns(), ctx.modelsJsonKeys(agent));
        AuthStore store = ctx.store(agent);
        Candidate candidate = switch (pin) {
            case Pin.Profile p -> collector.probeProfile(p.profileId(), model.provider(), store, ctx.clock().millis());
            case Pin.EnvKey e -> collector.probeEnvKey(model.provider());
            case Pin.ConfigKey c -> collector.probeConfigKey(model.provider(), store);
            case Pin.Given g -> new Candidate.Usable(g.credential(), null);
        };
        if (candidate instanceof Candidate.Usable u && u.oauth() != null) {
            // as a call would: a token about to expire is refreshed first (saved to the store; nothing else is)
            candidate = new OAuthTokens(ctx).prepare(agent, u);
        }
        if (candidate instanceof Candidate.Skipped s) {
            return new Outcome.NotAttempted<>(s.reason());
        }
        CredentialCandidate credential = ((Candidate.Usable) candidate).credential();
        Attempt a = new Attempt(1, model, endpoint, credential);
        AttemptResult<T> result = attempt.apply(a);
        if (result instanceof AttemptResult.Served<T> served) {
            return new Outcome.Served<>(served.value(), a);
        }
        UpstreamFailure f = ((AttemptResult.Failed<T>) result).failure();
        UpstreamFailure cleared = f.message() == null || credential.secret() == null ? f
                : new UpstreamFailure(f.status(), f.code(), f.message().replace(credential.secret().reveal(),
                        credential.secret().masked()), f.retryAfterMs(), f.transport());
        return new Outcome.Failed<>(a, FailureClassifier.classify(cleared), cleared);
    }
}
