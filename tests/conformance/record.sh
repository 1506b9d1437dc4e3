#!/usr/bin/env bash
# Re-records the expected stdout, stderr and exit status of conformance cases with
# CPython 3.14 (../shared/tools/python3.14, which takes ~3 s per run), two at a time.
#
#   tests/conformance/record.sh                       # every case
#   tests/conformance/record.sh lang/closures.py ...  # just these (paths from anywhere)
#
# It runs each case exactly as the runner (crates/spindle_conformance) runs spindle:
# cwd = the case's directory, argument = its bare name, stdin /dev/null, the same
# environment, and honours the header lines `# args: ...`, `# stdin: FILE` and
# `# recorded-with: cpython-3.13` (native CPython 3.13.0 via pyenv, for programs the
# WebAssembly build cannot run, such as threads). The case's absolute directory is
# removed from the recorded output, as the runner removes it from spindle's.
# Look at every recording afterwards: an `emscripten`, `/lib/python314.zip` or
# `[Errno 44]` in it is a WebAssembly artefact, and the case must be rewritten.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
PY314="${SPINDLE_PYTHON314:-$here/../../../shared/tools/python3.14}"

record_one() {
    local file dir base header args="" stdin=/dev/null with="" code
    file="$(cd "$(dirname "$1")" && pwd -P)/$(basename "$1")"
    dir="$(dirname "$file")"
    base="$(basename "$file")"
    # The header: leading `#` lines only, at most 8.
    header="$(head -n 8 "$file" | awk '!/^#/ {exit} {print}')"
    args="$(sed -n 's/^# *args: *//p' <<<"$header" | head -n1)"
    if grep -q '^# *stdin:' <<<"$header"; then
        stdin="$dir/$(sed -n 's/^# *stdin: *//p' <<<"$header" | head -n1 | tr -d '[:space:]')"
    fi
    with="$(sed -n 's/^# *recorded-with: *//p' <<<"$header" | head -n1 | tr -d '[:space:]')"
    local -a python
    case "$with" in
        ""|cpython-3.14) python=("$PY314") ;;
        cpython-3.13) python=(env PYENV_VERSION=3.13.0 python3) ;;
        *) echo "record.sh: $1: unknown recorded-with: $with" >&2; return 1 ;;
    esac
    local -a clean=()
    while IFS= read -r var; do clean+=(-u "$var"); done < <(env | sed -n 's/^\(PYTHON[A-Za-z0-9_]*\)=.*/\1/p; s/^\(FORCE_COLOR\|NO_COLOR\)=.*/\1/p')
    # shellcheck disable=SC2086 # args are split on whitespace on purpose
    (cd "$dir" && env "${clean[@]}" PYTHONIOENCODING=utf-8 PYTHONUTF8=1 LC_ALL=C.UTF-8 PYTHONHASHSEED=0 \
        "${python[@]}" "$base" $args <"$stdin" >"$file.out" 2>"$file.err") && code=0 || code=$?
    echo "$code" >"$file.code"
    # Strip the case's absolute directory, as the runner does.
    local f
    for f in "$file.out" "$file.err"; do
        DIR="$dir/" perl -0pi -e 's/\Q$ENV{DIR}\E//g' "$f"
    done
    if grep -qE 'emscripten|pyodide|/lib/python3[0-9]*\.zip|Errno 44' "$file.out" "$file.err"; then
        echo "record.sh: WARNING: $1 shows a WebAssembly artefact; rewrite the case" >&2
    fi
    echo "recorded $1 (exit $code)"
}

if [[ "${1:-}" == "--one" ]]; then
    record_one "$2"
    exit
fi

if [[ $# -eq 0 ]]; then
    cd "$here"
    find . -mindepth 2 -maxdepth 2 -name '*.py' -not -path '*/_*/*' -not -path '*/.*/*' | sed 's|^\./||' | sort |
        xargs -r -P2 -n1 "$here/record.sh" --one
else
    printf '%s\n' "$@" | xargs -r -P2 -n1 -d '\n' "$here/record.sh" --one
fi
