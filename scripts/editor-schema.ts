// The schema VS Code's JSON editor gets for .postmortem.json (package.json `jsonValidation`): the same descriptions,
// property names and values as schemas/postmortem.config.schema.json, offered as completions and hovers, without the
// keywords that validate. The extension's `team-config` diagnostic already reports each mistake once, as an error
// that says what checking does instead (the same message as the CLI); the JSON editor's own "Value is not accepted"
// warning would report it a second time.
import schema from '../schemas/postmortem.config.schema.json';

export const EDITOR_SCHEMA_FILE = 'schemas/postmortem.config.editor.schema.json';

type Node = Record<string, unknown>;
const VALIDATING = ['type', 'additionalProperties', 'propertyNames', 'required', 'uniqueItems', 'minLength', 'minimum', 'maxLength', 'maximum', 'format', 'oneOf', 'anyOf', 'enum', 'const', 'pattern'];

function resolve(node: unknown, definitions: Record<string, Node>): unknown {
  if (Array.isArray(node)) return node.map((n) => resolve(n, definitions));
  if (!node || typeof node !== 'object') return node;
  const ref = (node as Node)['$ref'];
  if (typeof ref === 'string' && ref.startsWith('#/definitions/')) return resolve(definitions[ref.slice('#/definitions/'.length)], definitions);
  return Object.fromEntries(Object.entries(node as Node).map(([k, v]) => [k, resolve(v, definitions)]));
}

/** One schema node without validation: enums become examples, booleans offer true and false, keyed maps list keys. */
function relax(input: Node): Node {
  const node: Node = { ...input };
  const out: Node = {};
  if (typeof node['description'] === 'string') out['description'] = node['description'];
  if (node['default'] !== undefined) out['default'] = node['default'];
  const examples = Array.isArray(node['enum']) ? node['enum'] : node['type'] === 'boolean' ? [true, false] : undefined;
  if (examples) out['examples'] = examples;
  const properties: Record<string, Node> = {};
  for (const [k, v] of Object.entries((node['properties'] as Record<string, Node> | undefined) ?? {})) properties[k] = relax(v);
  // A map whose keys are listed (propertyNames: enum): each key becomes a property, so it is completed and hovered.
  const names = (node['propertyNames'] as Node | undefined)?.['enum'];
  const values = node['additionalProperties'];
  if (Array.isArray(names)) for (const name of names) properties[String(name)] = values && typeof values === 'object' ? relax(values as Node) : {};
  if (Object.keys(properties).length > 0) out['properties'] = properties;
  if (node['items'] && typeof node['items'] === 'object') {
    const items = node['items'] as Node;
    // A list of "SEV1" or {id, description}: offer the object's properties.
    const branch = [...((items['oneOf'] as Node[] | undefined) ?? []), ...((items['anyOf'] as Node[] | undefined) ?? [])].find((b) => b['properties']);
    out['items'] = relax(branch ? { ...branch, description: items['description'] } : items);
  }
  for (const key of Object.keys(node)) if (!VALIDATING.includes(key) && !(key in out) && !['properties', 'items', 'definitions', '$ref'].includes(key)) out[key] = node[key];
  return out;
}

export function editorSchemaText(source: unknown = schema): string {
  const definitions = (source as Node)['definitions'] as Record<string, Node>;
  const resolved = resolve(source, definitions) as Node;
  const { $schema, title, description, properties } = relax(resolved);
  const comment = 'Generated from postmortem.config.schema.json by npm run generate (scripts/editor-schema.ts): completions and hovers only; the extension reports mistakes as team-config.';
  return `${JSON.stringify({ $schema, $comment: comment, title, description, properties }, null, 2)}\n`;
}
