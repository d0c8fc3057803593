/**
 * Whether an OpenAPI document says what each answer holds: a response schema that is an
 * untyped record or an empty schema tells a portal nothing to generate a client from.
 */

export type Schema = {
  $ref?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  [key: string]: unknown;
};
export type Document = {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>
  >;
  components?: { schemas?: Record<string, Schema> };
};

/** Keys that say nothing of a value's shape: a schema with only these accepts anything. */
const annotations = new Set(["description", "example", "examples", "title", "default", "deprecated"]);
const empty = (schema: Schema) => Object.keys(schema).every((key) => annotations.has(key));
const untypedRecord = (schema: Schema) =>
  schema.type === "object" &&
  schema.properties === undefined &&
  (schema.additionalProperties === undefined ||
    schema.additionalProperties === true ||
    (typeof schema.additionalProperties === "object" && empty(schema.additionalProperties)));

/** The schemas directly inside one: its properties by name, anything else by its key. */
function inner(schema: Schema, at: string): [string, unknown][] {
  return Object.entries(schema)
    .filter(([key]) => !annotations.has(key))
    .flatMap(([key, value]): [string, unknown][] => {
      if (key === "properties") return Object.entries(value as object).map(([n, p]) => [`${at}.${n}`, p]);
      if (Array.isArray(value)) return value.map((v, i) => [`${at}.${key}[${i}]`, v]);
      return [[`${at}.${key}`, value]];
    });
}

/** Where a response schema, or any schema inside it, says nothing of what is returned. */
export function untypedSchemas(doc: Document): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const visit = (at: string, schema: unknown): void => {
    if (typeof schema !== "object" || schema === null) return;
    const { $ref } = schema as Schema;
    if ($ref !== undefined) {
      if (!seen.has($ref)) {
        seen.add($ref);
        visit($ref, doc.components?.schemas?.[$ref.replace("#/components/schemas/", "")]);
      }
    } else if (empty(schema as Schema) || untypedRecord(schema as Schema)) found.push(at);
    else for (const [where, child] of inner(schema as Schema, at)) visit(where, child);
  };
  for (const [path, operations] of Object.entries(doc.paths))
    for (const [method, operation] of Object.entries(operations))
      for (const [status, response] of Object.entries(operation.responses))
        for (const [type, media] of Object.entries(response.content ?? {}))
          visit(`${method.toUpperCase()} ${path} ${status} ${type}`, media.schema);
  return found;
}
