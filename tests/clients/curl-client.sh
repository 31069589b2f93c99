#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# curl against lipa-till-simulator: an STK push with a chunked body, one with Expect: 100-continue, and
# one with both; each must be answered 200 with an invoice. curl's trace shows what went on the wire.
# Usage: curl-client.sh BASE_URL
set -euo pipefail
base=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# push NAME PHONE [curl options…]: POSTs an STK push; leaves the body in $work/NAME.json and the trace in
# $work/NAME.trace.
push() {
    local name=$1 phone=$2
    shift 2
    local body="{\"public_key\":\"ISPubKey_test_curl\",\"currency\":\"KES\",\"method\":\"M-PESA\",\"amount\":10,"
    body+="\"phone_number\":\"$phone\",\"api_ref\":\"curl-$name\"}"
    local code
    code=$(curl --silent --show-error --verbose --max-time 20 -o "$work/$name.json" -w '%{http_code}' \
        -H 'Content-Type: application/json' -H 'Authorization: Bearer ISSecretKey_test_curl' "$@" \
        --data-binary "$body" "$base/api/v1/payment/mpesa-stk-push/" 2>"$work/$name.trace") ||
        { cat "$work/$name.trace" >&2; fail "$name: curl failed"; }
    [ "$code" = 200 ] || { cat "$work/$name.trace" "$work/$name.json" >&2; fail "$name: HTTP $code"; }
    grep -q '"invoice_id"' "$work/$name.json" || fail "$name: no invoice in $(cat "$work/$name.json")"
    grep -q "\"api_ref\":\"curl-$name\"" "$work/$name.json" || fail "$name: not our invoice: $(cat "$work/$name.json")"
}

push chunked 254712345675 -H 'Transfer-Encoding: chunked'
grep -qi '^> Transfer-Encoding: chunked' "$work/chunked.trace" || fail "chunked: curl did not send a chunked body"

push expect 254712345676 -H 'Expect: 100-continue'
grep -qi '^> Expect: 100-continue' "$work/expect.trace" || fail "expect: curl did not send Expect: 100-continue"
# Answered, not waited out: curl sends the body after "100 Continue", or after a second without one.
grep -q '^< HTTP/1.1 100 Continue' "$work/expect.trace" || fail "expect: no 100 Continue before the body"

push both 254712345677 -H 'Transfer-Encoding: chunked' -H 'Expect: 100-continue'
grep -q '^< HTTP/1.1 100 Continue' "$work/both.trace" || fail "both: no 100 Continue before the body"

# The invoice can be read back.
invoice=$(sed -n 's/.*"invoice_id":"\([^"]*\)".*/\1/p' "$work/chunked.json")
status=$(curl --silent --show-error --max-time 20 -H 'Content-Type: application/json' -H 'Transfer-Encoding: chunked' \
    --data-binary "{\"public_key\":\"ISPubKey_test_curl\",\"invoice_id\":\"$invoice\"}" "$base/api/v1/payment/status/")
echo "$status" | grep -q "\"invoice_id\":\"$invoice\"" || fail "status of $invoice: $status"

echo "PASS: curl $(curl --version | head -n 1 | cut -d' ' -f2): chunked, Expect: 100-continue, both, status"
