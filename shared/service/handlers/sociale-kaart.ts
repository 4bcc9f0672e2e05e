/** The sociale kaart: organisaties, voorzieningen, relaties, their history, duplicates and the taxonomies. */
import type {
  Changed,
  DubbeleOrganisaties,
  EntiteitSoort,
  Organisatie,
  OrganisatieBulk,
  OrganisatieInput,
  Relatie,
  RelatieInput,
  TaxonomieItemInput,
  TaxonomieItemRow,
  Voorziening,
  VoorzieningBulk,
  VoorzieningInput,
  Wijziging,
} from '../../contract';
import type { ProjectDb } from '../../db/connection';
import * as kaart from '../../db/repos/sociale-kaart';
import {
  deleteTaxonomieItem as deleteItem,
  listTaxonomieItems,
  saveTaxonomieItem as saveItem,
} from '../../db/repos/taxonomies';
import { orgPlaces } from '../../importers/partners';
import { findDuplicateCandidates, orgNameKey } from '../../model/org-names';
import type { Taxonomy } from '../../model/taxonomies';
import { fail, type Result } from '../../result';
import { mutate, mutating, reading, requireDb, type ServiceContext } from '../app';

const itemNaam = (d: ProjectDb, soort: EntiteitSoort, id: number | null): string =>
  id === null ? '' : kaart.itemNaam(d, soort, id);

export const listOrganisaties = reading((ctx): Organisatie[] => kaart.listOrganisaties(requireDb(ctx)));
export const listVoorzieningen = reading((ctx): Voorziening[] => kaart.listVoorzieningen(requireDb(ctx)));
export const listRelaties = reading((ctx): Relatie[] => kaart.listRelaties(requireDb(ctx)));

/** id null: a new item. Invalid input fails with `invoer.ongeldig` and params {veld, code} of the first problem. */
export const saveOrganisatie = mutating(
  (id: number | null, input: OrganisatieInput) =>
    id === null ? `Organisatie ‘${input.naam.trim()}’ toegevoegd` : `Organisatie ‘${input.naam.trim()}’ gewijzigd`,
  (d, tijd, id, input): Organisatie => kaart.getOrganisatie(d, kaart.saveOrganisatie(d, id, input, tijd)),
);

export const saveVoorziening = mutating(
  (id: number | null, input: VoorzieningInput) =>
    id === null ? `Voorziening ‘${input.naam.trim()}’ toegevoegd` : `Voorziening ‘${input.naam.trim()}’ gewijzigd`,
  (d, tijd, id, input): Voorziening => kaart.getVoorziening(d, kaart.saveVoorziening(d, id, input, tijd)),
);

export async function saveRelatie(
  ctx: ServiceContext,
  id: number | null,
  input: RelatieInput,
): Promise<Result<Changed<Relatie>>> {
  const d = ctx.db;
  const naam = d
    ? `${itemNaam(d, input.van.soort, input.van.id)} → ${itemNaam(d, input.naar.soort, input.naar.id)}`
    : '';
  const label = id === null ? `Relatie ${naam} toegevoegd` : `Relatie ${naam} gewijzigd`;
  return mutate(ctx, label, (d, tijd): Relatie => kaart.getRelatie(d, kaart.saveRelatie(d, id, input, tijd)));
}

/** Deletes items (a deleted organisation takes its relaties along; its voorzieningen stay, without provider). */
export async function deleteItems(
  ctx: ServiceContext,
  soort: EntiteitSoort,
  ids: readonly number[],
): Promise<Result<Changed<number>>> {
  if (!['organisatie', 'voorziening', 'relatie'].includes(soort)) {
    return fail('invoer.ongeldig', { veld: 'soort', code: 'ongeldig' });
  }
  const d = ctx.db;
  const label =
    ids.length === 1 && d
      ? `${soort[0]!.toUpperCase()}${soort.slice(1)} ‘${itemNaam(d, soort, ids[0]!)}’ verwijderd`
      : `${ids.length} items verwijderd`;
  return mutate(ctx, label, (d, tijd): number => kaart.deleteItems(d, soort, ids, tijd));
}

export const bulkOrganisaties = mutating(
  (ids: readonly number[], _patch: OrganisatieBulk) => `${ids.length} organisaties gewijzigd`,
  (d, tijd, ids, patch): number => kaart.bulkOrganisaties(d, ids, patch, tijd),
);

export const bulkVoorzieningen = mutating(
  (ids: readonly number[], _patch: VoorzieningBulk) => `${ids.length} voorzieningen gewijzigd`,
  (d, tijd, ids, patch): number => kaart.bulkVoorzieningen(d, ids, patch, tijd),
);

/** Merges organisations into `keepId`: voorzieningen, relaties and names (as aliases) move over. One undo step. */
export async function mergeOrganisaties(
  ctx: ServiceContext,
  keepId: number,
  ids: readonly number[],
): Promise<Result<Changed<Organisatie>>> {
  const d = ctx.db;
  const label = `Samengevoegd tot ‘${d ? itemNaam(d, 'organisatie', keepId) : ''}’`;
  return mutate(ctx, label, (d, tijd): Organisatie => {
    const p = orgPlaces(d);
    kaart.mergeOrganisaties(d, keepId, ids, tijd, (naam) => orgNameKey(naam, p));
    return kaart.getOrganisatie(d, keepId);
  });
}

/** Organisations in the project that look like one (equal names after normalisation, or similar). */
export const findDubbeleOrganisaties = reading((ctx): DubbeleOrganisaties[] => {
  const d = requireDb(ctx);
  const p = orgPlaces(d);
  const orgs = kaart.listOrganisatieKenmerken(d);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const groups: DubbeleOrganisaties[] = [];
  const byKey = new Map<string, typeof orgs>();
  for (const o of orgs) {
    const k = orgNameKey(o.naam, p);
    byKey.set(k, [...(byKey.get(k) ?? []), o]);
  }
  for (const list of byKey.values()) {
    if (list.length > 1) {
      groups.push({
        organisaties: list.map((o) => ({ id: o.id, naam: o.naam, postcode: o.postcode })),
        zekerheid: 'zeker',
        redenen: ['naam-gelijk'],
      });
    }
  }
  for (const c of findDuplicateCandidates(
    orgs.map((o) => ({ ...o, key: o.id })),
    p,
  )) {
    const a = byId.get(Number(c.a));
    const b = byId.get(Number(c.b));
    if (!a || !b) continue;
    groups.push({
      organisaties: [a, b].map((o) => ({ id: o.id, naam: o.naam, postcode: o.postcode })),
      zekerheid: 'mogelijk',
      redenen: [...c.redenen],
    });
  }
  return groups;
});

/** What changed, when, for one item (newest first). */
export const getWijzigingen = reading((ctx, soort: EntiteitSoort, id: number): Wijziging[] =>
  kaart.listWijzigingen(requireDb(ctx), soort, id),
);

export const listTaxonomieen = reading((ctx): TaxonomieItemRow[] => listTaxonomieItems(requireDb(ctx)));

/** code null: a new item (its code is made from the label). */
export const saveTaxonomieItem = mutating(
  (_taxonomie: Taxonomy, code: string | null, input: TaxonomieItemInput) =>
    code === null ? `‘${input.label.trim()}’ toegevoegd` : `‘${input.label.trim()}’ gewijzigd`,
  (d, _tijd, taxonomie, code, input): TaxonomieItemRow => {
    const c = saveItem(d, taxonomie, code, input);
    return listTaxonomieItems(d, taxonomie).find((r) => r.code === c)!;
  },
);

/** Refused while the item is in use (`taxonomie.in-gebruik`). */
export const deleteTaxonomieItem = mutating(
  (_taxonomie: Taxonomy, code: string) => `‘${code}’ verwijderd`,
  (d, _tijd, taxonomie, code): number => deleteItem(d, taxonomie, code),
);
