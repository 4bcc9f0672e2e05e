/**
 * `scenario P [--naam NAAM] [--parameters BESTAND.json] [--verschuiving 0,3] [--peildatum D] [--json]`: prints a
 * scenario's table (per year every line, the subtotals and the rendement; per buurt the lines from counts). With
 * --parameters the scenario is saved under its name first (replacing one of that name). --verschuiving computes the
 * same scenario with another share for every line that takes the scenario's share, without saving it.
 */
import { resolve } from 'node:path';
import { readJsonFile } from './json-file';
import type { Command } from './command';
import {
  STANDAARD_SCENARIO,
  scenarioRijen,
  type ScenarioParameters,
  type ScenarioTabelUitkomst,
  type ScenarioUitkomst,
} from '../shared/analysis/scenario';
import type { WorkerApi } from '../shared/contract';
import { AppException, unwrap } from '../shared/result';
import { isKlein, kleinLabel, type PrivacyInstellingen } from '../shared/report/privacy';

export interface ScenarioCliArgs {
  readonly service: Pick<WorkerApi, 'listScenarios' | 'saveScenario' | 'berekenScenario' | 'getPrivacy'>;
  readonly flags: ReadonlyMap<string, string | true>;
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  /** Opens the project, locked, and saves it when `fn` returns true. */
  readonly withProject: (fn: () => Promise<boolean>) => Promise<void>;
  readonly language: 'nl' | 'en';
}

const STANDAARD_NAAM = { nl: 'Standaardscenario', en: 'Standard scenario' } as const;

const readParameters = (path: string) =>
  readJsonFile(path, '--parameters', 'een JSON-bestand met de invoer van een scenario');

function parseShare(text: string): number {
  const n = Number(text.replace('%', '').replace(',', '.'));
  const share = text.includes('%') || n > 1 ? n / 100 : n;
  if (!Number.isFinite(share) || share < 0 || share > 1)
    throw new AppException('cli.waarde-ongeldig', {
      optie: '--verschuiving',
      waarden: 'een aandeel van 0 tot 1 (0,3) of een percentage (30%)',
    });
  return share;
}

const cents = (n: number) => Math.round(n * 100) / 100;

/** The table as JSON: per year every line by name, the subtotals and the rendement; counts below the threshold hidden. */
function tabelJson(t: ScenarioTabelUitkomst, p: PrivacyInstellingen, exact: boolean) {
  const count = (n: number): number | string => (!exact && isKlein(n, p) ? kleinLabel(p) : n);
  return {
    jaren: t.perJaar.map((j, i) => ({
      jaar: j.jaar,
      regels: Object.fromEntries(t.regels.map((r) => [r.naam, cents(r.bedragen[i]!)])),
      subtotaalBesparing: cents(j.besparing),
      vervangendeInzet: cents(j.vervangendeInzet),
      subtotaalRendementZorginzet: cents(j.netto),
      subtotaalInvesteringen: cents(j.investeringen),
      rendement: cents(j.rendement),
    })),
    regels: t.regels.map((r) => ({
      id: r.id,
      naam: r.naam,
      soort: r.soort,
      bron: r.bron,
      volledigJaar: cents(r.volledigJaar),
      opbouw: r.opbouw,
      ...(r.indicaties !== null
        ? {
            indicaties: count(r.indicaties),
            verschuiving: r.verschuiving,
            producten: r.producten.map((x) => ({ product: x.product, aantal: count(x.aantal), tarief: x.tarief })),
          }
        : {}),
      ...(r.toelichting ? { toelichting: r.toelichting } : {}),
    })),
  };
}

function tabelTekst(t: ScenarioTabelUitkomst, taal: 'nl' | 'en'): string {
  const geld = (n: number) =>
    `${Math.round(n) < 0 ? '−' : ''}€ ${Math.abs(Math.round(n)).toLocaleString(taal === 'en' ? 'en-GB' : 'nl-NL')}`;
  const rijen = scenarioRijen(t, taal);
  const breedte = Math.max(...rijen.map((r) => r.label.length), 10);
  const kolom = 12;
  const kop = ''.padEnd(breedte) + t.jaren.map((j) => String(j).padStart(kolom)).join('');
  const lijnen = rijen.map((r) => {
    const label = r.soort === 'rendement' ? r.label.toUpperCase() : r.label;
    return label.padEnd(breedte) + r.bedragen.map((b) => geld(b).padStart(kolom)).join('');
  });
  return [kop, ...lijnen].join('\n') + '\n';
}

export async function scenarioCommand(a: ScenarioCliArgs): Promise<number> {
  const naam = a.flags.get('naam');
  const bestand = a.flags.get('parameters');
  const verschuiving = a.flags.get('verschuiving');
  const peildatum = a.flags.get('peildatum');
  if (typeof bestand === 'string' && typeof naam !== 'string')
    throw new AppException('cli.argument-ontbreekt', { wat: '--naam (de naam waaronder het scenario bewaard wordt)' });
  const invoer = typeof bestand === 'string' ? await readParameters(resolve(a.cwd, bestand)) : null;
  let out = '';
  await a.withProject(async () => {
    let parameters: ScenarioParameters;
    let gekozen: string;
    if (invoer !== null && typeof naam === 'string') {
      const bestaand = unwrap(await a.service.listScenarios()).find((s) => s.naam === naam.trim());
      const saved = unwrap(
        await a.service.saveScenario(bestaand?.id ?? null, naam, invoer as ScenarioParameters),
      ).result;
      parameters = saved.parameters;
      gekozen = saved.naam;
    } else if (typeof naam === 'string') {
      const lijst = unwrap(await a.service.listScenarios());
      const s = lijst.find((x) => x.naam === naam.trim());
      if (!s) {
        const namen = lijst.map((x) => `‘${x.naam}’`).join(', ') || 'geen';
        throw new AppException('cli.waarde-ongeldig', { optie: '--naam', waarden: `een bewaard scenario (${namen})` });
      }
      parameters = s.parameters;
      gekozen = s.naam;
    } else {
      parameters = STANDAARD_SCENARIO;
      gekozen = STANDAARD_NAAM[a.language];
    }
    if (typeof verschuiving === 'string') parameters = { ...parameters, verschuiving: parseShare(verschuiving) };
    const u: ScenarioUitkomst = unwrap(
      await a.service.berekenScenario(parameters, typeof peildatum === 'string' ? { peildatum } : {}),
    );
    const p = unwrap(await a.service.getPrivacy());
    const exact = a.flags.has('exacte-aantallen');
    if (a.flags.has('json')) {
      out =
        JSON.stringify(
          {
            scenario: gekozen,
            verschuiving: parameters.verschuiving,
            startjaar: parameters.startjaar,
            gebieden: parameters.gebieden ?? [],
            ...(parameters.toelichting ? { toelichting: parameters.toelichting } : {}),
            onderdrukt: u.onderdrukt,
            ...tabelJson(u, p, exact),
            perGebied: u.perGebied.map((g) => ({ code: g.code, naam: g.naam, ...tabelJson(g, p, exact) })),
            alleenGeheel: u.alleenGeheel,
          },
          null,
          2,
        ) + '\n';
    } else {
      out = `Scenario ‘${gekozen}’\n\n${tabelTekst(u, a.language)}`;
      const zonder = u.regels.filter((r) => u.alleenGeheel.includes(r.id)).map((r) => r.naam);
      for (const g of u.perGebied) out += `\n${g.naam} (${g.code})\n${tabelTekst(g, a.language)}`;
      if (u.perGebied.length && zonder.length)
        out +=
          a.language === 'en'
            ? `\nPer buurt without ${zonder.join(', ')}: those amounts are for the whole selection.\n`
            : `\nPer buurt zonder ${zonder.join(', ')}: die bedragen gelden voor het hele gebied.\n`;
      if (invoer !== null)
        out += a.language === 'en' ? `Scenario ‘${gekozen}’ saved.\n` : `Scenario ‘${gekozen}’ bewaard.\n`;
    }
    return invoer !== null;
  });
  a.stdout(out);
  return 0;
}

export const scenarioCliCommand: Command = {
  name: 'scenario',
  help: `scenario P.wijkweb [--naam NAAM] [--parameters BESTAND.json] [--verschuiving 0,3]
[--peildatum JJJJ-MM-DD] [--json] [--exacte-aantallen]
Toont de tabel van een scenario: per jaar elke regel, de subtotalen en het rendement, en per buurt de regels die
uit de aantallen komen. Zonder --naam het standaardscenario. Met --parameters bewaar je eerst het scenario uit
een JSON-bestand onder die naam. Met --verschuiving reken je het scenario door met een ander aandeel dat
overgaat (niet bewaard). Aantallen onder de 5 staan als <5, tenzij --exacte-aantallen.`,
  options: {
    naam: { type: 'string' },
    parameters: { type: 'string' },
    verschuiving: { type: 'string' },
    peildatum: { type: 'string' },
    json: { type: 'boolean' },
    'exacte-aantallen': { type: 'boolean' },
  },
  run: async (c) => {
    const path = c.projectPath();
    return await scenarioCommand({
      service: c.service,
      flags: c.flags,
      cwd: c.io.cwd,
      stdout: c.io.stdout,
      withProject: (fn) => c.withProject(path, fn),
      language: c.language,
    });
  },
};
