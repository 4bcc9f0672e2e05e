/**
 * Bijlagen: the voorzieningen that serve the selection.
 */
import type { ProjectDb } from '../../db/connection';
import { listTaxonomieItems } from '../../db/repos/taxonomies';
import { listVoorzieningen } from '../../db/repos/sociale-kaart';
import { taxonomieLabel } from '../../model/taxonomies';
import type { RapportTabel } from '../model';
import { beschermTabel, type PrivacyInstellingen } from '../privacy';
import type { Woorden } from '../tekst';
import { binnen, statusWoord } from './gedeeld';
import type { Sectie, SectieInhoud, Selectie } from './types';

function bijlagen(db: ProjectDb, sel: Selectie, peildatum: string, p: PrivacyInstellingen, w: Woorden): SectieInhoud {
  const labels = new Map(
    listTaxonomieItems(db, 'leefgebied').map((r) => [r.code, taxonomieLabel('leefgebied', r.code, r.label, w.taal)]),
  );
  const vzs = listVoorzieningen(db).filter((v) => binnen(sel, [...v.werkgebied, v.locatieBuurtCode]));
  const tabellen: RapportTabel[] = [
    beschermTabel(
      {
        id: w.t('bij.tabelId'),
        titel: w.t('bij.tabel'),
        kolommen: [
          { titel: w.t('bij.voorziening'), soort: 'tekst' },
          { titel: w.t('bij.organisatie'), soort: 'tekst' },
          { titel: w.t('bij.leefgebieden'), soort: 'tekst' },
          { titel: w.t('bij.collectief'), soort: 'tekst' },
          { titel: w.t('bij.vrij'), soort: 'tekst' },
          { titel: w.t('bij.status'), soort: 'tekst' },
        ],
        rijen: vzs.map((v) => [
          v.naam,
          v.organisatieNaam,
          v.leefgebieden.map((l) => labels.get(l) ?? l).join(', '),
          w.jaNee(v.collectief),
          w.jaNee(v.vrijToegankelijk),
          statusWoord(w, v.status),
        ]),
        bron: w.t('bij.bron'),
        peildatum: w.datum(peildatum),
      },
      p,
    ),
  ];
  return {
    alineas: [w.t('bij.alinea')],
    kerngetallen: [],
    tabellen,
  };
}

export const bijlagenSectie: Sectie<'bijlagen'> = {
  id: 'bijlagen',
  title: (w) => w.t('sectie.bijlagen'),
  build: (c) => bijlagen(c.db, c.sel, c.peildatum, c.p, c.w),
};
