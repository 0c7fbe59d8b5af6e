package ai.openclaw.status;

import ai.openclaw.auth.ProfileHealth;
import ai.openclaw.auth.UnusableProfile;
import ai.openclaw.credential.CredentialType;
import ai.openclaw.store.RefreshError;

/**
 * One stored profile as {@code models status} shows it.
 *
 * @param display  {@code <id>=<masked key>}, {@code <id>=token:<masked>}, {@code <id>=OAuth (<label>)}, ...
 * @param inOrder  false when an explicit order leaves this profile out
 * @param unusable the active cooldown/disabled window, or null
 * @param lastRefreshError the last failed OAuth refresh, not yet followed by a successful one, or null
 */
public record ProfileRow(String id, CredentialType type, String label, String display, ProfileHealth health,
                         boolean inOrder, UnusableProfile unusable, RefreshError lastRefreshError) {}
