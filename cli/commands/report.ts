/** `report P --gebied CODE --peildatum D --out rapport.pdf|.xlsx|.html`: the stuurgroep report. */
import { basename, resolve } from 'node:path';
import { atomicWrite } from '../../node/atomic-write';
import { AppException, unwrap } from '../../shared/result';
import { SECTIES, type RapportOpties, type SectieSoort } from '../../shared/report/model';
import { rapportHtml } from '../../shared/report/html';
import type { Command } from '../command';

/** A PDF through a Chromium-family browser on this computer (loaded only when a PDF is asked for). */
async function pdfVanHtml(html: string, env: NodeJS.ProcessEnv): Promise<Uint8Array> {
  const pdf = await import('../../node/pdf');
  return pdf.htmlToPdf(html, { browserPath: pdf.findBrowser(env, process.platform) });
}

function scenarioArg(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0)
    throw new AppException('cli.waarde-ongeldig', { optie: '--scenario', waarden: 'het nummer (id) van een scenario' });
  return n;
}

function parseSecties(text: string): SectieSoort[] {
  const list = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of list) {
    if (!(SECTIES as readonly string[]).includes(s))
      throw new AppException('cli.waarde-ongeldig', { optie: '--secties', waarden: SECTIES.join(', ') });
  }
  return list as SectieSoort[];
}

export const reportCommand: Command = {
  name: 'report',
  help: `report P.wijkweb --gebied CODE[,CODE] --peildatum JJJJ-MM-DD --out rapport.pdf|rapport.xlsx|rapport.html
[--vergelijk JJJJ-MM-DD | --zonder-vergelijking] [--secties ${SECTIES.join(',')}]
[--scenario ID] [--titel TEKST]
Maakt de stuurgroeprapportage van een buurt, wijk of eigen gebied. Heeft het project een pilot of doelen, dan
opent het met de pilotmonitor (onderdeel pilot). Een PDF maakt Wijkweb met Edge, Chrome of
Chromium op deze computer (of de browser in WIJKWEB_BROWSER_PATH).`,
  options: {
    gebied: { type: 'string' },
    peildatum: { type: 'string' },
    out: { type: 'string' },
    vergelijk: { type: 'string' },
    'zonder-vergelijking': { type: 'boolean' },
    secties: { type: 'string' },
    scenario: { type: 'string' },
    titel: { type: 'string' },
  },
  run: async ({ io, fs, flags, service, store, language, projectPath }) => {
    const path = projectPath();
    const gebied = flags.get('gebied');
    const peildatum = flags.get('peildatum');
    const out = flags.get('out');
    if (typeof gebied !== 'string') throw new AppException('cli.argument-ontbreekt', { wat: '--gebied CODE' });
    if (typeof peildatum !== 'string')
      throw new AppException('cli.argument-ontbreekt', { wat: '--peildatum JJJJ-MM-DD' });
    if (typeof out !== 'string')
      throw new AppException('cli.argument-ontbreekt', { wat: '--out rapport.pdf of rapport.xlsx' });
    const ext = out.toLowerCase().split('.').pop();
    if (ext !== 'pdf' && ext !== 'xlsx' && ext !== 'html')
      throw new AppException('cli.waarde-ongeldig', { optie: '--out', waarden: '.pdf, .xlsx, .html' });
    const secties = flags.get('secties');
    const vergelijk = flags.get('vergelijk');
    const scenario = flags.get('scenario');
    const titel = flags.get('titel');
    const opties: RapportOpties = {
      gebieden: gebied
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
      peildatum,
      vergelijkMet: flags.has('zonder-vergelijking') ? null : typeof vergelijk === 'string' ? vergelijk : undefined,
      ...(typeof secties === 'string' ? { secties: parseSecties(secties) } : {}),
      ...(typeof scenario === 'string' ? { scenarioId: scenarioArg(scenario) } : {}),
      ...(typeof titel === 'string' ? { titel } : {}),
      // --taal en: the report in English (its text, dates and numbers), as the messages.
      taal: language,
    };
    unwrap(await service.openProject(await store.read(path), basename(path)));
    const target = resolve(io.cwd, out);
    let bytes: Uint8Array;
    if (ext === 'xlsx') bytes = unwrap(await service.exportRapportXlsx(opties));
    else {
      const html = rapportHtml(unwrap(await service.getRapport(opties)));
      bytes = ext === 'html' ? new TextEncoder().encode(html) : await pdfVanHtml(html, io.env ?? process.env);
    }
    await atomicWrite(fs, target, bytes);
    io.stderr(`Rapport geschreven naar ${target}\n`);
    return 0;
  },
};
