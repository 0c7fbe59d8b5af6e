/**
 * {@code openclaw models status --probe}: one tiny live call per credential row, each with its status bucket, reason
 * code and latency (store-and-selection §4.4, logins-and-cli §4.1).
 *
 * <p>{@link ai.openclaw.probe.ProbeTargets} turns the status report into rows, {@link ai.openclaw.probe.Prober} runs
 * them through {@link ai.openclaw.routing.ProbeRoute} (routing's credential building and failure classification,
 * pinned, nothing recorded) and {@link ai.openclaw.probe.ProbeCall} (the gateway's upstream request factory, client
 * and error parsing); {@link ai.openclaw.probe.ProbeJson} and {@link ai.openclaw.probe.ProbeTable} render the result.
 *
 * <p>Decisions where the reference is silent:
 * <ul>
 *   <li>A probe records nothing: no cooldown, no disable, no error count, no {@code lastUsed}, no {@code lastGood}.
 *       {@code auth-state.json} is left byte for byte as it was; a probe is a question, not traffic.</li>
 *   <li>Profiles in a cooldown or disabled window are probed anyway (the question is whether they work now).</li>
 *   <li>Every ineligible profile is decided without a call, not only those of an explicit order.</li>
 *   <li>OAuth profiles whose access token is expired (or expires within 5 minutes) come back from routing as
 *       {@code expired} without a call, as calls skip them until refresh at attempt time exists.</li>
 *   <li>Probe model: see {@link ai.openclaw.probe.ProbeModels}; output cap field per API: see
 *       {@link ai.openclaw.probe.ProbeRequestBody}.</li>
 *   <li>{@code totalTargets} counts the credentials actually called; the decided rows are in {@code results} too.
 *       {@code durationMs} comes from a monotonic source and {@code finishedAt = startedAt + durationMs}.</li>
 *   <li>Probe results do not change the {@code --check} exit code, which keeps its documented meaning (expiry and
 *       missing auth of providers in use) so monitors built on it behave the same with or without {@code --probe}.</li>
 * </ul>
 */
package ai.openclaw.probe;
