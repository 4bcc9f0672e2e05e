/** A project with a pilot for the Pilotmonitor's tests (unit and e2e), built through the project service. */
import { readFileSync } from 'node:fs';
import { createProjectService } from '../../shared/service/project-service';
import { unwrap } from '../../shared/result';
import type { DoelInvoer } from '../../shared/model/pilot';
import { FIXED_NOW, sha256, sql } from './db';

export const BOSWINKEL = 'BU01530710';

const doel = (d: Partial<DoelInvoer> & Pick<DoelInvoer, 'naam' | 'maat' | 'richting'>): DoelInvoer => ({
  criterium: null,
  gebied: BOSWINKEL,
  wet: null,
  basisWaarde: null,
  basisVan: null,
  basisTot: '2023-12-31',
  doelWaarde: null,
  deadline: '2027-01-01',
  marge: 5,
  toelichting: null,
  ...d,
});

const telling = (
  maat: 'afhandeling' | 'kosten' | 'tevredenheid' | 'meldingen',
  periode: [string, string] | string,
  waarden: { categorie?: string | null; waarde: number }[],
) => ({
  gebied: BOSWINKEL,
  maat,
  peildatum: typeof periode === 'string' ? periode : null,
  periodeStart: typeof periode === 'string' ? null : periode[0],
  periodeEind: typeof periode === 'string' ? null : periode[1],
  waarden: waarden.map((w) => ({ categorie: w.categorie ?? null, waarde: w.waarde })),
});

const afhandeling = (van: string, tot: string, [wijkteam, voorliggend, maatwerk, overig]: number[]) =>
  telling(
    'afhandeling',
    [van, tot],
    [
      { categorie: 'wijkteam', waarde: wijkteam! },
      { categorie: 'voorliggend', waarde: voorliggend! },
      { categorie: 'maatwerk', waarde: maatwerk! },
      { categorie: 'overig', waarde: overig! },
    ],
  );

/**
 * Enschede West (CBS) with the pilot "Hulp om de hoek" in Boswinkel-De Braker: four goals (one per success criterion,
 * two for criterion 3), satisfaction scores, costs per year, three and one aanmeldingen (small), the afhandeling of Q1
 * and of April 2024 (April with a small count), and 2.5 fte wijkteam. Without `metPilot`: the CBS figures only.
 */
export async function pilotProject(metPilot = true) {
  const s = createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
  unwrap(await s.createProject('Enschede West'));
  unwrap(
    await s.importCbs(
      {
        name: 'kwb-2023-enschede-west-voorbeeld.csv',
        bytes: new Uint8Array(readFileSync('tests/fixtures/cbs/kwb-2023-enschede-west-voorbeeld.csv')),
      },
      {},
    ),
  );
  if (!metPilot) return s;
  unwrap(await s.savePilot({ naam: 'Hulp om de hoek', gebied: BOSWINKEL, start: '2024-01-01', eind: null }));
  // Listed before the satisfaction goal: the report orders by success criterion.
  unwrap(
    await s.saveDoel(
      null,
      doel({
        naam: 'Kosten niet hoger dan de drie jaar ervoor',
        criterium: 3,
        maat: 'kosten',
        richting: 'niet_hoger',
        basisVan: '2021-01-01',
      }),
    ),
  );
  unwrap(
    await s.saveDoel(
      null,
      doel({
        naam: 'Aanmeldingen niet hoger dan het jaar ervoor',
        criterium: 3,
        maat: 'aanmeldingen',
        richting: 'niet_hoger',
        basisVan: '2023-01-01',
      }),
    ),
  );
  unwrap(
    await s.saveDoel(
      null,
      doel({ naam: 'Meer collectief aanbod', criterium: 2, maat: 'collectief_aanbod', richting: 'hoger' }),
    ),
  );
  unwrap(
    await s.saveDoel(
      null,
      doel({ naam: 'Tevredenheid omhoog', criterium: 1, maat: 'tevredenheid', richting: 'hoger' }),
    ),
  );
  for (const t of [
    telling('tevredenheid', '2023-10-31', [{ waarde: 7.1 }]),
    telling('tevredenheid', '2024-04-30', [{ waarde: 7.5 }]),
    telling('kosten', ['2021-01-01', '2021-12-31'], [{ waarde: 1_200_000 }]),
    telling('kosten', ['2022-01-01', '2022-12-31'], [{ waarde: 1_250_000 }]),
    telling('kosten', ['2023-01-01', '2023-12-31'], [{ waarde: 1_300_000 }]),
    telling('kosten', ['2024-01-01', '2024-04-30'], [{ waarde: 480_000 }]),
    // Three aanmeldingen in the baseline year, one since: small counts.
    telling('meldingen', ['2023-01-01', '2023-12-31'], [{ waarde: 3 }]),
    telling('meldingen', ['2024-01-01', '2024-04-30'], [{ waarde: 1 }]),
    afhandeling('2024-01-01', '2024-03-31', [30, 24, 18, 9]),
    // April: 3 "overig" is small; the smallest other count (8 maatwerk) is hidden with it.
    afhandeling('2024-04-01', '2024-04-30', [12, 9, 8, 3]),
  ])
    unwrap(await s.saveTelling(t));
  unwrap(await s.saveCapaciteit([{ gebied: BOSWINKEL, peildatum: '2024-01-01', functie: 'wijkteam', fte: 2.5 }]));
  return s;
}
