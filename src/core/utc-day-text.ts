const dayMs = 86_400_000;
// Activity dates repeat across leads (campaigns, the same week): a day's text is worked out once.
// Bounded, since a long-running worker sees every day there is.
const texts = new Map<number, string>();
const maxRemembered = 4_096;

/** "2026-02-27": the UTC calendar day of an instant in epoch ms. */
export function utcDayText(ms: number): string {
  const day = Math.floor(ms / dayMs);
  let text = texts.get(day);
  if (text === undefined) {
    text = new Date(ms).toISOString().slice(0, 10);
    if (texts.size >= maxRemembered) texts.clear();
    texts.set(day, text);
  }
  return text;
}
