/** Milliseconds since the epoch; injected so tests can move time without fake timers. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
