import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './redis';

/**
 * A throwaway PostgreSQL cluster of the test's own (initdb + pg_ctl in a temp directory, on
 * a free port), so a test may stop and restart it. Never the machine's shared cluster.
 */
export class TestPostgresCluster {
  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly bin: string,
  ) {}

  static async start(): Promise<TestPostgresCluster> {
    const root = '/usr/lib/postgresql';
    const version = fs.readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
    if (!version) throw new Error('PostgreSQL is not installed (/usr/lib/postgresql/*/bin)');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadskamer-pg-'));
    const cluster = new TestPostgresCluster(await freePort(), dir, path.join(root, version, 'bin'));
    // PostgreSQL refuses to run as root: the cluster belongs to the postgres user then.
    if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
    cluster.run('initdb', ['-D', cluster.dataDir, '-U', 'postgres', '--auth=trust']);
    cluster.startServer();
    return cluster;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private get dataDir(): string {
    return path.join(this.dir, 'data');
  }

  startServer(): void {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    this.run('pg_ctl', ['-D', this.dataDir, '-l', path.join(this.dir, 'log'), '-w', '-o', options, 'start']);
  }

  /** `immediate`: like a crash, every connection dropped at once. */
  stopServer(mode: 'fast' | 'immediate' = 'immediate'): void {
    this.run('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', 'stop']);
  }

  destroy(): void {
    spawnSync(...this.command('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', 'stop']), { stdio: 'ignore' });
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private run(tool: string, args: string[]): void {
    const [file, argv] = this.command(tool, args);
    execFileSync(file, argv, { stdio: 'ignore' });
  }

  private command(tool: string, args: string[]): [string, string[]] {
    const exe = path.join(this.bin, tool);
    return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', exe, ...args]] : [exe, args];
  }
}
