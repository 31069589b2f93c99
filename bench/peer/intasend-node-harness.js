// SPDX-License-Identifier: GPL-3.0-or-later
// The same N sequential STK push + status round trips through IntaSend's official Node SDK
// (intasend-node), pointed at the simulator: the SDK has no base-URL option and always speaks https to
// sandbox.intasend.com:443, so this harness swaps https.request for http.request to 127.0.0.1:PORT.
// Usage: node intasend-node-harness.js PORT N
const http = require('http');
const https = require('https');
const [port, count] = [Number(process.argv[2]), Number(process.argv[3] || 200)];
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
https.request = (options, callback) =>
    http.request({ ...options, hostname: '127.0.0.1', port, agent }, callback);

const IntaSend = require('intasend-node');
const intasend = new IntaSend('ISPubKey_test_bench', 'ISSecretKey_test_bench', true);

(async () => {
    let failures = 0;
    const start = process.hrtime.bigint();
    for (let i = 0; i < count; i++) {
        try {
            // A fresh Collection per round trip: the SDK's status() blanks the object's secret key for
            // good (intasend-node 1.1.2), so a reused one sends every later push without Authorization.
            const collection = intasend.collection();
            const pushed = await collection.mpesaStkPush({
                first_name: 'Bench', last_name: 'Mark', email: 'bench@example.com',
                host: 'http://127.0.0.1', amount: 10, phone_number: '254712345678', api_ref: `node-${i}`,
            });
            await collection.status(pushed.invoice.invoice_id);
        } catch (e) {
            failures++;
        }
    }
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    console.log(`node_round_trips=${count} total_ms=${ms.toFixed(1)} per_round_trip_ms=${(ms / count).toFixed(3)} failures=${failures}`);
    process.exit(failures === 0 ? 0 : 1);
})();
