import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseNetwerk } from '../../../../shared/analysis/analyse';
import { NETWERK_COLUMNS, netwerkTable } from '../../../../shared/analysis/export';
import {
  GROOTTE_METRIEKEN,
  KLEUR_METRIEKEN,
  METRIEK_DESCRIPTORS,
  METRIEKEN_OP_SCHERM,
} from '../../../../shared/analysis/metriek-descriptors';
import { toCsv } from '../../../../shared/export/formats';
import { CATALOGS } from '../../../../shared/i18n/messages';
import { formatMetriek } from '../../../../renderer/features/netwerk/format';
import { KLEUR_OP, METRIEKEN, kleurOpLabel, parseInstellingen } from '../../../../renderer/features/netwerk/settings';
import { syntheticNetwerk } from '../../../bench/netwerk';

const tekst = (taal: 'nl' | 'en', key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], CATALOGS[taal]);

/** The network of the export fixtures (taken before the descriptors, with the same generator and seed). */
const fixture = () => syntheticNetwerk(150, 420, 7).data;
const fixtureCsv = (naam: string) =>
  readFileSync(new URL(`../../../fixtures/netwerk/${naam}`, import.meta.url), 'utf8');

describe('metric descriptors', () => {
  it('have unique ids and export columns', () => {
    const ids = METRIEK_DESCRIPTORS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(METRIEK_DESCRIPTORS.map((d) => d.kolom)).size).toBe(ids.length);
    expect(METRIEKEN_OP_SCHERM.map((d) => d.id).sort()).toEqual([...ids].sort());
  });

  it.each(METRIEK_DESCRIPTORS.map((d) => [d.id, d] as const))(
    '%s has its name, short name and explanation in nl and en',
    (_, d) => {
      for (const taal of ['nl', 'en'] as const) {
        for (const key of [d.label, d.kort, d.uitleg]) {
          const s = tekst(taal, key);
          expect(typeof s, `${taal} ${key}`).toBe('string');
          expect((s as string).trim().length, `${taal} ${key}`).toBeGreaterThan(0);
        }
      }
    },
  );

  it('are the size and ring choices and the colour choices where they say so', () => {
    for (const d of METRIEK_DESCRIPTORS) {
      expect((METRIEKEN as readonly string[]).includes(d.id), d.id).toBe(d.grootte);
      expect((GROOTTE_METRIEKEN as readonly string[]).includes(d.id), d.id).toBe(d.grootte);
      expect((KLEUR_OP as readonly string[]).includes(d.id), d.id).toBe(d.kleur);
      expect((KLEUR_METRIEKEN as readonly string[]).includes(d.id), d.id).toBe(d.kleur);
      // A saved view that sizes or rings by it opens with it.
      const inst = parseInstellingen({ grootteOp: d.id, concentrischOp: d.id, kleurOp: d.id });
      expect(inst.grootteOp === d.id, d.id).toBe(d.grootte);
      expect(inst.concentrischOp === d.id, d.id).toBe(d.grootte);
      expect(inst.kleurOp === d.id, d.id).toBe(d.kleur);
      if (d.kleur) expect(kleurOpLabel(inst.kleurOp)).toBe(d.label);
    }
    // The choices as they were before the descriptors.
    expect(METRIEKEN).toEqual([
      'degree',
      'inDegree',
      'outDegree',
      'gewogenDegree',
      'betweenness',
      'closeness',
      'pagerank',
      'eigenvector',
      'clustering',
    ]);
    expect(KLEUR_OP).toEqual(['sector', 'leefgebied', 'community', 'soort']);
    expect(kleurOpLabel('sector')).toBe('netwerk.legenda.kleurOp.sector');
  });

  it('are the export columns, in their order, and every knoop of the analysis has each of them', () => {
    expect(NETWERK_COLUMNS).toEqual([
      'node_id',
      'naam',
      'soort',
      ...METRIEK_DESCRIPTORS.map((d) => d.kolom),
      'sector',
      'buurt_code',
    ]);
    const a = analyseNetwerk(fixture(), {});
    for (const m of a.knopen) {
      for (const d of METRIEK_DESCRIPTORS) expect(m[d.id], `${m.id} ${d.id}`).toBeDefined();
    }
  });

  it('leave the export byte-identical to the export before them', () => {
    const data = fixture();
    expect(toCsv(netwerkTable(data))).toBe(fixtureCsv('export-synthetisch-150.csv'));
    expect(toCsv(netwerkTable(data, { sectoren: ['welzijn', 'zorg'] }))).toBe(
      fixtureCsv('export-synthetisch-150-gefilterd.csv'),
    );
  });

  it('format each kind of value as before', () => {
    expect(formatMetriek('degree', 1234, 'nl')).toBe('1.234');
    expect(formatMetriek('gewogenDegree', 12.345, 'nl')).toBe('12,3');
    expect(formatMetriek('community', 0, 'nl')).toBe('1');
    for (const d of METRIEK_DESCRIPTORS.filter((x) => x.opmaak === 'centraliteit')) {
      expect(formatMetriek(d.id, 8.5e-21, 'nl'), d.id).toBe('< 0,0001');
      expect(formatMetriek(d.id, 0.12345, 'en'), d.id).toBe('0.123');
    }
  });
});
