package ai.openclaw.routing;

import static ai.openclaw.routing.RoutingFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.config.CooldownConfig;
import ai.openclaw.core.Secret;
import ai.openclaw.credential.ApiKeyCredential;
import ai.openclaw.store.AuthState;
import ai.openclaw.store.AuthStore;
import ai.openclaw.store.FailureReason;
import ai.openclaw.store.UsageStats;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalUsageViewTest {
    private static final AuthStore EMPTY_STATE = new AuthStore(
            Map.of("openai:a", ApiKeyCredential.of("openai", Secret.of("sk-a-0123456789"))), AuthState.EMPTY);

    private final LocalUsageView view = new LocalUsageView();

    private static StateChange failure(long at) {
        return new StateChange.Failure("openai:a", "openai", FailureReason.AUTH, null, at, null,
                CooldownConfig.DEFAULTS);
    }

    private static AuthStore withStats(UsageStats s) {
        return EMPTY_STATE.withState(AuthState.EMPTY.withStats("openai:a", x -> s));
    }

    @Test
    void aPendingChange_showsOverTheSnapshot() {
        UsageStats after = view.record("main", EMPTY_STATE, failure(NOW), 1, NOW);
        assertThat(view.apply("main", EMPTY_STATE, NOW).state().stats("openai:a")).isEqualTo(after);
        assertThat(view.apply("other", EMPTY_STATE, NOW)).isSameAs(EMPTY_STATE);
    }

    @Test
    void successiveChanges_build_onEachOther() {
        view.record("main", EMPTY_STATE, failure(NOW), 1, NOW);
        UsageStats second = view.record("main", EMPTY_STATE, failure(NOW + 1), 2, NOW + 1);
        assertThat(second.errorCount()).isEqualTo(2);
    }

    @Test
    void aWrittenChange_givesWayOnceTheSnapshotShowsIt() {
        UsageStats after = view.record("main", EMPTY_STATE, failure(NOW), 1, NOW);
        view.written("main", AuthState.EMPTY.withStats("openai:a", x -> after), 1, NOW);
        assertThat(view.apply("main", EMPTY_STATE, NOW).state().stats("openai:a")).isEqualTo(after);
        AuthStore caughtUp = withStats(after);
        assertThat(view.apply("main", caughtUp, NOW)).isSameAs(caughtUp);
        assertThat(view.apply("main", EMPTY_STATE, NOW)).as("entry gone").isSameAs(EMPTY_STATE);
    }

    @Test
    void aWrittenChange_givesWayToNewerNewsFromAnotherProcess() {
        UsageStats after = view.record("main", EMPTY_STATE, failure(NOW), 1, NOW);
        view.written("main", AuthState.EMPTY.withStats("openai:a", x -> after), 1, NOW);
        AuthStore newer = withStats(UsageUpdates.success(after, NOW + 5));
        assertThat(view.apply("main", newer, NOW + 5)).isSameAs(newer);
    }

    @Test
    void aWrittenChange_givesWayAfterTheCatchUpTime_evenToASnapshotWithoutNews() {
        UsageStats after = view.record("main", EMPTY_STATE, failure(NOW), 1, NOW);
        view.written("main", AuthState.EMPTY.withStats("openai:a", x -> after), 1, NOW);
        long later = NOW + LocalUsageView.CATCH_UP_MS;
        assertThat(view.apply("main", EMPTY_STATE, later - 1).state().stats("openai:a")).isEqualTo(after);
        assertThat(view.apply("main", EMPTY_STATE, later)).isSameAs(EMPTY_STATE);
    }

    @Test
    void aPendingChange_neverGivesWay() {
        UsageStats after = view.record("main", EMPTY_STATE, failure(NOW), 1, NOW);
        view.written("main", AuthState.EMPTY, 0, NOW);
        assertThat(view.apply("main", EMPTY_STATE, NOW + 60_000).state().stats("openai:a")).isEqualTo(after);
    }
}
