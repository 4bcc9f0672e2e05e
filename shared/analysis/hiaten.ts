/**
 * Hiaten: where demand is high and no collective, freely accessible offer serves it. Pure and transparent: every
 * figure that goes into a severity is in the result, with a plain Dutch sentence. The order of the input never
 * matters; a gebied without figures is "geen gegevens", never "geen hiaat".
 */

import { totaalVeilig } from '../report/privacy';

export const ERNST = ['geen-gegevens', 'geen', 'aandacht', 'hiaat', 'ernstig'] as const;
export type Ernst = (typeof ERNST)[number];

/** Which Cognos counts are demand for which leefgebieden (and doelgroep). */
export interface VraagRegel {
  readonly naam: string;
  readonly maat: string;
  readonly wet?: string | null;
  /** Ondersteuningsbehoefte levels (Wmo OB1–OB9); empty or absent = all. */
  readonly ondersteuningsbehoefte?: readonly number[];
  readonly vorm?: 'individueel' | 'groep' | null;
  readonly leefgebieden: readonly string[];
  readonly doelgroep?: string | null;
}

/** A demographic need signal from CBS: a share (teller / noemer) compared with the gemeente. */
export interface Signaal {
  readonly naam: string;
  readonly teller: string;
  readonly noemer: string;
  readonly leefgebieden: readonly string[];
  readonly doelgroep?: string | null;
  readonly gewicht: number;
}

export interface HiatenInstellingen {
  readonly vraag: readonly VraagRegel[];
  /** Weight of the measured demand against the signals (each signal has its own weight). */
  readonly vraagGewicht: number;
  readonly signalen: readonly Signaal[];
  /** Thresholds on the need index (1 = the gemeente average), for a gebied without a collective offer. */
  readonly drempels: { readonly aandacht: number; readonly hiaat: number; readonly ernstig: number };
}

export const STANDAARD_INSTELLINGEN: HiatenInstellingen = {
  vraag: [
    {
      naam: 'Wmo-maatwerk lichte ondersteuning (OB1–2)',
      maat: 'toewijzingen',
      wet: 'Wmo',
      ondersteuningsbehoefte: [1, 2],
      leefgebieden: ['zorg', 'welzijn'],
      doelgroep: 'volwassenen',
    },
    {
      naam: 'Wmo-maatwerk zwaardere ondersteuning (OB3 en hoger)',
      maat: 'toewijzingen',
      wet: 'Wmo',
      ondersteuningsbehoefte: [3, 4, 5, 6, 7, 8, 9],
      leefgebieden: ['zorg'],
      doelgroep: 'volwassenen',
    },
    {
      naam: 'Jeugdhulp',
      maat: 'toewijzingen',
      wet: 'Jeugdwet',
      leefgebieden: ['zorg', 'onderwijs'],
      doelgroep: 'gezinnen',
    },
    { naam: 'Meldingen bij het wijkteam', maat: 'meldingen', leefgebieden: ['welzijn', 'zorg'] },
  ],
  vraagGewicht: 2,
  signalen: [
    {
      naam: 'Aandeel 65-plussers',
      teller: 'leeftijd_65_plus',
      noemer: 'inwoners',
      leefgebieden: ['welzijn', 'zorg', 'gezondheid'],
      doelgroep: 'ouderen_65_plus',
      gewicht: 1,
    },
    {
      naam: 'Aandeel eenpersoonshuishoudens',
      teller: 'eenpersoonshuishoudens',
      noemer: 'huishoudens',
      leefgebieden: ['welzijn'],
      gewicht: 1,
    },
    {
      naam: 'Aandeel kinderen (0–14)',
      teller: 'leeftijd_0_14',
      noemer: 'inwoners',
      leefgebieden: ['onderwijs', 'welzijn'],
      doelgroep: 'gezinnen',
      gewicht: 1,
    },
  ],
  drempels: { aandacht: 1.0, hiaat: 1.25, ernstig: 1.75 },
};

export interface HiatenGebied {
  readonly code: string;
  readonly naam: string;
  readonly wijkCode: string | null;
  /** CBS figures by indicator key (absent = unknown). */
  readonly cijfers: Readonly<Record<string, number>>;
}

export interface HiatenMeting {
  readonly gebied: string;
  readonly maat: string;
  readonly wet: string | null;
  readonly ondersteuningsbehoefte: number | null;
  readonly vorm: string | null;
  readonly product: string | null;
  readonly waarde: number | null;
  readonly onderdrukt: boolean;
  /** A part of a product's count that is also in the data (a sub-level or vorm): not counted again. */
  readonly detail?: boolean;
}

export interface HiatenVoorziening {
  readonly id: number;
  readonly naam: string;
  readonly organisatie: string | null;
  readonly collectief: boolean;
  readonly vrijToegankelijk: boolean;
  readonly status: 'actief' | 'gepland' | 'gestopt';
  readonly leefgebieden: readonly string[];
  readonly doelgroepen: readonly string[];
  /** Buurt or wijk codes it serves; when empty, the buurt where it is. */
  readonly werkgebied: readonly string[];
  readonly locatie: string | null;
}

export interface HiatenInput {
  readonly gebieden: readonly HiatenGebied[];
  /** The gemeente as a whole: its own counts (a Cognos total) and inhabitants are the reference when present. */
  readonly gemeente?: HiatenGebied | null;
  readonly metingen: readonly HiatenMeting[];
  readonly voorzieningen: readonly HiatenVoorziening[];
  readonly leefgebieden: readonly { readonly code: string; readonly label: string }[];
  readonly doelgroepLabels?: Readonly<Record<string, string>>;
  /** Describes the measurement period used ("april 2024"), for the sentences. */
  readonly periode: string | null;
}

export interface HiaatCel {
  readonly gebiedCode: string;
  readonly gebiedNaam: string;
  readonly leefgebied: string;
  readonly leefgebiedLabel: string;
  readonly doelgroep: string | null;
  readonly ernst: Ernst;
  /** A planned collective offer would serve it (status gepland). */
  readonly inVoorbereiding: boolean;
  /** Need index: 1 = the gemeente average. Null without figures. */
  readonly index: number | null;
  readonly vraag: number | null;
  readonly vraagPer1000: number | null;
  readonly gemeentePer1000: number | null;
  /** Quartile (1–4) of the demand per 1,000 among the gebieden. */
  readonly kwartiel: number | null;
  /** The demand includes suppressed counts (shown as "<5"): the real figure may be higher. */
  readonly onderdrukt: boolean;
  /**
   * With a privacy threshold (opties.drempel): the demand is made of counts so small, or so few, that showing it next
   * to them would give one away. Its number, per-1,000 figure and index then stay hidden.
   */
  readonly afgeschermd: boolean;
  readonly signalen: readonly { readonly naam: string; readonly aandeel: number; readonly gemeente: number }[];
  readonly aanbodCollectief: readonly number[];
  readonly aanbodGepland: readonly number[];
  readonly toelichting: string;
}

/** 1234.56 → "1.234,6" (by hand: toLocaleString is far too slow for 100,000 sentences). */
const nl1 = (x: number) => {
  const [int, dec] = (Math.round(x * 10) / 10).toFixed(1).split('.') as [string, string];
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${dec}`;
};
const pct = (x: number) => `${Math.round(x * 100)}%`;

function serves(v: HiatenVoorziening, gebied: HiatenGebied): boolean {
  if (v.werkgebied.length > 0) {
    return v.werkgebied.includes(gebied.code) || (gebied.wijkCode !== null && v.werkgebied.includes(gebied.wijkCode));
  }
  return v.locatie === gebied.code;
}

function matches(m: HiatenMeting, r: VraagRegel): boolean {
  if (m.maat !== r.maat) return false;
  // Parts of a count that is itself there are counted only when a rule asks for one vorm.
  if (m.detail && !r.vorm) return false;
  if (r.wet && m.wet !== r.wet) return false;
  if (r.vorm && m.vorm !== r.vorm) return false;
  if (
    r.ondersteuningsbehoefte?.length &&
    (m.ondersteuningsbehoefte === null || !r.ondersteuningsbehoefte.includes(m.ondersteuningsbehoefte))
  ) {
    return false;
  }
  return true;
}

export interface HiatenOpties {
  /** One doelgroep (only demand rules and signals for it), or all. */
  readonly doelgroep?: string | null;
  /**
   * Counts from 1 to below this are written as "<5" in the sentences; a demand that would give one away is left out
   * with its per-1,000 figure, and so is the gemeente figure of a leefgebied where that happens.
   */
  readonly drempel?: number | null;
}

/** The gaps of every gebied × leefgebied, most severe first (then by need index). */
export function berekenHiaten(
  input: HiatenInput,
  instellingen: HiatenInstellingen = STANDAARD_INSTELLINGEN,
  opties: HiatenOpties = {},
): HiaatCel[] {
  const dg = opties.doelgroep ?? null;
  const drempel = opties.drempel ?? null;
  const privacy = drempel !== null ? { aan: true, drempel } : null;
  // Every count it is made of is shown elsewhere (Metingen, the report's tables): the sum must not give one away.
  const afgeschermd = (v: Vraag | undefined) =>
    privacy !== null && v !== undefined && !totaalVeilig(v.som, v.waarden, privacy);
  const regels = instellingen.vraag.filter((r) => !dg || !r.doelgroep || r.doelgroep === dg);
  const signalen = instellingen.signalen.filter((s) => !dg || !s.doelgroep || s.doelgroep === dg);
  const gebieden = [...input.gebieden].sort((a, b) => a.code.localeCompare(b.code));
  const inwoners = (g: HiatenGebied) => g.cijfers['inwoners'];

  // Demand per gebied and leefgebied (sum of the rules that map to it), and whether suppressed counts are in it.
  type Vraag = { som: number; onderdrukt: boolean; delen: Map<string, number>; waarden: number[] };
  // gebied code → leefgebied → demand (nested maps: no string keys built per lookup).
  const vraagMap = new Map<string, Map<string, Vraag>>();
  const vraag = {
    get: (gebied: string, lg: string) => vraagMap.get(gebied)?.get(lg),
  };
  const byGebied = new Map<string, HiatenMeting[]>();
  for (const m of input.metingen) byGebied.set(m.gebied, [...(byGebied.get(m.gebied) ?? []), m]);
  for (const g of input.gemeente ? [...gebieden, input.gemeente] : gebieden) {
    for (const r of regels) {
      let som = 0;
      let onderdrukt = false;
      let any = false;
      const waarden: number[] = [];
      for (const m of byGebied.get(g.code) ?? []) {
        if (!matches(m, r)) continue;
        any = true;
        if (m.onderdrukt || m.waarde === null) onderdrukt = true;
        else {
          som += m.waarde;
          if (drempel !== null) waarden.push(m.waarde);
        }
      }
      if (!any) continue;
      for (const lg of r.leefgebieden) {
        const perLg = vraagMap.get(g.code) ?? vraagMap.set(g.code, new Map()).get(g.code)!;
        const cur = perLg.get(lg) ?? { som: 0, onderdrukt: false, delen: new Map<string, number>(), waarden: [] };
        cur.som += som;
        cur.onderdrukt ||= onderdrukt;
        cur.delen.set(r.naam, (cur.delen.get(r.naam) ?? 0) + som);
        if (drempel !== null) cur.waarden.push(...waarden);
        perLg.set(lg, cur);
      }
    }
  }
  // Gemeente reference per leefgebied: the gemeente's own count when the export has one, else all demand over all
  // inhabitants of the gebieden with demand data.
  const ref = new Map<string, { vraag: number; inwoners: number }>();
  const gm = input.gemeente;
  for (const lg of input.leefgebieden) {
    const v = gm ? vraag.get(gm.code, lg.code) : undefined;
    const inw = gm ? inwoners(gm) : undefined;
    if (v && inw) ref.set(lg.code, { vraag: v.som, inwoners: inw });
  }
  const fromGemeente = new Set(ref.keys());
  for (const g of gebieden) {
    const inw = inwoners(g);
    if (!inw) continue;
    for (const lg of input.leefgebieden) {
      const v = vraag.get(g.code, lg.code);
      if (!v || fromGemeente.has(lg.code)) continue;
      const cur = ref.get(lg.code) ?? { vraag: 0, inwoners: 0 };
      cur.vraag += v.som;
      cur.inwoners += inw;
      ref.set(lg.code, cur);
    }
  }
  const signaalRef = new Map<string, number>();
  for (const s of signalen) {
    let t = 0;
    let n = 0;
    for (const g of gebieden) {
      const a = g.cijfers[s.teller];
      const b = g.cijfers[s.noemer];
      if (a !== undefined && b) {
        t += a;
        n += b;
      }
    }
    if (n > 0) signaalRef.set(s.naam, t / n);
  }
  // Quartiles of demand per 1,000 per leefgebied.
  const per1000 = (g: HiatenGebied, lg: string) => {
    const v = vraag.get(g.code, lg);
    const inw = inwoners(g);
    return v && inw ? (v.som / inw) * 1000 : null;
  };
  const kwartielen = new Map<string, number[]>();
  for (const lg of input.leefgebieden) {
    kwartielen.set(
      lg.code,
      gebieden
        .map((g) => per1000(g, lg.code))
        .filter((x): x is number => x !== null)
        .sort((a, b) => a - b),
    );
  }
  const quartile = (lg: string, x: number) => {
    const list = kwartielen.get(lg)!;
    if (list.length < 2) return null;
    // How many are below x: binary search in the sorted list.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return Math.min(4, Math.floor((lo / list.length) * 4) + 1);
  };
  // Collective, freely accessible offers by the gebied (buurt or wijk code) they serve.
  const servedBy = new Map<string, HiatenVoorziening[]>();
  for (const v of input.voorzieningen) {
    if (!v.collectief || !v.vrijToegankelijk || v.status === 'gestopt') continue;
    const codes = v.werkgebied.length > 0 ? v.werkgebied : v.locatie ? [v.locatie] : [];
    for (const c of new Set(codes)) servedBy.set(c, [...(servedBy.get(c) ?? []), v]);
  }

  const cellen: HiaatCel[] = [];
  for (const g of gebieden) {
    for (const lg of input.leefgebieden) {
      const v = vraag.get(g.code, lg.code);
      const r = ref.get(lg.code);
      const perDuizend = per1000(g, lg.code);
      const gemeentePer1000 = r && r.inwoners > 0 ? (r.vraag / r.inwoners) * 1000 : null;
      const parts: { value: number; weight: number }[] = [];
      if (perDuizend !== null && gemeentePer1000)
        parts.push({ value: perDuizend / gemeentePer1000, weight: instellingen.vraagGewicht });
      const sig: { naam: string; aandeel: number; gemeente: number }[] = [];
      for (const s of signalen) {
        if (!s.leefgebieden.includes(lg.code)) continue;
        const a = g.cijfers[s.teller];
        const b = g.cijfers[s.noemer];
        const gem = signaalRef.get(s.naam);
        if (a === undefined || !b || !gem) continue;
        sig.push({ naam: s.naam, aandeel: a / b, gemeente: gem });
        parts.push({ value: a / b / gem, weight: s.gewicht });
      }
      const wsum = parts.reduce((t, p) => t + p.weight, 0);
      const index = wsum > 0 ? parts.reduce((t, p) => t + p.value * p.weight, 0) / wsum : null;
      const dgOk = (x: HiatenVoorziening) => !dg || x.doelgroepen.length === 0 || x.doelgroepen.includes(dg);
      const here = servedBy.get(g.code);
      const wijk = g.wijkCode ? servedBy.get(g.wijkCode) : undefined;
      const nearby = wijk ? [...new Set([...(here ?? []), ...wijk])] : (here ?? []);
      const relevant = nearby.filter((x) => x.leefgebieden.includes(lg.code) && dgOk(x) && serves(x, g));
      const actief = relevant
        .filter((x) => x.status === 'actief')
        .map((x) => x.id)
        .sort((a, b) => a - b);
      const gepland = relevant
        .filter((x) => x.status === 'gepland')
        .map((x) => x.id)
        .sort((a, b) => a - b);
      const d = instellingen.drempels;
      let ernst: Ernst;
      if (index === null) ernst = 'geen-gegevens';
      else if (actief.length > 0) ernst = 'geen';
      else
        ernst = index >= d.ernstig ? 'ernstig' : index >= d.hiaat ? 'hiaat' : index >= d.aandacht ? 'aandacht' : 'geen';
      const cel: Omit<HiaatCel, 'toelichting'> = {
        gebiedCode: g.code,
        gebiedNaam: g.naam,
        leefgebied: lg.code,
        leefgebiedLabel: lg.label,
        doelgroep: dg,
        ernst,
        inVoorbereiding: actief.length === 0 && gepland.length > 0,
        index,
        vraag: v ? v.som : null,
        vraagPer1000: perDuizend,
        gemeentePer1000,
        kwartiel: perDuizend !== null ? quartile(lg.code, perDuizend) : null,
        onderdrukt: v?.onderdrukt ?? false,
        afgeschermd: afgeschermd(v),
        signalen: sig,
        aanbodCollectief: actief,
        aanbodGepland: gepland,
      };
      cellen.push({ ...cel, toelichting: '' });
    }
  }
  // The gemeente figure is the sum over the buurten when the export has no gemeente count: with a hidden demand in
  // it, it would give that one away. Sentences are written once this is known.
  const verborgenLg = new Set(cellen.filter((c) => c.afgeschermd).map((c) => c.leefgebied));
  const byCode = new Map(gebieden.map((g) => [g.code, g]));
  for (let i = 0; i < cellen.length; i++) {
    const c = cellen[i]!;
    const v = vraag.get(c.gebiedCode, c.leefgebied);
    const g = byCode.get(c.gebiedCode);
    cellen[i] = {
      ...c,
      toelichting: zin(
        c,
        v?.delen ?? new Map(),
        g ? inwoners(g) : undefined,
        input,
        drempel,
        verborgenLg.has(c.leefgebied),
      ),
    };
  }
  const rank = (e: Ernst) => ERNST.indexOf(e);
  return cellen.sort(
    (a, b) =>
      rank(b.ernst) - rank(a.ernst) ||
      (b.index ?? -1) - (a.index ?? -1) ||
      a.gebiedCode.localeCompare(b.gebiedCode) ||
      a.leefgebied.localeCompare(b.leefgebied),
  );
}

/** The sentence of a cell, with its numbers: "Boswinkel: 42 … (11,3 per 1.000 inwoners; gemeente 6,1), geen …". */
function zin(
  c: Omit<HiaatCel, 'toelichting'>,
  delen: Map<string, number>,
  inwoners: number | undefined,
  input: HiatenInput,
  drempel: number | null,
  gemeenteVerborgen: boolean,
): string {
  if (c.ernst === 'geen-gegevens') {
    return `${c.gebiedNaam}: geen gegevens over vraag voor ${c.leefgebiedLabel}${inwoners ? '' : ' (geen inwonertal van CBS)'}; dit is geen oordeel over een hiaat.`;
  }
  const parts: string[] = [];
  if (c.vraag !== null && c.vraagPer1000 !== null) {
    // A small count, or a sum or per-1,000 figure from which one could be recomputed, never leaves the machine.
    const verborgen = c.afgeschermd;
    const wat =
      [...delen]
        .filter(([, n]) => n > 0)
        .map(([naam, n]) => (verborgen ? naam : `${n} ${naam}`))
        .join(' en ') || (verborgen ? 'aantallen' : `${c.vraag} aantallen`);
    parts.push(
      `${wat}${input.periode ? ` (${input.periode})` : ''}: ` +
        (verborgen
          ? `aantallen afgeschermd (kleiner dan ${drempel}, of terug te rekenen)`
          : `${nl1(c.vraagPer1000)} per 1.000 inwoners`) +
        `${c.gemeentePer1000 !== null && !(drempel !== null && gemeenteVerborgen) ? `; gemeente ${nl1(c.gemeentePer1000)}` : ''}` +
        `${c.onderdrukt ? '; een deel van de aantallen is afgeschermd (<5), de echte vraag kan hoger zijn' : ''}`,
    );
  }
  for (const s of c.signalen) parts.push(`${s.naam.toLowerCase()} ${pct(s.aandeel)} (gemeente ${pct(s.gemeente)})`);
  const aanbod =
    c.aanbodCollectief.length > 0
      ? `${c.aanbodCollectief.length} collectief vrij toegankelijk aanbod voor ${c.leefgebiedLabel}`
      : `geen collectief vrij toegankelijk aanbod voor ${c.leefgebiedLabel} in de buurt` +
        (c.inVoorbereiding ? ` (${c.aanbodGepland.length} in voorbereiding)` : '');
  return `${c.gebiedNaam}: ${parts.join('; ')}, ${aanbod}.`;
}
