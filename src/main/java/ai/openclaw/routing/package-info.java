/**
 * Which credential serves a model call: model and {@code @profile} resolution, candidate order, rotation, cooldowns,
 * fallback models, recording to {@code auth-state.json}, and the answer when nothing can serve. No HTTP here: the host
 * (gateway, {@code openclaw agent}) implements {@link ai.openclaw.routing.RoutingContext} and passes a function that
 * performs one attempt to {@link ai.openclaw.routing.Router#execute}.
 *
 * <p>Decisions where the reference is silent or contradicts itself:
 * <ul>
 *   <li>{@code <P>_API_KEY_*} variables are taken sorted by name (digit runs by value); OpenClaw uses the OS order of
 *       the environment, which Java does not expose ({@link ai.openclaw.routing.EnvKeys}).</li>
 *   <li>Strictness: a request without a model, or naming the agent's default model, gets the fallback chain; any
 *       other model the caller chose (request or session) is strict. A locked profile (request {@code @profile},
 *       session {@code user} pin) is the only candidate for the models of its provider, so on failure the next
 *       fallback model serves (§5.6) rather than another profile.</li>
 *   <li>A user pin in cooldown is not replaced by another profile (the later OpenClaw behaviour, and the issue's
 *       "never another profile"); it is skipped and the next model serves.</li>
 *   <li>All credentials of a model cooling down: one cooling profile is tried anyway when the dominant cause is
 *       transient, the soonest recovery is at most 2 min away, and no probe of that agent and model happened in the
 *       last 30 s (at most one probe per provider per request; {@link ai.openclaw.routing.CooldownProbes}).
 *       Otherwise the caller gets 429 with the soonest recovery as {@code Retry-After}.</li>
 *   <li>Every failure except a context overflow may move to the next fallback model, timeouts and format errors
 *       included; they only stop the rotation among the model's own credentials.</li>
 *   <li>Rotation caps count rotations away from profiles; environment keys rotate on every rate limit (§7) and stop
 *       on anything else.</li>
 *   <li>A timeout is recorded unless the connection was refused ({@code transport = connect}): the provider never
 *       answered, which says nothing about the credential. Local endpoints are never recorded.</li>
 *   <li>Secrets shared by several sources (a profile and an env variable with the same key) are tried once.</li>
 *   <li>Keys without a profile (environment, {@code models.providers.<p>.apiKey}, models.json) get the profiles'
 *       cooldown rules in process memory ({@link ai.openclaw.routing.KeyCooldowns}); OpenClaw keeps none, so its
 *       next request would start with the key that was just rate limited.</li>
 *   <li>The agent's {@code models.json} {@code apiKey} is a source after {@code models.providers.<p>.apiKey}.</li>
 *   <li>The attempt cap of a request ({@link ai.openclaw.routing.RunRetries}) uses OpenClaw's defaults; it is not
 *       configurable yet.</li>
 *   <li>OAuth profiles are refreshed at attempt time, not when the candidate list is built, so that only a profile
 *       about to be tried costs a refresh. A failed refresh skips the profile as {@code refresh_failed:<cause>}
 *       ({@code refresh_failed} alone when unclassified) with its message as the skip's detail; it opens no
 *       cooldown (the failure is recorded by the refresh itself, and the same refresh token is not retried for
 *       30 s). An expired token without a refresher for its provider is skipped as {@code expired}.</li>
 * </ul>
 */
package ai.openclaw.routing;
