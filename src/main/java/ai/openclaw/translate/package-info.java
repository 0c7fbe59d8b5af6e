/**
 * OpenAI Chat Completions ⇄ Anthropic Messages, for a gateway whose client and upstream speak different formats.
 *
 * <ul>
 *   <li>{@link ai.openclaw.translate.RequestTranslator}: request bodies both ways (full mapping, rejected and
 *       ignored fields in its Javadoc); {@link ai.openclaw.translate.TranslationException} → 400 in the client's
 *       format.</li>
 *   <li>{@link ai.openclaw.translate.ResponseTranslator}: non-streaming response bodies both ways;
 *       {@link ai.openclaw.translate.UpstreamFormatException} → 502.</li>
 *   <li>{@link ai.openclaw.translate.StreamTranslator} ({@link ai.openclaw.translate.AnthropicToOpenAiStream},
 *       {@link ai.openclaw.translate.OpenAiToAnthropicStream}): one stateful translator per streamed response, fed
 *       upstream events one at a time.</li>
 *   <li>{@link ai.openclaw.translate.SseParser}, {@link ai.openclaw.translate.SseWriter},
 *       {@link ai.openclaw.translate.SseEvent}: the event-stream wire format.</li>
 *   <li>{@link ai.openclaw.translate.ErrorBodies}: error bodies and stream error events in each format.</li>
 * </ul>
 *
 * <p>A streaming relay:
 * <pre>{@code
 * StreamTranslator t = new AnthropicToOpenAiStream(clientModel, nowEpochSeconds,
 *         AnthropicToOpenAiStream.includeUsageRequested(clientRequest));
 * SseParser parser = new SseParser(upstreamBody);
 * try {
 *     for (Optional<SseEvent> e = parser.next(); e.isPresent(); e = parser.next()) {
 *         for (SseEvent out : t.onEvent(e.get())) { write(SseWriter.format(out)); }
 *         flush();
 *     }
 *     for (SseEvent out : t.onUpstreamEnd()) { write(SseWriter.format(out)); }
 * } catch (UpstreamFormatException | IOException ex) {
 *     write(SseWriter.format(ErrorBodies.openAiStreamError(502, "server_error", ex.getMessage())));
 * }
 * }</pre>
 */
package ai.openclaw.translate;
