/** A tenant runs one shadow definition at a time: two at once would make neither comparison clean. */
export class ShadowRunActiveError extends Error {
  constructor(readonly activeRunId: number) {
    super(`shadow run ${activeRunId} is still active; stop it first`);
    this.name = 'ShadowRunActiveError';
  }
}
