// The built app (dist/) as a real server process, and a browser-like client for it: used by
// the durability test, the benchmark and the security scan. Plain JavaScript (CommonJS), so
// the scripts run it with Node alone; live-server.d.ts types it for the tests.
'use strict';
const { spawn } = require('node:child_process');
const { createServer } = require('node:net');
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..');

/** A port nothing listens on now. */
function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts dist/src/main.js with `env` on `port` (a free one by default); resolves once /health
 * answers. `nodeArgs`: flags for Node itself (such as --trace-gc, which NODE_OPTIONS refuses).
 */
async function startServer({ env, port, timeoutMs = 60_000, nodeArgs = [] }) {
  const listen = port ?? (await freePort());
  const base = `http://127.0.0.1:${listen}`;
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'dist/src/main.js')], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(listen) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(`${base}/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`The server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    child,
    base,
    output: () => output,
    /** Stops it with the signal (SIGKILL: no shutdown at all) and waits for the exit. */
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/**
 * A browser's view of the server: keeps cookies (Secure ones too, over the test's plain http),
 * sends `headers` with every request (X-Forwarded-Proto behind a proxy, say).
 */
function browserSession(base, headers = {}) {
  const cookies = new Map();
  const keep = (res) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return res;
  };
  const cookie = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return {
    cookie,
    get: async (path) =>
      keep(await fetch(base + path, { headers: { ...headers, cookie: cookie() } })),
    post: async (path, body) =>
      keep(
        await fetch(base + path, {
          method: 'POST',
          redirect: 'manual',
          headers: { ...headers, cookie: cookie() },
          body,
        }),
      ),
    /** The CSRF token a page's forms carry. */
    token: (html) => /name="_csrf" value="([^"]+)"/.exec(html)[1],
  };
}

/** Signs the session in through the form, as a person would; throws unless it is accepted. */
async function signIn(session, email, password) {
  const page = await (await session.get('/sign-in')).text();
  const res = await session.post(
    '/sign-in',
    new URLSearchParams({ email, password, _csrf: session.token(page) }),
  );
  if (res.status !== 303) throw new Error(`Sign-in as ${email} answered ${res.status}`);
}

module.exports = { ROOT, freePort, startServer, browserSession, signIn };
