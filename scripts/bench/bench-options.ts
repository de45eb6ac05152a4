/** What a figure may spend: repetitions and sizes shrink under `--quick`. */
export interface BenchOptions {
  quick: boolean;
  /** Repetitions of each measured run (the figure is their median). */
  runs: number;
  log: (line: string) => void;
}

export const fullSizes = [1_000, 10_000, 100_000] as const;
export const quickSizes = [1_000, 10_000] as const;

export function scalingSizes(options: BenchOptions): readonly number[] {
  return options.quick ? quickSizes : fullSizes;
}
