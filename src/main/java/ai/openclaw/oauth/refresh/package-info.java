/**
 * Keeping stored OAuth credentials usable: {@link ai.openclaw.oauth.refresh.RefreshCoordinator} refreshes an access
 * token on use when fewer than five minutes are left ({@link ai.openclaw.oauth.refresh.Freshness}), one refresh per
 * profile in the process, serialized across processes by the global refresh lock
 * {@code <stateDir>/locks/oauth-refresh/sha256-<hex>} and then the store lock, saving the rotated refresh token before
 * the new access token is used and mirroring it into the other agents' stores (logins §2.10-§2.14, store §1.6).
 * Provider calls are {@link ai.openclaw.oauth.TokenRefresher}s looked up in a
 * {@link ai.openclaw.oauth.refresh.RefresherRegistry} the composition root fills.
 *
 * <p>Decisions where the reference is silent or leaves room:
 * <ul>
 *   <li>The provider call runs holding the global refresh lock only; the store lock is taken for the re-read and for
 *       the save. The store lock goes stale after 30 s, a call may take 120 s: holding it across the call would let
 *       another process take it over mid-refresh and lose an update.</li>
 *   <li>A failed refresh leaves {@code auth-profiles.json} byte for byte as it was and records
 *       {@code {at, code, message}} under {@code refreshErrors.<profileId>} in {@code auth-state.json} (written alone,
 *       see {@link ai.openclaw.store.AuthStoreRepository#updateState}); the next successful refresh, adoption or
 *       mirror clears it. {@code models status} and {@code doctor} show it.</li>
 *   <li>After a failure, callers of this process that still hold the same refresh token get that failure again for
 *       30 s without a provider call, so a gateway under load does not hammer a token endpoint that refuses.</li>
 *   <li>A credential without {@code expires} counts as fresh (nothing says it needs a refresh; the router always used
 *       it); {@code doctor} can still refresh it. An {@code expires} that is not a positive number counts as
 *       expired.</li>
 *   <li>The main agent is the default agent ({@code OPENCLAW_AGENT_DIR} applied). Mirroring writes into the main
 *       store (which may gain the profile), then into other stores that already hold the profile id, only for the same
 *       login and a strictly older (or unknown) expiry; a store that does not exist is never created.</li>
 *   <li>When a login replaced the credential while it was being refreshed, a fresh replacement wins over the refresh;
 *       a refresh that cannot be saved is not handed out.</li>
 *   <li>Profiles an external CLI owns ({@code anthropic:claude-cli}, ...) are refreshed only by a refresher registered
 *       for that profile id, never by their provider's: spending the copied refresh token would log the CLI out.</li>
 *   <li>Failure messages: {@code OAuth token refresh failed for <provider>: <cause>. <hint>}; the hint is
 *       {@code openclaw models auth login --provider <p>} when only a new login helps, {@code claude} for
 *       {@code anthropic:claude-cli}, else to retry later. Tokens are masked out of any message as a second line of
 *       defence.</li>
 * </ul>
 */
package ai.openclaw.oauth.refresh;
