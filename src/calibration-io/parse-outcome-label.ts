const converted = new Set(['1', 'true', 'yes', 'y', 'converted', 'won', 'closed won', 'sql']);
const notConverted = new Set(['0', 'false', 'no', 'n', 'not converted', 'lost', 'closed lost', 'rejected']);

/** Whether an outcome cell says the lead converted; null when it says neither. */
export function parseOutcomeLabel(text: string): boolean | null {
  const word = text.trim().toLowerCase();
  if (converted.has(word)) return true;
  if (notConverted.has(word)) return false;
  const n = Number(word);
  return word !== '' && Number.isFinite(n) && (n === 0 || n === 1) ? n === 1 : null;
}
