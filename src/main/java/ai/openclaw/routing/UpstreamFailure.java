package ai.openclaw.routing;

/**
 * What went wrong with an attempt, as far as routing needs to know.
 *
 * @param status       HTTP status, or 0 when no response arrived (connect error, timeout, reset)
 * @param code         provider error code/type if any ({@code rate_limit_error}, {@code RESOURCE_EXHAUSTED}, ...)
 * @param message      the provider's error message, secret-redacted and truncated; for classification and for
 *                     the caller's error body
 * @param retryAfterMs the provider's {@code retry-after} / {@code retry-after-ms}, or null
 * @param transport    the kind of transport failure when {@code status == 0} ({@code timeout}, {@code connect},
 *                     {@code reset}); null otherwise
 */
public record UpstreamFailure(int status, String code, String message, Long retryAfterMs, String transport) {}
