#!/usr/bin/env node
// A sample integration: pushes one month of a pilot's figures from a contact-centre platform's
// daily export to the tracker's API (POST /api/v1/figures), checked first with ?dry_run=true.
//
//   TRACKER_URL=https://tracker.example TRACKER_TOKEN=cpt_… node push-month.js \
//     --file export.csv --month 2026-03 --pilot whatsapp-for-movers \
//     --new-queue "WhatsApp" --channel phone="Phone NL" --channel email="E-mail NL"
//
// The export has a header and one row per day and queue, with `,` or `;` between fields:
//   date,queue,handled,resolved_first_contact
//   2026-03-01,WhatsApp,412,300
// The new channel's queue gives the pilot's `contacts` and `resolved`; each mapped queue gives
// the volume of an existing channel. The Idempotency-Key is the digest of what is sent, so a
// push retried after a lost answer is applied once.
'use strict';
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');

/** The export's rows of the month summed per queue: { queue: { handled, resolved } }. */
function sumByQueue(csvText, month) {
  const lines = csvText
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim());
  const separator = lines[0].includes(';') ? ';' : ',';
  const header = lines[0].split(separator).map((name) => name.trim().toLowerCase());
  const at = (name) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`The export has no column "${name}"`);
    return index;
  };
  const [date, queue, handled, resolved] = [
    'date',
    'queue',
    'handled',
    'resolved_first_contact',
  ].map(at);
  const sums = {};
  for (const line of lines.slice(1)) {
    const cells = line.split(separator).map((cell) => cell.trim());
    if (!cells[date].startsWith(month)) continue;
    const sum = (sums[cells[queue]] ??= { handled: 0, resolved: 0 });
    sum.handled += Number(cells[handled]);
    sum.resolved += Number(cells[resolved] || 0);
  }
  return sums;
}

/** The month as the API's long format: one row per figure. */
function figuresOf({ csvText, month, pilot, newQueue, channels }) {
  const sums = sumByQueue(csvText, month);
  const own = sums[newQueue];
  if (!own) throw new Error(`The export has no rows of "${newQueue}" in ${month}`);
  const rows = [
    { pilot, month, metric: 'contacts', channel: null, value: own.handled },
    { pilot, month, metric: 'resolved', channel: null, value: own.resolved },
  ];
  for (const [channel, queue] of Object.entries(channels)) {
    if (!sums[queue]) throw new Error(`The export has no rows of "${queue}" in ${month}`);
    rows.push({ pilot, month, metric: 'volume', channel, value: sums[queue].handled });
  }
  return rows;
}

/** Checks the month with a dry run, then sends it; resolves to the API's answer to the send. */
async function pushMonth({ baseUrl, token, ...month }) {
  const body = JSON.stringify({ rows: figuresOf(month) });
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const send = async (query, extra = {}) => {
    const res = await fetch(`${baseUrl}/api/v1/figures${query}`, {
      method: 'POST',
      headers: { ...headers, ...extra },
      body,
    });
    const answer = await res.json();
    if (!res.ok) {
      const fields = Object.entries(answer.fields ?? {}).map(
        ([f, why]) => `  ${f}: ${why.join(' ')}`,
      );
      throw new Error([`${res.status} ${answer.detail}`, ...fields].join('\n'));
    }
    return answer;
  };
  await send('?dry_run=true');
  // The key names this send: a retry after a lost answer gets the first answer, saved once.
  const key = createHash('sha256').update(body).digest('hex').slice(0, 32);
  return send('', { 'Idempotency-Key': key });
}

module.exports = { figuresOf, pushMonth };

if (require.main === module) {
  const args = process.argv.slice(2);
  const option = (name) => {
    const index = args.indexOf(`--${name}`);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const channels = {};
  args.forEach((arg, i) => {
    if (arg === '--channel') {
      const [key, ...queue] = args[i + 1].split('=');
      channels[key] = queue.join('=');
    }
  });
  pushMonth({
    baseUrl: process.env.TRACKER_URL ?? 'http://localhost:3000',
    token: process.env.TRACKER_TOKEN,
    csvText: readFileSync(option('file'), 'utf8'),
    month: option('month'),
    pilot: option('pilot'),
    newQueue: option('new-queue'),
    channels,
  }).then(
    (answer) =>
      console.log(
        `Saved: ${answer.inserted} new, ${answer.updated} changed, ${answer.unchanged} unchanged.`,
      ),
    (error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
