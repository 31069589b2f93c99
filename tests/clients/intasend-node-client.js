// SPDX-License-Identifier: GPL-3.0-or-later
// IntaSend's official Node SDK (intasend-node 1.1.2 from npm, unmodified) against lipa-till-simulator: STK
// pushes and status checks until each payment is final. The SDK has no base-URL option and always speaks
// https to sandbox.intasend.com:443, so only https.request is redirected, to http://127.0.0.1:PORT, with
// Node's default agent; the SDK sends its JSON as a chunked body.
// Usage: node intasend-node-client.js NODE_CLIENTS_DIR BASE_URL
'use strict';
const fs = require('fs');
const http = require('http');
const https = require('https');
const path = require('path');

const [clientsDir, baseUrl] = process.argv.slice(2);
const fail = (message) => {
    console.error(`FAIL: ${message}`);
    process.exit(1);
};
const packageDir = path.resolve(clientsDir || '.', 'node_modules', 'intasend-node');
if (!clientsDir || !fs.existsSync(path.join(packageDir, 'package.json'))) {
    fail(`intasend-node is not installed in ${packageDir}. scripts/test installs it; by hand: ` +
         `npm install --no-audit --no-fund --prefix ${clientsDir || 'build/node-clients'} intasend-node@1.1.2`);
}
const installed = require(path.join(packageDir, 'package.json')).version;
if (installed !== '1.1.2')
    fail(`intasend-node ${installed} is installed in ${packageDir}; this test is for 1.1.2`);

const target = new URL(baseUrl);
let requests = 0;
https.request = (options, callback) => {
    requests++;
    return http.request({ ...options, hostname: target.hostname, port: Number(target.port) }, callback);
};

const IntaSend = require(packageDir);
const intasend = new IntaSend('ISPubKey_test_node_client', 'ISSecretKey_test_node_client', true);
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Pushes to a phone whose last digit scripts the customer, then checks until the invoice is final.
async function charge(phone, amount, apiRef) {
    // A fresh Collection per call: the SDK's status() blanks the object's secret key for good (1.1.2).
    const pushed = await intasend.collection().mpesaStkPush({
        first_name: 'Node', last_name: 'Client', email: 'node@example.com', host: baseUrl,
        amount, phone_number: phone, api_ref: apiRef,
    });
    const invoice = pushed && pushed.invoice;
    if (!invoice || !invoice.invoice_id)
        fail(`the push for ${apiRef} got no invoice: ${JSON.stringify(pushed)}`);
    if (invoice.api_ref !== apiRef)
        fail(`the push for ${apiRef} came back as ${invoice.api_ref}`);
    const deadline = Date.now() + 60000;
    for (let checks = 1; ; checks++) {
        const status = await intasend.collection().status(invoice.invoice_id);
        const state = status && status.invoice && status.invoice.state;
        if (state === 'COMPLETE' || state === 'FAILED')
            return { state, checks, invoice: status.invoice };
        if (!['PENDING', 'PROCESSING'].includes(state))
            fail(`unexpected status for ${apiRef}: ${JSON.stringify(status)}`);
        if (Date.now() > deadline)
            fail(`${apiRef} still ${state} after 60 s`);
        await pause(250);
    }
}

(async () => {
    // Both at once, as two tills would: the default agent may open a second connection.
    const [paid, cancelled] = await Promise.all([
        charge('254712345675', 10, 'node-paid'),
        charge('254712345670', 25, 'node-cancelled'),
    ]);
    if (paid.state !== 'COMPLETE')
        fail(`the phone ending in 5 should pay, got ${paid.state}`);
    if (!paid.invoice.mpesa_reference)
        fail(`a paid invoice carries its M-Pesa receipt: ${JSON.stringify(paid.invoice)}`);
    if (cancelled.state !== 'FAILED')
        fail(`the phone ending in 0 should cancel, got ${cancelled.state}`);
    console.log(`PASS: intasend-node ${installed}: 2 pushes, ${paid.checks + cancelled.checks} status checks, ` +
                `${requests} requests`);
    process.exit(0);
})().catch((error) => fail(`the SDK failed: ${error && error.toString ? error.toString() : error}`));
