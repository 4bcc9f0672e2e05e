/**
 * The whole-country CBS files of tests/fixtures/cbs (stored gzipped): the real StatLine download of 85984NED (2024)
 * and the same with synthetic care columns (scripts/make-cbs-fixtures.mts; see tests/fixtures/cbs/README.md).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { ImportFile } from '../../shared/importers/types';

const DIR = new URL('../fixtures/cbs/', import.meta.url);

function gunzipped(gz: string, name: string): ImportFile {
  return { name, bytes: new Uint8Array(gunzipSync(readFileSync(new URL(gz, DIR)))) };
}

/** The real download: 1 land, 342 gemeenten, 3,393 wijken, 14,574 buurten; 13 columns. */
export function nederland2024(): ImportFile {
  return gunzipped('statline-labelled-2024-nederland.csv.gz', 'statline-labelled-2024-nederland.csv');
}

/** The real download plus 8 synthetic care columns (Wmo-cliënten, jeugdzorg, uitkeringen). */
export function nederland2024Zorg(): ImportFile {
  return gunzipped('kwb-2024-nederland-zorg.csv.gz', 'kwb-2024-nederland-zorg.csv');
}
