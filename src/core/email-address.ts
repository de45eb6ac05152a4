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

function isValidDomain(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  for (const label of labels) {
    if (label.length === 0 || label.length > 63 || label.startsWith('-') || label.endsWith('-')) return false;
    for (let i = 0; i < label.length; i++) {
      if (!isLetterOrDigit(label.charCodeAt(i)) && label.charAt(i) !== '-') return false;
    }
  }
  const tld = labels[labels.length - 1] ?? '';
  if (tld.toLowerCase().startsWith('xn--')) return true;
  if (tld.length < 2) return false;
  for (let i = 0; i < tld.length; i++) if (!isLetter(tld.charCodeAt(i))) return false;
  return true;
}

function isLetter(code: number): boolean {
  // Non-ASCII letters allowed: internationalised addresses are real.
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code > 127;
}

function isLetterOrDigit(code: number): boolean {
  return isLetter(code) || (code >= 48 && code <= 57);
}
