/**
 * The Pilotmonitor in the stuurgroep pack (issue 18): the report's first section (per goal its status, since when and
 * the sentence with its numbers and sources; the afhandeling per quarter, the costs per year against the baseline, the
 * initiatives, the capacity and the four evaluation questions), and the two slides. Every count passes privacy.ts on
 * the way out: small ones as "<5", shares and sentences of a hidden count follow it. Amounts in euros and scores are
 * not counts and are shown as they are.
 */
import type { ProjectDb } from '../db/connection';
import { aandeel, STATUS_TEKST, type DoelEvaluatie, type DoelWaarde, type PilotMonitor } from '../analysis/pilot';
import { buildPilotMonitor, listDoelen, loadPilot } from '../db/repos/pilot';
import { DOEL_MAAT_INFO, type DoelStatus } from '../model/pilot';
import type { CelWaarde, DiaDoel, Kerngetal, RapportKolom, RapportSectie, RapportTabel } from './model';
import { beschermTabel, BRON_ONDERDRUKT, GEHEIM, isKlein, kleinLabel, type PrivacyInstellingen } from './privacy';
import { afhandelingPlaatSvg } from './plates';
import { woorden, type Woorden } from './tekst';
import { statusCel, STATUS_VOLGORDE } from './status';

export { STATUS_SYMBOOL, statusCel, statusVanCel, STATUS_VOLGORDE } from './status';

/** True when the project has a pilot (a name or a gebied) or goals: then the report opens with the Pilotmonitor. */
export function heeftPilot(db: ProjectDb): boolean {
  const p = loadPilot(db);
  return p.naam.trim() !== '' || p.gebied !== null || listDoelen(db).length > 0;
}

/** Goal measures that count people (aanmeldingen, toewijzingen): small ones are hidden. */
const TELT_MENSEN: ReadonlySet<string> = new Set(['aanmeldingen', 'toewijzingen']);

/** A value of a goal that would show a small count: the count itself, or the count behind a figure per year. */
export function waardeKlein(e: DoelEvaluatie, w: DoelWaarde | null, p: PrivacyInstellingen): boolean {
  if (!w) return false;
  // A share gives its count away when the count or the aanmeldingen behind it are small.
  if (w.noemer !== undefined)
    return isKlein(Math.round(w.noemer), p) || isKlein(Math.round((w.waarde / 100) * w.noemer), p);
  if (!TELT_MENSEN.has(e.doel.maat)) return false;
  const geteld = w.maanden !== null ? (w.waarde * w.maanden) / 12 : w.waarde;
  return isKlein(Math.round(w.waarde), p) || isKlein(Math.round(geteld), p);
}

/** A goal whose baseline or value would show a small count: its numbers are not shown outside the team's view. */
export const doelAfgeschermd = (e: DoelEvaluatie, p: PrivacyInstellingen) =>
  waardeKlein(e, e.basis, p) || waardeKlein(e, e.huidig, p);

/** Where a goal's numbers come from: the files or hand tallies of its baseline and its value now. */
function doelBronnen(e: DoelEvaluatie, w: Woorden): string {
  const namen = [...new Set([...(e.basis?.bronnen ?? []), ...(e.huidig?.bronnen ?? [])])].map((b) => bronNaam(b, w));
  if (e.basis?.ingevoerd) namen.unshift(w.t('pilot.basisIngevoerd'));
  return namen.join(', ');
}

/** A bron as stored ("Ingevoerd: afhandeling", "sociale kaart") in the report's words. */
function bronNaam(b: string, w: Woorden): string {
  if (b === 'sociale kaart') return w.t('bron.socialeKaart');
  const ingevoerd = /^Ingevoerd: (\w+)$/.exec(b);
  if (ingevoerd) return w.t('pilot.handmatig', { maat: maatWoord(w, ingevoerd[1]!) });
  if (b.startsWith('afgeleid: ') && w.taal === 'en') return w.t('pilot.afgeleidBron');
  return b;
}

const maatWoord = (w: Woorden, maat: string) => {
  const woord = w.t(`pilot.maat.${maat}`);
  return woord === `rapport.tekst.pilot.maat.${maat}` ? maat : woord;
};

/** The sentence of a goal with its sources, or, when it would show a small count, its status without the numbers. */
function doelZin(e: DoelEvaluatie, p: PrivacyInstellingen, w: Woorden): string {
  if (doelAfgeschermd(e, p)) {
    return w.t('pilot.zinAfgeschermd', {
      status: STATUS_TEKST[w.taal][e.status],
      sinds: e.sinds ? w.t('pilot.sindsZin', { datum: w.datum(e.sinds) }) : '',
      drempel: p.drempel,
    });
  }
  const bronnen = doelBronnen(e, w);
  return bronnen ? `${e.zin} ${w.t('pilot.bronZin', { bronnen })}` : e.zin;
}

const criteriumTekst = (n: number | null, w: Woorden) => {
  if (n === null) return w.t('pilot.zonderCriterium');
  const vast = w.t(`pilot.criteria.${n}`);
  return vast === `rapport.tekst.pilot.criteria.${n}` ? w.t('pilot.criterium', { n }) : vast;
};

/** Goals in the plan's order: by success criterion (none last), then as the project orders them. */
const opCriterium = (doelen: readonly DoelEvaluatie[]) =>
  [...doelen].sort(
    (a, b) =>
      (a.doel.criterium ?? Infinity) - (b.doel.criterium ?? Infinity) ||
      a.doel.volgorde - b.doel.volgorde ||
      a.doel.id - b.doel.id,
  );

function doelenTabel(m: PilotMonitor, p: PrivacyInstellingen, w: Woorden): RapportTabel {
  const doelen = opCriterium(m.doelen);
  const klein = kleinLabel(p);
  const bronnen = [...new Set(doelen.flatMap((e) => [...(e.basis?.bronnen ?? []), ...(e.huidig?.bronnen ?? [])]))]
    .map((b) => bronNaam(b, w))
    .join(', ');
  const getal = (e: DoelEvaluatie, v: DoelWaarde | null): CelWaarde =>
    v === null ? null : waardeKlein(e, v, p) ? klein : Math.round(v.waarde * 100) / 100;
  const periode = (v: DoelWaarde | null) => (v === null ? null : v.van ? `${v.van}/${v.tot}` : v.tot ? v.tot : null);
  return {
    id: w.t('pilot.doelenId'),
    titel: w.t('pilot.doelenTitel'),
    kolommen: [
      { titel: w.t('pilot.criteriumKolom'), soort: 'tekst' },
      { titel: w.t('pilot.doel'), soort: 'tekst' },
      { titel: w.t('pilot.status'), soort: 'tekst', status: true },
      { titel: w.t('pilot.sinds'), soort: 'tekst' },
      { titel: w.t('pilot.toelichting'), soort: 'tekst' },
    ],
    groepKolom: 0,
    rijen: doelen.map((e) => [
      criteriumTekst(e.doel.criterium, w),
      e.doel.naam,
      statusCel(e.status, w.taal),
      e.sinds ? w.datum(e.sinds) : null,
      doelZin(e, p, w),
    ]),
    werkblad: {
      kolommen: [
        { titel: w.t('pilot.criteriumKolom'), soort: 'getal', decimalen: 0 },
        { titel: w.t('pilot.doel'), soort: 'tekst' },
        { titel: w.t('pilot.maatKolom'), soort: 'tekst' },
        { titel: w.t('pilot.gebied'), soort: 'tekst' },
        { titel: w.t('pilot.status'), soort: 'tekst' },
        { titel: w.t('pilot.sinds'), soort: 'datum' },
        { titel: w.t('pilot.nulmeting'), soort: 'getal', decimalen: 2 },
        { titel: w.t('pilot.nulmetingPeriode'), soort: 'tekst' },
        { titel: w.t('pilot.nu'), soort: 'getal', decimalen: 2 },
        { titel: w.t('pilot.periode'), soort: 'tekst' },
        { titel: w.t('pilot.eenheid'), soort: 'tekst' },
        { titel: w.t('pilot.doelwaarde'), soort: 'getal', decimalen: 2 },
        { titel: w.t('pilot.deadline'), soort: 'datum' },
        { titel: w.t('pilot.toelichting'), soort: 'tekst' },
      ],
      rijen: doelen.map((e) => {
        const info = DOEL_MAAT_INFO[e.doel.maat];
        return [
          e.doel.criterium,
          e.doel.naam,
          maatWoord(w, e.doel.maat),
          e.doel.gebied,
          STATUS_TEKST[w.taal][e.status],
          e.sinds,
          getal(e, e.basis),
          periodeTekst(periode(e.basis), w),
          getal(e, e.huidig),
          periodeTekst(periode(e.huidig), w),
          w.t(`pilot.eenheden.${info.eenheid}${info.soort === 'stroom' ? 'PerJaar' : ''}`),
          e.doel.doelWaarde,
          e.doel.deadline,
          doelZin(e, p, w),
        ];
      }),
    },
    bron: bronnen || w.t('pilot.geenBron'),
    peildatum: w.datum(m.peildatum),
    voetnoot: w.t('pilot.doelenVoetnoot'),
  };
}

const periodeTekst = (v: string | null, w: Woorden) => (v === null ? null : w.wanneer(v));

/**
 * The afhandeling per quarter: per category its count and share, and the total; protected along each row (the total
 * column), the shares following their count, and all shares of a row whose total is hidden.
 */
function afhandelingTabel(m: PilotMonitor, p: PrivacyInstellingen, w: Woorden): RapportTabel | null {
  const perioden = m.afhandeling.filter((a) => a.totaal > 0 || a.afgeschermd.length > 0);
  if (!perioden.length) return null;
  const cats = m.categorieen.filter((c) => perioden.some((a) => c.code in a.perCategorie));
  const kolommen: RapportKolom[] = [{ titel: w.t('pilot.kwartaal'), soort: 'tekst' }];
  cats.forEach((c) => {
    kolommen.push({ titel: c.label, soort: 'aantal' });
    kolommen.push({ titel: w.t('pilot.aandeel'), soort: 'procent', decimalen: 0, afgeleidVan: kolommen.length - 1 });
  });
  kolommen.push({ titel: w.t('totaal'), soort: 'aantal' });
  const totaalKolom = kolommen.length - 1;
  const deel = (a: (typeof perioden)[number]) => a.maanden < 2.99;
  const rijen: CelWaarde[][] = perioden.map((a) => [
    deel(a) ? w.t('pilot.deelKwartaal', { label: a.label, maanden: w.getal(a.maanden) }) : a.label,
    ...cats.flatMap((c): CelWaarde[] => {
      if (a.afgeschermd.includes(c.code)) return [BRON_ONDERDRUKT, BRON_ONDERDRUKT];
      const n = a.perCategorie[c.code];
      if (n === undefined) return [null, null];
      const pct = aandeel(a, c.code);
      return [n, pct === null ? null : pct / 100];
    }),
    a.totaal,
  ]);
  const beschermd = beschermTabel(
    {
      id: w.t('pilot.afhandelingId'),
      titel: w.t('pilot.afhandelingTitel'),
      kolommen,
      rijen,
      totaalKolom,
      bron: [...new Set(perioden.flatMap((a) => a.bronnen))].map((b) => bronNaam(b, w)).join(', '),
      peildatum: w.datum(m.peildatum),
      voetnoot:
        [
          perioden.some(deel) ? w.t('pilot.deelVoetnoot') : null,
          perioden.some((a) => a.afgeschermd.length) ? w.t('pilot.bronOnderdruktVoetnoot') : null,
        ]
          .filter(Boolean)
          .join(' ') || undefined,
    },
    p,
  );
  if (!p.aan) return beschermd;
  // A shown share next to a shown count gives a hidden total away: a row whose total is hidden shows no shares.
  const verborgen = (v: CelWaarde) => typeof v === 'string';
  return {
    ...beschermd,
    rijen: beschermd.rijen.map((r) =>
      verborgen(r[totaalKolom] ?? null)
        ? r.map((v, i) => (kolommen[i]?.soort === 'procent' && v !== null ? GEHEIM : v))
        : r,
    ),
  };
}

function kostenTabel(m: PilotMonitor, w: Woorden): RapportTabel | null {
  if (!m.kosten.length) return null;
  const afgeleid = m.kosten.some((k) => k.afgeleid);
  return {
    id: w.t('pilot.kostenId'),
    titel: w.t('pilot.kostenTitel'),
    kolommen: [
      { titel: w.t('pilot.jaar'), soort: 'tekst' },
      { titel: w.t('pilot.maanden'), soort: 'getal', decimalen: 0 },
      { titel: w.t('pilot.kosten'), soort: 'geld' },
      { titel: w.t('pilot.perJaar'), soort: 'geld' },
      { titel: w.t('pilot.tegenNulmeting'), soort: 'procent', decimalen: 0 },
      { titel: w.t('pilot.rol'), soort: 'tekst' },
    ],
    // Euros are not counts: never hidden (a derived amount is the scenario's tariff times the toewijzingen).
    rijen: m.kosten.map((k) => [
      String(k.jaar),
      k.maanden,
      k.totaal,
      k.perJaar,
      m.kostenBasis && !k.basisjaar ? k.perJaar / m.kostenBasis - 1 : null,
      w.t(k.basisjaar ? 'pilot.rolNulmeting' : 'pilot.rolPilot') + (k.afgeleid ? `, ${w.t('pilot.afgeleid')}` : ''),
    ]),
    bron: [...new Set(m.kosten.flatMap((k) => k.bronnen))].map((b) => bronNaam(b, w)).join(', '),
    peildatum: w.datum(m.peildatum),
    voetnoot: [
      m.kostenBasis !== null ? w.t('pilot.kostenBasis', { bedrag: w.geld(m.kostenBasis) }) : w.t('pilot.geenBasis'),
      afgeleid ? w.t('pilot.kostenAfgeleid') : null,
    ]
      .filter(Boolean)
      .join(' '),
  };
}

function initiatievenTabel(m: PilotMonitor, w: Woorden): RapportTabel | null {
  if (!m.initiatieven.length) return null;
  return {
    id: w.t('pilot.initiatievenId'),
    titel: w.t('pilot.initiatievenTitel'),
    kolommen: [
      { titel: w.t('pilot.datum'), soort: 'datum' },
      { titel: w.t('pilot.wat'), soort: 'tekst' },
      { titel: w.t('pilot.voorziening'), soort: 'tekst' },
      { titel: w.t('pilot.organisatie'), soort: 'tekst' },
      { titel: w.t('pilot.collectief'), soort: 'tekst' },
    ],
    rijen: m.initiatieven.map((i) => [
      i.datum,
      w.t(`pilot.soort.${i.soort}`),
      i.naam,
      i.organisatie,
      w.jaNee(i.collectief),
    ]),
    bron: w.t('bron.socialeKaart'),
    peildatum: w.datum(m.peildatum),
    voetnoot: m.initiatieven.some((i) => i.herkomst === 'momentopname') ? w.t('pilot.momentopname') : undefined,
  };
}

function capaciteitTabel(m: PilotMonitor, p: PrivacyInstellingen, w: Woorden): RapportTabel | null {
  const rijen = m.capaciteit.rijen;
  if (!rijen.length) return null;
  return beschermTabel(
    {
      id: w.t('pilot.capaciteitId'),
      titel: w.t('pilot.capaciteitTitel'),
      kolommen: [
        { titel: w.t('kolom.buurt'), soort: 'tekst' },
        { titel: w.t('pilot.datum'), soort: 'datum' },
        { titel: w.t('pilot.fte'), soort: 'getal', decimalen: 1 },
        { titel: w.t('pilot.aanmeldingenPerJaar'), soort: 'aantal' },
        { titel: w.t('pilot.perFte'), soort: 'getal', decimalen: 1, afgeleidVan: 3 },
        { titel: w.t('pilot.index'), soort: 'getal', decimalen: 2, afgeleidVan: 3 },
        { titel: w.t('pilot.oordeel'), soort: 'tekst' },
      ],
      rijen: rijen.map((r) => [
        r.naam,
        r.peildatum,
        r.fteTotaal,
        r.aanmeldingen === null ? null : Math.round(r.aanmeldingen),
        r.aanmeldingenPerFte,
        r.index,
        w.t(`pilot.oordelen.${r.oordeel}`),
      ]),
      bron: w.t('pilot.capaciteitBron'),
      peildatum: w.datum(m.peildatum),
    },
    p,
  );
}

/**
 * The four questions with what the data says. An answer that rests on a hidden count of the afhandeling table (its
 * share would give it away next to the total) says so instead; so does the share of light support of a small number.
 */
function vragenTabel(m: PilotMonitor, afh: RapportTabel | null, p: PrivacyInstellingen, w: Woorden): RapportTabel {
  // The rows of the last two periods with a count: the ones the answers name.
  const perioden = m.afhandeling.filter((a) => a.totaal > 0);
  const rijen = afh ? afh.rijen.slice(-Math.min(2, perioden.length)) : [];
  const kolomVan = (code: string) => {
    const i = m.categorieen
      .filter((c) => m.afhandeling.some((a) => c.code in a.perCategorie))
      .findIndex((c) => c.code === code);
    return i < 0 ? -1 : 1 + i * 2;
  };
  const verborgen = (v: CelWaarde | undefined) => typeof v === 'string';
  const totaal = afh ? afh.kolommen.length - 1 : -1;
  const afgeschermd = (code: string) =>
    p.aan && rijen.some((r) => verborgen(r[totaal]) || (kolomVan(code) > 0 && verborgen(r[kolomVan(code)])));
  const categorie: Partial<Record<number, string>> = { 1: 'voorliggend', 3: 'wijkteam', 4: 'maatwerk' };
  return {
    id: w.t('pilot.vragenId'),
    titel: w.t('pilot.vragenTitel'),
    kolommen: [
      { titel: w.t('pilot.nr'), soort: 'getal', decimalen: 0 },
      { titel: w.t('pilot.vraag'), soort: 'tekst' },
      { titel: w.t('pilot.antwoord'), soort: 'tekst' },
    ],
    rijen: m.vragen.map((v) => {
      const code = categorie[v.nummer];
      let antwoord = v.antwoord;
      if (code && afgeschermd(code)) {
        // The share part is the first sentence; question 4 may add the share of light support after it.
        const rest = v.nummer === 4 ? antwoord.replace(/^.*?\)\.\s*/, '') : '';
        antwoord = [w.t('pilot.antwoordAfgeschermd', { drempel: p.drempel }), rest].filter(Boolean).join(' ');
      }
      if (v.nummer === 4 && p.aan) antwoord = zonderKleinLicht(antwoord, p, w);
      return [v.nummer, v.vraag, antwoord];
    }),
    bron: w.t('pilot.vragenBron'),
    peildatum: w.datum(m.peildatum),
  };
}

/** Question 4's share of light support, left out when the numbers behind it are small. */
function zonderKleinLicht(antwoord: string, p: PrivacyInstellingen, w: Woorden): string {
  const re =
    w.taal === 'en'
      ? /\s*Of the ([\d,]+) toewijzingen on [^,]+, (\d+)% is light support \(OB1–2\)\./
      : /\s*Van de ([\d.]+) toewijzingen op .+? is (\d+)% lichte ondersteuning \(OB1–2\)\./;
  const hit = re.exec(antwoord);
  if (!hit) return antwoord;
  const totaal = Number(hit[1]!.replace(/[.,]/g, ''));
  const pct = Number(hit[2]);
  const lo = Math.ceil(((pct - 0.5) / 100) * totaal);
  const hi = Math.floor(((pct + 0.5) / 100) * totaal);
  let klein = isKlein(totaal, p);
  for (let n = Math.max(0, lo); n <= hi && !klein; n++) klein = isKlein(n, p) || isKlein(totaal - n, p);
  return klein ? `${antwoord.replace(re, '')} ${w.t('pilot.lichtAfgeschermd', { drempel: p.drempel })}` : antwoord;
}

/** The report's Pilotmonitor section, or null when the project has no pilot and no goals. */
export function pilotSectie(
  db: ProjectDb,
  peildatum: string,
  p: PrivacyInstellingen,
  w: Woorden,
): Omit<RapportSectie, 'soort' | 'titel'> | null {
  if (!heeftPilot(db)) return null;
  const m = buildPilotMonitor(db, peildatum, w.taal);
  const telling = (s: DoelStatus) => m.doelen.filter((e) => e.status === s).length;
  const alineas: string[] = [];
  const naam = m.pilot.naam.trim() || w.t('pilot.dePilot');
  alineas.push(
    w.t(m.pilot.start ? 'pilot.alineaStart' : 'pilot.alinea', {
      naam,
      gebied: m.gebiedNaam ?? w.t('pilot.heleProject'),
      start: m.pilot.start ? w.datum(m.pilot.start) : '',
    }),
  );
  alineas.push(
    m.doelen.length
      ? w.t('pilot.stand', {
          datum: w.datum(m.peildatum),
          op: telling('op_koers'),
          n: m.doelen.length,
          aandacht: telling('aandacht'),
          niet: telling('niet_op_koers'),
          geen: telling('geen_gegevens'),
        })
      : w.t('pilot.geenDoelen'),
  );
  const kerngetallen: Kerngetal[] = m.doelen.length
    ? STATUS_VOLGORDE.map((s) => ({
        label: statusCel(s, w.taal),
        waarde: w.getal(telling(s)),
        toelichting: w.t('pilot.vanDoelen', { n: m.doelen.length }),
      }))
    : [];
  const nieuw = m.initiatieven.filter((i) => i.soort === 'nieuw').length;
  const gestopt = m.initiatieven.filter((i) => i.soort === 'gestopt').length;
  const gepland = m.initiatieven.filter((i) => i.soort === 'gepland').length;
  if (m.initiatieven.length || m.nieuweRelaties.length)
    alineas.push(
      w.t('pilot.initiatievenZin', {
        nieuw,
        gestopt,
        gepland,
        relaties: m.nieuweRelaties.length,
      }),
    );
  const afh = afhandelingTabel(m, p, w);
  const tabellen = [
    ...(m.doelen.length ? [doelenTabel(m, p, w)] : []),
    ...(afh ? [afh] : []),
    ...[kostenTabel(m, w), initiatievenTabel(m, w)].filter((t): t is RapportTabel => t !== null),
    vragenTabel(m, afh, p, w),
    ...[capaciteitTabel(m, p, w)].filter((t): t is RapportTabel => t !== null),
  ];
  return { alineas, kerngetallen, tabellen };
}

/**
 * The presentation's pilot slides: "Is de pilot op koers?" (every goal with its status, big) and the afhandeling
 * shares per quarter as a stacked bar; none without a pilot or goals.
 */
export function pilotDias(
  db: ProjectDb,
  peildatum: string,
  p: PrivacyInstellingen,
  maat: { breedte: number; hoogte: number; toonTitel: boolean; tekstMin?: number },
  /** The report's words; Dutch without a report. */
  w: Woorden = woorden('nl'),
): {
  soort: 'pilot' | 'afhandeling';
  titel: string;
  notitie: string | null;
  doelen?: DiaDoel[];
  svg?: string;
  bron: string;
}[] {
  if (!heeftPilot(db)) return [];
  const m = buildPilotMonitor(db, peildatum, w.taal);
  const naam = m.pilot.naam.trim();
  const dias: ReturnType<typeof pilotDias> = [
    {
      soort: 'pilot',
      titel: w.t('pilot.diaTitel'),
      notitie: w.t('pilot.diaNotitie', {
        naam: naam || w.t('pilot.dePilot'),
        gebied: m.gebiedNaam ? ` (${m.gebiedNaam})` : '',
        datum: w.datum(m.peildatum),
      }),
      doelen: opCriterium(m.doelen).map((e) => ({
        naam: e.doel.naam,
        status: e.status,
        statusTekst: statusCel(e.status, w.taal),
        sinds: e.sinds ? w.t('pilot.sindsZin', { datum: w.datum(e.sinds) }).trim() : null,
        zin: doelZin(e, p, w),
      })),
      bron: w.t('pilot.diaBron'),
    },
  ];
  const afh = afhandelingTabel(m, p, w);
  if (afh) {
    const titel = w.t('pilot.afhandelingDia');
    dias.push({
      soort: 'afhandeling',
      titel,
      notitie: null,
      svg: afhandelingPlaatSvg({
        tabel: afh,
        categorieen: m.categorieen.filter((c) => m.afhandeling.some((a) => c.code in a.perCategorie)),
        titel,
        onderschrift: w.t('pilot.afhandelingOnderschrift', { bron: afh.bron, datum: w.datum(m.peildatum) }),
        taal: w.taal,
        ...maat,
      }),
      bron: afh.bron,
    });
  }
  return dias;
}
