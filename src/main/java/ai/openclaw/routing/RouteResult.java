package ai.openclaw.routing;

import java.util.List;

/** A served request: the caller's open response, the attempt that served it and everything tried before. */
public record RouteResult<T>(T value, Attempt served, List<AttemptRecord> attempts) {
    public RouteResult {
        attempts = List.copyOf(attempts);
    }
}
