/**
 * Mutations of JSON documents (CBS OData, GeoJSON, TopoJSON) by their structure: a value replaced by one of another
 * type or at the limits of a number, keys removed or renamed (to `__proto__` too), array items repeated, deep nesting;
 * and by their text: numbers no JSON number may be (1e999 parses as Infinity).
 */
import { ODD_VALUES, type Mutator, type NamedMutator } from './mutate-bytes';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const dec = new TextDecoder();
const enc = new TextEncoder();

function parse(input: Uint8Array): Json | undefined {
  try {
    return JSON.parse(dec.decode(input)) as Json;
  } catch {
    return undefined;
  }
}

/** Every container in the document with the key or index of one of its values: the places a mutation can touch. */
function places(doc: Json, limit = 200_000): { parent: Json[] | Record<string, Json>; key: string | number }[] {
  const out: { parent: Json[] | Record<string, Json>; key: string | number }[] = [];
  const stack: Json[] = [doc];
  while (stack.length && out.length < limit) {
    const node = stack.pop()!;
    if (Array.isArray(node)) {
      node.forEach((v, i) => {
        out.push({ parent: node, key: i });
        stack.push(v);
      });
    } else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        out.push({ parent: node, key: k });
        stack.push(v);
      }
    }
  }
  return out;
}

const ODD_JSON: readonly Json[] = [
  null,
  true,
  false,
  0,
  -0,
  -1,
  1e308,
  -1e308,
  5e-324,
  2 ** 53 + 2,
  4294967295,
  0.5,
  '',
  '1e308',
  'NaN',
  [],
  {},
  [[]],
  [[[]]],
  [0],
  [0, 0],
  [1e308, 1e308],
  [155000, 463000],
  [6.8, 52.2],
  ['6.8', '52.2'],
  [null, null],
  { type: 'Polygon', coordinates: [] },
  { type: 'MultiPolygon', coordinates: [[[[0, 0]]]] },
  { type: 'Point', coordinates: [6.8, 52.2] },
  { type: 'GeometryCollection', geometries: [] },
  { type: 'Topology', arcs: [] },
  { type: 'FeatureCollection', features: [] },
  ...ODD_VALUES.slice(0, 40),
];

function clone(v: Json): Json {
  return v === null || typeof v !== 'object' ? v : (JSON.parse(JSON.stringify(v)) as Json);
}

function nest(v: Json, depth: number): Json {
  let out = v;
  for (let i = 0; i < depth; i++) out = [out];
  return out;
}

const structural: Mutator = (input, ctx) => {
  const { rng } = ctx;
  const doc = parse(input);
  if (doc === undefined) return null;
  const all = places(doc);
  if (all.length === 0) return null;
  for (let n = rng.range(1, 4); n > 0; n--) {
    const { parent, key } = rng.pick(all);
    const current = (parent as Record<string | number, Json>)[key]!;
    const set = (v: Json) => ((parent as Record<string | number, Json>)[key] = v);
    switch (rng.int(9)) {
      case 0:
      case 1:
        set(clone(rng.pick(ODD_JSON)));
        break;
      case 2:
        // Another value of the document in this place (a real value of the wrong kind).
        set(clone((rng.pick(all).parent as Record<string | number, Json>)[rng.pick(all).key] ?? null));
        break;
      case 3:
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key as string];
        break;
      case 4:
        if (Array.isArray(parent)) {
          // Within the size limit (a feature of 50 kB repeated 50,000 times would be built only to be thrown away).
          const size = (JSON.stringify(current) ?? '').length + 1;
          const most = Math.max(1, Math.floor(ctx.maxBytes / 2 / size));
          const times = Math.min(most, rng.chance(0.8) ? rng.range(1, 10) : rng.range(10, ctx.lang ? 50_000 : 3_000));
          parent.splice(key as number, 0, ...Array.from({ length: times }, () => clone(current)));
        } else set([current, clone(current)]);
        break;
      case 5:
        if (!Array.isArray(parent)) {
          delete parent[key as string];
          parent[rng.pick(['__proto__', 'constructor', 'prototype', String(key).toUpperCase(), `${key}_1`, ''])] =
            current;
        } else set(nest(current, 1));
        break;
      case 6:
        set(nest(current, rng.chance(0.7) ? rng.range(2, 50) : rng.range(1_000, ctx.lang ? 200_000 : 20_000)));
        break;
      case 7:
        if (typeof current === 'number') {
          set(rng.pick([current * 1e6, -current, current + 0.5, Math.round(current), current * 100_000]));
        } else if (typeof current === 'string')
          set(rng.chance(0.5) ? Number(current) || current.toUpperCase() : `${current} `);
        else set(clone(rng.pick(ODD_JSON)));
        break;
      default:
        set(rng.pick(['A', ' ', '<', '"']).repeat(rng.range(1_000, ctx.lang ? 2_000_000 : 200_000)));
    }
  }
  let text: string;
  try {
    text = JSON.stringify(doc, null, rng.chance(0.2) ? 2 : undefined);
  } catch {
    return null; // nested too deep to write back
  }
  return text.length > ctx.maxBytes ? null : enc.encode(text);
};

/** A number written as no JSON number can be, or out of range: 1e999 (Infinity), -1e999, NaN, 0x10, 1.e5. */
const badNumber: Mutator = (input, { rng }) => {
  const text = dec.decode(input);
  const numbers = [...text.matchAll(/-?\d+(\.\d+)?([eE][+-]?\d+)?/g)];
  if (numbers.length === 0) return null;
  let out = text;
  for (let n = rng.range(1, 3); n > 0; n--) {
    const m = rng.pick(numbers);
    const bad = rng.pick([
      '1e999',
      '-1e999',
      'NaN',
      'Infinity',
      '0x10',
      '1.e5',
      '01',
      '+1',
      '1e-999',
      '1' + '0'.repeat(400),
    ]);
    out = out.slice(0, m.index) + bad + out.slice(m.index + m[0].length);
  }
  return enc.encode(out);
};

/** The document as text in another shape: with a BOM, wrapped in an array, or with a second document after it. */
const envelope: Mutator = (input, { rng }) => {
  const text = dec.decode(input);
  switch (rng.int(4)) {
    case 0:
      return enc.encode(`\ufeff${text}`);
    case 1:
      return enc.encode(`[${text}]`);
    case 2:
      return enc.encode(`${text}\n${text}`);
    default:
      return enc.encode(`{"value":${text}}`);
  }
};

export const JSON_MUTATORS: readonly NamedMutator[] = [
  { name: 'json-structuur', weight: 8, fn: structural },
  { name: 'json-getal', weight: 2, fn: badNumber },
  { name: 'json-omhulsel', weight: 1, fn: envelope },
];
