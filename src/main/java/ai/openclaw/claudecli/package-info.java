/**
 * The Claude CLI ({@code claude}, Claude Code) as a source of Anthropic credentials: finding the program, reading
 * its own login (its {@code .credentials.json}, or the macOS Keychain), keeping the reserved
 * {@code anthropic:claude-cli} profile in step with it, and renewing that profile by re-reading the Claude CLI's
 * store instead of spending its refresh token. The Claude CLI owns that login; nothing here ever writes to it.
 */
package ai.openclaw.claudecli;
