package ai.openclaw.routing;

import ai.openclaw.models.ModelRef;
import ai.openclaw.providers.ProviderEndpoint;

/** One try: this model, at this endpoint, with this credential. {@code number} counts from 1 within a request. */
public record Attempt(int number, ModelRef model, ProviderEndpoint endpoint, CredentialCandidate credential) {}
