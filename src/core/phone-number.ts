/**
 * Phone shape checks on free-text CRM phone fields. Forms force people to type *something*, so
 * fake numbers (0000000, 1234567, 555-01xx) are common and say the lead does not want a call.
 */
interface PhoneShape {
  /** Digits of the number, without an extension ("x12", "ext. 12"). */
  digits: string;
  /** Only digits, a leading "+" and formatting characters. */
  wellFormed: boolean;
  international: boolean;
}

const formattingCharacters = new Set([' ', '-', '.', '(', ')', '/']);

export function phoneDigits(phone: string): string {
  return phoneShape(phone).digits;
}

/** 7–15 digits (E.164 allows 15), only formatting characters around them, and not a placeholder. */
export function isValidPhone(phone: string): boolean {
  const shape = phoneShape(phone);
  return shape.wellFormed && shape.digits.length <= 15 && !isPlaceholder(shape);
}

/** True for a phone value that is present but cannot be a real number. */
export function isPlaceholderPhone(phone: string): boolean {
  return isPlaceholder(phoneShape(phone));
}

// decide() checks the same phone for validity and for a placeholder: remember the last one parsed.
let lastPhone: string | null = null;
let lastShape: PhoneShape = { digits: '', wellFormed: false, international: false };

function phoneShape(phone: string): PhoneShape {
  if (phone === lastPhone) return lastShape;
  const text = phone.trim();
  let digits = '';
  let wellFormed = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch >= '0' && ch <= '9') digits += ch;
    else if (digits !== '' && isExtensionMarker(ch)) break;
    else if (!formattingCharacters.has(ch) && !(ch === '+' && i === 0)) wellFormed = false;
  }
  lastPhone = phone;
  lastShape = { digits, wellFormed, international: text.startsWith('+') || digits.startsWith('00') };
  return lastShape;
}

/** "x12", "ext. 12", "#12" after the number. */
function isExtensionMarker(ch: string): boolean {
  return ch === 'x' || ch === 'X' || ch === 'e' || ch === 'E' || ch === '#';
}

function isPlaceholder({ digits, international }: PhoneShape): boolean {
  if (digits.length < 7) return true;
  // With and without a country code, since "+44 1234567890" is as fake as "1234567890".
  const starts = [0];
  if (international) {
    const prefix = digits.startsWith('00') ? 2 : 0;
    starts.push(prefix + 1, prefix + 2, prefix + 3);
  } else if (digits.length === 11 && digits.startsWith('1')) {
    starts.push(1);
  }
  return starts.some((start) => {
    const number = digits.slice(start);
    return number.length >= 7 && (isOneRepeatedDigit(number) || isDigitRun(number, 1) || isDigitRun(number, -1) || isFictional555(number));
  });
}

function isOneRepeatedDigit(number: string): boolean {
  for (let i = 1; i < number.length; i++) if (number.charCodeAt(i) !== number.charCodeAt(0)) return false;
  return true;
}

/** 1234567890 (step 1, wrapping 9→0) or 9876543210 (step -1). */
function isDigitRun(number: string, step: 1 | -1): boolean {
  for (let i = 1; i < number.length; i++) {
    if ((number.charCodeAt(i - 1) - 48 + step + 10) % 10 !== number.charCodeAt(i) - 48) return false;
  }
  return true;
}

/** 555-0100 … 555-0199 are reserved for fiction in the North American numbering plan. */
function isFictional555(number: string): boolean {
  if (number.length === 7) return number.startsWith('55501');
  return number.length === 10 && number.startsWith('55501', 3);
}
