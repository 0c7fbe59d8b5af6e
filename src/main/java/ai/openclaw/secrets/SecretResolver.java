package ai.openclaw.secrets;

import ai.openclaw.core.Secret;
import ai.openclaw.secrets.SecretProviderConfig.EnvProvider;
import ai.openclaw.secrets.SecretProviderConfig.ExecProvider;
import ai.openclaw.secrets.SecretProviderConfig.FileProvider;
import ai.openclaw.secrets.SecretProviderConfig.PluginExecProvider;
import ai.openclaw.secrets.SecretRef.Source;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;

/**
 * Resolves SecretRefs to values: one instance is one <em>resolution pass</em>.
 *
 * <p>Within a pass every ref is resolved at most once and its outcome (value or failure) is reused, a
 * file provider's payload is read once, and the refs of one {@link #resolveAll} call that share an exec
 * provider go to a single process run. Create a new resolver to see changed secrets (OpenClaw has no TTL
 * cache either; refresh is a reload).
 *
 * <p>Thread-safe. Concurrent calls asking for the same ref share one resolution. Providers run in
 * parallel up to {@code secrets.resolution.maxProviderConcurrency}. Every provider step is bounded by its
 * own timeout, so calls always return.
 *
 * <p>Failures never throw: they come back as {@link Resolution.Failed} with a message that names the ref
 * ({@code source:provider:id}) and never contains a secret value or provider output.
 */
public final class SecretResolver {
    private final SecretsConfig config;
    private final Path home;
    private final EnvSecretSource envSource;
    private final FileSecretSource fileSource;
    private final ExecSecretSource execSource;
    private final ConcurrentMap<SecretRef, CompletableFuture<Resolution>> outcomes = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, CompletableFuture<FilePayloadOutcome>> filePayloads = new ConcurrentHashMap<>();

    /**
     * @param env the environment env refs read and exec {@code passEnv} copies from
     * @param home the directory a leading {@code ~} in provider paths stands for (config parsed by
     *     {@link SecretsConfig#fromJson} is already expanded; this covers hand-built configs)
     */
    public SecretResolver(SecretsConfig config, Map<String, String> env, Path home) {
        this(config, env, home, PosixUser.currentUid());
    }

    /** As above, with the uid secret files and commands must be owned by (tests, or a known service user). */
    public SecretResolver(SecretsConfig config, Map<String, String> env, Path home, long ownerUid) {
        this.config = Objects.requireNonNull(config, "config");
        this.home = Objects.requireNonNull(home, "home");
        Map<String, String> environment = Map.copyOf(env);
        SecurePathCheck pathCheck = new SecurePathCheck(ownerUid);
        this.envSource = new EnvSecretSource(environment);
        this.fileSource = new FileSecretSource(pathCheck);
        this.execSource = new ExecSecretSource(environment, pathCheck, new ExecRunner());
    }

    public SecretsConfig config() {
        return config;
    }

    /** Resolves one ref (cached for this pass). */
    public Resolution resolve(SecretRef ref) {
        return resolveAll(List.of(ref)).get(ref);
    }

    /**
     * Resolves many refs in one go, batching by provider.
     *
     * @return one entry per distinct input ref, keyed by the ref as given, in input order
     */
    public Map<SecretRef, Resolution> resolveAll(Collection<SecretRef> refs) {
        Map<SecretRef, SecretRef> normalized = new LinkedHashMap<>();
        for (SecretRef ref : refs) {
            normalized.put(Objects.requireNonNull(ref, "ref"), config.normalize(ref));
        }
        List<SecretRef> owned = new ArrayList<>();
        for (SecretRef ref : new LinkedHashSet<>(normalized.values())) {
            if (outcomes.putIfAbsent(ref, new CompletableFuture<>()) == null) {
                owned.add(ref);
            }
        }
        try {
            resolveOwned(owned);
        } finally {
            // Whatever happened, no caller (this one or a concurrent one) may wait forever on these refs.
            failAll(owned, "Secret resolution did not return a result.");
        }
        Map<SecretRef, Resolution> results = new LinkedHashMap<>();
        normalized.forEach((given, ref) -> results.put(given, outcomes.get(ref).join()));
        return results;
    }

    /** Resolves the refs this call registered first, batching them per provider. */
    private void resolveOwned(List<SecretRef> owned) {
        Map<ProviderKey, List<SecretRef>> groups = new LinkedHashMap<>();
        for (SecretRef ref : owned) {
            List<String> problems = SecretRefs.validate(ref);
            if (!problems.isEmpty()) {
                complete(ref, new Resolution.Failed(ref, String.join(" ", problems)));
                continue;
            }
            groups.computeIfAbsent(new ProviderKey(ref.source(), ref.provider()), k -> new ArrayList<>()).add(ref);
        }
        if (groups.size() <= 1) {
            groups.forEach(this::resolveGroupSafely);
            return;
        }
        Semaphore permits = new Semaphore(config.resolution().maxProviderConcurrency());
        List<Thread> workers = new ArrayList<>();
        groups.forEach((key, group) -> workers.add(Thread.ofVirtual().name("secrets-" + key.alias()).start(() -> {
            permits.acquireUninterruptibly();
            try {
                resolveGroupSafely(key, group);
            } finally {
                permits.release();
            }
        })));
        for (Thread worker : workers) {
            joinUninterruptibly(worker);
        }
    }

    private void resolveGroupSafely(ProviderKey key, List<SecretRef> group) {
        try {
            resolveGroup(key, group);
        } catch (RuntimeException e) {
            // Keeps the never-throws contract even for a bug, and leaves no waiter hanging. Only the type is
            // reported: an unexpected exception's message might quote provider output.
            failAll(group, "Secret provider \"" + key.alias() + "\" failed unexpectedly (" + e.getClass().getSimpleName() + ").");
        }
    }

    private void resolveGroup(ProviderKey key, List<SecretRef> group) {
        int maxRefs = config.resolution().maxRefsPerProvider();
        if (group.size() > maxRefs) {
            failAll(group, "Secret provider \"" + key.alias() + "\" exceeded maxRefsPerProvider (" + maxRefs + ").");
            return;
        }
        SecretProviderConfig provider = config.providers().get(key.alias());
        if (provider == null) {
            if (key.source() == Source.ENV && key.alias().equals(config.defaults().env())) {
                provider = EnvProvider.IMPLICIT;
            } else {
                for (SecretRef ref : group) {
                    complete(ref, new Resolution.Failed(ref,
                            "Secret provider \"" + key.alias() + "\" is not configured (ref: " + ref.key() + ")."));
                }
                return;
            }
        }
        if (provider.source() != key.source()) {
            failAll(group, "Secret provider \"" + key.alias() + "\" has source \"" + provider.source().wireName()
                    + "\" but ref requests \"" + key.source().wireName() + "\".");
            return;
        }
        List<String> ids = group.stream().map(SecretRef::id).toList();
        Map<String, IdResult> results;
        try {
            results = switch (provider) {
                case EnvProvider env -> envSource.resolve(key.alias(), env, ids);
                case FileProvider file -> fileSource.lookup(key.alias(), filePayload(key.alias(), file), ids);
                case ExecProvider exec -> execSource.resolve(key.alias(), withHome(exec), ids,
                        config.resolution().maxBatchBytes());
                case PluginExecProvider plugin -> throw new ResolutionFailure("Exec provider \"" + key.alias()
                        + "\" uses pluginIntegration, which is not supported by this implementation.");
            };
        } catch (ResolutionFailure e) {
            failAll(group, e.reason());
            return;
        }
        for (SecretRef ref : group) {
            complete(ref, toResolution(ref, key.alias(), results.get(ref.id())));
        }
    }

    private static Resolution toResolution(SecretRef ref, String alias, IdResult result) {
        return switch (result) {
            case null -> new Resolution.Failed(ref, withRef(
                    "Secret provider \"" + alias + "\" did not return id \"" + ref.id() + "\".", ref));
            case IdResult.Problem problem -> new Resolution.Failed(ref, withRef(problem.reason(), ref));
            case IdResult.Value value -> {
                Secret secret = Secret.ofNullable(value.text());
                yield secret == null
                        ? new Resolution.Failed(ref, "Secret reference \"" + ref.key()
                                + "\" resolved to a non-string or empty value.")
                        : new Resolution.Resolved(secret);
            }
        };
    }

    /** The payload of a file provider, read at most once per pass; a read failure is remembered too. */
    private FileSecretSource.Payload filePayload(String alias, FileProvider provider) throws ResolutionFailure {
        CompletableFuture<FilePayloadOutcome> mine = new CompletableFuture<>();
        CompletableFuture<FilePayloadOutcome> existing = filePayloads.putIfAbsent(alias, mine);
        if (existing == null) {
            FilePayloadOutcome outcome;
            try {
                outcome = new FilePayloadOutcome(fileSource.load(alias, withHome(provider)), null);
            } catch (ResolutionFailure e) {
                outcome = new FilePayloadOutcome(null, e.reason());
            } catch (RuntimeException | Error e) {
                mine.complete(new FilePayloadOutcome(null, "File provider \"" + alias + "\" failed unexpectedly ("
                        + e.getClass().getSimpleName() + ")."));
                throw e;
            }
            mine.complete(outcome);
            existing = mine;
        }
        FilePayloadOutcome outcome = existing.join();
        if (outcome.payload() == null) {
            throw new ResolutionFailure(outcome.failure());
        }
        return outcome.payload();
    }

    private FileProvider withHome(FileProvider provider) {
        Path expanded = expandHome(provider.path());
        return expanded.equals(provider.path()) ? provider : new FileProvider(expanded, provider.mode(),
                provider.timeoutMs(), provider.maxBytes(), provider.allowInsecurePath());
    }

    private ExecProvider withHome(ExecProvider provider) {
        Path command = expandHome(provider.command());
        List<Path> trusted = provider.trustedDirs().stream().map(this::expandHome).toList();
        if (command.equals(provider.command()) && trusted.equals(provider.trustedDirs())) {
            return provider;
        }
        return new ExecProvider(command, provider.args(), provider.timeoutMs(), provider.noOutputTimeoutMs(),
                provider.maxOutputBytes(), provider.jsonOnly(), provider.env(), provider.passEnv(), trusted,
                provider.allowInsecurePath(), provider.allowSymlinkCommand());
    }

    private Path expandHome(Path path) {
        if (path.isAbsolute() || path.getNameCount() == 0 || !path.getName(0).toString().equals("~")) {
            return path;
        }
        return path.getNameCount() == 1 ? home : home.resolve(path.subpath(1, path.getNameCount()));
    }

    private void failAll(List<SecretRef> group, String reason) {
        for (SecretRef ref : group) {
            complete(ref, new Resolution.Failed(ref, withRef(reason, ref)));
        }
    }

    /** First completion wins, so a catch-all after a real outcome changes nothing. */
    private void complete(SecretRef ref, Resolution resolution) {
        outcomes.get(ref).complete(resolution);
    }

    /** Appends {@code (ref: source:provider:id)} unless the reason already names the ref. */
    static String withRef(String reason, SecretRef ref) {
        String key = ref.key();
        return reason.contains(key) ? reason : reason + " (ref: " + key + ")";
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private record ProviderKey(Source source, String alias) {}

    private record FilePayloadOutcome(FileSecretSource.Payload payload, String failure) {}
}
