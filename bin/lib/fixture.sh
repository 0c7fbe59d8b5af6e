# shellcheck shell=sh disable=SC2154  # _fx_prov is set through eval
# Writes a synthetic OpenClaw state dir (fake secrets only) for the AOT training run (bin/openclaw) and the
# startup benchmark (bench/status-startup.sh).
#
#   openclaw_write_fixture STATE_DIR [PROFILE_COUNT]
#
# Layout (see docs of the reference implementation):
#   STATE_DIR/openclaw.json                              JSON5 config: agents.defaults.model, auth.profiles/order,
#                                                        models.providers.<custom>
#   STATE_DIR/agents/main/agent/auth-profiles.json       {version:1, profiles:{...}}, mode 0600
#   STATE_DIR/agents/main/agent/auth-state.json          order / lastGood / usageStats (a cooldown, a disabled one)
# Profiles cycle through api_key, token (with expiry; some expired, one without expiry) and oauth (expiry, accountId,
# email; some expired) across several providers. POSIX sh; uses only printf, date, mkdir, chmod.

openclaw_write_fixture() {
    _fx_dir=$1
    _fx_n=${2:-6}
    _fx_agent=$_fx_dir/agents/main/agent
    mkdir -p "$_fx_agent" || return 1
    chmod 700 "$_fx_dir" 2>/dev/null

    _fx_now=$(date +%s)000
    _fx_day=86400000
    _fx_providers="anthropic openai openai-codex openrouter google github-copilot"

    # --- auth-profiles.json -------------------------------------------------------------------------------------
    _fx_i=0
    _fx_ids=
    {
        printf '{\n  "version": 1,\n  "profiles": {'
        _fx_sep=
        while [ "$_fx_i" -lt "$_fx_n" ]; do
            _fx_i=$((_fx_i + 1))
            # pick provider number (i mod 6) from the list
            # shellcheck disable=SC2086  # split on purpose
            set -- $_fx_providers
            _fx_k=$(( (_fx_i - 1) % $# + 1 ))
            eval "_fx_prov=\${$_fx_k}"    # sets _fx_prov
            _fx_hex=$(printf '%04d%s' "$_fx_i" "a1b2c3d4e5f6a7b8c9d0e1f2")
            case $(( _fx_i % 3 )) in
            1)  _fx_id="$_fx_prov:key-$_fx_i"
                printf '%s\n    "%s": {\n      "type": "api_key",\n      "provider": "%s",\n      "key": "sk-bench-%s"' \
                    "$_fx_sep" "$_fx_id" "$_fx_prov" "$_fx_hex"
                if [ $(( _fx_i % 2 )) -eq 0 ]; then
                    printf ',\n      "metadata": {\n        "label": "bench %s"\n      }' "$_fx_i"
                fi
                printf '\n    }' ;;
            2)  _fx_id="$_fx_prov:token-$_fx_i"
                # every 4th token is expired, every 5th has no expiry
                if [ $(( _fx_i % 5 )) -eq 0 ]; then
                    printf '%s\n    "%s": {\n      "type": "token",\n      "provider": "%s",\n      "token": "tok-bench-%s"\n    }' \
                        "$_fx_sep" "$_fx_id" "$_fx_prov" "$_fx_hex"
                else
                    if [ $(( _fx_i % 4 )) -eq 0 ]; then _fx_exp=$((_fx_now - _fx_day)); else _fx_exp=$((_fx_now + 30 * _fx_day)); fi
                    printf '%s\n    "%s": {\n      "type": "token",\n      "provider": "%s",\n      "token": "tok-bench-%s",\n      "expires": %s\n    }' \
                        "$_fx_sep" "$_fx_id" "$_fx_prov" "$_fx_hex" "$_fx_exp"
                fi ;;
            0)  _fx_email="user$_fx_i@example.com"
                _fx_id="$_fx_prov:$_fx_email"
                if [ $(( _fx_i % 2 )) -eq 0 ]; then _fx_exp=$((_fx_now - 3600000)); else _fx_exp=$((_fx_now + 3600000)); fi
                printf '%s\n    "%s": {\n      "type": "oauth",\n      "provider": "%s",\n      "access": "eyJhbGciOi.bench-access-%s",\n      "refresh": "bench-refresh-%s",\n      "expires": %s,\n      "accountId": "acct-%s",\n      "email": "%s"\n    }' \
                    "$_fx_sep" "$_fx_id" "$_fx_prov" "$_fx_hex" "$_fx_hex" "$_fx_exp" "$_fx_hex" "$_fx_email" ;;
            esac
            _fx_sep=,
            _fx_ids="$_fx_ids $_fx_id"
        done
        printf '\n  }\n}\n'
    } >"$_fx_agent/auth-profiles.json" || return 1
    chmod 600 "$_fx_agent/auth-profiles.json"

    # --- auth-state.json: order for anthropic, lastGood, one cooldown, one disabled ------------------------------
    # shellcheck disable=SC2086  # split on purpose
    set -- $_fx_ids
    _fx_first=$1
    _fx_second=${2:-$1}
    _fx_third=${3:-$1}
    _fx_anth=
    for _fx_id in "$@"; do
        case $_fx_id in anthropic:*) _fx_anth="$_fx_anth${_fx_anth:+, }\"$_fx_id\"" ;; esac
    done
    {
        printf '{\n  "version": 1,\n'
        [ -n "$_fx_anth" ] && printf '  "order": {\n    "anthropic": [%s]\n  },\n' "$_fx_anth"
        printf '  "lastGood": {\n    "%s": "%s"\n  },\n' "${_fx_first%%:*}" "$_fx_first"
        printf '  "usageStats": {\n'
        printf '    "%s": {\n      "lastUsed": %s,\n      "errorCount": 0\n    },\n' "$_fx_first" "$((_fx_now - 60000))"
        printf '    "%s": {\n      "cooldownUntil": %s,\n      "cooldownReason": "rate_limit",\n      "errorCount": 2,\n      "failureCounts": {\n        "rate_limit": 2\n      },\n      "lastFailureAt": %s\n    },\n' \
            "$_fx_second" "$((_fx_now + 600000))" "$((_fx_now - 1000))"
        printf '    "%s": {\n      "disabledUntil": %s,\n      "disabledReason": "billing",\n      "errorCount": 1,\n      "failureCounts": {\n        "billing": 1\n      },\n      "lastFailureAt": %s\n    }\n' \
            "$_fx_third" "$((_fx_now + 5 * 3600000))" "$((_fx_now - 2000))"
        printf '  }\n}\n'
    } >"$_fx_agent/auth-state.json" || return 1
    chmod 600 "$_fx_agent/auth-state.json"

    # --- openclaw.json (JSON5: comments, unquoted keys, single quotes, trailing commas) --------------------------
    {
        printf '// Synthetic config written by bin/lib/fixture.sh (fake values only).\n{\n'
        printf '  agents: {\n    defaults: {\n      model: {\n'
        printf "        primary: 'anthropic/claude-sonnet-4-5',\n"
        printf "        fallbacks: ['openai/gpt-5.1', 'openrouter/meta-llama/llama-3.3-70b-instruct', 'local-llm/qwen3-8b',],\n"
        printf '      },\n    },\n  },\n'
        printf '  auth: {\n    profiles: {\n'
        for _fx_id in "$@"; do
            case $_fx_id in
            *:key-*) _fx_mode=api_key ;;
            *:token-*) _fx_mode=token ;;
            *) _fx_mode=oauth ;;
            esac
            printf "      '%s': { provider: '%s', mode: '%s' },\n" "$_fx_id" "${_fx_id%%:*}" "$_fx_mode"
        done
        printf '    },\n'
        [ -n "$_fx_anth" ] && printf '    order: { anthropic: [%s] },\n' "$_fx_anth"
        printf '  },\n'
        printf '  models: {\n    mode: "merge",\n    providers: {\n'
        printf "      'local-llm': {\n        baseUrl: 'http://127.0.0.1:11434/v1',\n        apiKey: 'LOCAL_LLM_API_KEY', // env var marker\n"
        printf "        api: 'openai-completions',\n        models: [\n"
        printf "          { id: 'qwen3-8b', name: 'Qwen3 8B', contextWindow: 32768, maxTokens: 8192, },\n"
        printf '        ],\n      },\n    },\n  },\n}\n'
    } >"$_fx_dir/openclaw.json" || return 1
    chmod 600 "$_fx_dir/openclaw.json"
    return 0
}
