#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# with-simulator.sh SIMULATOR COMMAND [ARGS…]: starts lipa-till-simulator on a free port, runs COMMAND
# ARGS… BASE_URL, and stops the simulator however COMMAND ends (passed, failed, timed out, interrupted).
# What the simulator printed is shown when COMMAND fails. Exits with COMMAND's status.
set -euo pipefail

simulator=$1
shift
work=$(mktemp -d)
simulator_pid=

stop_simulator() {
    local status=$?
    if [ -n "$simulator_pid" ]; then
        kill "$simulator_pid" 2>/dev/null || true
        wait "$simulator_pid" 2>/dev/null || true
    fi
    if [ "$status" -ne 0 ] && [ -s "$work/simulator.log" ]; then
        echo "--- lipa-till-simulator said:" >&2
        tail -n 40 "$work/simulator.log" >&2
    fi
    rm -rf "$work"
    exit "$status"
}
trap stop_simulator EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

# Its standard input at end of file: it keeps serving (it reads fault commands from there).
"$simulator" --port 0 </dev/null >"$work/simulator.log" 2>&1 &
simulator_pid=$!

url=
for _ in $(seq 200); do
    url=$(sed -n 's/^IntaSend simulator listening on //p' "$work/simulator.log" | head -n 1)
    [ -n "$url" ] && break
    if ! kill -0 "$simulator_pid" 2>/dev/null; then
        echo "lipa-till-simulator exited before it listened" >&2
        exit 1
    fi
    sleep 0.05
done
if [ -z "$url" ]; then
    echo "lipa-till-simulator did not say where it listens within 10 s" >&2
    exit 1
fi

"$@" "$url"
