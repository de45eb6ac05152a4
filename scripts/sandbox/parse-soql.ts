import { SoqlError } from './soql-error';
import type { SoqlComparator, SoqlCondition, SoqlLiteral, SoqlOrder, SoqlQuery } from './soql-query';
import { tokenizeSoql, type SoqlToken } from './soql-tokens';

const comparators: Record<string, SoqlComparator> = { '=': '=', '!=': '!=', '<>': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };
const reserved = new Set(['SELECT', 'FROM', 'WHERE', 'AND', 'OR', 'NOT', 'IN', 'LIKE', 'ORDER', 'BY', 'LIMIT', 'ASC', 'DESC', 'NULLS', 'FIRST', 'LAST', 'NULL', 'TRUE', 'FALSE']);

/**
 * Parses `SELECT f, r.f FROM Object [WHERE …] [ORDER BY f [ASC|DESC] [NULLS FIRST|LAST], …] [LIMIT n]`.
 * Conditions: = != <> < <= > >=, [NOT] IN (…), LIKE, NOT, parentheses, and AND or OR — mixing the two
 * without parentheses is refused, as Salesforce refuses it.
 */
export function parseSoql(soql: string): SoqlQuery {
  const tokens = tokenizeSoql(soql);
  let position = 0;
  const peek = (): SoqlToken | undefined => tokens[position];
  const describe = (token: SoqlToken | undefined) =>
    token === undefined ? '<EOF>' : token.kind === 'word' || token.kind === 'symbol' ? token.text : token.kind === 'string' ? `'${token.value}'` : String('text' in token ? token.text : token.value);
  const fail = (expected: string): never => {
    throw new SoqlError('MALFORMED_QUERY', `unexpected token: '${describe(peek())}' (expecting ${expected})`);
  };
  const isWord = (upper: string) => {
    const token = peek();
    return token?.kind === 'word' && token.upper === upper;
  };
  const isSymbol = (text: string) => {
    const token = peek();
    return token?.kind === 'symbol' && token.text === text;
  };
  const keyword = (upper: string) => (isWord(upper) ? (position += 1, true) : fail(upper));
  const symbol = (text: string) => (isSymbol(text) ? (position += 1, true) : fail(`'${text}'`));
  const name = (): string => {
    const token = peek();
    if (token?.kind !== 'word' || reserved.has(token.upper)) return fail('a field or object name');
    position += 1;
    return token.text;
  };
  const path = (): string[] => {
    const parts = [name()];
    while (isSymbol('.')) {
      position += 1;
      parts.push(name());
    }
    return parts;
  };
  const literal = (): SoqlLiteral => {
    const token = peek();
    position += 1;
    if (token?.kind === 'string') return { kind: 'string', value: token.value };
    if (token?.kind === 'number') return { kind: 'number', value: token.value };
    if (token?.kind === 'datetime') return { kind: 'datetime', value: token.value, text: token.text };
    if (token?.kind === 'date') return { kind: 'date', value: token.value };
    if (token?.kind === 'word' && (token.upper === 'TRUE' || token.upper === 'FALSE')) return { kind: 'boolean', value: token.upper === 'TRUE' };
    if (token?.kind === 'word' && token.upper === 'NULL') return { kind: 'null' };
    position -= 1;
    return fail('a value');
  };
  const comparison = (): SoqlCondition => {
    const field = path();
    const token = peek();
    if (token?.kind === 'symbol' && comparators[token.text]) {
      position += 1;
      return { kind: 'compare', field, op: comparators[token.text] as SoqlComparator, value: literal() };
    }
    const negated = isWord('NOT') ? (position += 1, true) : false;
    if (isWord('IN')) {
      position += 1;
      symbol('(');
      const values = [literal()];
      while (isSymbol(',')) {
        position += 1;
        values.push(literal());
      }
      symbol(')');
      return { kind: 'in', field, negated, values };
    }
    if (!negated && isWord('LIKE')) {
      position += 1;
      const pattern = literal();
      if (pattern.kind !== 'string') throw new SoqlError('MALFORMED_QUERY', 'LIKE needs a string pattern');
      return { kind: 'like', field, pattern: pattern.value };
    }
    return fail('an operator');
  };
  const unary = (): SoqlCondition => {
    if (isWord('NOT')) {
      position += 1;
      return { kind: 'not', part: unary() };
    }
    if (isSymbol('(')) {
      position += 1;
      const inner = condition();
      symbol(')');
      return inner;
    }
    return comparison();
  };
  const condition = (): SoqlCondition => {
    const first = unary();
    const joiner = isWord('AND') ? 'and' : isWord('OR') ? 'or' : null;
    if (joiner === null) return first;
    const parts = [first];
    while (isWord(joiner.toUpperCase())) {
      position += 1;
      parts.push(unary());
    }
    if (isWord('AND') || isWord('OR')) fail('parentheses around the mixed AND and OR');
    return { kind: joiner, parts };
  };

  keyword('SELECT');
  const fields = [path()];
  while (isSymbol(',')) {
    position += 1;
    fields.push(path());
  }
  keyword('FROM');
  const object = name();
  let where: SoqlCondition | null = null;
  if (isWord('WHERE')) {
    position += 1;
    where = condition();
  }
  const orderBy: SoqlOrder[] = [];
  if (isWord('ORDER')) {
    position += 1;
    keyword('BY');
    do {
      if (orderBy.length > 0) position += 1;
      const field = path();
      const descending = isWord('DESC') ? (position += 1, true) : isWord('ASC') ? (position += 1, false) : false;
      let nullsLast = descending;
      if (isWord('NULLS')) {
        position += 1;
        nullsLast = isWord('LAST') ? (position += 1, true) : (keyword('FIRST'), false);
      }
      orderBy.push({ field, descending, nullsLast });
    } while (isSymbol(','));
  }
  let limit: number | null = null;
  if (isWord('LIMIT')) {
    position += 1;
    const token = peek();
    if (token?.kind !== 'number' || !Number.isInteger(token.value) || token.value < 0) fail('a whole number');
    limit = (token as { value: number }).value;
    position += 1;
  }
  if (position < tokens.length) fail('<EOF>');
  return { fields, object, where, orderBy, limit };
}
