package ai.openclaw.secrets;

/** What one provider returned for one id, before it becomes a {@link Resolution}. */
sealed interface IdResult {
    /** A value the provider returned; {@code null} when it was not a string. Masked in {@code toString}. */
    record Value(String text) implements IdResult {
        @Override
        public String toString() {
            return "Value[" + (text == null ? "non-string" : "***") + "]";
        }
    }

    /** The provider could not give this id a value; {@code reason} is safe to show. */
    record Problem(String reason) implements IdResult {}
}
