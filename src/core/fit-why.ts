import { clip } from './clip';

/** Reps read this on the record: one short paragraph and a list, never a wall of text. */
export const maxWhyLength = 1200;

/**
 * Joins the why's verdict, bullets and closing lines, cutting bullets (never the verdict or the
 * closing lines) when the text would be too long and saying how many were cut. `hidden` counts
 * bullets an earlier cut already left out.
 */
export function fitWhy(head: string, bullets: readonly string[], tail: readonly string[], hidden = 0): string {
  let full = head;
  for (const line of bullets) full += `\n${line}`;
  if (hidden > 0) full += `\n… ${hidden} more`;
  for (const line of tail) full += `\n${line}`;
  if (full.length <= maxWhyLength) return full;
  const text = (shown: number): string =>
    [head, ...bullets.slice(0, shown), `… ${bullets.length - shown + hidden} more`, ...tail].join('\n');
  let shown = bullets.length - 1;
  while (shown > 0 && text(shown).length > maxWhyLength) shown -= 1;
  return clip(text(shown), maxWhyLength);
}
