import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const entry = path.join(__dirname, '..', '..', '..', 'dist', 'src', 'cli', 'accord.js');

/** Accord as a separate process (`accord start` from the build), so a test can kill -9 it. */
export interface AccordChild {
  url: string;
  process: ChildProcess;
  /** What it wrote to stderr (warnings, errors). */
  stderr(): string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

export function requireBuild(): void {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first (npm run test:chaos does)`);
}

export async function startAccordChild(env: Record<string, string>, port: number): Promise<AccordChild> {
  requireBuild();
  const child = spawn(process.execPath, [entry, 'start'], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Accord did not start within 30 s:\n${stdout}\n${stderr}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('Accord is listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Accord exited with ${code} before it listened:\n${stdout}\n${stderr}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    process: child,
    stderr: () => stderr,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
