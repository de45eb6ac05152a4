/** A parsed XML element as fast-xml-parser gives it, with the namespaces in scope where it stands. */
export interface XmlElement {
  /** Namespace URI; null when the element is in no namespace. */
  ns: string | null;
  local: string;
  /** Text, or an object of children (`name: value | value[]`), attributes (`@_name`) and `#text`. */
  value: unknown;
  scope: ReadonlyMap<string, string>;
}

export const xsiNamespace = 'http://www.w3.org/2001/XMLSchema-instance';

function attributesOf(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  const attributes: Record<string, string> = {};
  for (const [key, attribute] of Object.entries(value)) {
    if (key.startsWith('@_') && typeof attribute === 'string') attributes[key.slice(2)] = attribute;
  }
  return attributes;
}

/** The prefixes an element declares (`xmlns`, `xmlns:p`) added to those its parent has in scope. */
function scopeOf(value: unknown, parentScope: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  const declared = Object.entries(attributesOf(value)).filter(([name]) => name === 'xmlns' || name.startsWith('xmlns:'));
  if (declared.length === 0) return parentScope;
  const scope = new Map(parentScope);
  for (const [name, uri] of declared) scope.set(name === 'xmlns' ? '' : name.slice(6), uri);
  return scope;
}

/** A qualified name (`p:local` or `local`) resolved against a scope; an undeclared prefix resolves to null. */
export function resolveQName(qname: string, scope: ReadonlyMap<string, string>): { ns: string | null; local: string } {
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? '' : qname.slice(0, colon);
  return { ns: scope.get(prefix) ?? null, local: colon < 0 ? qname : qname.slice(colon + 1) };
}

/** The child elements of an element (or of the document), in document order per name, with their namespaces. */
export function childElements(parent: unknown, parentScope: ReadonlyMap<string, string>): XmlElement[] {
  if (typeof parent !== 'object' || parent === null) return [];
  const children: XmlElement[] = [];
  for (const [qname, raw] of Object.entries(parent)) {
    if (qname.startsWith('@_') || qname === '#text' || qname.startsWith('?')) continue;
    for (const value of Array.isArray(raw) ? raw : [raw]) {
      const scope = scopeOf(value, parentScope);
      children.push({ ...resolveQName(qname, scope), value, scope });
    }
  }
  return children;
}

/** An attribute's value by its namespace and local name. */
export function attributeOf(element: XmlElement, ns: string, local: string): string | null {
  for (const [qname, value] of Object.entries(attributesOf(element.value))) {
    if (qname === 'xmlns' || qname.startsWith('xmlns:') || !qname.includes(':')) continue;
    const resolved = resolveQName(qname, element.scope);
    if (resolved.ns === ns && resolved.local === local) return value;
  }
  return null;
}

/** The element's text; null for an element with `xsi:nil="true"`. */
export function textOf(element: XmlElement): string | null {
  if (attributeOf(element, xsiNamespace, 'nil') === 'true') return null;
  if (typeof element.value === 'string') return element.value;
  if (typeof element.value === 'object' && element.value !== null) {
    const text = (element.value as Record<string, unknown>)['#text'];
    if (typeof text === 'string' || typeof text === 'number') return String(text);
    return '';
  }
  return element.value === undefined || element.value === null ? '' : String(element.value);
}
