// A JSON Schema (draft-04) checker for exactly the keywords the SARIF 2.1.0 schema uses: $ref into
// `definitions`, type, properties, additionalProperties, required, items, enum, minimum, maximum, minItems,
// uniqueItems, pattern, anyOf, oneOf, format (uri, uri-reference, date-time). Anything else in a schema is an
// error of this checker, so a schema it cannot read fails the test instead of passing it unchecked.
type Schema = Record<string, unknown>;

const KNOWN = new Set(['$schema', 'id', 'title', 'description', 'default', 'definitions', '$ref', 'type', 'properties', 'additionalProperties', 'required', 'items', 'enum', 'minimum', 'maximum', 'minItems', 'uniqueItems', 'pattern', 'anyOf', 'oneOf', 'format']);

export function validate(root: Schema, value: unknown): string[] {
  const errors: string[] = [];
  check(root, root, value, '$', errors);
  return errors;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function check(root: Schema, schema: Schema, value: unknown, at: string, errors: string[]): void {
  for (const key of Object.keys(schema)) if (!KNOWN.has(key)) throw new Error(`json-schema.ts does not know the keyword ${key} (at ${at})`);
  if (typeof schema.$ref === 'string') {
    const match = schema.$ref.match(/^#\/definitions\/(.+)$/);
    if (!match) throw new Error(`unsupported $ref ${schema.$ref}`);
    check(root, (root.definitions as Record<string, Schema>)[match[1]], value, at, errors);
    return;
  }
  const actual = typeOf(value);
  if (schema.type !== undefined) {
    const allowed = ([] as string[]).concat(schema.type as string | string[]);
    if (!allowed.includes(actual) && !(actual === 'integer' && allowed.includes('number'))) {
      errors.push(`${at}: ${actual}, expected ${allowed.join(' or ')}`);
      return;
    }
  }
  if (schema.enum && !(schema.enum as unknown[]).some((option) => JSON.stringify(option) === JSON.stringify(value))) errors.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${at}: ${value} < ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${at}: ${value} > ${schema.maximum}`);
  }
  if (typeof value === 'string') {
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${at}: ${JSON.stringify(value)} does not match ${schema.pattern}`);
    if (schema.format === 'uri' && !/^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/.test(value)) errors.push(`${at}: ${JSON.stringify(value)} is not an absolute URI`);
    if (schema.format === 'uri-reference' && /[\s\\]/.test(value)) errors.push(`${at}: ${JSON.stringify(value)} is not a URI reference`);
    if (schema.format === 'date-time' && Number.isNaN(Date.parse(value))) errors.push(`${at}: ${JSON.stringify(value)} is not a date-time`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) errors.push(`${at}: fewer than ${schema.minItems} items`);
    if (schema.uniqueItems && new Set(value.map((item) => JSON.stringify(item))).size !== value.length) errors.push(`${at}: items are not unique`);
    if (schema.items) value.forEach((item, index) => check(root, schema.items as Schema, item, `${at}[${index}]`, errors));
  }
  if (actual === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of (schema.required as string[] | undefined) ?? []) if (!(key in object)) errors.push(`${at}: missing ${key}`);
    const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const [key, item] of Object.entries(object)) {
      if (properties[key]) check(root, properties[key], item, `${at}.${key}`, errors);
      else if (schema.additionalProperties === false) errors.push(`${at}: unexpected property ${key}`);
      else if (typeof schema.additionalProperties === 'object') check(root, schema.additionalProperties as Schema, item, `${at}.${key}`, errors);
    }
  }
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const options = schema[keyword] as Schema[] | undefined;
    if (!options) continue;
    const passing = options.filter((option) => {
      const inner: string[] = [];
      check(root, option, value, at, inner);
      return inner.length === 0;
    }).length;
    if (keyword === 'anyOf' ? passing === 0 : passing !== 1) errors.push(`${at}: ${passing} of the ${keyword} alternatives match`);
  }
}
