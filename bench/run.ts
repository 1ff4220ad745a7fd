import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildPlan } from './plan';
import { WorkerPool } from './pool';
import { renderTable, type BenchRecord, type ScenarioRecord } from './report';
import { sleep } from './scenarios/common';
import { startTarget, TARGET_NAMES, type TargetName } from './targets';
import { writeDocs } from './write-docs';

const USAGE = `npm run bench -- [--quick] [--only ID,ID] [--targets stadskamer,reference,hocuspocus] [--workers K] [--docs]

  --quick     small clients counts and 3 s scenarios, for development
  --only      run only scenarios whose id contains one of these strings (e.g. edits-200,idle)
  --exact     --only names whole ids (edits-200x10 without edits-200x10-cursors)
  --targets   which servers to measure (default: stadskamer,reference,hocuspocus);
              \`baseline\` is our server from the checkout in BENCH_BASELINE_ROOT (e.g. a
              worktree of main), for before/after; \`unhardened\` is ours with the hostile-client
              limits off (the plan adds it to two edit scenarios whenever stadskamer runs)
  --workers   load-generator processes (default 2)
  --clients   client counts of the edit scenarios, e.g. 50,200 (short runs on a shared machine)
  --presence  clients in the presence storm and the cursors scenario
  --seconds   length of each timed window
  --merge F   put this run's scenarios into the stored run F (replacing those with the same id)
              and write the merged record, e.g. to re-run one scenario of a full run
  --docs      afterwards, rewrite docs/benchmarks.md and docs/benchmark-latency.svg from this run`;

/**
 * `npm run bench`: every scenario against our server, the reference `@y/websocket-server`
 * and Hocuspocus, one fresh server process per scenario and target, clients in
 * separate worker processes. Prints a table and writes JSON under bench/results/.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      exact: { type: 'boolean', default: false },
      targets: { type: 'string', default: 'stadskamer,reference,hocuspocus' },
      workers: { type: 'string', default: '2' },
      docs: { type: 'boolean', default: false },
      merge: { type: 'string' },
      clients: { type: 'string' },
      presence: { type: 'string' },
      seconds: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const targets = values.targets.split(',').map((t) => t.trim()) as TargetName[];
  for (const t of targets) if (!TARGET_NAMES.includes(t)) throw new Error(`unknown target ${String(t)}`);
  const workers = Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1) throw new Error('--workers must be a positive integer');
  const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
  const positive = (v: string | undefined, flag: string): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!(n > 0)) throw new Error(`${flag} must be a positive number`);
    return n;
  };
  const overrides = {
    sizes: values.clients?.split(',').map((c) => positive(c, '--clients')!),
    presenceClients: positive(values.presence, '--presence'),
    durationMs: values.seconds === undefined ? undefined : positive(values.seconds, '--seconds')! * 1000,
  };
  const picked = (id: string) => !only || only.some((o) => (values.exact ? id === o : id.includes(o)));
  const plan = buildPlan(values.quick, overrides).filter((p) => picked(p.scenario.id));

  const record: BenchRecord = {
    version: 1,
    mode: values.quick ? 'quick' : 'full',
    startedAt: new Date().toISOString(),
    finishedAt: '',
    commit: gitCommit(),
    machine: {
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      os: `${os.type()} ${os.release()}`,
      node: process.version,
    },
    workers,
    scenarios: [],
  };
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const pool = await WorkerPool.start(workers);
  try {
    for (const { scenario, goals, variants = [] } of plan) {
      const entry: ScenarioRecord = { id: scenario.id, title: scenario.title, params: scenario.params, goals, ranAt: new Date().toISOString(), results: {} };
      record.scenarios.push(entry);
      // Every target back to back, so that all meet the same background load.
      const extra = targets.includes('stadskamer') ? variants.filter((v) => !targets.includes(v)) : [];
      for (const name of [...targets, ...extra]) {
        log(`${scenario.id} on ${name} …`);
        const target = await startTarget(name);
        const started = performance.now();
        try {
          const figures = await scenario.run({ target, pool, log });
          entry.results[name] = { figures };
          log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(figures)}`);
        } catch (err) {
          entry.results[name] = { error: err instanceof Error ? err.message : String(err) };
          log(`  FAILED: ${entry.results[name] && 'error' in entry.results[name] ? entry.results[name].error : ''}`);
          await pool.disconnectAll().catch(() => undefined);
        } finally {
          await target.stop();
        }
        await sleep(1000);
      }
    }
  } finally {
    await pool.stop();
  }
  // Scenarios the reference cannot run (it has neither boards nor instances behind Redis).
  if (!only && targets.includes('stadskamer')) {
    record.extras = {};
    const quick: Record<string, string> = values.quick ? { EDITS: '60', DURATION_S: '5' } : {};
    const scripts = [
      ['twoInstances', 'cross-instance.ts'],
      ['boardStorm', 'board-storm.ts'],
      // Event-loop delay while a 200 KB and a 2 MB document are compacted (issue #19, item 6).
      ['compactionStall', 'compaction-stall.ts'],
    ] as const;
    for (const [name, script] of scripts) {
      log(`${name} on stadskamer …`);
      record.extras[name] = runScript(script, quick);
      log(`  ${JSON.stringify(record.extras[name])}`);
    }
  }
  record.finishedAt = new Date().toISOString();
  const result = values.merge ? mergeInto(values.merge, record) : record;

  process.stdout.write(`\n${renderTable(result)}\n`);
  if (record.extras) process.stdout.write(`\nwithout a reference counterpart:\n${JSON.stringify(record.extras, null, 2)}\n`);
  const dir = path.join(import.meta.dirname, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${result.mode}-${record.startedAt.replace(/[:.]/g, '-')}${values.merge ? '-merged' : ''}.json`);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  // A run shortened with --only/--clients/--presence/--seconds is no `full` or `quick` run to
  // compare with (a merged one is: --merge put the rest back).
  const shortened = !values.merge && (only !== undefined || Object.values(overrides).some((v) => v !== undefined));
  if (!shortened) fs.writeFileSync(path.join(dir, `latest-${result.mode}.json`), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`\nwrote ${path.relative(process.cwd(), file)}\n`);
  if (values.docs) {
    const written = writeDocs(result);
    process.stdout.write(`wrote ${written.map((f) => path.relative(process.cwd(), f)).join(', ')}\n`);
  }
}

/** A stored run with this run's scenarios put in place of (or after) those with the same id. */
function mergeInto(file: string, run: BenchRecord): BenchRecord {
  const base = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchRecord;
  if (base.mode !== run.mode) throw new Error(`cannot merge a ${run.mode} run into a ${base.mode} run`);
  const scenarios = [...base.scenarios];
  for (const s of run.scenarios) {
    const i = scenarios.findIndex((x) => x.id === s.id);
    if (i >= 0) scenarios[i] = s;
    else scenarios.push(s);
  }
  return { ...base, finishedAt: run.finishedAt, scenarios };
}

/** Runs a stand-alone bench script and takes the JSON it prints (or the error it died of). */
function runScript(script: string, env: Record<string, string>): unknown {
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, script)], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: 10 * 60_000,
    });
    return JSON.parse(out.slice(out.indexOf('{')));
  } catch (err) {
    return { error: err instanceof Error ? err.message.split('\n')[0] : String(err) };
  }
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

// Interrupted: exit through process 'exit', where targets.ts kills the servers it started
// (the client workers leave by themselves when their IPC channel closes).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
