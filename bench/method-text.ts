/** The fixed part of docs/benchmarks.md: how each figure is made and what skews it. */
export const METHOD = `## How the figures are made

- **Processes.** Each scenario starts a fresh server process per target: ours as
  \`node --import tsx server/main.ts\` (LOG_LEVEL=info, a temporary DATA_DIR, SQLite commit
  before every broadcast), the reference as \`node node_modules/@y/websocket-server/src/server.js\`
  (in memory, no persistence), and Hocuspocus as \`node bench/hocuspocus-server.mjs\`
  (\`@hocuspocus/server\` 3.4.4 — the 4.x line needs Node 22 — with no extensions: in
  memory as well). \`unhardened\` is ours with \`BENCH_UNHARDENED=1\`: connection caps,
  update and awareness limits, the document size policy and board rules off; ours ÷
  unhardened is the price of the hardening. The clients are stock \`y-websocket\` \`WebsocketProvider\`s
  (with \`ws\` as \`WebSocketPolyfill\`) spread round-robin over the worker processes of
  \`bench/worker.ts\`; they never run in the server's event loop. Against Hocuspocus the same
  provider runs over a socket that puts the document name in front of each frame and sends
  the token first, and hands the provider Hocuspocus' sync replies as ordinary sync messages
  (\`bench/hocuspocus-framing.ts\`): the client's work is the same for every target, and the
  bytes counted are those on the wire, Hocuspocus' own frames (sync status) included.
- **Documents.** Against our server the harness registers a user, creates a workspace and
  creates the documents through the REST API when it exists, and uses arbitrary document
  ids while it answers 404; against the reference a room name is enough.
- **Propagation latency.** A writer sets one key per edit in \`Y.Map('bench')\`, the value
  being its send time on the machine's one clock (\`performance.timeOrigin + performance.now()\`,
  comparable across processes). Every other client records \`now − sent\` in a map observer.
  Quantiles come from a merged log histogram (1 % buckets); max is exact. Writers start at
  random offsets within the 200 ms period and keep a fixed schedule (a late edit is sent
  late, never dropped: \`scheduleLagMaxMs\` shows how late the load generator ran).
- **Edits sent vs observed, convergence.** After the writers stop, the harness waits until
  every client holds every edit (or a timeout); \`converged = 1\` when all clients hold all
  edits, all have the same state vector, and a fresh client gets that same state from the server.
- **Server CPU.** utime + stime of the server process from \`/proc/<pid>/stat\`, from just
  before the writing starts until convergence. \`cpuMsPer1kDeliveries\` is that CPU in
  milliseconds per 1,000 edits delivered to clients (equal to µs per delivery), which
  counts the same work on both servers; \`cpuMsPer1kFrames\` divides by every frame the
  clients received instead, awareness included — our server coalesces awareness into
  fewer, larger frames, so this one favours the reference. (The reference also echoes each
  update to its sender, which is why its \`framesDelivered\` is higher without cursors.)
- **RSS.** VmRSS (and VmHWM, the peak) from \`/proc/<pid>/status\` at the end of the scenario.
  Per idle connection: RSS after 1,000 synced idle clients over 100 documents minus RSS
  after a warm-up of 10 clients, divided by 1,000, each read after a settling pause.
- **Connect and sync.** All clients are created at one agreed instant across workers; the
  figure is the time until the last one's provider reports \`sync\`.
- **Cold load.** A seeding client builds ~20,000 TipTap paragraphs (about 1 MB encoded) and
  stays connected, so both servers hold the document in memory. Fresh clients then connect
  one after another; \`receivedMs\` runs from the socket's \`open\` (when the provider sends sync
  step 1) to the moment the whole sync step 2 frame has arrived, before the client applies it;
  \`syncedMs\` runs to the provider's \`sync\` event (after applying, which costs the client tens
  of ms). For our server only, \`fromStorage*\` repeats this once after a restart, so the
  document is read from SQLite first.
- **Presence storm.** Every client sets a cursor in its awareness once a second; server CPU
  over the storm as a percentage of one core. \`entriesPerMovePerPeer\` says how much of the
  storm reached the clients within the window (1 = every move reached every other client);
  a server that falls behind delivers less and so fewer bytes, which is why the bytes goal
  is on \`bytesPerEntry\` (bytes on the wire per awareness entry received) and not on
  \`mibDelivered\`. Our entries carry the identity CONTRACT §3 has the server stamp on each
  state (\`user: {id, name, organization, color}\`, ~100 bytes with the bench user); the
  peers relay the client's state as it is. In the storm each client puts \`user: {name,
  color}\` in its own state, as an app built on TipTap's caret extension does (without it the
  peers could show no names or colours at all); ours replaces that with the stamp.

## What skews the figures

- **Two cores for everything.** The server, the load generator and anything else on the
  machine share two cores. With 500 clients and 50 writers the clients alone must decode
  and apply ~125,000 updates per second; the workers fall behind, and their backlog shows up
  as propagation latency on both targets. \`loadgenCpuS\` beside \`serverCpuS\` shows how
  much of the machine the clients took. Latencies at the large sizes are therefore upper
  bounds that say as much about the load generator as about the server; the ratios,
  measured under the same conditions back to back, are the fairer comparison.
- **Client work is kept small:** one Y.Map key per edit, one observer, a histogram bucket
  increment per observation, no per-sample arrays, counters sent over IPC only at the end.
- **Same clock, one machine.** Latency needs no clock sync, but includes the receiving
  worker's queueing. The sender's own lateness is not counted (it is reported as
  \`scheduleLagMaxMs\`).
- **Reference without persistence.** The reference writes nothing to disk; ours commits
  every update to SQLite before it is broadcast. The comparison is against the faster
  configuration of the reference.
- **Awareness.** Stock providers announce an (empty) awareness state on connect and renew it
  every 15 s, so every scenario carries that traffic; the \`-cursors\` scenario and the
  presence storm add a cursor move per client per second. The reference relays each awareness
  message to every client at once; ours coalesces them per ~30 ms, which is most of the gap there.
- **Our process is the production build**, as \`npm start\` runs it: the server bundled by
  \`scripts/build-server.mjs\` (into \`dist/bench-server-<pid>\`, removed afterwards), on plain
  node with no TypeScript loader; \`BENCH_FROM_SOURCE=1\` runs \`server/main.ts\` through tsx
  instead. Cold paths (image processing, exports, Word import, PostgreSQL and Redis clients
  when not configured, mail, SSO, search stemmer) load at first use, so \`rssAtStartMiB\`
  (the idle scenario, a fresh process left alone for 5 s) is what running an instance costs.
- **Other load on the machine.** \`otherCpuS\` is the busy CPU of everything else in the same
  window (from \`/proc/stat\`, minus server and load generator, so it includes the bench
  parent and the OS). On a shared development machine it is rarely zero; compare it between
  the two targets of a scenario before trusting a small ratio.
- **RSS is coarse.** V8 grows its heap in steps and collects when it likes; per-connection
  figures are good to about ±2 KiB.`;
