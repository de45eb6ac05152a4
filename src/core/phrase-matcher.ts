/**
 * Whole-word, whole-phrase matching: "VP, Sales" contains "vp" and "Vice President of Sales"
 * contains "vice president", but "Actor" does not contain "cto". Text and phrases are split into
 * words the same way, so punctuation and case never matter ("co-founder" = "Co Founder").
 */
export type PhraseMatcher = (text: string) => boolean;

export function compilePhraseMatcher(phrases: readonly string[]): PhraseMatcher {
  const byFirstWord = new Map<string, string[][]>();
  for (const phrase of phrases) {
    const [first, ...rest] = wordsOf(phrase);
    if (first === undefined) continue;
    const tails = byFirstWord.get(first) ?? [];
    tails.push(rest);
    byFirstWord.set(first, tails);
  }
  return (text) => {
    const words = wordsOf(text);
    return words.some((word, i) => byFirstWord.get(word)?.some((tail) => tail.every((w, j) => words[i + 1 + j] === w)) ?? false);
  };
}

const nonAsciiLetterOrDigit = /[\p{L}\p{N}]/u;

/** Lower-case words: runs of letters and digits in any script. */
export function wordsOf(text: string): string[] {
  const lower = text.toLowerCase();
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < lower.length; i++) {
    if (isWordCharacter(lower.charCodeAt(i), lower, i)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push(lower.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) words.push(lower.slice(start));
  return words;
}

function isWordCharacter(code: number, text: string, index: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  // Surrogate pairs (letters outside the basic plane) are tested as whole code points.
  if (code >= 0xdc00 && code <= 0xdfff) return nonAsciiLetterOrDigit.test(String.fromCodePoint(text.codePointAt(index - 1) ?? code));
  return nonAsciiLetterOrDigit.test(String.fromCodePoint(text.codePointAt(index) ?? code));
}
