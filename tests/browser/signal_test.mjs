// The real-browser proof of kvd's signaling relay: two headless Chromium pages load page/ from a
// local static server, signal through a kvd started here, open an RTCDataChannel and exchange a
// message both ways; meanwhile GET /v1/peers must list both peers, and nothing once they close.
//
//   node signal_test.mjs --kvd build/app/kvd/kvd
//
// Exits 0 when all of that happened, 1 with a message saying what did not. kvd, the page server
// and Chromium are stopped on every way out, also on SIGINT and SIGTERM (scripts/test runs this
// under `timeout`). README.md says what it needs.

import { spawn, execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const CHROMIUM = process.env.KV_CHROMIUM ?? '/usr/bin/chromium';
// The flags that make Chromium gather a loopback candidate on a machine without a network
// (shared/STACK-NOTES.md): --allow-loopback-in-peer-connection, plus microphone permission for
// the page's origin (granted per context below). Playwright gives each launch a fresh
// --user-data-dir of its own and removes it at close.
const CHROMIUM_ARGS = [
  '--allow-loopback-in-peer-connection',
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const STEP_TIMEOUT_MS = 20_000; // each wait below; the data channel opens in about a second

class TestFailure extends Error {}

function parseArguments(argv) {
  let kvd = process.env.KVD;
  for (let i = 0; i < argv.length; ++i) {
    if (argv[i] === '--kvd' && i + 1 < argv.length) {
      kvd = argv[++i];
    } else {
      throw new TestFailure(`unknown argument ${argv[i]}; usage: node signal_test.mjs --kvd PATH`);
    }
  }
  if (!kvd) throw new TestFailure('no kvd binary: pass --kvd PATH (e.g. build/app/kvd/kvd) or set KVD');
  return { kvd: resolve(kvd) };
}

// --- kvd ----------------------------------------------------------------------------------------

async function run(binary, args) {
  try {
    const { stdout } = await promisify(execFile)(binary, args, { timeout: 30_000 });
    return stdout;
  } catch (error) {
    throw new TestFailure(`${binary} ${args.join(' ')} failed: ${error.message}${error.stderr ?? ''}`);
  }
}

const lastLine = (text) => text.trim().split('\n').at(-1).trim();

/// kvd on a free loopback port with a new data directory: the first admin key, a key with the
/// signal scope only (what a page would be given), and its port from the "listening" log line.
async function startKvd(binary, data, cleanups) {
  const adminKey = lastLine(await run(binary, ['init', '--data', data]));
  const signalKey = lastLine(await run(binary, ['apikey', 'create', '--data', data, '--name', 'browser test',
                                                '--scopes', 'signal']));
  for (const key of [adminKey, signalKey]) {
    if (!key.startsWith('kvd_')) throw new TestFailure(`kvd did not print an API key last, but: ${key}`);
  }
  const child = spawn(binary, ['serve', '--data', data, '--listen', '127.0.0.1:0'],
                      { stdio: ['ignore', 'ignore', 'pipe'] });
  const log = [];
  const exited = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const { code, signal } = await exited;
      clearTimeout(timer);
      if (code !== 0) console.error(`kvd stopped with ${signal ?? `exit code ${code}`}`);
    }
  });
  const port = await new Promise((done, failed) => {
    const timer = setTimeout(() => failed(new TestFailure(`kvd did not log "listening" in 15 s:\n${log.join('\n')}`)),
                             15_000);
    createInterface({ input: child.stderr }).on('line', (line) => {
      log.push(line);
      let entry = null;
      try { entry = JSON.parse(line); } catch { /* not every line needs to be JSON */ }
      if (entry?.msg === 'listening') {
        clearTimeout(timer);
        done(entry.port);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      failed(new TestFailure(`kvd exited (${signal ?? code}) before listening:\n${log.join('\n')}`));
    });
  });
  return { adminKey, signalKey, port, log };
}

async function listPeers(kvd, room) {
  const query = room ? `?room=${encodeURIComponent(room)}` : '';
  const response = await fetch(`http://127.0.0.1:${kvd.port}/v1/peers${query}`,
                               { headers: { Authorization: `Bearer ${kvd.adminKey}` } });
  if (response.status !== 200) {
    throw new TestFailure(`GET /v1/peers${query} answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()).peers;
}

/// Asks GET /v1/peers until `accept` takes the list (kvd's records change with the pages' events,
/// which this process does not see), for at most STEP_TIMEOUT_MS; fails saying what it saw last.
async function waitForPeers(kvd, room, what, accept) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  let peers = null;
  for (;;) {
    peers = await listPeers(kvd, room);
    if (accept(peers)) return peers;
    if (Date.now() > deadline) {
      throw new TestFailure(`GET /v1/peers?room=${room}: ${what} within ${STEP_TIMEOUT_MS} ms; last seen ${JSON.stringify(peers)}`);
    }
    await new Promise((done) => setTimeout(done, 50));
  }
}

// --- the page ------------------------------------------------------------------------------------

/// Serves page/index.html and page/peer.js on a free loopback port: kvd serves no pages, and a
/// page must come from an http origin for WebRTC and the media permission.
async function startPageServer(cleanups) {
  const files = {
    '/': ['index.html', 'text/html; charset=utf-8'],
    '/peer.js': ['peer.js', 'text/javascript; charset=utf-8'],
  };
  const server = createServer(async (request, response) => {
    const file = files[new URL(request.url, 'http://localhost').pathname];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    const body = await readFile(join(here, 'page', file[0]));
    response.writeHead(200, { 'Content-Type': file[1], 'Cache-Control': 'no-store' }).end(body);
  });
  await new Promise((done, failed) => {
    server.once('error', failed);
    server.listen(0, '127.0.0.1', done);
  });
  cleanups.push(() => new Promise((done) => {
    server.close(done);
    server.closeAllConnections();
  }));
  return `http://127.0.0.1:${server.address().port}`;
}

/// Opens the page as one peer in a browser context of its own (like two people), with the
/// microphone permission that makes Chromium gather candidates; returns once kvd said `joined`.
async function openPeer(browser, origin, query, name, consoles) {
  const context = await browser.newContext();
  await context.grantPermissions(['microphone'], { origin });
  const page = await context.newPage();
  consoles[name] = [];
  page.on('console', (message) => consoles[name].push(message.text()));
  page.on('pageerror', (error) => consoles[name].push(`page error: ${error.message}`));
  await page.goto(`${origin}/?${new URLSearchParams(query)}`);
  await waitInPage(page, name, 'kvd to answer `joined`', () => window.peer.id !== null || window.peer.errors.length > 0);
  return { context, page, name };
}

async function peerState(page) {
  return page.evaluate(() => window.peer);
}

/// Waits for `predicate` in the page, then fails if the page met any error on the way.
async function waitInPage(page, name, what, predicate, argument) {
  try {
    await page.waitForFunction(predicate, argument, { timeout: STEP_TIMEOUT_MS, polling: 50 });
  } catch (error) {
    throw new TestFailure(`${name}: no ${what} within ${STEP_TIMEOUT_MS} ms; the page has ${JSON.stringify(await peerState(page))}`);
  }
  const state = await peerState(page);
  if (state.errors.length > 0) throw new TestFailure(`${name}: ${state.errors.join('; ')}`);
  return state;
}

// --- the test ------------------------------------------------------------------------------------

async function main(cleanups, consoles, diagnostics) {
  const { kvd: binary } = parseArguments(process.argv.slice(2));
  const data = await mkdtemp(join(tmpdir(), 'kvd-browser-'));
  cleanups.push(() => rm(data, { recursive: true, force: true }));

  const kvd = await startKvd(binary, data, cleanups);
  diagnostics.kvdLog = kvd.log;
  console.log(`kvd listens on 127.0.0.1:${kvd.port}`);
  const origin = await startPageServer(cleanups);
  console.log(`the page is served at ${origin}`);

  // This script's own signal handlers close Chromium, kvd and the server in order.
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS,
                                          timeout: 30_000, handleSIGINT: false, handleSIGTERM: false,
                                          handleSIGHUP: false });
  cleanups.push(() => browser.close());
  console.log(`Chromium ${browser.version()}`);

  const room = `browser-${process.pid}`;
  const common = { kvd: `ws://127.0.0.1:${kvd.port}`, key: kvd.signalKey, room };
  // Alice joins first and waits; Bob finds her in `peers` and calls.
  const alice = await openPeer(browser, origin, { ...common, text: 'hello from alice' }, 'alice', consoles);
  const bob = await openPeer(browser, origin, { ...common, text: 'hello from bob' }, 'bob', consoles);

  const aliceState = await waitInPage(alice.page, 'alice', 'message from bob over the data channel',
                                      () => window.peer.received.length > 0);
  const bobState = await waitInPage(bob.page, 'bob', 'message from alice over the data channel',
                                    () => window.peer.received.length > 0);
  if (aliceState.received[0] !== 'hello from bob' || bobState.received[0] !== 'hello from alice') {
    throw new TestFailure(`wrong messages: alice got ${JSON.stringify(aliceState.received)}, bob got ${JSON.stringify(bobState.received)}`);
  }
  if (bobState.remote !== aliceState.id || aliceState.remote !== bobState.id) {
    throw new TestFailure(`the peers do not know each other: alice ${JSON.stringify(aliceState)}, bob ${JSON.stringify(bobState)}`);
  }
  console.log(`data channel open: ${aliceState.id} got "${aliceState.received[0]}", ${bobState.id} got "${bobState.received[0]}"`);

  // kvd's side: both peers recorded in the room, with the ICE state their pages reported.
  const ids = [aliceState.id, bobState.id].sort();
  const connected = (state) => state === 'connected' || state === 'completed';
  const peers = await waitForPeers(kvd, room, `both peers (${ids.join(', ')}) connected`, (list) =>
    JSON.stringify(list.map((peer) => peer.id).sort()) === JSON.stringify(ids) &&
    list.every((peer) => peer.room === room && connected(peer.iceState)));
  console.log(`GET /v1/peers?room=${room}: ${peers.map((peer) => `${peer.id} ${peer.iceState}`).join(', ')}`);

  await alice.context.close();
  await bob.context.close();
  await waitForPeers(kvd, room, 'no peer left after the pages closed', (list) => list.length === 0);
  const everywhere = await listPeers(kvd, null);
  if (everywhere.length !== 0) throw new TestFailure(`GET /v1/peers still lists ${JSON.stringify(everywhere)}`);
  console.log('the pages closed: GET /v1/peers is empty');
}

const cleanups = [];
const consoles = {};
const diagnostics = { kvdLog: null };
let cleaning = null;
async function cleanUp() {
  cleaning ??= (async () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error(`cleaning up: ${error.message}`);
      }
    }
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, async () => {
    console.error(`browser test: FAILED, stopped by ${signal}`);
    await cleanUp();
    process.exit(1);
  });
}

try {
  await main(cleanups, consoles, diagnostics);
  await cleanUp();
  console.log('browser test: passed');
} catch (error) {
  console.error(`browser test: FAILED: ${error instanceof TestFailure ? error.message : error.stack}`);
  for (const [name, lines] of Object.entries(consoles)) {
    console.error(`--- ${name}'s page console:\n${lines.join('\n')}`);
  }
  if (diagnostics.kvdLog) console.error(`--- kvd's log, last lines:\n${diagnostics.kvdLog.slice(-40).join('\n')}`);
  await cleanUp();
  process.exitCode = 1;
}
