#!/usr/bin/env bash
# Startup benchmark of `bin/openclaw models status` (wall time, hyperfine -N).
#
# State: a generated temp state dir (bin/lib/fixture.sh) with PROFILES (default 20) profiles - api_key, token with
# expiry, oauth with expiry/accountId/email - plus auth-state.json and a JSON5 openclaw.json
# (agents.defaults.model.primary + fallbacks, auth.profiles/order, a models.providers entry). HOME, OPENCLAW_HOME and
# OPENCLAW_STATE_DIR point there and the commands run in an empty cwd, so no real state or .env is read.
#
# Rows: the launcher with the AOT cache (default), the launcher with OPENCLAW_NO_AOT=1, the same java command line
# without the launcher script (shows the script's own cost), and `java -version` of the same JDK as the floor.
# Prints a markdown table on stdout (hyperfine's progress goes to stderr).
#
#   bench/status-startup.sh                 RUNS=30 WARMUP=3 PROFILES=20 by default (environment overrides)
#
# Installs hyperfine with apt-get if it is missing (root or password-less sudo).
set -euo pipefail

RUNS=${RUNS:-30}
WARMUP=${WARMUP:-3}
PROFILES=${PROFILES:-20}

root=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
launcher=$root/bin/openclaw

if ! command -v hyperfine >/dev/null 2>&1; then
    echo "bench: hyperfine not found; installing it with apt-get" >&2
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then sudo=(sudo -n); fi
    export DEBIAN_FRONTEND=noninteractive
    ${sudo[@]+"${sudo[@]}"} apt-get install -y -q hyperfine </dev/null >&2 ||
        { ${sudo[@]+"${sudo[@]}"} apt-get update -q </dev/null >&2 &&
            ${sudo[@]+"${sudo[@]}"} apt-get install -y -q hyperfine </dev/null >&2; }
fi

# shellcheck source=/dev/null
. "$root/bin/lib/jdk.sh"
openclaw_find_jdk
# shellcheck source=/dev/null
. "$root/bin/lib/fixture.sh"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/openclaw-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/work"
openclaw_write_fixture "$tmp/home/.openclaw" "$PROFILES"
export HOME=$tmp/home OPENCLAW_HOME=$tmp/home OPENCLAW_STATE_DIR=$tmp/home/.openclaw
unset OPENCLAW_CONFIG_PATH OPENCLAW_AGENT_DIR PI_CODING_AGENT_DIR OPENCLAW_JAVA_OPTS OPENCLAW_NO_AOT
cd "$tmp/work"

# Build + AOT training happen here (first run), not inside the measurements. Fail early if the command fails.
echo "bench: preparing (build if needed, AOT cache) ..." >&2
if ! "$launcher" models status >"$tmp/status.out" 2>"$tmp/status.err"; then
    echo "bench: 'bin/openclaw models status' failed:" >&2
    cat "$tmp/status.err" >&2
    exit 1
fi
"$launcher" models status >/dev/null 2>&1 # second run: cache in place
if [ ! -f "$root/target/openclaw.aot" ]; then
    echo "bench: warning: no AOT cache was created (target/openclaw.aot); the AOT row measures the fallback" >&2
fi

# The launcher's exact java command line, for the "no launcher script" row.
flags=$(sed -n 's/^OPENCLAW_JVM_FLAGS="\(.*\)"$/\1/p' "$launcher")
java=$OPENCLAW_JDK/bin/java
direct="$java $flags -XX:AOTCache=$root/target/openclaw.aot -Xlog:aot*=off,cds*=off -cp $root/target/openclaw.jar:$root/target/aot-training.jar ai.openclaw.cli.Main models status"

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
hyperfine -N --warmup "$WARMUP" --runs "$RUNS" --style basic --export-markdown "$tmp/result.md" \
    -n "bin/openclaw models status (AOT cache)" "env OPENCLAW_NO_AOT=0 $launcher models status" \
    -n "bin/openclaw models status, OPENCLAW_NO_AOT=1" "env OPENCLAW_NO_AOT=1 $launcher models status" \
    -n "java ... Main models status (AOT cache, no launcher script)" "$direct" \
    -n "java -version (floor)" "$java -version" >&2

printf '### `bin/openclaw models status` startup\n\n'
printf -- '- %s; JDK %s (%s); JVM flags: `%s`\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$OPENCLAW_JDK_VERSION" "$OPENCLAW_JDK" "$flags"
printf -- '- %s CPUs, load average before/after: %s / %s; %s profiles; hyperfine -N, %s warm-up runs, %s runs\n' \
    "$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?')" "$load_before" \
    "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')" "$PROFILES" "$WARMUP" "$RUNS"
printf -- '- first line of output: `%s`\n\n' "$(head -n 1 "$tmp/status.out")"
cat "$tmp/result.md"
