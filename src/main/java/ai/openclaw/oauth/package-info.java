/**
 * OAuth logins and refresh: PKCE, provider login flows, and the refresh coordinator that keeps stored OAuth
 * credentials fresh without ever losing or blanking one (single flight in the process, a global refresh lock across
 * processes, then the store lock).
 */
package ai.openclaw.oauth;
