#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Python's http.client against lipa-till-simulator: an STK push, then status checks on the same kept-alive
connection until the payment is final; then a request with "Connection: close", which the simulator must
answer and then close.

Usage: python-client.py BASE_URL
"""
import http.client
import json
import sys
import time
import urllib.parse


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def post(connection, path, payload, headers=None):
    connection.request("POST", path, body=json.dumps(payload).encode(),
                       headers={"Content-Type": "application/json", **(headers or {})})
    response = connection.getresponse()
    body = response.read()
    if response.status != 200:
        fail(f"{path}: HTTP {response.status} {body[:200]!r}")
    return response, json.loads(body)


def main():
    url = urllib.parse.urlsplit(sys.argv[1])
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=20)
    _, pushed = post(connection, "/api/v1/payment/mpesa-stk-push/",
                     {"public_key": "ISPubKey_test_python", "currency": "KES", "method": "M-PESA", "amount": 10,
                      "phone_number": "254712345675", "api_ref": "python-paid"},
                     {"Authorization": "Bearer ISSecretKey_test_python"})
    invoice = pushed.get("invoice") or fail(f"no invoice: {pushed}")
    if invoice.get("api_ref") != "python-paid":
        fail(f"not our invoice: {invoice}")
    first_socket = connection.sock

    deadline = time.monotonic() + 60
    checks = 0
    while True:
        checks += 1
        _, status = post(connection, "/api/v1/payment/status/",
                         {"public_key": "ISPubKey_test_python", "invoice_id": invoice["invoice_id"]})
        state = status.get("invoice", {}).get("state")
        if state == "COMPLETE":
            break
        if state not in ("PENDING", "PROCESSING"):
            fail(f"unexpected status: {status}")
        if time.monotonic() > deadline:
            fail(f"still {state} after 60 s")
        time.sleep(0.25)
    # Kept alive: every request went over the first connection.
    if connection.sock is not first_socket:
        fail("the connection was not kept alive between requests")

    response, _ = post(connection, "/api/v1/payment/status/",
                       {"public_key": "ISPubKey_test_python", "invoice_id": invoice["invoice_id"]},
                       {"Connection": "close"})
    if (response.getheader("Connection") or "").lower() != "close":
        fail(f"answered without Connection: close: {response.getheaders()}")
    connection.close()
    print(f"PASS: Python {sys.version.split()[0]} http.client: push, {checks} status checks on one connection, "
          "Connection: close")


if __name__ == "__main__":
    main()
