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
    if response.status not in (200, 201):
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


def checkout(base):
    """A card/QR checkout as a till makes it, its page opened and paid as a phone's browser does, and its
    status followed by checkout id and signature."""
    url = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=20)
    response, made = post(connection, "/api/v1/checkout/",
                          {"public_key": "ISPubKey_test_python", "currency": "KES", "amount": 2500,
                           "phone_number": "254712345675", "api_ref": "python-checkout",
                           "card_tarrif": "BUSINESS-PAYS", "mobile_tarrif": "BUSINESS-PAYS"})
    for field in ("id", "url", "signature"):
        if not made.get(field):
            fail(f"checkout without {field}: {made}")
    page_url = urllib.parse.urlsplit(made["url"])
    connection.request("GET", page_url.path)
    page = connection.getresponse()
    html = page.read().decode()
    if page.status != 200 or "KES 2,500" not in html or "Pay by card" not in html:
        fail(f"checkout page: HTTP {page.status} {html[:300]!r}")
    if not page.getheader("Content-Type", "").startswith("text/html"):
        fail(f"checkout page is not HTML: {page.getheaders()}")
    key = {"public_key": "ISPubKey_test_python", "checkout_id": made["id"], "signature": made["signature"]}
    _, status = post(connection, "/api/v1/payment/status/", key)
    if status.get("invoice", {}).get("state") != "PENDING":
        fail(f"a checkout nobody paid is not pending: {status}")
    connection.request("POST", page_url.path + "pay-card", body=b"",
                       headers={"Content-Type": "application/x-www-form-urlencoded"})
    paid = connection.getresponse()
    if paid.status != 200 or "Paid" not in paid.read().decode():
        fail(f"paying on the page: HTTP {paid.status}")
    _, status = post(connection, "/api/v1/payment/status/", key)
    invoice = status.get("invoice", {})
    if invoice.get("state") != "COMPLETE" or invoice.get("api_ref") != "python-checkout" \
            or invoice.get("provider") != "CARD-PAYMENT":
        fail(f"after paying by card: {status}")
    connection.request("POST", "/api/v1/payment/status/", body=json.dumps({**key, "signature": "forged"}).encode(),
                       headers={"Content-Type": "application/json"})
    forged = connection.getresponse()
    forged.read()
    if forged.status != 400:
        fail(f"a forged signature was answered with HTTP {forged.status}")
    connection.close()
    print("PASS: Python http.client: checkout made, its page read and paid by card, status by checkout id and "
          "signature, a forged signature refused")


if __name__ == "__main__":
    main()
    checkout(sys.argv[1])
