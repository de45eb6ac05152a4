/**
 * Pragmatic email syntax, checked with string operations only (no regex over user input, so no
 * ReDoS): one "@", a local part of allowed characters without leading, trailing or doubled dots,
 * and a domain of at least two labels whose top-level label is alphabetic (or punycode).
 */
const localSpecials = new Set("!#$%&'*+/=?^_`{|}~.-");

// decide() checks the same address more than once (business email, invalid email): remember the last answer.
let lastValue: string | null = null;
let lastAnswer = false;

export function isValidEmail(value: string): boolean {
  if (value !== lastValue) {
    lastValue = value;
    lastAnswer = checkEmailSyntax(value.trim());
  }
  return lastAnswer;
}

function checkEmailSyntax(email: string): boolean {
  if (email.length > 254) return false;
  const at = email.indexOf('@');
  if (at <= 0 || at !== email.lastIndexOf('@')) return false;
  return isValidLocalPart(email.slice(0, at)) && isValidDomain(email.slice(at + 1));
}

/** The lower-cased part after "@", or null when there is none. */
export function emailDomainOf(value: string): string | null {
  const at = value.lastIndexOf('@');
  if (at < 0) return null;
  const domain = value.slice(at + 1).trim().toLowerCase();
  return domain === '' ? null : domain;
}

function isValidLocalPart(local: string): boolean {
  if (local.length > 64 || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  for (let i = 0; i < local.length; i++) {
    if (!isLetterOrDigit(local.charCodeAt(i)) && !localSpecials.has(local.charAt(i))) return false;
  }
  return true;
}

// Walks the labels in place rather than splitting: decide() checks an address per lead.
function isValidDomain(domain: string): boolean {
  let labels = 0;
  let start = 0;
  for (let i = 0; i <= domain.length; i++) {
    if (i < domain.length && domain.charCodeAt(i) !== dot) continue;
    const length = i - start;
    if (length === 0 || length > 63 || domain.charCodeAt(start) === hyphen || domain.charCodeAt(i - 1) === hyphen) return false;
    for (let j = start; j < i; j++) {
      const code = domain.charCodeAt(j);
      if (!isLetterOrDigit(code) && code !== hyphen) return false;
    }
    labels += 1;
    if (i < domain.length) start = i + 1;
  }
  if (labels < 2) return false;
  // `start` is now where the top-level label begins.
  const tld = domain.slice(start);
  if (tld.toLowerCase().startsWith('xn--')) return true;
  if (tld.length < 2) return false;
  for (let i = 0; i < tld.length; i++) if (!isLetter(tld.charCodeAt(i))) return false;
  return true;
}

const dot = 46;
const hyphen = 45;

function isLetter(code: number): boolean {
  // Non-ASCII letters allowed: internationalised addresses are real.
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code > 127;
}

function isLetterOrDigit(code: number): boolean {
  return isLetter(code) || (code >= 48 && code <= 57);
}
