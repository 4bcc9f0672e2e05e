/**
 * `pilot P [--instellingen BESTAND.json] [--peildatum D] [--json] [--exacte-aantallen]`: the Pilotmonitor (issue 18).
 * With --instellingen the pilot, its goals (or the plan's standard goals), capacity and tallies are read from a JSON
 * file first (each part replaces what the project had: the goals all, capacity and tallies per gebied and moment),
 * in one undo step each. Then it prints every goal with its status, since when and on which numbers, the afhandeling
 * per quarter, the costs per year and what the data says about the evaluation questions.
 */
import { resolve } from 'node:path';
import { readJsonFile } from './json-file';
import type { Command } from './command';
import { pilotBestandSchema, eersteProbleem } from '../shared/analysis/pilot-schema';
import {
  aandeel,
  protectAfhandeling,
  STATUS_TEKST,
  waardeTekst,
  type DoelEvaluatie,
  type PilotMonitor,
} from '../shared/analysis/pilot';
import { doelAfgeschermd } from '../shared/report/pilot';
import { datumEn, datumNl } from '../shared/report/format';
import type { WorkerApi } from '../shared/contract';
import { AppException, unwrap } from '../shared/result';
import { isKlein, kleinLabel, type PrivacyInstellingen } from '../shared/report/privacy';

export interface PilotCliArgs {
  readonly service: Pick<
    WorkerApi,
    | 'getPilotmonitor'
    | 'savePilot'
    | 'listDoelen'
    | 'saveDoel'
    | 'deleteDoel'
    | 'addStandaardDoelen'
    | 'saveCapaciteit'
    | 'saveTelling'
    | 'getPrivacy'
  >;
  readonly flags: ReadonlyMap<string, string | true>;
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly withProject: (fn: () => Promise<boolean>) => Promise<void>;
  readonly language: 'nl' | 'en';
}

const leesBestand = (path: string) =>
  readJsonFile(path, '--instellingen', 'een JSON-bestand met de pilot, zijn doelen, capaciteit en tellingen');

/** The monitor as JSON; counts below the threshold as "<5" unless exact counts were asked for. */
export function monitorJson(m: PilotMonitor, p: PrivacyInstellingen, exact: boolean) {
  const telling = (n: number): number | string => (!exact && isKlein(n, p) ? kleinLabel(p) : n);
  return {
    pilot: m.pilot,
    peildatum: m.peildatum,
    doelen: m.doelen.map((e) => {
      // A goal on a small count keeps its status; its numbers are not shown (the small-count rule, as in the report).
      const klein = !exact && doelAfgeschermd(e, p);
      return {
        naam: e.doel.naam,
        criterium: e.doel.criterium,
        maat: e.doel.maat,
        gebied: e.doel.gebied,
        status: e.status,
        sinds: e.sinds,
        basis: klein ? kleinLabel(p) : e.basis,
        waarde: klein ? kleinLabel(p) : e.huidig,
        zin: klein ? afgeschermdeZin(e, p) : e.zin,
      };
    }),
    afhandeling: m.afhandeling.map((a) => ({
      periode: a.label,
      van: a.van,
      tot: a.tot,
      maanden: a.maanden,
      perCategorie: Object.fromEntries(Object.entries(a.perCategorie).map(([k, v]) => [k, telling(v)])),
      totaal: telling(a.totaal),
    })),
    kosten: m.kosten,
    kostenBasis: m.kostenBasis,
    initiatieven: m.initiatieven,
    nieuweRelaties: m.nieuweRelaties.length,
    capaciteit: m.capaciteit,
    vragen: m.vragen,
  };
}

/** The sentence of a goal whose numbers would show a small count: its status and since when, without the numbers. */
function afgeschermdeZin(e: DoelEvaluatie, p: PrivacyInstellingen, taal: 'nl' | 'en' = 'nl'): string {
  const sinds = e.sinds ? (taal === 'en' ? ` since ${datumEn(e.sinds)}` : ` sinds ${datumNl(e.sinds)}`) : '';
  return taal === 'en'
    ? `${STATUS_TEKST.en[e.status]}${sinds}. The counts are below ${p.drempel} and are not shown here.`
    : `${STATUS_TEKST.nl[e.status]}${sinds}. De aantallen zijn kleiner dan ${p.drempel} en staan hier niet.`;
}

function tekst(m: PilotMonitor, taal: 'nl' | 'en', p: PrivacyInstellingen, exact: boolean): string {
  const en = taal === 'en';
  const regels: string[] = [];
  const kop = m.pilot.naam || (en ? 'Pilot' : 'Pilot');
  regels.push(
    `${kop}${m.gebiedNaam ? ` — ${m.gebiedNaam}` : ''} (${en ? 'reference date' : 'peildatum'} ${m.peildatum})`,
    '',
  );
  regels.push(en ? 'Goals' : 'Doelen');
  if (m.doelen.length === 0) regels.push(en ? '  (no goals yet)' : '  (nog geen doelen)');
  for (const e of m.doelen) {
    const zin = !exact && doelAfgeschermd(e, p) ? afgeschermdeZin(e, p, taal) : e.zin;
    regels.push(`  [${STATUS_TEKST[taal][e.status]}] ${e.doel.naam}`, `      ${zin}`);
  }
  if (m.afhandeling.length) {
    regels.push('', en ? 'Afhandeling per period (share)' : 'Afhandeling per periode (aandeel)');
    for (const a of m.afhandeling) {
      // A share of a small count would give it away (the small-count rule): the count's "<5" instead.
      // The small-count rule as in the report: a hidden count has no share, nor has one that would give it away.
      const codes = m.categorieen.map((c) => c.code);
      const b = exact ? null : protectAfhandeling(a, codes, p);
      const delen = m.categorieen
        .map((c) => {
          const cel = b?.cellen[c.code];
          return typeof cel === 'string' ? `${c.label} ${cel}` : `${c.label} ${Math.round(aandeel(a, c.code) ?? 0)}%`;
        })
        .join(', ');
      regels.push(`  ${a.label.padEnd(14)} ${delen}`);
    }
  }
  if (m.kosten.length) {
    regels.push('', en ? 'Costs per year' : 'Kosten per jaar');
    for (const k of m.kosten) {
      const deel = k.maanden < 12 ? (en ? ` (${k.maanden} months)` : ` (${k.maanden} maanden)`) : '';
      const basis = k.basisjaar ? (en ? ' baseline' : ' nulmeting') : '';
      regels.push(
        `  ${k.jaar}${deel}: ${waardeTekst(k.totaal, 'euro', taal)}${basis}${k.afgeleid ? (en ? ' (derived)' : ' (afgeleid)') : ''}`,
      );
    }
  }
  regels.push('', en ? 'Evaluation questions' : 'Evaluatievragen');
  for (const v of m.vragen) regels.push(`  ${v.nummer}. ${v.vraag}`, `     ${v.antwoord}`);
  return regels.join('\n') + '\n';
}

export async function pilotCommand(a: PilotCliArgs): Promise<number> {
  const bestand = a.flags.get('instellingen');
  const peildatum = a.flags.get('peildatum');
  const invoer = typeof bestand === 'string' ? await leesBestand(resolve(a.cwd, bestand)) : null;
  const parsed = invoer === null ? null : pilotBestandSchema.safeParse(invoer);
  if (parsed && !parsed.success) {
    const { veld } = eersteProbleem(parsed.error);
    throw new AppException('cli.waarde-ongeldig', {
      optie: '--instellingen',
      waarden: `een geldig pilotbestand (fout bij ‘${veld}’)`,
    });
  }
  let out = '';
  await a.withProject(async () => {
    if (parsed?.success) {
      const b = parsed.data;
      unwrap(await a.service.savePilot(b.pilot));
      if (b.standaardDoelen || b.doelen) {
        for (const d of unwrap(await a.service.listDoelen())) unwrap(await a.service.deleteDoel(d.id));
        if (b.standaardDoelen) unwrap(await a.service.addStandaardDoelen());
        for (const d of b.doelen ?? []) unwrap(await a.service.saveDoel(null, d));
      }
      if (b.capaciteit) unwrap(await a.service.saveCapaciteit(b.capaciteit));
      for (const t of b.tellingen ?? []) unwrap(await a.service.saveTelling(t));
    }
    const m = unwrap(
      await a.service.getPilotmonitor({
        ...(typeof peildatum === 'string' ? { peildatum } : {}),
        taal: a.language,
      }),
    );
    const p = unwrap(await a.service.getPrivacy());
    if (a.flags.has('json')) {
      out = JSON.stringify(monitorJson(m, p, a.flags.has('exacte-aantallen')), null, 2) + '\n';
    } else {
      out = tekst(m, a.language, p, a.flags.has('exacte-aantallen'));
      if (parsed?.success) out += a.language === 'en' ? 'Pilot saved.\n' : 'Pilot bewaard.\n';
    }
    return parsed?.success === true;
  });
  a.stdout(out);
  return 0;
}

export const pilotCliCommand: Command = {
  name: 'pilot',
  help: `pilot P.wijkweb [--instellingen BESTAND.json] [--peildatum JJJJ-MM-DD] [--json] [--exacte-aantallen]
De pilotmonitor: per doel de stand (op koers, aandacht, niet op koers, geen gegevens), sinds wanneer en op
welke cijfers; de afhandeling van aanmeldingen per kwartaal, de kosten per jaar en de evaluatievragen. Met
--instellingen lees je eerst de pilot, zijn doelen (of "standaardDoelen": true), capaciteit en tellingen uit
een JSON-bestand.`,
  options: {
    instellingen: { type: 'string' },
    peildatum: { type: 'string' },
    json: { type: 'boolean' },
    'exacte-aantallen': { type: 'boolean' },
  },
  run: async (c) => {
    const path = c.projectPath();
    return await pilotCommand({
      service: c.service,
      flags: c.flags,
      cwd: c.io.cwd,
      stdout: c.io.stdout,
      withProject: (fn) => c.withProject(path, fn),
      language: c.language,
    });
  },
};
