package ai.openclaw.claudecli;

import ai.openclaw.credential.ApiKeyCredential;
import ai.openclaw.credential.Credential;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.credential.ProfileMeta;
import ai.openclaw.credential.TokenCredential;
import ai.openclaw.fs.FileWriteException;
import ai.openclaw.fs.LockTimeoutException;
import ai.openclaw.json.MalformedFileException;
import ai.openclaw.store.AuthStore;
import ai.openclaw.store.AuthStoreRepository;
import ai.openclaw.store.StoreFormatException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps an agent's {@code anthropic:claude-cli} profile in step with the Claude CLI's own login (logins §3.5).
 *
 * <p>Merge rules, in this order:
 * <ol>
 *   <li>a stored Anthropic login that is not a {@code token} and is fresh (expires more than
 *       {@link #NEAR_EXPIRY_MS} from now) is kept without even reading the Claude CLI's store;</li>
 *   <li>the same access/refresh tokens and expiry are not rewritten;</li>
 *   <li>a token-only Claude CLI login never replaces a stored OAuth login (no downgrade);</li>
 *   <li>an OAuth Claude CLI login always replaces a stored {@code token} (upgrade);</li>
 *   <li>otherwise the Claude CLI's login replaces the stored one when there is none, it belongs to another provider
 *       (or is an API key), it has expired, or the Claude CLI's is unexpired and expires later.</li>
 * </ol>
 * A replacement keeps the stored profile's display name and unknown fields and takes the Claude CLI's e-mail when it
 * knows one.
 *
 * <p>Writes go through {@link AuthStoreRepository#update}, which re-reads the store under its lock; the rules are
 * applied again to that fresh copy, so a concurrent sync is never undone. When the store may not be written
 * ({@code OPENCLAW_AUTH_STORE_READONLY=1}, or the write fails) the result only overlays the login in memory.
 */
public final class ClaudeCliSync {
    /** A stored login closer than this to its expiry is re-read from the Claude CLI. */
    public static final long NEAR_EXPIRY_MS = 10 * 60_000L;

    /** What the rules say about a stored profile and the Claude CLI's login. */
    public enum Decision {
        /** The Claude CLI's login should replace the stored profile. */
        REPLACE,
        /** The stored profile stays (newer, or an OAuth login the CLI's token must not downgrade). */
        KEEP,
        /** They are the same login: nothing to write. */
        IDENTICAL
    }

    /** What one {@link #sync} did. */
    public enum Action {
        /** The stored login is fresh; the Claude CLI's store was not read. */
        FRESH,
        /** The Claude CLI has no login (no file, no Keychain item, no {@code claudeAiOauth}). */
        NO_LOGIN,
        /** The Claude CLI's store exists but cannot be used; see {@link Result#problem()}. */
        UNREADABLE,
        /** The stored profile already is the Claude CLI's login. */
        UNCHANGED,
        /** The stored profile was kept under the merge rules. */
        KEPT,
        /** The Claude CLI's login was written to the store. */
        SAVED,
        /** The Claude CLI's login replaces the stored one in memory only; see {@link Result#problem()}. */
        OVERLAID
    }

    /**
     * @param store   the store to use from now on (with the synced profile when saved or overlaid)
     * @param login   the Claude CLI's login when it was read, else null
     * @param problem why the store could not be read ({@link Action#UNREADABLE}) or written
     *                ({@link Action#OVERLAID}); null otherwise. Never holds a secret.
     */
    public record Result(Action action, AuthStore store, ClaudeCliCredential login, String problem) {
        public Result {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(store, "store");
        }

        /** True when the Claude CLI's login was read and has expired. */
        public boolean loginExpiredAt(long nowMillis) {
            return login != null && login.expiredAt(nowMillis);
        }
    }

    private final ClaudeCliCredentials reader;
    private final Clock clock;

    public ClaudeCliSync(ClaudeCliCredentials reader, Clock clock) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Rule 1: true when {@code stored} is an Anthropic login, not a token, expiring more than 10 min from now. */
    public static boolean isFresh(Credential stored, long nowMillis) {
        return stored instanceof OAuthCredential o && ClaudeCliCredentials.PROVIDER.equals(o.provider())
                && o.expires() != null && o.expires() > nowMillis + NEAR_EXPIRY_MS;
    }

    /** Rules 2-5 for a stored profile (null: none) and the Claude CLI's login. */
    public static Decision decide(Credential stored, Credential cli, long nowMillis) {
        Objects.requireNonNull(cli, "cli");
        if (stored == null || stored instanceof ApiKeyCredential || !stored.provider().equals(cli.provider())) {
            return Decision.REPLACE;
        }
        if (sameLogin(stored, cli)) {
            return Decision.IDENTICAL;
        }
        if (stored instanceof OAuthCredential && cli instanceof TokenCredential) {
            return Decision.KEEP;
        }
        if (stored instanceof TokenCredential && cli instanceof OAuthCredential) {
            return Decision.REPLACE;
        }
        long storedExpires = expiresOf(stored);
        long cliExpires = expiresOf(cli);
        if (storedExpires <= nowMillis) {
            return Decision.REPLACE;
        }
        return cliExpires > nowMillis && cliExpires > storedExpires ? Decision.REPLACE : Decision.KEEP;
    }

    /**
     * Reads the Claude CLI's login when the stored profile is not fresh and applies the rules.
     *
     * @param repo        the agent's store
     * @param current     the store as the caller loaded it
     * @param writable    false to overlay in memory only (read-only loads)
     * @param useKeychain whether the macOS Keychain may be asked
     */
    public Result sync(AuthStoreRepository repo, AuthStore current, boolean writable, boolean useKeychain) {
        long now = clock.millis();
        Credential stored = current.profile(ClaudeCliCredentials.PROFILE_ID);
        if (isFresh(stored, now)) {
            return new Result(Action.FRESH, current, null, null);
        }
        Optional<ClaudeCliCredential> read;
        try {
            read = reader.read(useKeychain);
        } catch (ClaudeCliCredentialsException e) {
            return new Result(Action.UNREADABLE, current, null, e.getMessage());
        }
        if (read.isEmpty()) {
            return new Result(Action.NO_LOGIN, current, null, null);
        }
        ClaudeCliCredential login = read.get();
        Decision decision = decide(stored, login.credential(), now);
        if (decision == Decision.IDENTICAL) {
            return new Result(Action.UNCHANGED, current, login, null);
        }
        if (decision == Decision.KEEP) {
            return new Result(Action.KEPT, current, login, null);
        }
        AuthStore overlay = current.withProfile(ClaudeCliCredentials.PROFILE_ID, merge(stored, login.credential()));
        if (!writable) {
            return new Result(Action.OVERLAID, overlay, login, null);
        }
        AtomicBoolean replaced = new AtomicBoolean();
        try {
            AuthStore saved = repo.update(fresh -> {
                Credential again = fresh.profile(ClaudeCliCredentials.PROFILE_ID);
                if (decide(again, login.credential(), clock.millis()) != Decision.REPLACE) {
                    return fresh;
                }
                replaced.set(true);
                return fresh.withProfile(ClaudeCliCredentials.PROFILE_ID, merge(again, login.credential()));
            });
            return new Result(replaced.get() ? Action.SAVED : Action.UNCHANGED, saved, login, null);
        } catch (LockTimeoutException | FileWriteException | StoreFormatException | MalformedFileException e) {
            return new Result(Action.OVERLAID, overlay, login, "not saved: " + e.getMessage());
        }
    }

    /** The Claude CLI's login carrying over what the stored profile knew beyond it (display name, unknown fields). */
    public static Credential merge(Credential stored, Credential cli) {
        if (stored == null || stored instanceof ApiKeyCredential || !stored.provider().equals(cli.provider())) {
            return cli;
        }
        ProfileMeta kept = stored.meta();
        ProfileMeta meta = cli.email() != null ? kept.withEmail(cli.email()) : kept;
        return switch (cli) {
            case OAuthCredential o -> new OAuthCredential(o.provider(), o.access(), o.refresh(), o.idToken(),
                    o.expires(), o.clientId(), o.enterpriseUrl(), o.projectId(), o.accountId(), o.chatgptPlanType(),
                    o.oauthRef(), meta);
            case TokenCredential t -> new TokenCredential(t.provider(), t.token(), t.tokenRef(), t.expires(), meta);
            case ApiKeyCredential k -> k;
        };
    }

    private static boolean sameLogin(Credential a, Credential b) {
        if (a instanceof OAuthCredential x && b instanceof OAuthCredential y) {
            return Objects.equals(x.access(), y.access()) && Objects.equals(x.refresh(), y.refresh())
                    && Objects.equals(x.expires(), y.expires());
        }
        if (a instanceof TokenCredential x && b instanceof TokenCredential y) {
            return Objects.equals(x.token(), y.token()) && Objects.equals(x.expires(), y.expires());
        }
        return false;
    }

    /** Epoch milliseconds of expiry; 0 when unknown (an unknown expiry counts as already expired here). */
    static long expiresOf(Credential c) {
        Long e = switch (c) {
            case OAuthCredential o -> o.expires();
            case TokenCredential t -> t.expires();
            case ApiKeyCredential k -> null;
        };
        return e == null ? 0 : e;
    }

    @Override
    public String toString() {
        return "ClaudeCliSync[" + reader + "]";
    }
}
