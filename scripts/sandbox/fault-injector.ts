import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Clock } from './clock';
import { endpointKey } from './endpoint-key';
import type { FaultSpec } from './fault-spec';
import { rateLimitErrorBody } from './rate-limit-error-body';
import { salesforceFaultAnswer } from './salesforce-fault-answer';

export interface ActiveFault extends FaultSpec {
  id: number;
  /** Requests this fault may still hit; null = unlimited. */
  remaining: number | null;
  /** Epoch ms after which it stops; null = no end. */
  until: number | null;
  injected: number;
}

const serverErrorMessages: Record<number, string> = {
  500: 'internal error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Makes chosen API routes misbehave the ways HubSpot and Salesforce do: limits, 5xx, slow answers, no answer at all. */
export class FaultInjector {
  private faults: ActiveFault[] = [];
  private nextId = 1;
  private readonly delays = new Set<NodeJS.Timeout>();
  private readonly hanging = new Set<Response>();

  constructor(private readonly clock: Clock) {}

  inject(spec: FaultSpec): ActiveFault | null {
    if (spec.mode === 'none') {
      this.clear();
      return null;
    }
    const fault: ActiveFault = {
      ...spec,
      id: this.nextId++,
      remaining: spec.count ?? null,
      until: spec.durationMs === undefined ? null : this.clock() + spec.durationMs,
      injected: 0,
    };
    this.faults.push(fault);
    return fault;
  }

  clear(): void {
    this.faults = [];
    this.releaseHanging();
  }

  active(): ActiveFault[] {
    this.dropSpent();
    return this.faults.map((f) => ({ ...f }));
  }

  /** Runs after the endpoint is known, before authentication and rate limiting. */
  middleware(): RequestHandler {
    return (req, res, next) => {
      const fault = this.take(req);
      if (!fault) return next();
      if (req.path.startsWith('/services/') && salesforceFaultAnswer(fault, res)) return;
      switch (fault.mode) {
        case 'rate_limit':
        case 'request_limit':
          res.set('Retry-After', String(fault.retryAfterSeconds ?? 1));
          res.status(429).json(rateLimitErrorBody('TEN_SECONDLY_ROLLING'));
          return;
        case 'server_error': {
          const status = fault.status ?? 500;
          res.status(status).json({
            status: 'error',
            message: serverErrorMessages[status] ?? 'internal error',
            correlationId: randomUUID(),
            category: 'INTERNAL_ERROR',
          });
          return;
        }
        case 'latency': {
          const timer = setTimeout(() => {
            this.delays.delete(timer);
            next();
          }, fault.latencyMs ?? 1000);
          this.delays.add(timer);
          return;
        }
        case 'timeout':
          // Never answer: the client's own timeout is what is being tested.
          this.hanging.add(res);
          res.on('close', () => this.hanging.delete(res));
          return;
        default:
          return next();
      }
    };
  }

  /** Stops pending delays and drops hanging connections (server shutdown). */
  dispose(): void {
    for (const timer of this.delays) clearTimeout(timer);
    this.delays.clear();
    this.faults = [];
    this.releaseHanging();
  }

  private releaseHanging(): void {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
  }

  private take(req: Request): ActiveFault | undefined {
    this.dropSpent();
    const fault = this.faults.find((f) => matches(f, req));
    if (!fault) return undefined;
    fault.injected += 1;
    if (fault.remaining !== null) fault.remaining -= 1;
    return fault;
  }

  private dropSpent(): void {
    const now = this.clock();
    this.faults = this.faults.filter((f) => (f.remaining === null || f.remaining > 0) && (f.until === null || f.until > now));
  }
}

function matches(fault: ActiveFault, req: Request): boolean {
  if (!fault.paths || fault.paths.length === 0) return true;
  const endpoint = endpointKey(req);
  const pattern = endpoint.slice(endpoint.indexOf(' ') + 1);
  return fault.paths.some((path) => path === endpoint || path === pattern || req.path.startsWith(path));
}
