/** A JSON file named on the command line (`--parameters`, `--instellingen`): read, BOM dropped, parsed; Dutch errors. */
import { readFile } from 'node:fs/promises';
import { AppException } from '../shared/result';

export async function readJsonFile(path: string, optie: string, waarden: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new AppException('bestand.niet-gevonden', { bestand: path });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    throw new AppException('cli.waarde-ongeldig', { optie, waarden });
  }
}
