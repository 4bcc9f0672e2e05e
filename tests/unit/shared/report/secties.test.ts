/**
 * The report's sections (issue 20, item 4): one registry in shared/report/sections/index.ts, in the order of SECTIES
 * (which the renderer and the CLI's --secties read), each with its title in both catalogues.
 */
import { describe, expect, it } from 'vitest';
import { SECTIES } from '../../../../shared/report/model';
import { SECTIE_REGISTER, sectie } from '../../../../shared/report/sections';
import { woorden } from '../../../../shared/report/tekst';

describe('the registry of sections', () => {
  it('lists every section of SECTIES, in its order, each once', () => {
    expect(SECTIE_REGISTER.map((s) => s.id)).toEqual([...SECTIES]);
    for (const id of SECTIES) expect(sectie(id).id).toBe(id);
  });

  it('gives every section a title in Dutch and in English, from the catalogues', () => {
    for (const s of SECTIE_REGISTER) {
      for (const taal of ['nl', 'en'] as const) {
        const titel = s.title(woorden(taal));
        expect(titel).not.toMatch(/^rapport\.tekst\./);
        expect(titel.length).toBeGreaterThan(0);
      }
    }
  });
});
