import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemo } from '../../../scripts/build-demo.mts';
import { cli, cliDir } from '../../helpers/cli';

const BOSWINKEL = 'BU01530201';

type Rij = Record<string, string | number | null>;

async function exportJson(tabel: string, dir: string): Promise<Rij[]> {
  const r = await cli(['export', 'demo.wijkweb', tabel, '--format', 'json'], dir);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as Rij[];
}

describe('voorbeeldproject Enschede West (scripts/build-demo.mts)', () => {
  it('builds through the CLI, with the real figures of Boswinkel-De Braker and a gap there', async () => {
    const dir = cliDir();
    const regels: string[] = [];
    const r = await buildDemo(join(dir, 'demo.wijkweb'), { log: (regel) => regels.push(regel) });
    expect(regels).toHaveLength(r.stappen);

    const info = await cli(['info', 'demo.wijkweb', '--json'], dir);
    expect(info.code, info.err).toBe(0);
    const { counts } = JSON.parse(info.out) as { counts: Record<string, number> };
    expect(counts).toMatchObject({
      gemeenten: 1,
      wijken: 10,
      buurten: 68,
      geometrieen: 68,
      snapshots: 1,
      weergaven: 3,
    });
    for (const k of ['metingen', 'organisaties', 'voorzieningen', 'relaties']) expect(counts[k]).toBeGreaterThan(0);

    // Real: 3,715 inhabitants (pilot plan "Hulp om de hoek", Bijlage 2).
    const inwoners = (await exportJson('indicatoren', dir)).find(
      (x) => x.gebied_code === BOSWINKEL && x.indicator === 'inwoners',
    );
    expect(Number(inwoners?.waarde)).toBe(3715);

    // Real: OB1 Wmo 68 toewijzingen on 2 April 2024; 13 aanmeldingen in April 2024.
    const metingen = (await exportJson('metingen', dir)).filter((m) => m.gebied_code === BOSWINKEL);
    const ob1 = metingen.find(
      (m) =>
        m.maat === 'toewijzingen' &&
        m.peildatum === '2024-04-02' &&
        m.wet === 'Wmo' &&
        Number(m.ondersteuningsbehoefte) === 1 &&
        !m.subniveau,
    );
    expect(Number(ob1?.waarde)).toBe(68);
    const aanmelding = metingen.find(
      (m) => m.periode_start === '2024-04-01' && m.meldingstype === 'Aanmelding (inwoner al bekend bij wijkteam)',
    );
    expect(Number(aanmelding?.waarde)).toBe(13);

    // The gap analysis shows a gap in Boswinkel-De Braker.
    const hiaten = (await exportJson('hiaten', dir)).filter((h) => h.gebied_code === BOSWINKEL);
    expect(hiaten.some((h) => h.ernst === 'hiaat' || h.ernst === 'ernstig')).toBe(true);
  });
});
