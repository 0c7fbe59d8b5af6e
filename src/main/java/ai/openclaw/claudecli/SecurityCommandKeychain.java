package ai.openclaw.claudecli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads a Keychain item with {@code /usr/bin/security find-generic-password -s <service> -w} (macOS). Standard
 * input is empty and standard error discarded; the process is killed when the timeout passes. Exit status 44 means
 * the item does not exist. The password is returned to the caller only, never logged.
 */
final class SecurityCommandKeychain implements Keychain {
    private static final String SECURITY = "/usr/bin/security";
    /** A Claude login is a few hundred bytes; stop reading far beyond that. */
    private static final int MAX_BYTES = 256 * 1024;

    private final String command;
    private final Duration timeout;

    SecurityCommandKeychain(Duration timeout) {
        this(SECURITY, timeout);
    }

    /** @param command the {@code security} program (tests pass a stand-in script) */
    SecurityCommandKeychain(String command, Duration timeout) {
        this.command = command;
        this.timeout = timeout;
    }

    @Override
    public Optional<String> genericPassword(String service) {
        ProcessBuilder pb = new ProcessBuilder(List.of(command, "find-generic-password", "-s", service, "-w"))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return Optional.empty();
        }
        CompletableFuture<byte[]> out = new CompletableFuture<>();
        Thread.ofVirtual().name("keychain-reader").start(() -> {
            try (InputStream in = p.getInputStream()) {
                out.complete(in.readNBytes(MAX_BYTES));
            } catch (IOException e) {
                out.completeExceptionally(e);
            }
        });
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
                return Optional.empty();
            }
            String text = new String(out.get(200, TimeUnit.MILLISECONDS), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return Optional.empty();
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return "SecurityCommandKeychain[timeout=" + timeout + "]";
    }
}
