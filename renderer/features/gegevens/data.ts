/** The data of the Gegevens view, fetched again after every change (the store's `dataRevision`). */
import { useMemo } from 'react';
import type { GebiedRow, Organisatie, Relatie, TaxonomieItemRow, Voorziening } from '../../../shared/contract';
import type { Taxonomy } from '../../../shared/model/taxonomies';
import { ok, type AppError, type Result } from '../../../shared/result';
import type { Option } from '../../components/form';
import { useActions } from '../../state/context';
import { useWorkerQuery } from '../../state/useWorkerQuery';

export interface GegevensData {
  readonly organisaties: readonly Organisatie[];
  readonly voorzieningen: readonly Voorziening[];
  readonly relaties: readonly Relatie[];
  readonly taxonomieen: readonly TaxonomieItemRow[];
  /** The gebieden of the newest year of the area division in the project. */
  readonly gebieden: readonly GebiedRow[];
  readonly jaar: number | null;
}

export function useGegevens(): { data: GegevensData | null; error: AppError | null } {
  const actions = useActions();
  const { data, error } = useWorkerQuery(async (): Promise<Result<GegevensData>> => {
    const [o, v, r, tx, g] = await Promise.all([
      actions.listOrganisaties(),
      actions.listVoorzieningen(),
      actions.listRelaties(),
      actions.listTaxonomieen(),
      actions.getGebieden(),
    ]);
    if (!o.ok) return o;
    if (!v.ok) return v;
    if (!r.ok) return r;
    if (!tx.ok) return tx;
    if (!g.ok) return g;
    return ok({
      organisaties: o.value,
      voorzieningen: v.value,
      relaties: r.value,
      taxonomieen: tx.value,
      gebieden: g.value.gebieden,
      jaar: g.value.jaar,
    });
  }, [actions]);
  return { data, error };
}

/** Labels and choices derived from the data, shared by the tables and the forms. */
export interface Lookups {
  readonly taxLabel: (taxonomie: Taxonomy, code: string | null) => string;
  readonly taxOptions: (taxonomie: Taxonomy) => Option[];
  readonly buurtNaam: (code: string | null) => string;
  readonly buurtOptions: Option[];
  readonly organisatieOptions: Option[];
  /** Organisaties and voorzieningen, as "organisatie:12" / "voorziening:7". */
  readonly knoopOptions: Option[];
}

/** `organisatiesLabel`/`voorzieningenLabel`: the group headings in the van/naar pickers. */
export function useLookups(data: GegevensData | null, organisatiesLabel: string, voorzieningenLabel: string) {
  return useMemo<Lookups>(() => {
    const tax = new Map<string, string>();
    const byTax = new Map<Taxonomy, Option[]>();
    for (const item of [...(data?.taxonomieen ?? [])].sort((a, b) => a.volgorde - b.volgorde)) {
      tax.set(`${item.taxonomie}|${item.code}`, item.label);
      byTax.set(item.taxonomie, [...(byTax.get(item.taxonomie) ?? []), { value: item.code, label: item.label }]);
    }
    const buurten = (data?.gebieden ?? []).filter((g) => g.niveau === 'buurt');
    const namen = new Map((data?.gebieden ?? []).map((g) => [g.code, g.naam]));
    const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });
    const organisatieOptions = [...(data?.organisaties ?? [])]
      .sort((a, b) => collator.compare(a.naam, b.naam))
      .map((o) => ({
        value: String(o.id),
        label: o.plaats ? `${o.naam} (${o.plaats})` : o.naam,
      }));
    const voorzieningOptions = [...(data?.voorzieningen ?? [])]
      .sort((a, b) => collator.compare(a.naam, b.naam))
      .map((v) => ({
        value: `voorziening:${v.id}`,
        label: v.organisatieNaam ? `${v.naam} (${v.organisatieNaam})` : v.naam,
        group: voorzieningenLabel,
      }));
    return {
      taxLabel: (taxonomie, code) => (code === null ? '' : (tax.get(`${taxonomie}|${code}`) ?? code)),
      taxOptions: (taxonomie) => byTax.get(taxonomie) ?? [],
      buurtNaam: (code) => (code === null ? '' : (namen.get(code) ?? code)),
      buurtOptions: buurten
        .map((b) => ({ value: b.code, label: `${b.naam} (${b.code})` }))
        .sort((a, b) => collator.compare(a.label, b.label)),
      organisatieOptions,
      knoopOptions: [
        ...organisatieOptions.map((o) => ({
          value: `organisatie:${o.value}`,
          label: o.label,
          group: organisatiesLabel,
        })),
        ...voorzieningOptions,
      ],
    };
  }, [data, organisatiesLabel, voorzieningenLabel]);
}
