package ai.openclaw.probe;

/** Where a probed credential comes from. */
public enum ProbeSource {
    PROFILE("profile"), ENV("env"), MODELS_JSON("models.json");

    private final String wireName;

    ProbeSource(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
