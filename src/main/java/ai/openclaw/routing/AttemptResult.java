package ai.openclaw.routing;

/**
 * The outcome of one attempt, reported by the caller of {@link Router}: served (the upstream answered 2xx and the
 * caller holds the open response in {@code value}) or failed before anything reached the client.
 */
public sealed interface AttemptResult<T> {
    record Served<T>(T value) implements AttemptResult<T> {}

    record Failed<T>(UpstreamFailure failure) implements AttemptResult<T> {}
}
