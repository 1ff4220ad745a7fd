import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lineChart, type Series } from './chart';
import { METHOD } from './method-text';
import { peersIn, rows, type BenchRecord, type Peer, type Row } from './report';

const DOCS = path.resolve(import.meta.dirname, '../docs');
const CHART = 'benchmark-latency.svg';

const cell = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));

/** Column headers and cells for every peer of the run: its figure, then ours ÷ it. */
const peerHeader = (peers: Peer[]) => peers.flatMap((p) => [p, `÷ ${p}`]);
const peerCells = (r: Row, peers: Peer[]) => peers.flatMap((p) => [cell(r.peers[p]?.value), cell(r.peers[p]?.ratio)]);

function table(header: string[], body: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** p50 and p99 propagation against client count, one line per server, writer count and quantile. */
function latencyChart(record: BenchRecord): string {
  const series: Series[] = [];
  const colors = { stadskamer: ['#1d4ed8', '#60a5fa'], reference: ['#c2410c', '#fdba74'], hocuspocus: ['#15803d', '#86efac'] } as const;
  const plain = record.scenarios.filter((s) => s.id.startsWith('edits-') && !s.id.endsWith('-cursors'));
  const writerCounts = [...new Set(plain.map((s) => Number(s.params.writers)))].sort((a, b) => a - b);
  for (const target of ['stadskamer', 'reference', 'hocuspocus'] as const) {
    writerCounts.forEach((w, wi) => {
      for (const [q, dashed] of [['p99Ms', false], ['p50Ms', true]] as const) {
        const points: [number, number][] = [];
        for (const s of plain.filter((x) => Number(x.params.writers) === w)) {
          const r = s.results[target];
          const v = r && 'figures' in r ? r.figures[q] : null;
          if (typeof v === 'number') points.push([Number(s.params.clients), v]);
        }
        if (points.length) series.push({ name: `${target} ${w}w ${q.slice(0, 3)}`, color: colors[target][wi % 2]!, dashed, points });
      }
    });
  }
  return lineChart({ title: 'Edit propagation latency (one document, 5 edits/s per writer)', xLabel: 'connected clients', yLabel: 'ms (log scale)', series });
}

function goalsSection(record: BenchRecord, all: Row[]): string {
  const goalRows = all.filter((r) => r.goal !== '');
  const peers = peersIn(record);
  const body = goalRows.map((r) => [r.scenario, r.figure, cell(r.ours), ...peerCells(r, peers), r.goal, r.verdict === 'pass' ? 'pass' : '**FAIL**']);
  const failed = all.filter((r) => r.verdict === 'FAIL' && r.goal === '');
  const errors = failed.length ? `\n\nScenarios that failed to run:\n\n${failed.map((r) => `- ${r.scenario}: ${r.figure}`).join('\n')}` : '';
  return `${table(['scenario', 'figure', 'stadskamer', ...peerHeader(peers), 'goal', 'verdict'], body)}${errors}`;
}

function scenarioSections(record: BenchRecord, all: Row[]): string {
  const peers = peersIn(record);
  return record.scenarios
    .map((s) => {
      // A figure with several goals has several rows; one is enough here.
      const mine = all.filter((r) => r.scenario === s.id && !r.figure.includes(' failed: '));
      const body = mine.filter((r, i) => mine.findIndex((x) => x.figure === r.figure) === i).map((r) => [r.figure, cell(r.ours), ...peerCells(r, peers)]);
      return `### ${s.id}: ${s.title}\n\n${s.ranAt ? `Ran at ${s.ranAt}.\n\n` : ''}${table(['figure', 'stadskamer', ...peerHeader(peers)], body)}`;
    })
    .join('\n\n');
}

export function renderMarkdown(record: BenchRecord): string {
  const all = rows(record);
  const m = record.machine;
  return `# Benchmarks

\`npm run bench\` measures Stadskamer's sync server against two peers in the same run,
scenario by scenario: the reference \`@y/websocket-server\` 0.1.1 and Hocuspocus
(\`@hocuspocus/server\` 3.4.4, the newest release that runs on Node 20; no extensions, so in
memory like the reference), and prints ours ÷ each peer for every figure. The same stock
y-websocket client drives all three; against Hocuspocus its socket adds the document name
and token Hocuspocus' framing wants (\`bench/hocuspocus-framing.ts\`). \`unhardened\` is
Stadskamer with the hostile-client limits and board rules off (\`BENCH_UNHARDENED=1\`, refused
in production), run beside two edit scenarios: ours ÷ unhardened is what the hardening costs.
\`npm run bench -- --quick\` runs the same scenarios
small and short; \`--only edits-200,idle\` picks scenarios; \`--docs\` rewrites this page
and the chart from the run. Every run writes its JSON to \`bench/results/\`.

## Latest run

- ${record.mode} run, ${record.startedAt} → ${record.finishedAt}, commit ${record.commit ?? 'unknown'}
- machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}
- load generator: ${record.workers} worker processes on the same machine as the server

## Goals of issues #8 and #19

${goalsSection(record, all)}

![Propagation latency against client count](${CHART})

## All figures

${scenarioSections(record, all)}
${extrasSection(record)}
${METHOD}
`;
}

/** Measurements the reference cannot take part in: two instances behind Redis, the board storm. */
function extrasSection(record: BenchRecord): string {
  if (!record.extras) return '';
  const blocks = Object.entries(record.extras).map(([name, value]) => `### ${name}\n\n\`\`\`json\n${JSON.stringify(value, null, 2)}\n\`\`\`\n`);
  return `## Without a reference counterpart\n\n\`twoInstances\` is \`npm run bench:redis\` (same-instance against cross-instance latency through Redis);\n\`boardStorm\` is \`bench/board-storm.ts\` (50 writers on one board).\n\n${blocks.join('\n')}\n`;
}

/** Writes docs/benchmarks.md and the latency chart; returns the files written. */
export function writeDocs(record: BenchRecord): string[] {
  fs.mkdirSync(DOCS, { recursive: true });
  const md = path.join(DOCS, 'benchmarks.md');
  const svg = path.join(DOCS, CHART);
  fs.writeFileSync(md, renderMarkdown(record));
  fs.writeFileSync(svg, latencyChart(record));
  return [md, svg];
}

// `tsx bench/write-docs.ts [results.json]`: rebuild the page from a stored run.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2] ?? path.join(import.meta.dirname, 'results/latest-full.json');
  const record = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchRecord;
  for (const f of writeDocs(record)) process.stdout.write(`wrote ${path.relative(process.cwd(), f)}\n`);
}
