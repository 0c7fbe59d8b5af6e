# shellcheck shell=sh disable=SC3013  # [ a -nt b ]: not in POSIX, but in dash, bash, ksh, zsh, busybox and BSD sh
# Build step of bin/openclaw: runs Maven once to produce target/openclaw.jar + target/lib/, serialized by a lock so
# concurrent first runs build only once. Sourced by bin/openclaw (needs OPENCLAW_ROOT, OPENCLAW_JDK). POSIX sh.
#
#   openclaw_jar_is_current      -> 0 when target/openclaw.jar and target/lib/ exist and nothing under src/main/
#                                   nor pom.xml is newer than the jar (one find, no JVM)
#   openclaw_build               -> builds if needed (under the lock); 0 on success or when already current

openclaw_jar_is_current() {
    [ -f "$OPENCLAW_ROOT/target/openclaw.jar" ] && [ -d "$OPENCLAW_ROOT/target/lib" ] || return 1
    _bd_newer=$(find "$OPENCLAW_ROOT/src/main" "$OPENCLAW_ROOT/pom.xml" -newer "$OPENCLAW_ROOT/target/openclaw.jar" \
        -print 2>/dev/null)
    [ -z "$_bd_newer" ]
}

# Maven command: the project's wrapper if it has one, else mvn from PATH.
_openclaw_mvn() {
    if [ -x "$OPENCLAW_ROOT/mvnw" ]; then
        _bd_mvn=$OPENCLAW_ROOT/mvnw
    else
        _bd_mvn=$(command -v mvn 2>/dev/null) || _bd_mvn=
    fi
    [ -n "$_bd_mvn" ]
}

openclaw_build() {
    _bd_target=$OPENCLAW_ROOT/target
    _bd_lock=$_bd_target/.openclaw-build.lock
    mkdir -p "$_bd_target" 2>/dev/null
    openclaw_lock_acquire "$_bd_lock" wait "a build of openclaw.jar in progress" || return 1
    # (the lock path is expanded now, on purpose)
    # shellcheck disable=SC2064
    trap "openclaw_lock_release '$_bd_lock'" EXIT
    # shellcheck disable=SC2064
    trap "openclaw_lock_release '$_bd_lock'; exit 130" INT
    # shellcheck disable=SC2064
    trap "openclaw_lock_release '$_bd_lock'; exit 143" TERM HUP

    if openclaw_jar_is_current; then            # someone else built it while we waited
        _openclaw_build_done "$_bd_lock"
        return 0
    fi
    if ! _openclaw_mvn; then
        if [ -f "$_bd_target/openclaw.jar" ] && [ -d "$_bd_target/lib" ]; then
            printf '%s\n' "openclaw: warning: sources changed since target/openclaw.jar was built, but Maven (mvn) is" \
                "  not installed; running the existing build. Install Maven 3.8.7+ to rebuild." >&2
            _openclaw_build_done "$_bd_lock"
            return 0
        fi
        printf '%s\n' "openclaw: target/openclaw.jar is missing and Maven (mvn) is not on PATH." \
            "  Install Maven 3.8.7 or newer (Debian/Ubuntu: apt-get install maven; macOS: brew install maven), then run again." >&2
        _openclaw_build_done "$_bd_lock"
        return 1
    fi

    printf 'openclaw: building %s (mvn -q package, JDK %s) ...\n' "$_bd_target/openclaw.jar" "$OPENCLAW_JDK_VERSION" >&2
    _bd_stamp=$_bd_target/.openclaw-build-start
    : >"$_bd_stamp"
    # Maven's own output goes to stderr; stdin is not Maven's. -Djansi.noreset: Maven 3.8's jansi otherwise emits
    # stray ESC[0m sequences even in batch/quiet mode. The Unsafe flag silences Guava's JEP 498 warning (JDK 23+).
    if (
        cd "$OPENCLAW_ROOT" || exit 1
        JAVA_HOME=$OPENCLAW_JDK
        MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow -Djansi.noreset=true${MAVEN_OPTS:+ $MAVEN_OPTS}"
        export JAVA_HOME MAVEN_OPTS
        exec "$_bd_mvn" -B -q -Dmaven.test.skip=true package
    ) </dev/null 1>&2; then
        :
    else
        _bd_rc=$?
        printf 'openclaw: build failed (mvn exit code %s); see the Maven output above.\n' "$_bd_rc" >&2
        _openclaw_build_done "$_bd_lock"
        return 1
    fi
    if [ ! -f "$_bd_target/openclaw.jar" ]; then
        printf 'openclaw: build succeeded but %s is missing\n' "$_bd_target/openclaw.jar" >&2
        _openclaw_build_done "$_bd_lock"
        return 1
    fi
    # Maven leaves the jar alone when its content is unchanged (e.g. only pom.xml was touched): give it the build's
    # start time so the staleness check is satisfied, while files edited during the build still count as newer.
    if [ "$_bd_stamp" -nt "$_bd_target/openclaw.jar" ]; then
        touch -r "$_bd_stamp" "$_bd_target/openclaw.jar"
    fi
    rm -f "$_bd_stamp"
    _openclaw_build_done "$_bd_lock"
    return 0
}

_openclaw_build_done() {
    openclaw_lock_release "$1"
    trap - EXIT INT TERM HUP
}
