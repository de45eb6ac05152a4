/** Shortens text to `max` characters, marking the cut, so one long value cannot crowd out the rest. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
