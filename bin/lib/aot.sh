# shellcheck shell=sh disable=SC3013  # [ a -nt b ]: not in POSIX, but in dash, bash, ksh, zsh, busybox and BSD sh
# JDK 25 AOT cache for bin/openclaw (JEP 483/514/515): one training run with -XX:AOTCacheOutput writes
# target/openclaw.aot, which later runs load with -XX:AOTCache (classes already parsed, verified and linked).
# Sourced by bin/openclaw (needs OPENCLAW_ROOT, OPENCLAW_JDK, OPENCLAW_JDK_VERSION, OPENCLAW_JVM_FLAGS). POSIX sh.
#
#   openclaw_aot_train   -> (re)creates the cache; never fails the caller (returns 1 when there is no usable cache)
#
# One JVM is one training run, and the cache only covers what that JVM did. To cover several commands, the training
# JVM runs ai.openclaw.cli.AotTraining (part of the application jar), which runs each command line in process.
#
# The training runs in an empty environment (env -i) with HOME, OPENCLAW_HOME and OPENCLAW_STATE_DIR pointing into a
# temp dir holding a synthetic state (bin/lib/fixture.sh), in that temp dir as cwd, so no real credential, config or
# .env of the user is read - and nothing of the user's can end up in the (world-readable) cache file.

# Command lines run by the training JVM, separated by ";;".
OPENCLAW_AOT_COMMANDS="models status ;; models status --json ;; --help"

openclaw_aot_train() {
    _ao_target=$OPENCLAW_ROOT/target
    _ao_lock=$_ao_target/.openclaw-aot.lock
    # Someone else training right now: don't wait, just run without the cache this time.
    openclaw_lock_acquire "$_ao_lock" try || return 1
    # (the lock path is expanded now, on purpose)
    # shellcheck disable=SC2064
    trap "openclaw_lock_release '$_ao_lock'; rm -rf \"\$_ao_tmp\"" EXIT
    # shellcheck disable=SC2064
    trap "openclaw_lock_release '$_ao_lock'; rm -rf \"\$_ao_tmp\"; exit 130" INT
    # shellcheck disable=SC2064
    trap "openclaw_lock_release '$_ao_lock'; rm -rf \"\$_ao_tmp\"; exit 143" TERM HUP

    # Re-check under the lock: another process may have finished training while we were deciding.
    if openclaw_aot_is_current; then
        _openclaw_aot_done
        return 0
    fi
    [ -t 2 ] && printf 'openclaw: creating the startup cache target/openclaw.aot (one-time, a few seconds) ...\n' >&2

    _ao_ok=
    _ao_tmp=$(umask 077 && mktemp -d "${TMPDIR:-/tmp}/openclaw-aot.XXXXXX") || { _openclaw_aot_done; return 1; }
    mkdir -p "$_ao_tmp/home" "$_ao_tmp/work"
    if openclaw_write_fixture "$_ao_tmp/home/.openclaw" 6 >/dev/null 2>&1; then
        _ao_out=$_ao_target/openclaw.aot.tmp.$$
        rm -f "$_ao_out" "$_ao_out.config"
        # shellcheck disable=SC2086
        (
            set -f
            cd "$_ao_tmp/work" || exit 1
            exec env -i PATH="/usr/bin:/bin" HOME="$_ao_tmp/home" OPENCLAW_HOME="$_ao_tmp/home" \
                OPENCLAW_STATE_DIR="$_ao_tmp/home/.openclaw" TMPDIR="$_ao_tmp" \
                ${LANG:+LANG="$LANG"} ${LC_ALL:+LC_ALL="$LC_ALL"} TZ="${TZ:-UTC}" \
                "$OPENCLAW_JDK/bin/java" $OPENCLAW_JVM_FLAGS -XX:AOTCacheOutput="$_ao_out" \
                -cp "$OPENCLAW_CP_AOT" ai.openclaw.cli.AotTraining $OPENCLAW_AOT_COMMANDS
        ) </dev/null >/dev/null 2>&1
        if [ -s "$_ao_out" ]; then
            mv -f "$_ao_out" "$_ao_target/openclaw.aot" &&
                printf '%s\n' "$OPENCLAW_AOT_STAMP" >"$_ao_target/openclaw.aot.stamp" &&
                _ao_ok=1
        fi
        rm -f "$_ao_out" "$_ao_out.config"
    fi
    if [ -z "$_ao_ok" ]; then
        # Remember the failure for this jar + JDK so every later run does not retry (and pay for) the training.
        rm -f "$_ao_target/openclaw.aot" "$_ao_target/openclaw.aot.stamp"
        printf '%s\n' "$OPENCLAW_AOT_STAMP" >"$_ao_target/openclaw.aot.failed"
        [ -t 2 ] && printf 'openclaw: startup cache training failed; running without it (OPENCLAW_NO_AOT=1 skips this).\n' >&2
    else
        rm -f "$_ao_target/openclaw.aot.failed"
    fi
    rm -rf "$_ao_tmp"
    _openclaw_aot_done
    [ -n "$_ao_ok" ]
}

_openclaw_aot_done() {
    openclaw_lock_release "$_ao_lock"
    trap - EXIT INT TERM HUP
}
