/**
 * The JSON-RPC message encoder. Diagnostics dominate what the server sends — a large report's full list is
 * hundreds of kilobytes, sent again after every keystroke although nearly all of it is unchanged — so the JSON
 * bytes of each diagnostic are computed once and copied into every later message that carries it. The bytes
 * are exactly those of `JSON.stringify(message)`.
 */
import type { ContentTypeEncoder, Message } from "vscode-languageserver/node";

/**
 * Values that are never modified once created, with their UTF-8 JSON once some message has needed it
 * (undefined until then). Keyed weakly: a diagnostic no longer in any list takes its bytes with it.
 */
const encodedOnce = new WeakMap<object, Buffer | undefined>();

/**
 * Promises that `value` is never modified from now on, so its JSON may be computed once and reused. The promise is
 * kept by freezing it, all through: a change would throw rather than send bytes that no longer match.
 */
export function markUnchanging(value: object): void {
  if (encodedOnce.has(value)) return;
  deepFreeze(value);
  encodedOnce.set(value, undefined);
}

function deepFreeze(value: object): void {
  Object.freeze(value);
  for (const member of Object.values(value)) if (typeof member === "object" && member !== null && !Object.isFrozen(member)) deepFreeze(member as object);
}

/** Stands in for the list while the rest of the message is stringified; the NULs keep it out of any real text. */
const SLOT = "\u0000govreport:list\u0000";
const SLOT_JSON = JSON.stringify(SLOT);
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

type JsonObject = Record<string, unknown>;

/** Only plain data is stringified in parts: anything with its own `toJSON` goes the ordinary way. */
function isPlainObject(value: unknown): value is JsonObject {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && typeof (value as JsonObject).toJSON !== "function";
}

/**
 * The list of diagnostics a message carries (a pulled report's `items`, a publish's `diagnostics`), and a way
 * to make the message with that list replaced by the slot; undefined when the message carries no such list.
 */
function listIn(message: unknown): { readonly list: readonly unknown[]; readonly withSlot: () => JsonObject } | undefined {
  if (!isPlainObject(message)) return undefined;
  const { result, params } = message;
  // Spreading keeps the key order, and so the order in which JSON.stringify writes the keys.
  if (isPlainObject(result) && Array.isArray(result.items)) return { list: result.items, withSlot: () => ({ ...message, result: { ...result, items: SLOT } }) };
  if (isPlainObject(params) && Array.isArray(params.diagnostics)) return { list: params.diagnostics, withSlot: () => ({ ...message, params: { ...params, diagnostics: SLOT } }) };
  return undefined;
}

/** The JSON of each element from the cache, or undefined when one of them was not marked unchanging. */
function encodedElements(list: readonly unknown[]): Buffer[] | undefined {
  const parts: Buffer[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const element = list[i];
    if (typeof element !== "object" || element === null || !encodedOnce.has(element)) return undefined;
    let bytes = encodedOnce.get(element);
    if (bytes === undefined) {
      bytes = Buffer.from(JSON.stringify(element), "utf8");
      encodedOnce.set(element, bytes);
    }
    parts[i] = bytes;
  }
  return parts;
}

/** `JSON.stringify(message)` as UTF-8, assembled from cached parts where it can be. */
export function encodeJson(message: unknown): Buffer {
  const found = listIn(message);
  const parts = found && found.list.length > 0 ? encodedElements(found.list) : undefined;
  if (!found || !parts) return Buffer.from(JSON.stringify(message), "utf8");
  const rest = JSON.stringify(found.withSlot());
  const at = rest.indexOf(SLOT_JSON);
  if (at < 0 || rest.indexOf(SLOT_JSON, at + 1) >= 0) return Buffer.from(JSON.stringify(message), "utf8");
  const before = Buffer.from(rest.slice(0, at), "utf8");
  const after = Buffer.from(rest.slice(at + SLOT_JSON.length), "utf8");
  let length = before.length + after.length + 2 + (parts.length - 1);
  for (const part of parts) length += part.length;
  const out = Buffer.allocUnsafe(length);
  let offset = before.copy(out, 0);
  out[offset++] = OPEN_BRACKET;
  for (let i = 0; i < parts.length; i++) {
    if (i > 0) out[offset++] = COMMA;
    offset += (parts[i] as Buffer).copy(out, offset);
  }
  out[offset++] = CLOSE_BRACKET;
  after.copy(out, offset);
  return out;
}

function isUtf8(charset: string): boolean {
  return charset === "utf-8" || charset === "utf8";
}

/** The writer's content-type encoder: the library's own, except that it reuses the bytes of unchanged diagnostics. */
export const jsonEncoder: ContentTypeEncoder = {
  name: "application/json",
  encode(message: Message, options) {
    try {
      return Promise.resolve(isUtf8(options.charset) ? encodeJson(message) : Buffer.from(JSON.stringify(message), options.charset));
    } catch (error) {
      return Promise.reject(error);
    }
  },
};
