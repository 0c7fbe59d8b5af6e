package ai.openclaw.auth;

/** Where a provider's profile order came from, most specific first. */
public enum OrderSource {
    /** The agent's override in {@code auth-state.json} ({@code models auth order set}). */
    AGENT_OVERRIDE("auth-state.json order override"),
    /** {@code auth.order.<provider>} in the config. */
    CONFIG_ORDER("config auth.order"),
    /** The ids of {@code auth.profiles} for the provider, in config order. */
    CONFIGURED_PROFILES("config auth.profiles"),
    /** Every stored profile of the provider, by type then least recently used. */
    STORED_PROFILES("stored profiles (round-robin)");

    private final String label;

    OrderSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean explicit() {
        return this == AGENT_OVERRIDE || this == CONFIG_ORDER;
    }
}
