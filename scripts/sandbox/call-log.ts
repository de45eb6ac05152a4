export interface EndpointCalls {
  count: number;
  /** Answers by HTTP status; `no_response` when the connection closed first (timeout faults). */
  statuses: Record<string, number>;
}

export interface CallLogSnapshot {
  total: number;
  /** Keyed by method and route pattern, e.g. `POST /crm/v3/objects/contacts/batch/update`. */
  endpoints: Record<string, EndpointCalls>;
}

/** Counts API calls per endpoint and status: "API calls per event" is a first-class metric for Accord. */
export class CallLog {
  private endpoints = new Map<string, EndpointCalls>();

  record(endpoint: string, status: string): void {
    const calls = this.endpoints.get(endpoint) ?? { count: 0, statuses: {} };
    calls.count += 1;
    calls.statuses[status] = (calls.statuses[status] ?? 0) + 1;
    this.endpoints.set(endpoint, calls);
  }

  /** Calls to one endpoint (optionally answered with one status), or to all endpoints. */
  count(endpoint?: string, status?: number | string): number {
    const selected = endpoint ? [this.endpoints.get(endpoint)] : [...this.endpoints.values()];
    return selected.reduce((sum, calls) => {
      if (!calls) return sum;
      return sum + (status === undefined ? calls.count : (calls.statuses[String(status)] ?? 0));
    }, 0);
  }

  snapshot(): CallLogSnapshot {
    const endpoints: Record<string, EndpointCalls> = {};
    for (const [key, calls] of [...this.endpoints.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      endpoints[key] = { count: calls.count, statuses: { ...calls.statuses } };
    }
    return { total: this.count(), endpoints };
  }

  reset(): void {
    this.endpoints = new Map();
  }
}
