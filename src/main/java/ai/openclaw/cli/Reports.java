package ai.openclaw.cli;

import ai.openclaw.app.AppContext;
import ai.openclaw.app.CredentialService;
import java.nio.file.Path;

/** Shared output lines of commands. */
final class Reports {
    private Reports() {}

    static void saved(AppContext ctx, CredentialService.Saved saved) {
        ctx.out().println((saved.configUpdated() ? "Updated " : "Config already up to date: ")
                + shorten(ctx, saved.configPath()));
        ctx.out().println("Stored in " + shorten(ctx, saved.storePath()));
        ctx.out().println("Auth profile: " + saved.profileId() + " (" + saved.provider() + "/"
                + saved.mode().wireName() + ")");
    }

    static String shorten(AppContext ctx, Path p) {
        return ctx.paths().display(p);
    }
}
