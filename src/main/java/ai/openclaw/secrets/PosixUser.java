package ai.openclaw.secrets;

/** The numeric user id of this process, which secret files and exec commands must be owned by. */
final class PosixUser {
    /** Returned where the platform has no POSIX uid; ownership then cannot be verified (fail closed). */
    static final long UNKNOWN_UID = -1;

    private PosixUser() {}

    static long currentUid() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | SecurityException e) {
            return UNKNOWN_UID;
        }
    }
}
