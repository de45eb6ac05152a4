// A batch decides many leads at one `now`: remembering the last answer spares a date format per lead.
let lastMs = NaN;
let lastText = '';

/** The instant as `Date#toISOString` writes it (and, like it, throws on an invalid date). */
export function instantText(date: Date): string {
  const ms = date.getTime();
  if (ms !== lastMs) {
    lastText = date.toISOString();
    lastMs = ms;
  }
  return lastText;
}
