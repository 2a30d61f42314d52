// One WebRTC peer that signals through kvd's /v1/signal relay, written from docs/signaling.md
// alone: if this page needs something the doc does not say, the doc is what gets fixed.
//
// Query: ?kvd=ws://127.0.0.1:PORT&key=kvd_…&room=ROOM&text=MESSAGE
// It joins ROOM; the peer that finds somebody already there calls them and opens a data channel.
// Each side sends MESSAGE once the channel is open. window.peer tells the test what happened.
'use strict';

const params = new URLSearchParams(location.search);
const KVD = params.get('kvd');
const KEY = params.get('key');
const ROOM = params.get('room');
const TEXT = params.get('text');

// What the test reads: the page's own id, the last ICE state, what arrived over the channel, and
// every kvd error or failure (the test fails on any).
window.peer = { id: null, remote: null, iceState: 'new', channelOpen: false, received: [], errors: [], closed: null };

const logElement = document.getElementById('log');
function log(...parts) {
  const line = parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' ');
  logElement.textContent += line + '\n';
  console.log(line);
}
function fail(what) {
  window.peer.errors.push(what);
  log('ERROR', what);
}

const ws = new WebSocket(`${KVD}/v1/signal`);
const pc = new RTCPeerConnection();
let remote = null;
const send = (message) => ws.send(JSON.stringify(message));

pc.onicecandidate = ({ candidate }) => {
  if (candidate && remote) send({ type: 'candidate', to: remote, ...candidate.toJSON() });
};
pc.oniceconnectionstatechange = () => {
  window.peer.iceState = pc.iceConnectionState;
  log('ice', pc.iceConnectionState);
  send({ type: 'ice_state', state: pc.iceConnectionState });
};
pc.ondatachannel = ({ channel }) => useChannel(channel);

function useChannel(channel) {
  channel.onopen = () => {
    window.peer.channelOpen = true;
    log('channel open');
    channel.send(TEXT);
  };
  channel.onmessage = ({ data }) => {
    window.peer.received.push(data);
    log('peer says', data);
  };
}

async function handle(m) {
  log('kvd:', m.type, m.from ?? '');
  switch (m.type) {
  case 'authenticated':
    send({ type: 'join', room: ROOM });
    break;
  case 'joined':
    window.peer.id = m.peer;
    sessionStorage.setItem('kvd-resume', JSON.stringify({ peer: m.peer, token: m.resumeToken }));
    if (m.peers.length > 0) {
      remote = m.peers[0];
      window.peer.remote = remote;
      useChannel(pc.createDataChannel('chat'));
      await pc.setLocalDescription(await pc.createOffer());
      send({ type: 'offer', to: remote, sdp: pc.localDescription.sdp });
    }
    break;
  case 'offer':
    remote = m.from;
    window.peer.remote = remote;
    await pc.setRemoteDescription({ type: 'offer', sdp: m.sdp });
    await pc.setLocalDescription(await pc.createAnswer());
    send({ type: 'answer', to: remote, sdp: pc.localDescription.sdp });
    break;
  case 'answer':
    await pc.setRemoteDescription({ type: 'answer', sdp: m.sdp });
    break;
  case 'candidate':
    await pc.addIceCandidate({ candidate: m.candidate, sdpMid: m.sdpMid ?? null,
                               sdpMLineIndex: m.sdpMLineIndex ?? null,
                               usernameFragment: m.usernameFragment ?? null });
    break;
  case 'error':
    fail(`kvd error ${m.code}: ${m.message} ${JSON.stringify(m.details ?? {})}`);
    break;
  }
}

// One message at a time, in order; a message whose handling fails is reported and the chain goes on.
let chain = Promise.resolve();
ws.onopen = () => send({ type: 'auth', key: KEY });
ws.onmessage = ({ data }) => {
  chain = chain.then(() => handle(JSON.parse(data))).catch((error) => fail(`handling a message: ${error}`));
};
ws.onerror = () => fail('the WebSocket to kvd failed');
ws.onclose = ({ code, reason }) => {
  window.peer.closed = { code, reason };
  log('closed', code, reason);
};
