export interface Progress {
  advance(done: number): void;
  finish(): void;
}

const quiet: Progress = { advance: () => undefined, finish: () => undefined };

/**
 * A one-line progress bar on a terminal; nothing at all when the stream is piped or redirected,
 * so logs and scripts stay clean. Redraws at most every 100 ms.
 */
export function progressBar(label: string, total: number, stream: NodeJS.WriteStream = process.stderr, clock: () => number = Date.now): Progress {
  if (!stream.isTTY || total <= 0) return quiet;
  let last = -Infinity;
  const draw = (done: number) => {
    const width = 30;
    const share = Math.min(1, done / total);
    const filled = Math.round(share * width);
    stream.write(`\r${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}`);
  };
  return {
    advance(done) {
      const now = clock();
      if (now - last < 100 && done < total) return;
      last = now;
      draw(done);
    },
    finish() {
      draw(total);
      stream.write('\n');
    },
  };
}
