/**
 * CLI backends: model refs {@code claude-cli/<model>} served by running the locally installed Claude Code program
 * non-interactively ({@code claude -p --output-format stream-json ...}) instead of calling an HTTP API. The CLI uses
 * its own login; no credential of ours is involved.
 *
 * <ul>
 *   <li>{@link ai.openclaw.clibackend.CliBackendConfig}, {@link ai.openclaw.clibackend.CliBackendConfigReader}: the
 *       settings ({@code agents.defaults.cliBackends.claude-cli} over built-in defaults);</li>
 *   <li>{@link ai.openclaw.clibackend.ClaudeCliPrompt}: a chat request as prompt and system prompt (text only);</li>
 *   <li>{@link ai.openclaw.clibackend.ClaudeCliArgv}: the command line;</li>
 *   <li>{@link ai.openclaw.clibackend.ClaudeCliRunner}, {@link ai.openclaw.clibackend.CliRun}: starting, reading,
 *       limiting (time, silence, concurrency) and killing runs;</li>
 *   <li>{@link ai.openclaw.clibackend.AnthropicAnswer}: the answer in Anthropic Messages shape, whole or streamed.</li>
 * </ul>
 * The gateway wires these into routing and answers ({@code gateway.CliCalls}); this package knows nothing of HTTP.
 */
package ai.openclaw.clibackend;
