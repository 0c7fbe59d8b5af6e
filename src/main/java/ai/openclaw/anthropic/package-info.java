/**
 * Anthropic-specific knowledge that several front ends share: what a setup-token looks like, and what it means when
 * Anthropic refuses a credential that is only authorized for Claude Code. No I/O.
 */
package ai.openclaw.anthropic;
