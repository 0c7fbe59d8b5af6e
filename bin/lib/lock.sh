# shellcheck shell=sh
# A portable inter-process lock: mkdir is atomic on every POSIX file system. The owner's pid is written into the
# lock dir; a lock whose owner is gone (killed with -9, machine rebooted) is taken over. POSIX sh.
#
#   openclaw_lock_acquire DIR wait|try [WHAT]   -> 0 when acquired; with "try", 1 if someone else holds it
#   openclaw_lock_release DIR                   -> removes DIR if we own it
#
# WHAT is used in the "waiting for ..." message printed (once) on stderr.

openclaw_lock_acquire() {
    _lk_dir=$1
    _lk_mode=$2
    _lk_what=${3:-another openclaw process}
    _lk_said=
    _lk_waited=0
    while ! mkdir "$_lk_dir" 2>/dev/null; do
        if [ ! -d "$_lk_dir" ]; then
            # parent missing (e.g. target/ does not exist yet) or not writable
            mkdir -p "${_lk_dir%/*}" 2>/dev/null || { printf 'openclaw: cannot create %s\n' "$_lk_dir" >&2; return 2; }
            continue
        fi
        _lk_pid=
        [ -f "$_lk_dir/pid" ] && read -r _lk_pid <"$_lk_dir/pid" 2>/dev/null
        if [ -n "$_lk_pid" ] && ! kill -0 "$_lk_pid" 2>/dev/null; then
            # owner is gone: take the lock over (re-check the pid right before, to narrow the race with another
            # process doing the same)
            _lk_pid2=
            read -r _lk_pid2 <"$_lk_dir/pid" 2>/dev/null
            if [ "$_lk_pid2" = "$_lk_pid" ]; then
                rm -rf "$_lk_dir"
            fi
            continue
        fi
        if [ -z "$_lk_pid" ] && [ "$_lk_waited" -ge 10 ]; then
            # a lock dir without a pid for 10 s: its creator died between mkdir and writing the pid
            rm -rf "$_lk_dir"
            continue
        fi
        [ "$_lk_mode" = wait ] || return 1
        if [ -z "$_lk_said" ]; then
            printf 'openclaw: waiting for %s%s ...\n' "$_lk_what" "${_lk_pid:+ (pid $_lk_pid)}" >&2
            _lk_said=1
        fi
        sleep 1
        _lk_waited=$((_lk_waited + 1))
    done
    printf '%s\n' "$$" >"$_lk_dir/pid"
    return 0
}

openclaw_lock_release() {
    _lk_pid=
    [ -f "$1/pid" ] && read -r _lk_pid <"$1/pid" 2>/dev/null
    if [ "$_lk_pid" = "$$" ]; then
        rm -rf "$1"
    fi
    return 0
}
