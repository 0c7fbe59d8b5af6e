package ai.openclaw.probe;

import java.util.Objects;

/**
 * One row of {@code models status --probe}.
 *
 * @param model      {@code provider/model} probed, or null when there was none to probe
 * @param profileId  the stored profile, or null for an environment / models.json row
 * @param label      {@code <profile id> (<name or e-mail>)}, {@code env} or {@code models.json}
 * @param mode       {@code api_key}, {@code token} or {@code oauth}
 * @param reasonCode why no model call was made ({@code excluded_by_auth_order}, {@code expired}, ...), else null
 * @param error      one redacted line from the upstream, or the pre-decided text (two lines: a stable first line,
 *                   then {@code ↳ Auth reason [<code>]: <detail>}); null when ok
 * @param latencyMs  how long the call took; null when no call was made
 */
public record ProbeResult(String provider, String model, String profileId, String label, ProbeSource source,
                          String mode, ProbeStatus status, String reasonCode, String error, Long latencyMs) {
    public ProbeResult {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
    }
}
