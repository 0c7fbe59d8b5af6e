package ai.openclaw.routing;

import static ai.openclaw.store.FailureReason.AUTH;
import static ai.openclaw.store.FailureReason.AUTH_PERMANENT;
import static ai.openclaw.store.FailureReason.BILLING;
import static ai.openclaw.store.FailureReason.OVERLOADED;
import static ai.openclaw.store.FailureReason.RATE_LIMIT;
import static ai.openclaw.store.FailureReason.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.config.CooldownConfig;
import ai.openclaw.store.AuthState;
import ai.openclaw.store.FailureReason;
import ai.openclaw.store.UsageStats;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsageUpdatesTest {
    private static final long NOW = 1_750_000_000_000L;
    private static final long SEC = 1_000;
    private static final long MIN = 60 * SEC;
    private static final long HOUR = 60 * MIN;
    private static final CooldownConfig CFG = CooldownConfig.DEFAULTS;

    private static UsageStats fail(UsageStats s, FailureReason r, String model, long at) {
        return UsageUpdates.failure(s, "openai", r, model, at, null, CFG);
    }

    /** Counters without an open window (e.g. a window someone cleared by hand). */
    private static UsageStats counted(int errorCount, long lastFailureAt) {
        return new UsageStats(null, null, null, null, null, null, null, null, null, null, errorCount,
                Map.of(RATE_LIMIT, errorCount), lastFailureAt);
    }

    @Test
    void firstFailure_opensA30SecondCooldownScopedToTheModel_forRateLimits() {
        UsageStats s = fail(UsageStats.EMPTY, RATE_LIMIT, "gpt-4o", NOW);
        assertThat(s.errorCount()).isEqualTo(1);
        assertThat(s.failureCounts()).containsExactly(Map.entry(RATE_LIMIT, 1));
        assertThat(s.lastFailureAt()).isEqualTo(NOW);
        assertThat(s.cooldownUntil()).isEqualTo(NOW + 30 * SEC);
        assertThat(s.cooldownReason()).isEqualTo(RATE_LIMIT);
        assertThat(s.cooldownModel()).isEqualTo("gpt-4o");
    }

    @Test
    void timeoutsAreModelScopedToo_otherReasonsCoverTheWholeProfile() {
        assertThat(fail(UsageStats.EMPTY, TIMEOUT, "gpt-4o", NOW).cooldownModel()).isEqualTo("gpt-4o");
        assertThat(fail(UsageStats.EMPTY, AUTH, "gpt-4o", NOW).cooldownModel()).isNull();
        assertThat(fail(UsageStats.EMPTY, OVERLOADED, "gpt-4o", NOW).cooldownModel()).isNull();
        assertThat(fail(UsageStats.EMPTY, RATE_LIMIT, null, NOW).cooldownModel()).isNull();
    }

    @Test
    void ladderByErrorCount_is30s_60s_then5min() {
        assertThat(fail(counted(1, NOW - MIN), RATE_LIMIT, "m", NOW).cooldownUntil()).isEqualTo(NOW + 60 * SEC);
        assertThat(fail(counted(2, NOW - MIN), RATE_LIMIT, "m", NOW).cooldownUntil()).isEqualTo(NOW + 5 * MIN);
        assertThat(fail(counted(7, NOW - MIN), RATE_LIMIT, "m", NOW).cooldownUntil()).isEqualTo(NOW + 5 * MIN);
    }

    @Test
    void aFailureDuringAnOpenWindow_countsButKeepsTheWindow() {
        UsageStats first = fail(UsageStats.EMPTY, AUTH, null, NOW);
        UsageStats second = fail(first, AUTH, null, NOW + 10 * SEC);
        assertThat(second.errorCount()).isEqualTo(2);
        assertThat(second.failureCounts()).containsEntry(AUTH, 2);
        assertThat(second.cooldownUntil()).isEqualTo(NOW + 30 * SEC);
    }

    @Test
    void anOpenWindowOfAnotherModel_becomesProfileWide() {
        UsageStats first = fail(UsageStats.EMPTY, RATE_LIMIT, "gpt-4o", NOW);
        UsageStats sameModel = fail(first, RATE_LIMIT, "gpt-4o", NOW + SEC);
        UsageStats otherModel = fail(first, RATE_LIMIT, "gpt-4o-mini", NOW + SEC);
        assertThat(sameModel.cooldownModel()).isEqualTo("gpt-4o");
        assertThat(otherModel.cooldownModel()).isNull();
    }

    @Test
    void countersStartAfresh_whenThePreviousWindowEnded_orTheFailureWindowPassed() {
        UsageStats first = fail(UsageStats.EMPTY, RATE_LIMIT, "m", NOW);
        UsageStats afterWindow = fail(first, AUTH, "m", NOW + 31 * SEC);
        assertThat(afterWindow.errorCount()).isEqualTo(1);
        assertThat(afterWindow.failureCounts()).containsExactly(Map.entry(AUTH, 1));
        assertThat(afterWindow.cooldownUntil()).isEqualTo(NOW + 31 * SEC + 30 * SEC);

        UsageStats old = counted(2, NOW - 25 * HOUR);
        assertThat(fail(old, RATE_LIMIT, "m", NOW).errorCount()).isEqualTo(1);
    }

    @Test
    void aLongerRetryAfter_extendsTheCooldown_aShorterOneDoesNot() {
        UsageStats longer = UsageUpdates.failure(UsageStats.EMPTY, "openai", RATE_LIMIT, "m", NOW, 120 * SEC, CFG);
        UsageStats shorter = UsageUpdates.failure(UsageStats.EMPTY, "openai", RATE_LIMIT, "m", NOW, 5 * SEC, CFG);
        assertThat(longer.cooldownUntil()).isEqualTo(NOW + 120 * SEC);
        assertThat(shorter.cooldownUntil()).isEqualTo(NOW + 30 * SEC);
        UsageStats extended = UsageUpdates.failure(shorter, "openai", RATE_LIMIT, "m", NOW + SEC, 300 * SEC, CFG);
        assertThat(extended.cooldownUntil()).isEqualTo(NOW + SEC + 300 * SEC);
    }

    @Test
    void billing_disablesTheProfile_5hDoublingUpTo24h() {
        UsageStats first = fail(UsageStats.EMPTY, BILLING, "m", NOW);
        assertThat(first.disabledUntil()).isEqualTo(NOW + 5 * HOUR);
        assertThat(first.disabledReason()).isEqualTo(BILLING);
        assertThat(first.cooldownUntil()).isNull();
        UsageStats billedBefore = new UsageStats(null, null, null, null, null, null, null, null, null, null, 1,
                Map.of(BILLING, 1), NOW - HOUR);
        assertThat(fail(billedBefore, BILLING, "m", NOW).disabledUntil()).isEqualTo(NOW + 10 * HOUR);
        UsageStats often = new UsageStats(null, null, null, null, null, null, null, null, null, null, 3,
                Map.of(BILLING, 3), NOW - HOUR);
        assertThat(fail(often, BILLING, "m", NOW).disabledUntil()).isEqualTo(NOW + 24 * HOUR);
    }

    @Test
    void billingBackoff_perProviderOverride() {
        CooldownConfig cfg = new CooldownConfig(5, Map.of("openai", 1.0), 24, 10, 60, 24, 1, 0, 1);
        assertThat(UsageUpdates.failure(UsageStats.EMPTY, "openai", BILLING, "m", NOW, null, cfg).disabledUntil())
                .isEqualTo(NOW + HOUR);
        assertThat(UsageUpdates.failure(UsageStats.EMPTY, "anthropic", BILLING, "m", NOW, null, cfg).disabledUntil())
                .isEqualTo(NOW + 5 * HOUR);
    }

    @Test
    void permanentAuth_disablesFor10MinDoublingUpTo60() {
        assertThat(fail(UsageStats.EMPTY, AUTH_PERMANENT, "m", NOW).disabledUntil()).isEqualTo(NOW + 10 * MIN);
        UsageStats before = new UsageStats(null, null, null, null, null, null, null, null, null, null, 5,
                Map.of(AUTH_PERMANENT, 5), NOW - MIN);
        assertThat(fail(before, AUTH_PERMANENT, "m", NOW).disabledUntil()).isEqualTo(NOW + 60 * MIN);
    }

    @Test
    void success_clearsWindowsAndCounters_andStampsLastUsed() {
        UsageStats failed = fail(fail(UsageStats.EMPTY, BILLING, "m", NOW), RATE_LIMIT, "m", NOW);
        UsageStats ok = UsageUpdates.success(failed, NOW + SEC);
        assertThat(ok.lastUsed()).isEqualTo(NOW + SEC);
        assertThat(ok.errorCount()).isZero();
        assertThat(ok.failureCounts()).isEmpty();
        assertThat(ok.cooldownUntil()).isNull();
        assertThat(ok.disabledUntil()).isNull();
        assertThat(ok.lastFailureAt()).isEqualTo(NOW);
    }

    @Test
    void sweep_clearsEndedWindows_andTheirCountersWhenNoWindowIsLeft() {
        UsageStats cooled = fail(UsageStats.EMPTY, RATE_LIMIT, "m", NOW);
        AuthState state = new AuthState(Map.of(), Map.of(), Map.of("a", cooled));
        assertThat(UsageUpdates.sweepExpired(state, NOW + SEC)).isSameAs(state);
        UsageStats swept = UsageUpdates.sweepExpired(state, NOW + 30 * SEC).stats("a");
        assertThat(swept.cooldownUntil()).isNull();
        assertThat(swept.cooldownReason()).isNull();
        assertThat(swept.cooldownModel()).isNull();
        assertThat(swept.errorCount()).isZero();
        assertThat(swept.failureCounts()).isEmpty();
        assertThat(swept.lastFailureAt()).isEqualTo(NOW);
    }
}
