const suffixAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const idShape = /^[a-zA-Z0-9]{15}(?:[A-Z0-5]{3})?$/;

/**
 * The case-insensitive 18-character form of a Salesforce id. Each suffix character encodes which of
 * five id characters are upper case, so `00Q5e00000AbCdE` and `00Q5e00000abcde` stay distinct.
 * Returns null for anything that is not a 15- or 18-character id.
 */
export function toSalesforceId18(id: string): string | null {
  const trimmed = id.trim();
  if (!idShape.test(trimmed)) return null;
  const base = trimmed.slice(0, 15);
  let suffix = '';
  for (let block = 0; block < 3; block += 1) {
    let bits = 0;
    for (let i = 0; i < 5; i += 1) {
      const char = base.charAt(block * 5 + i);
      if (char >= 'A' && char <= 'Z') bits |= 1 << i;
    }
    suffix += suffixAlphabet.charAt(bits);
  }
  const full = base + suffix;
  // An 18-character id whose suffix does not match its first 15 characters was mistyped.
  return trimmed.length === 18 && trimmed !== full ? null : full;
}

/** Two ids name the same record, whichever form (15 or 18 characters) each is in. */
export function sameSalesforceId(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const left = toSalesforceId18(a);
  return left !== null && left === toSalesforceId18(b);
}
