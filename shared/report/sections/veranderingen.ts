/**
 * Wat is er veranderd: the selection's part of the moment compared with against the state at the peildatum.
 */
import type { CelWaarde, Kerngetal } from '../model';
import { beschermTabel, type PrivacyInstellingen } from '../privacy';
import { vergelijkSnapshots, type SnapshotInhoud, type Verschillen } from '../snapshot';
import type { Woorden } from '../tekst';
import { DEFAULT_TAXONOMIES, taxonomieLabel } from '../../model/taxonomies';
import { binnen, ernstWoord, statusWoord, veldWoord } from './gedeeld';
import type { Sectie, SectieContext, SectieInhoud, Selectie } from './types';

/** The part of a snapshot that concerns the selection (items in it, or without a place). */
function snapshotVoorSelectie(s: SnapshotInhoud, sel: Selectie): SnapshotInhoud {
  const orgs = s.organisaties.filter((o) => binnen(sel, [o.buurt]));
  const vzs = s.voorzieningen.filter((v) => binnen(sel, [...v.werkgebied, v.locatie ?? null]));
  const ids = new Set([...orgs.map((o) => `o${o.id}`), ...vzs.map((v) => `v${v.id}`)]);
  const namen = new Set([...orgs.map((o) => o.naam), ...vzs.map((v) => v.naam)]);
  // By the ends' ids (snapshots from before they were kept: by name).
  const raakt = (r: SnapshotInhoud['relaties'][number]) =>
    r.vanRef !== undefined && r.naarRef !== undefined
      ? ids.has(r.vanRef) || ids.has(r.naarRef)
      : namen.has(r.van) || namen.has(r.naar);
  return {
    ...s,
    organisaties: orgs,
    voorzieningen: vzs,
    relaties: s.relaties.filter(raakt),
    hiaten: s.hiaten.filter((h) => sel.buurten.has(h.gebied)),
  };
}

function veranderingen(
  oud: { naam: string; peildatum: string; inhoud: SnapshotInhoud } | null,
  nu: () => SnapshotInhoud,
  sel: Selectie,
  p: PrivacyInstellingen,
  w: Woorden,
): SectieInhoud & { verschillen: Verschillen | null } {
  if (!oud) {
    return {
      alineas: [w.t('ver.geenMoment')],
      kerngetallen: [],
      tabellen: [],
      verschillen: null,
    };
  }
  const v = vergelijkSnapshots(snapshotVoorSelectie(oud.inhoud, sel), snapshotVoorSelectie(nu(), sel));
  const rijen: CelWaarde[][] = [];
  const regel = (wat: string, soort: string, naam: string, detail: string) =>
    rijen.push([w.t(`ver.${wat}`), w.t(`ver.${soort}`), naam, detail]);
  const velden = (l: readonly string[]) => l.map((x) => veldWoord(w, x)).join(', ');
  const relatieSoort = (soort: string) => {
    const standaard = w.taal === 'en' ? DEFAULT_TAXONOMIES.relatietype.find((i) => i.code === soort) : undefined;
    return standaard ? taxonomieLabel('relatietype', soort, standaard.label, 'en').toLowerCase() : soort;
  };
  for (const o of v.organisaties.nieuw) regel('nieuw', 'organisatie', o.naam, '');
  for (const o of v.organisaties.weg) regel('weg', 'organisatie', o.naam, '');
  for (const x of v.organisaties.gewijzigd) regel('gewijzigd', 'organisatie', x.nieuw.naam, velden(x.velden));
  for (const x of v.voorzieningen.nieuw) regel('nieuw', 'voorziening', x.naam, x.organisatie ?? '');
  for (const x of v.voorzieningen.weg) regel('weg', 'voorziening', x.naam, x.organisatie ?? '');
  for (const x of v.voorzieningen.gewijzigd)
    regel(
      'gewijzigd',
      'voorziening',
      x.nieuw.naam,
      x.velden.includes('status')
        ? w.t('ver.status', { oud: statusWoord(w, x.oud.status), nieuw: statusWoord(w, x.nieuw.status) })
        : velden(x.velden),
    );
  for (const r of v.relaties.nieuw) regel('nieuw', 'relatie', `${r.van} → ${r.naar}`, relatieSoort(r.soort));
  for (const r of v.relaties.weg) regel('weg', 'relatie', `${r.van} → ${r.naar}`, relatieSoort(r.soort));
  for (const x of v.relaties.gewijzigd)
    regel('gewijzigd', 'relatie', `${x.nieuw.van} → ${x.nieuw.naar}`, velden(x.velden));
  // A snapshot keeps the leefgebied's label as it was written then: in English, the standard ones in English.
  const lg = (h: { leefgebied?: string; leefgebiedLabel: string }) =>
    h.leefgebied ? taxonomieLabel('leefgebied', h.leefgebied, h.leefgebiedLabel, w.taal) : h.leefgebiedLabel;
  for (const h of v.hiaten.nieuw) regel('nieuw', 'hiaat', `${h.gebiedNaam}: ${lg(h)}`, ernstWoord(w, h.ernst));
  for (const h of v.hiaten.weg) regel('weg', 'hiaat', `${h.gebiedNaam}: ${lg(h)}`, w.t('ver.geenHiaatMeer'));
  for (const x of v.hiaten.gewijzigd)
    regel(
      'gewijzigd',
      'hiaat',
      `${x.nieuw.gebiedNaam}: ${lg(x.nieuw)}`,
      `${ernstWoord(w, x.oud.ernst)} → ${ernstWoord(w, x.nieuw.ernst)}`,
    );
  const tel = (l: { nieuw: readonly unknown[]; weg: readonly unknown[] }, wat: string) => {
    const woord = (n: number) => w.t(`ver.${wat}_${n === 1 ? 'een' : 'meer'}`);
    const delen: string[] = [];
    if (l.nieuw.length) delen.push(w.t('ver.bij', { n: l.nieuw.length, wat: woord(l.nieuw.length) }));
    if (l.weg.length) delen.push(w.t('ver.wegAantal', { n: l.weg.length, wat: woord(l.weg.length) }));
    return delen.join(w.t('ver.en'));
  };
  const zinnen = [
    tel(v.organisaties, 'organisatie'),
    tel(v.voorzieningen, 'voorziening'),
    tel(v.relaties, 'relatie'),
  ].filter(Boolean);
  const sinds = { naam: oud.naam, datum: w.datum(oud.peildatum) };
  const alineas = [
    rijen.length === 0
      ? w.t('ver.niets', sinds)
      : w.t('ver.sinds', { ...sinds, wat: zinnen.length ? zinnen.join('; ') : w.t('ver.geenBijWeg') }) +
        (v.hiaten.nieuw.length || v.hiaten.weg.length
          ? ` ${w.t('ver.hiaten', { nieuw: v.hiaten.nieuw.length, weg: v.hiaten.weg.length })}`
          : ''),
  ];
  const kern: Kerngetal[] = [
    { label: w.t('ver.nieuweVoorzieningen'), waarde: String(v.voorzieningen.nieuw.length) },
    {
      label: w.t('ver.gestopt'),
      waarde: String(
        v.voorzieningen.weg.length +
          v.voorzieningen.gewijzigd.filter((w) => w.nieuw.status === 'gestopt' && w.oud.status !== 'gestopt').length,
      ),
    },
    { label: w.t('ver.nieuweRelaties'), waarde: String(v.relaties.nieuw.length) },
  ];
  return {
    alineas,
    kerngetallen: kern,
    tabellen: rijen.length
      ? [
          beschermTabel(
            {
              id: w.t('ver.tabelId'),
              titel: w.t('ver.tabel', { datum: w.datum(oud.peildatum) }),
              kolommen: [
                { titel: w.t('ver.wat'), soort: 'tekst' },
                { titel: w.t('kolom.soort'), soort: 'tekst' },
                { titel: w.t('ver.naam'), soort: 'tekst' },
                { titel: w.t('kolom.toelichting'), soort: 'tekst' },
              ],
              rijen,
              bron: w.t('ver.bron', { naam: oud.naam }),
              peildatum: w.datum(oud.peildatum),
            },
            p,
          ),
        ]
      : [],
    verschillen: v,
  };
}

/** The section, and when "now" is today's map for a peildatum in the past, a sentence that says so. */
function veranderingenSectieInhoud(c: SectieContext): SectieInhoud {
  const { vergelijk, vast, w } = c;
  const { verschillen: _v, ...rest } = veranderingen(
    vergelijk ? { naam: vergelijk.info.naam, peildatum: vergelijk.info.peildatum, inhoud: vergelijk.inhoud } : null,
    c.nu,
    c.sel,
    c.p,
    w,
  );
  // Without a moment on the peildatum, "now" is today's map: say so when the peildatum lies in the past.
  const vandaag = c.now.slice(0, 10);
  const alineas =
    vergelijk && !vast && c.peildatum < vandaag
      ? [...rest.alineas, w.t('geenMomentOpPeildatum', { datum: w.datum(c.peildatum), vandaag: w.datum(vandaag) })]
      : rest.alineas;
  return { ...rest, alineas };
}

export const veranderingenSectie: Sectie<'veranderingen'> = {
  id: 'veranderingen',
  title: (w) => w.t('sectie.veranderingen'),
  build: veranderingenSectieInhoud,
};
