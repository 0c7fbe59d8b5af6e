package ai.openclaw.routing;

/**
 * What the caller's session selected (the session store's {@code providerOverride}, {@code modelOverride},
 * {@code authProfileOverride} and {@code authProfileOverrideSource}). Any field may be null.
 *
 * @param provider  the session's model override provider
 * @param model     the session's model override id (used when the request names no model)
 * @param profileId the pinned auth profile
 * @param source    {@link Source#USER} for {@code /model …@profile} (locked), {@link Source#AUTO} for a router pin
 *                  (preferred only)
 */
public record SessionPin(String provider, String model, String profileId, Source source) {
    public enum Source {
        USER, AUTO
    }

    public SessionPin {
        if (source == null) {
            // old session entries without a source but with a pin were user pins (store-and-selection §5.4)
            source = Source.USER;
        }
    }
}
