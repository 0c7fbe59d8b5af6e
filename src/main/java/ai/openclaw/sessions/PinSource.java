package ai.openclaw.sessions;

import java.util.Optional;

/** Who pinned a session's auth profile ({@code authProfileOverrideSource}). */
public enum PinSource {
    /** {@code /model …@<profileId>}: a locked choice of the user. */
    USER("user"),
    /** Chosen by routing at session start; a preference, replaced on reset, compaction or cooldown. */
    AUTO("auto");

    private final String wireName;

    PinSource(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<PinSource> parse(String value) {
        for (PinSource s : values()) {
            if (s.wireName.equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
