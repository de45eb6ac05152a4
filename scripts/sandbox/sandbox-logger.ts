import pino from 'pino';

/** The slice of a pino logger the sandbox writes to, so callers can pass their own. */
export type SandboxLogger = Pick<pino.Logger, 'debug' | 'info' | 'warn' | 'error'>;

export function silentLogger(): SandboxLogger {
  return pino({ level: 'silent' });
}
