package ai.openclaw.auth;

import ai.openclaw.credential.CredentialType;

/**
 * @param reasonCode eligibility code ({@code ok} when usable)
 * @param expiresAt  epoch ms when the credential expires, if it does
 */
public record ProfileHealth(String profileId, String provider, CredentialType type, HealthStatus status,
                            ReasonCode reasonCode, String detail, Long expiresAt, Long remainingMs) {}
