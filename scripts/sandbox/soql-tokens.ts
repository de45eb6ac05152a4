import { SoqlError } from './soql-error';

export type SoqlToken =
  | { kind: 'word'; text: string; upper: string }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number; text: string }
  | { kind: 'datetime'; value: number; text: string }
  | { kind: 'date'; value: string }
  | { kind: 'symbol'; text: string };

const datetimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2})/;
const datePattern = /^\d{4}-\d{2}-\d{2}(?![\dT])/;
const numberPattern = /^-?\d+(?:\.\d+)?/;
const wordPattern = /^[A-Za-z_][A-Za-z0-9_]*/;
const symbols = ['!=', '<>', '<=', '>=', '=', '<', '>', '(', ')', ',', '.'];
const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '"': '"', "'": "'", '\\': '\\' };

/** Splits SOQL into tokens: words (keywords and names), literals and symbols. */
export function tokenizeSoql(soql: string): SoqlToken[] {
  const tokens: SoqlToken[] = [];
  let rest = soql;
  const near = () => rest.slice(0, 20);
  while ((rest = rest.replace(/^\s+/, '')) !== '') {
    const datetime = datetimePattern.exec(rest);
    if (datetime) {
      const text = datetime[0];
      const ms = Date.parse(text);
      if (!Number.isFinite(ms)) throw new SoqlError('MALFORMED_QUERY', `line 1:0 no viable alternative at character '${text}'`);
      tokens.push({ kind: 'datetime', value: ms, text });
      rest = rest.slice(text.length);
      continue;
    }
    const date = datePattern.exec(rest);
    if (date) {
      tokens.push({ kind: 'date', value: date[0] });
      rest = rest.slice(date[0].length);
      continue;
    }
    const number = numberPattern.exec(rest);
    if (number) {
      tokens.push({ kind: 'number', value: Number(number[0]), text: number[0] });
      rest = rest.slice(number[0].length);
      continue;
    }
    const word = wordPattern.exec(rest);
    if (word) {
      tokens.push({ kind: 'word', text: word[0], upper: word[0].toUpperCase() });
      rest = rest.slice(word[0].length);
      continue;
    }
    if (rest.startsWith("'")) {
      let value = '';
      let i = 1;
      for (; i < rest.length && rest[i] !== "'"; i += 1) {
        if (rest[i] === '\\') {
          const escaped = escapes[rest[i + 1] ?? ''];
          if (escaped === undefined) throw new SoqlError('MALFORMED_QUERY', `Invalid string literal ${near()}: illegal escape sequence`);
          value += escaped;
          i += 1;
        } else {
          value += rest[i];
        }
      }
      if (i >= rest.length) throw new SoqlError('MALFORMED_QUERY', `unterminated string literal near ${near()}`);
      tokens.push({ kind: 'string', value });
      rest = rest.slice(i + 1);
      continue;
    }
    const symbol = symbols.find((s) => rest.startsWith(s));
    if (!symbol) throw new SoqlError('MALFORMED_QUERY', `unexpected character near ${near()}`);
    tokens.push({ kind: 'symbol', text: symbol });
    rest = rest.slice(symbol.length);
  }
  return tokens;
}
