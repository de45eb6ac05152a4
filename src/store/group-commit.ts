interface Pending<Job, Result> {
  job: Job;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

/**
 * Commits the jobs submitted during one turn of the event loop together, in one transaction. With
 * `synchronous = FULL` every commit costs an fsync; webhook requests that arrive together (they pile
 * up while the previous fsync blocks the loop) then share one instead of queueing for one each.
 * Every caller still resolves only after its rows are durable.
 */
export class GroupCommit<Job, Result> {
  private pending: Array<Pending<Job, Result>> = [];

  constructor(private readonly commit: (jobs: Job[]) => Result[]) {}

  submit(job: Job): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.pending.push({ job, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    let results: Result[];
    try {
      results = this.commit(batch.map((p) => p.job));
    } catch (error) {
      batch.forEach((p) => p.reject(error));
      return;
    }
    batch.forEach((p, i) => p.resolve(results[i] as Result));
  }
}
