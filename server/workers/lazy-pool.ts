import type { Piscina } from 'piscina';

export type PoolOptions = NonNullable<ConstructorParameters<typeof Piscina>[0]>;

/**
 * A piscina pool made at its first task: a server that never exports or compacts holds
 * neither the pool library nor a thread.
 */
export class LazyPool<Task, Result> {
  private pool: Promise<Piscina<Task, Result>> | null = null;
  private ready: Piscina<Task, Result> | null = null;

  constructor(private readonly options: PoolOptions) {}

  get(): Promise<Piscina<Task, Result>> {
    this.pool ??= import('piscina').then(({ Piscina }) => (this.ready = new Piscina<Task, Result>(this.options)));
    return this.pool;
  }

  /** Tasks waiting for a thread (none before the pool exists). */
  get queueSize(): number {
    return this.ready?.queueSize ?? 0;
  }

  async destroy(): Promise<void> {
    if (this.pool) await (await this.pool).destroy();
  }
}
