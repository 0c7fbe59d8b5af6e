# shellcheck shell=sh disable=SC2034,SC2016  # results are read by the caller; literal $NAMEs in messages
# Finds a JDK >= $OPENCLAW_MIN_JAVA (default 25) without starting a JVM: it reads JAVA_VERSION="25.0.3" from each
# candidate's $JH/release file. POSIX sh, no forks except one readlink chain for the java found on PATH.
#
#   openclaw_find_jdk   -> sets OPENCLAW_JDK (the JDK home) and OPENCLAW_JDK_VERSION, returns 0;
#                          otherwise prints what it searched and how to fix it to stderr and returns 127.
#
# Order:
#   1. $OPENCLAW_JAVA_HOME  - explicit choice; if set it must qualify (else 127, no silent fallback)
#   2. $JAVA_HOME           - used when it qualifies; skipped (not an error) when it is older, e.g. the system 17
#   3. the newest qualifying JDK among
#        /usr/lib/jvm/*  /opt/java/*  ~/.sdkman/candidates/java/*  /Library/Java/JavaVirtualMachines/*/Contents/Home
#        and the JDK home of the `java` on PATH (readlink -f)

# The project compiles with --release 25. (OPENCLAW_MIN_JAVA may only raise this, e.g. to test the error message.)
case ${OPENCLAW_MIN_JAVA:-} in
'' | *[!0-9]*) OPENCLAW_MIN_JAVA=25 ;;
*) [ "$OPENCLAW_MIN_JAVA" -ge 25 ] || OPENCLAW_MIN_JAVA=25 ;;
esac

# _openclaw_jdk_version DIR -> sets _oj_ver to the JAVA_VERSION of DIR/release ("" if not a usable JDK).
_openclaw_jdk_version() {
    _oj_ver=
    [ -f "$1/release" ] && [ -x "$1/bin/java" ] || return 1
    while IFS= read -r _oj_line || [ -n "$_oj_line" ]; do
        case $_oj_line in
        JAVA_VERSION=*)
            _oj_ver=${_oj_line#JAVA_VERSION=}
            _oj_ver=${_oj_ver#\"}
            _oj_ver=${_oj_ver%\"}
            break ;;
        esac
    done <"$1/release"
    [ -n "$_oj_ver" ]
}

# _openclaw_version_key VERSION -> sets _oj_major and _oj_key, an integer that orders versions
# (major, minor, patch, build; 4 digits each after the major): 25.0.3 -> 25000000030000, 1.8.0_392 -> 8000000000392.
_openclaw_version_key() {
    _oj_v=$1
    case $_oj_v in 1.*) _oj_v=${_oj_v#1.} ;; esac      # 1.8.0_392 -> 8.0_392
    _oj_key=
    _oj_major=
    _oj_n=0
    while [ "$_oj_n" -lt 4 ]; do
        _oj_part=${_oj_v%%[!0-9]*}                        # leading digits
        _oj_v=${_oj_v#"$_oj_part"}
        case $_oj_v in [._+-]*) _oj_v=${_oj_v#?} ;; *) _oj_v= ;; esac
        [ -n "$_oj_part" ] || _oj_part=0
        # drop leading zeros (no octal surprises), cap the width
        while [ "${#_oj_part}" -gt 1 ] && [ "${_oj_part#0}" != "$_oj_part" ]; do _oj_part=${_oj_part#0}; done
        if [ -z "$_oj_major" ]; then
            [ "${#_oj_part}" -gt 4 ] && _oj_part=9999
            _oj_major=$_oj_part
            _oj_key=$_oj_part
        else
            [ "${#_oj_part}" -gt 4 ] && _oj_part=9999
            while [ "${#_oj_part}" -lt 4 ]; do _oj_part=0$_oj_part; done
            _oj_key=$_oj_key$_oj_part
        fi
        _oj_n=$((_oj_n + 1))
    done
}

# _openclaw_jdk_ok DIR -> 0 when DIR is a JDK >= minimum; sets _oj_ver, _oj_key.
_openclaw_jdk_ok() {
    _openclaw_jdk_version "$1" || return 1
    _openclaw_version_key "$_oj_ver"
    [ "$_oj_major" -ge "$OPENCLAW_MIN_JAVA" ] 2>/dev/null
}

openclaw_find_jdk() {
    OPENCLAW_JDK=
    OPENCLAW_JDK_VERSION=

    if [ -n "${OPENCLAW_JAVA_HOME:-}" ]; then
        if _openclaw_jdk_ok "$OPENCLAW_JAVA_HOME"; then
            OPENCLAW_JDK=$OPENCLAW_JAVA_HOME
            OPENCLAW_JDK_VERSION=$_oj_ver
            return 0
        fi
        if [ -n "$_oj_ver" ]; then
            _oj_why="is Java $_oj_ver"
        else
            _oj_why="is not a JDK (no release file or bin/java)"
        fi
        printf '%s\n' "openclaw: OPENCLAW_JAVA_HOME=$OPENCLAW_JAVA_HOME $_oj_why; Java $OPENCLAW_MIN_JAVA or newer is required." \
            "  Point OPENCLAW_JAVA_HOME at a JDK $OPENCLAW_MIN_JAVA+ home (the directory containing bin/java and release)," \
            "  or unset it to search the usual places." >&2
        return 127
    fi

    if [ -n "${JAVA_HOME:-}" ] && _openclaw_jdk_ok "$JAVA_HOME"; then
        OPENCLAW_JDK=$JAVA_HOME
        OPENCLAW_JDK_VERSION=$_oj_ver
        return 0
    fi

    _oj_best=
    _oj_best_key=
    _oj_best_ver=
    for _oj_dir in /usr/lib/jvm/* /opt/java/* "${HOME:-/nonexistent}"/.sdkman/candidates/java/* \
        /Library/Java/JavaVirtualMachines/*/Contents/Home; do
        [ -d "$_oj_dir" ] || continue
        case $_oj_dir in */current) continue ;; esac       # sdkman symlink to one of the others
        if _openclaw_jdk_ok "$_oj_dir" && { [ -z "$_oj_best" ] || [ "$_oj_key" -gt "$_oj_best_key" ]; }; then
            _oj_best=$_oj_dir
            _oj_best_key=$_oj_key
            _oj_best_ver=$_oj_ver
        fi
    done
    if [ -z "$_oj_best" ]; then
        # Last resort: the java on PATH (only looked at when nothing above qualified: costs a readlink fork).
        _oj_java=$(command -v java 2>/dev/null)
        if [ -n "$_oj_java" ]; then
            _oj_real=$(readlink -f "$_oj_java" 2>/dev/null || printf '%s' "$_oj_java")
            _oj_dir=${_oj_real%/bin/java}
            case $_oj_dir in */jre) [ -f "$_oj_dir/release" ] || _oj_dir=${_oj_dir%/jre} ;; esac
            if _openclaw_jdk_ok "$_oj_dir"; then
                _oj_best=$_oj_dir
                _oj_best_ver=$_oj_ver
            fi
        fi
    fi
    if [ -n "$_oj_best" ]; then
        OPENCLAW_JDK=$_oj_best
        OPENCLAW_JDK_VERSION=$_oj_best_ver
        return 0
    fi

    {
        printf 'openclaw: no Java %s+ JDK found. Searched (reading <dir>/release, JAVA_VERSION):\n' "$OPENCLAW_MIN_JAVA"
        printf '  $OPENCLAW_JAVA_HOME   (not set)\n'
        if [ -n "${JAVA_HOME:-}" ]; then
            _openclaw_jdk_version "$JAVA_HOME"
            printf '  $JAVA_HOME            %s (%s)\n' "$JAVA_HOME" "${_oj_ver:-not a JDK}"
        else
            printf '  $JAVA_HOME            (not set)\n'
        fi
        for _oj_glob in /usr/lib/jvm /opt/java "${HOME:-~}/.sdkman/candidates/java" /Library/Java/JavaVirtualMachines; do
            _oj_found=
            for _oj_dir in "$_oj_glob"/*; do
                [ -d "$_oj_dir" ] || continue
                [ -d "$_oj_dir/Contents/Home" ] && _oj_dir=$_oj_dir/Contents/Home
                _openclaw_jdk_version "$_oj_dir"
                _oj_found="$_oj_found ${_oj_dir##*/}${_oj_ver:+=$_oj_ver}"
            done
            printf '  %-20s %s\n' "$_oj_glob/*" "${_oj_found:- (nothing)}"
        done
        printf '  %-20s %s\n' 'java on PATH' "${_oj_java:-(none)}${_oj_real:+ -> $_oj_real}"
        printf 'Fix: install a JDK %s or newer (e.g. Eclipse Temurin %s: apt install temurin-%s-jdk from the Adoptium\n' \
            "$OPENCLAW_MIN_JAVA" "$OPENCLAW_MIN_JAVA" "$OPENCLAW_MIN_JAVA"
        printf '     repository, or sdk install java %s-tem), or set OPENCLAW_JAVA_HOME=/path/to/jdk-%s.\n' \
            "$OPENCLAW_MIN_JAVA" "$OPENCLAW_MIN_JAVA"
    } >&2
    return 127
}
