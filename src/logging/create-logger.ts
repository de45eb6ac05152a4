import pino, { type DestinationStream, type Logger } from 'pino';

/** Paths that may carry secrets or personal data; pino replaces them before anything is written. */
export const redactedPaths = [
  'accessToken',
  'refreshToken',
  'clientSecret',
  'token',
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  'email',
  'phone',
  'firstName',
  'lastName',
  '*.accessToken',
  '*.refreshToken',
  '*.clientSecret',
  '*.email',
  '*.phone',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, base: { app: 'accord' }, redact: { paths: redactedPaths, censor: '[redacted]' } }, destination);
}
