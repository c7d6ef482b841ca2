/**
 * Cached snapshots keep every number as it was: NaN and ±Infinity (an interval the fit could not
 * give) become tagged values on the way into JSON and numbers again on the way out, so a state
 * read from the cache equals the state computed.
 */
const TAG = "$nonFinite";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** A copy of `value` that JSON keeps exactly (non-finite numbers tagged). */
export function encodeSnapshot(value: unknown): Json {
  if (typeof value === "number") return Number.isFinite(value) ? value : { [TAG]: String(value) };
  if (value === null || typeof value !== "object") return value as Json;
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>, encodeSnapshot);
  if (Array.isArray(value)) return value.map(encodeSnapshot);
  const out: { [k: string]: Json } = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encodeSnapshot(v);
  return out;
}

/** The value `encodeSnapshot` was given (typed arrays come back as plain arrays). */
export function decodeSnapshot<T>(value: unknown): T {
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v !== "object") return v;
    if (Array.isArray(v)) return v.map(walk);
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1 && keys[0] === TAG) return Number(o[TAG]);
    return Object.fromEntries(keys.map((k) => [k, walk(o[k])]));
  };
  return walk(value) as T;
}
