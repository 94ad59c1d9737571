import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/** Environment for wrangler without a network: no telemetry (it hangs each exit ~8 s offline), no cf fetch. */
export const OFFLINE_WRANGLER_ENV = { WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' };

export async function freePort(preferred?: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | null>((done) => {
      const server = createServer();
      server.once('error', () => done(null));
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => done(typeof address === 'object' && address ? address.port : null));
      });
    });
  if (preferred !== undefined && (await tryListen(preferred)) !== null) return preferred;
  const port = await tryListen(0);
  if (port === null) throw new Error('no free TCP port on 127.0.0.1');
  return port;
}

export interface DevServer {
  url: string;
  port: number;
  /** wrangler's output so far, for error messages. */
  log: () => string;
  stop: () => Promise<void>;
  /** Ends wrangler and workerd at once, mid-work, as a crash or a power cut would (tests). */
  kill: () => Promise<void>;
}

export interface DevServerOptions {
  port: number;
  /** Local KV and queue state; survives restarts. */
  persistTo: string;
  vars?: Record<string, string>;
  readyTimeoutMs?: number;
  onOutput?: (text: string) => void;
  /**
   * Fire the Worker's cron this often. `wrangler dev` never runs cron triggers, so without this a
   * study interrupted by a restart would resume only when someone reads its status.
   */
  cronEveryMs?: number;
}

/** The cron of wrangler.toml's [triggers], passed so the handler sees the same string as in production. */
const CRON = '* * * * *';

/** Where `npm run build` writes the Worker's config; wrangler dev finds it through .wrangler/deploy/config.json. */
export const BUILT_WORKER_CONFIG = resolve('site/dist/server/wrangler.json');

/** Starts `wrangler dev` (plain: the built Worker, as `npx wrangler dev` runs it) on 127.0.0.1 and resolves once /api/health answers. */
export async function startWranglerDev(options: DevServerOptions): Promise<DevServer> {
  if (!existsSync(BUILT_WORKER_CONFIG)) throw new Error('the Worker is not built: run npm run build first');
  // This same Node (22, checked by the npm script), not whatever `node` is first on PATH.
  const args = [
    resolve('node_modules/wrangler/bin/wrangler.js'),
    'dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--persist-to',
    options.persistTo,
    '--show-interactive-dev-session=false',
  ];
  for (const [k, v] of Object.entries(options.vars ?? {})) args.push('--var', `${k}:${v}`);
  // Its own process group, so stop() ends workerd too.
  const child: ChildProcess = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...OFFLINE_WRANGLER_ENV },
  });
  let output = '';
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    options.onOutput?.(chunk.toString());
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));

  const url = `http://127.0.0.1:${options.port}`;
  let cron: ReturnType<typeof setInterval> | undefined;
  const signal = (name: NodeJS.Signals) => {
    const pid = child.pid;
    if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return false;
    try {
      process.kill(-pid, name);
    } catch {
      /* already gone */
    }
    return true;
  };
  const stop = async () => {
    clearInterval(cron);
    if (!signal('SIGTERM')) return;
    const timer = setTimeout(() => signal('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  const kill = async () => {
    clearInterval(cron);
    if (signal('SIGKILL')) await exited;
  };
  const fireCron = () => {
    // The local endpoint wrangler prints for firing a cron by hand; a failed call is tried again next time.
    fetch(`${url}/cdn-cgi/local/scheduled?cron=${encodeURIComponent(CRON)}`).then(
      (res) => res.body?.cancel(),
      () => undefined,
    );
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with code ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) {
        if (options.cronEveryMs) cron = setInterval(fireCron, options.cronEveryMs);
        return { url, port: options.port, log: () => output, stop, kill };
      }
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev did not answer on ${url} in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
