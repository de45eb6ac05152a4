import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface ForkedChild {
  child: ChildProcess;
  pid: number;
  /** Sends a message and resolves with the first answer carrying `key`. */
  ask<T>(message: object, key: string): Promise<T>;
  stop(): Promise<void>;
}

/** Forks a compiled sibling script (`accord-child`, `load-generator-child`, …) and waits for `{ ready }` when asked to. */
export async function forkChild(name: string, env: Record<string, string> = {}, waitReady = true): Promise<ForkedChild & { url: string }> {
  const child = fork(path.join(__dirname, `${name}.js`), [], {
    env: { ...process.env, ...env },
    // BENCH_CHILD_NODE_ARGS="--cpu-prof --cpu-prof-dir=prof" profiles the children (NODE_OPTIONS refuses --cpu-prof).
    execArgv: (process.env.BENCH_CHILD_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== ''),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ask = <T>(message: object, key: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (answer: Record<string, unknown>) => {
        if (key in answer) {
          child.off('message', onMessage);
          child.off('exit', onExit);
          resolve(answer[key] as T);
        } else if ('error' in answer) {
          child.off('message', onMessage);
          reject(new Error(`${name}: ${String(answer.error)}`));
        }
      };
      const onExit = (code: number | null) => reject(new Error(`${name} exited (${code}) before answering`));
      child.on('message', onMessage);
      child.once('exit', onExit);
      if (Object.keys(message).length > 0) child.send(message);
    });
  const url = waitReady ? (await ask<{ url: string }>({}, 'ready')).url : '';
  return {
    child,
    pid: child.pid ?? 0,
    url,
    ask,
    async stop() {
      if (child.exitCode !== null) return;
      child.send({ stop: true });
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
