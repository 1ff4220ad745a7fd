import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lineChart, type Series } from './chart';
import { METHOD } from './method-text';
import { rows, type BenchRecord, type Row } from './report';

const DOCS = path.resolve(import.meta.dirname, '../docs');
const CHART = 'benchmark-latency.svg';

const cell = (v: number | null) => (v === null ? '—' : String(v));

function table(header: string[], body: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** p50 and p99 propagation against client count, one line per server, writer count and quantile. */
function latencyChart(record: BenchRecord): string {
  const series: Series[] = [];
  const colors = { stadskamer: ['#1d4ed8', '#60a5fa'], reference: ['#c2410c', '#fdba74'] } as const;
  const plain = record.scenarios.filter((s) => s.id.startsWith('edits-') && !s.id.endsWith('-cursors'));
  const writerCounts = [...new Set(plain.map((s) => Number(s.params.writers)))].sort((a, b) => a - b);
  for (const target of ['stadskamer', 'reference'] as const) {
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
  const body = goalRows.map((r) => [r.scenario, r.figure, cell(r.ours), cell(r.reference), cell(r.ratio), r.goal, r.verdict === 'pass' ? 'pass' : '**FAIL**']);
  const failed = all.filter((r) => r.verdict === 'FAIL' && r.goal === '');
  const errors = failed.length ? `\n\nScenarios that failed to run:\n\n${failed.map((r) => `- ${r.scenario}: ${r.figure}`).join('\n')}` : '';
  return `${table(['scenario', 'figure', 'stadskamer', 'reference', 'ratio', 'goal', 'verdict'], body)}${errors}`;
}

function scenarioSections(record: BenchRecord, all: Row[]): string {
  return record.scenarios
    .map((s) => {
      const body = all.filter((r) => r.scenario === s.id && r.goal !== undefined && !r.figure.includes(' failed: ')).map((r) => [r.figure, cell(r.ours), cell(r.reference), cell(r.ratio)]);
      return `### ${s.id}: ${s.title}\n\n${s.ranAt ? `Ran at ${s.ranAt}.\n\n` : ''}${table(['figure', 'stadskamer', 'reference', 'ratio'], body)}`;
    })
    .join('\n\n');
}

export function renderMarkdown(record: BenchRecord): string {
  const all = rows(record);
  const m = record.machine;
  return `# Benchmarks

\`npm run bench\` measures Stadskamer's sync server against the reference
\`@y/websocket-server\` 0.1.1 in the same run, scenario by scenario, and prints the ratio
(ours ÷ reference) for every figure. \`npm run bench -- --quick\` runs the same scenarios
small and short; \`--only edits-200,idle\` picks scenarios; \`--docs\` rewrites this page
and the chart from the run. Every run writes its JSON to \`bench/results/\`.

## Latest run

- ${record.mode} run, ${record.startedAt} → ${record.finishedAt}, commit ${record.commit ?? 'unknown'}
- machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}
- load generator: ${record.workers} worker processes on the same machine as the server

## Goals of issue #8

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
