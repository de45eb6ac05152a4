import type { Band } from './feature';
import { formatNumber } from './format-number';

/** A band as people say it: "Google", "unknown", "120 to under 300". */
export function bandWords(band: Band): string {
  switch (band.type) {
    case 'missing':
      return 'unknown';
    case 'other':
      return 'another value';
    case 'value':
      return band.value;
    case 'range':
      return rangeWords(band.low, band.high);
  }
}

export function rangeWords(low: number | null, high: number | null): string {
  if (low === null && high === null) return 'any number';
  if (low === null) return `under ${formatNumber(high as number)}`;
  if (high === null) return `${formatNumber(low)} or more`;
  return `${formatNumber(low)} to under ${formatNumber(high)}`;
}

export function joinOr(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
