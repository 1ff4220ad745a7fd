/**
 * What an attack cost a server running as its own process, read from its Prometheus
 * metrics: the longest event-loop stall (prom-client's monitorEventLoopDelay, reset on
 * every scrape) and the growth of resident memory, sampled every 50 ms while it ran.
 * The attacker lives in the test process, so its own work and garbage never count.
 */
export async function measure<T>(serverUrl: string, attack: () => Promise<T>): Promise<{ result: T; stallMs: number; rssGrowthMiB: number }> {
  const first = await scrape(serverUrl);
  let stall = 0;
  let peak = first.rss;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const s = await scrape(serverUrl);
      stall = Math.max(stall, s.lagMax);
      peak = Math.max(peak, s.rss);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  let result: T;
  try {
    result = await attack();
  } finally {
    sampling = false;
    await sampler;
  }
  const last = await scrape(serverUrl);
  stall = Math.max(stall, last.lagMax);
  peak = Math.max(peak, last.rss);
  return { result, stallMs: stall * 1000, rssGrowthMiB: (peak - first.rss) / 2 ** 20 };
}

async function scrape(serverUrl: string): Promise<{ lagMax: number; rss: number }> {
  const text = await (await fetch(`${serverUrl}/metrics`)).text();
  const read = (name: string) => Number(new RegExp(`^${name} ([0-9.e+-]+)`, 'm').exec(text)?.[1] ?? 0);
  return { lagMax: read('nodejs_eventloop_lag_max_seconds'), rss: read('process_resident_memory_bytes') };
}

/** Milliseconds of one honest edit's round trip through the server. */
export async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}
