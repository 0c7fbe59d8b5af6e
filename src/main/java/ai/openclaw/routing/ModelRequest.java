package ai.openclaw.routing;

/**
 * A model string of a request split into its model part and an optional {@code @profileId} suffix.
 *
 * @param model     the alias or model ref as written (trimmed, never blank)
 * @param profileId the auth profile the request pins, or null
 */
public record ModelRequest(String model, String profileId) {}
