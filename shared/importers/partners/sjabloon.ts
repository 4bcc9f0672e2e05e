/**
 * The partner list template (xlsx) offered in Importeren: one sheet "Partnerlijst" with exactly the column names
 * Wijkweb recognises best (Dutch, whatever the app's language: the importer reads these names), one row per offer
 * with its organisation; a second sheet "Toelichting" says per column what to fill in and lists the project's own
 * values for soort, leefgebieden, doelgroepen and preventieniveau. No example row in the list itself, so nothing
 * made-up can be imported by accident.
 */
import { schrijfWerkboek, type Blad } from '../../export/xlsx';
import { formatMessage, type Language } from '../../i18n/messages';
import type { Taxonomy } from '../../model/taxonomies';

/** Column name in the template → the taxonomy whose values it takes (if any). */
export const SJABLOON_KOLOMMEN: readonly {
  readonly kop: string;
  readonly uitleg: string;
  readonly taxonomie?: Taxonomy;
}[] = [
  { kop: 'Organisatie', uitleg: 'naam' },
  { kop: 'Soort organisatie', uitleg: 'soort', taxonomie: 'soort_organisatie' },
  { kop: 'Adres', uitleg: 'adres' },
  { kop: 'Postcode', uitleg: 'postcode' },
  { kop: 'Plaats', uitleg: 'plaats' },
  { kop: 'Buurt', uitleg: 'buurt' },
  { kop: 'Website', uitleg: 'website' },
  { kop: 'Telefoon', uitleg: 'telefoon' },
  { kop: 'E-mail', uitleg: 'email' },
  { kop: 'Aanbod', uitleg: 'aanbod' },
  { kop: 'Leefgebieden', uitleg: 'leefgebieden', taxonomie: 'leefgebied' },
  { kop: 'Doelgroepen', uitleg: 'doelgroepen', taxonomie: 'doelgroep' },
  { kop: 'Collectief of individueel', uitleg: 'collectief' },
  { kop: 'Toegang', uitleg: 'toegang' },
  { kop: 'Preventieniveau', uitleg: 'preventieniveau', taxonomie: 'preventieniveau' },
  { kop: 'Status', uitleg: 'status' },
  { kop: 'Startdatum', uitleg: 'startdatum' },
  { kop: 'Einddatum', uitleg: 'einddatum' },
  { kop: 'Werkgebied', uitleg: 'werkgebied' },
  { kop: 'Contact', uitleg: 'contact' },
  { kop: 'Opmerkingen', uitleg: 'notities' },
];

export function partnerSjabloon(
  taxonomieen: readonly { readonly taxonomie: string; readonly label: string }[],
  taal: Language = 'nl',
): Uint8Array {
  const m = (key: string, params: Record<string, string | number> = {}) =>
    formatMessage(taal, `sjabloon.${key}`, params);
  const lijst: Blad = {
    naam: 'Partnerlijst',
    kolommen: SJABLOON_KOLOMMEN.map((k) => ({ titel: k.kop, soort: 'tekst' as const })),
    rijen: [],
  };
  const toelichting: Blad = {
    naam: m('blad'),
    titelRegels: [m('titel'), m('regel1'), m('regel2')],
    kolommen: [
      { titel: m('kolom'), soort: 'tekst' },
      { titel: m('watInvullen'), soort: 'tekst' },
      { titel: m('waarden'), soort: 'tekst' },
    ],
    rijen: SJABLOON_KOLOMMEN.map((k) => [
      k.kop,
      m(`uitleg.${k.uitleg}`),
      k.taxonomie
        ? taxonomieen
            .filter((x) => x.taxonomie === k.taxonomie)
            .map((x) => x.label)
            .join('; ')
        : '',
    ]),
  };
  return schrijfWerkboek([lijst, toelichting], { titel: m('titel') });
}
