import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export const repoRoot = join(__dirname, '..', '..');
export const hubspotProject = join(repoRoot, 'manifests', 'hubspot');
export const salesforceProject = join(repoRoot, 'manifests', 'salesforce');
export const salesforceSource = join(salesforceProject, 'force-app', 'main', 'default');
export const metadataNamespace = 'http://soap.sforce.com/2006/04/metadata';

/** The placeholder Accord host the manifests use (docs/hubspot-project.md, docs/salesforce-package.md). */
export const accordHost = 'https://accord.example.com';

/** Every file under `dir` (recursively), as paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out.sort();
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

export function readJson<T = unknown>(path: string): T {
  return JSON.parse(readText(path)) as T;
}

// Elements that may repeat in the metadata Accord ships: always parsed as arrays.
const repeated = new Set([
  'fields',
  'value',
  'fieldPermissions',
  'classAccesses',
  'tabSettings',
  'objectPermissions',
  'userPermissions',
  'externalCredentialPrincipalAccesses',
  'outboundMessages',
  'externalCredentialParameters',
  'namedCredentialParameters',
  'target',
  'targetConfig',
  'actionCalls',
  'flexiPageRegions',
  'itemInstances',
  'types',
  'members',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: true,
  // <object> repeats inside an LWC's <objects>, but is single in a flow's <start> or an object permission.
  isArray: (name, jPath) => repeated.has(name) || String(jPath).endsWith('.objects.object'),
});

export type XmlNode = { [key: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlValue[];

/** A metadata file: well-formed, one root element in the Metadata API namespace. Returns [root name, root]. */
export function readMetadataXml(path: string): [string, XmlNode] {
  const text = readText(path);
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`${path} is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const doc = parser.parse(text) as XmlNode;
  const roots = Object.keys(doc).filter((k) => k !== '?xml');
  if (roots.length !== 1) throw new Error(`${path} has ${roots.length} root elements`);
  const name = roots[0] as string;
  const root = doc[name] as XmlNode;
  if (root['@_xmlns'] !== metadataNamespace) throw new Error(`${path}: <${name}> is not in the ${metadataNamespace} namespace`);
  return [name, root];
}

export function text(node: XmlValue | undefined): string {
  if (typeof node === 'string') return node;
  if (node === undefined) return '';
  throw new Error(`expected text, got ${JSON.stringify(node)}`);
}

export function node(value: XmlValue | undefined): XmlNode {
  if (value !== undefined && typeof value === 'object' && !Array.isArray(value)) return value;
  throw new Error(`expected an element, got ${JSON.stringify(value)}`);
}

export function nodes(value: XmlValue | undefined): XmlNode[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return [node(value)];
  return value.map((v) => node(v));
}

export function texts(value: XmlValue | undefined): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return [text(value)];
  return value.map((v) => text(v));
}
