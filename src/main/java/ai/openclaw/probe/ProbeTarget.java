package ai.openclaw.probe;

import ai.openclaw.models.ModelRef;
import ai.openclaw.routing.ProbeRoute;
import java.util.Objects;

/**
 * One credential to probe with one model. {@code toString} names the row, never a secret (a
 * {@link ProbeRoute.Pin.Given} pin prints only its source label).
 *
 * @param model the model to call; null when the provider has none (the row is then decided as {@code no_model})
 */
public record ProbeTarget(String provider, ModelRef model, String profileId, String label, ProbeSource source,
                          String mode, ProbeRoute.Pin pin) {
    public ProbeTarget {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(pin, "pin");
    }

    /** This target's row with an outcome. */
    public ProbeResult result(ProbeStatus status, String reasonCode, String error, Long latencyMs) {
        return new ProbeResult(provider, model == null ? null : model.key(), profileId, label, source, mode, status,
                reasonCode, error, latencyMs);
    }

    @Override
    public String toString() {
        return "ProbeTarget[" + provider + " " + label + " (" + source.wireName() + ")"
                + (model == null ? "" : " " + model.key()) + "]";
    }
}
