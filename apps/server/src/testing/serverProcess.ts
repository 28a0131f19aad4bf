import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

/** A free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote, for assertions on its logs. */
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** Waits until /health answers 200 (or the time runs out). */
  healthy(timeoutMs?: number): Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** The server as `npm start` runs it, in its own process, so a crash is an exit the test can see. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = env.PORT ?? String(await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      INDGANG_WEB_DIST: '/nonexistent',
      LOG_LEVEL: 'warn',
      INDGANG_DEMO_HISTORY: 'false',
      ...env,
      PORT: port,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr!.on('data', (chunk) => {
    output += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    child,
    exited,
    output: () => output,
    async healthy(timeoutMs = 90_000) {
      const end = Date.now() + timeoutMs;
      while (Date.now() < end) {
        if (child.exitCode !== null)
          throw new Error(`server exited with ${child.exitCode}:\n${output.slice(-6000)}`);
        const status = await fetch(`${url}/health`).then(
          (r) => r.status,
          () => 0,
        );
        if (status === 200) return;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`server not healthy within ${timeoutMs} ms:\n${output.slice(-6000)}`);
    },
    async kill(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
}

/** A logged-in demo user talking to a running server over HTTP. */
export interface HttpClient {
  cookie: string;
  csrf: string;
}

export async function httpLogin(url: string, userId: string): Promise<HttpClient> {
  const response = await fetch(`${url}/auth/demo-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': 'login' },
    body: JSON.stringify({ userId }),
  });
  if (response.status !== 200) throw new Error(`login ${userId}: ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const me = (await (await fetch(`${url}/api/v1/me`, { headers: { cookie } })).json()) as {
    csrfToken: string;
  };
  return { cookie, csrf: me.csrfToken };
}
