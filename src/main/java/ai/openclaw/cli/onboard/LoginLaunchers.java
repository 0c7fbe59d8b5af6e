package ai.openclaw.cli.onboard;

import ai.openclaw.app.AppContext;

/** The one place onboarding gets its {@link LoginLauncher}; the real login flows are plugged in here. */
public final class LoginLaunchers {
    private LoginLaunchers() {}

    public static LoginLauncher forContext(AppContext ctx) {
        return new DeferredLoginLauncher(ctx.out());
    }
}
