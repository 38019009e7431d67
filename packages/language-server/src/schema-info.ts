import { reportJsonSchema } from "@govreport/schema";

/** A node of the report-data JSON Schema (draft-07, as @govreport/schema generates it). */
export type JsonSchema = { readonly [key: string]: unknown };

/** A step on a path through the schema: a key, an array index, or `*` for "any item / any entry". */
export type SchemaSegment = string | number;

export interface PropertyInfo {
  readonly name: string;
  readonly schema: JsonSchema;
  readonly required: boolean;
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Answers "what may stand here, and what does it mean" from the generated JSON Schema: the keys allowed in
 * an object, the description of a key (written "中文 — English"), enum and const values.
 */
export class SchemaIndex {
  constructor(private readonly root: JsonSchema) {}

  private resolve(schema: JsonSchema, depth = 0): JsonSchema[] {
    if (depth > 20) return [];
    const ref = schema.$ref;
    if (typeof ref === "string" && ref.startsWith("#/")) {
      let target: unknown = this.root;
      for (const part of ref.slice(2).split("/")) target = isSchema(target) ? target[decodeURIComponent(part.replace(/~1/g, "/").replace(/~0/g, "~"))] : undefined;
      return isSchema(target) ? this.resolve({ ...target, ...withoutRef(schema) }, depth + 1) : [];
    }
    const branches = [schema.anyOf, schema.oneOf, schema.allOf].filter(Array.isArray).flat().filter(isSchema);
    if (branches.length === 0) return [schema];
    // The description on a union (e.g. a figure entry) is kept for each branch that has none of its own.
    const inherited = typeof schema.description === "string" ? schema.description : undefined;
    return branches.flatMap((branch) => this.resolve(inherited && branch.description === undefined ? { ...branch, description: inherited } : branch, depth + 1));
  }

  /** Every schema that may describe the value at `path` (several where the format allows alternatives). */
  at(path: readonly SchemaSegment[]): JsonSchema[] {
    let current = this.resolve(this.root);
    for (const segment of path) {
      const next: JsonSchema[] = [];
      for (const schema of current) {
        if (typeof segment === "string" && segment !== "*") {
          const properties = schema.properties;
          if (isSchema(properties) && isSchema(properties[segment])) {
            next.push(...this.resolve(properties[segment] as JsonSchema));
            continue;
          }
        }
        if (typeof segment === "number" || segment === "*") {
          if (isSchema(schema.items)) next.push(...this.resolve(schema.items));
        }
        if (typeof segment === "string" && isSchema(schema.additionalProperties)) next.push(...this.resolve(schema.additionalProperties));
      }
      current = next;
      if (current.length === 0) break;
    }
    return current;
  }

  /** The keys an object at `path` may have. */
  properties(path: readonly SchemaSegment[]): PropertyInfo[] {
    const seen = new Map<string, PropertyInfo>();
    for (const schema of this.at(path)) {
      if (!isSchema(schema.properties)) continue;
      const required = Array.isArray(schema.required) ? (schema.required as unknown[]) : [];
      for (const [name, property] of Object.entries(schema.properties)) {
        if (seen.has(name) || !isSchema(property)) continue;
        const resolved = this.resolve(property);
        const described = resolved.find((each) => typeof each.description === "string") ?? resolved[0] ?? property;
        seen.set(name, { name, schema: typeof property.description === "string" ? property : described, required: required.includes(name) });
      }
    }
    return [...seen.values()];
  }

  description(path: readonly SchemaSegment[]): string | undefined {
    for (const schema of this.at(path)) if (typeof schema.description === "string") return schema.description;
    return undefined;
  }

  /** Values listed by `enum` or `const` for the value at `path`. */
  literalValues(path: readonly SchemaSegment[]): Array<string | number | boolean> {
    const values: Array<string | number | boolean> = [];
    for (const schema of this.at(path)) {
      const options = Array.isArray(schema.enum) ? schema.enum : "const" in schema ? [schema.const] : [];
      for (const option of options) if (["string", "number", "boolean"].includes(typeof option) && !values.includes(option as never)) values.push(option as string | number | boolean);
    }
    return values;
  }

  /** Whether the value at `path` may be a list, a mapping or a plain string. */
  kinds(path: readonly SchemaSegment[]): Set<string> {
    const kinds = new Set<string>();
    for (const schema of this.at(path)) {
      if (typeof schema.type === "string") kinds.add(schema.type);
      else if (Array.isArray(schema.type)) for (const type of schema.type) kinds.add(String(type));
      else if (isSchema(schema.properties)) kinds.add("object");
    }
    return kinds;
  }
}

function withoutRef(schema: JsonSchema): JsonSchema {
  const { $ref: _ref, ...rest } = schema;
  return rest;
}

let reportSchema: SchemaIndex | undefined;

export function reportSchemaIndex(): SchemaIndex {
  reportSchema ??= new SchemaIndex(reportJsonSchema());
  return reportSchema;
}

/** "中文 — English" as the language setting asks: one half, or the whole when it is not split that way. */
export function describedIn(description: string, language: "zh" | "en"): string {
  const at = description.lastIndexOf(" — ");
  if (at < 0) return description;
  return language === "en" ? description.slice(at + 3) : description.slice(0, at);
}
