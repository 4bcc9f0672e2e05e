/**
 * The report as one standalone HTML page (no scripts, no external files): shown as the preview in the app, printed by
 * Electron's printToPDF or the browser's print, and by a headless browser in the CLI. The print CSS is the layout:
 * A4 portrait pages, and A3 landscape pages (a named page) for the network and map plates.
 */
import type { CelWaarde, Kerngetal, Rapport, RapportKolom, RapportSectie, RapportTabel } from './model';
import { escapeXml as esc } from './xml';
import { getalNl } from './format';
import { woorden, type Woorden } from './tekst';
import { statusVanCel } from './status';

export function celTekst(v: CelWaarde, k: RapportKolom | undefined, taal: 'nl' | 'en' = 'nl'): string {
  if (v === null) return '';
  const w = woorden(taal);
  if (typeof v === 'string') return k?.soort === 'datum' ? w.datum(v) : v;
  switch (k?.soort) {
    case 'procent':
      return `${w.getal(v * 100, k.decimalen ?? 0)}%`;
    case 'geld':
      return taal === 'en' ? w.geld(v) : `€ ${getalNl(Math.round(v))}`;
    case 'getal':
      return w.getal(v, k.decimalen ?? (Number.isInteger(v) ? 0 : 1));
    case 'aantal':
      return w.getal(v, k.decimalen ?? 0);
    default:
      return String(v);
  }
}

/** Text for a CSS string literal: no quotes, backslashes or line breaks from the data can end it. */
const cssString = (text: string) =>
  [...text.slice(0, 200)]
    .map((c) => (/[\p{L}\p{N} .,:;()'’–-]/u.test(c) ? c : `\\${c.codePointAt(0)!.toString(16).padStart(6, '0')}`))
    .join('');

const numeriek = (k: RapportKolom) => k.soort !== 'tekst' && k.soort !== 'datum';

function tabelHtml(t: RapportTabel, w: Woorden): string {
  // Sentences do not fit in a column on A4: they follow the table as a numbered list.
  const zinnen = t.kolommen.flatMap((k, i) => (k.breed ? [i] : []));
  // A group column heads its rows instead of being a column (a goal's success criterion).
  const groep = t.groepKolom;
  const kolommen = t.kolommen.map((k, i) => ({ k, i })).filter(({ k, i }) => !k.breed && i !== groep);
  const head = kolommen
    .map(({ k }) => `<th scope="col"${numeriek(k) ? ' class="num"' : ''}>${esc(k.titel)}</th>`)
    .join('');
  const body = t.rijen
    .map((r, n) => {
      const totaal = t.totaalRij && n === t.rijen.length - 1;
      const kop =
        groep !== undefined && (n === 0 || t.rijen[n - 1]![groep] !== r[groep])
          ? `<tr class="groep"><th scope="colgroup" colspan="${kolommen.length}">${esc(celTekst(r[groep] ?? null, t.kolommen[groep], w.taal))}</th></tr>`
          : '';
      return `${kop}<tr${totaal ? ' class="totaal"' : ''}>${kolommen
        .map(({ k, i }, j) => {
          const tag = j === 0 && k.soort === 'tekst' ? 'th scope="row"' : 'td';
          const cls = numeriek(k) ? ' class="num"' : '';
          const tekst = esc(celTekst(r[i] ?? null, k, w.taal));
          const status = k.status ? statusVanCel(r[i] ?? null) : null;
          const inhoud = status ? `<span class="status status--${status}">${tekst}</span>` : tekst;
          return `<${tag}${cls}>${inhoud}</${tag.split(' ')[0]}>`;
        })
        .join('')}</tr>`;
    })
    .join('');
  const lijst = zinnen.length
    ? `<ol class="zinnen">${t.rijen
        .map((r) => `<li>${zinnen.map((i) => esc(celTekst(r[i] ?? null, t.kolommen[i], w.taal))).join(' ')}</li>`)
        .join('')}</ol>`
    : '';
  const meta = [
    w.t('html.bron', { bron: t.bron }),
    t.peildatum ? w.t('html.peildatum', { peildatum: t.peildatum }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const smal = kolommen.length >= 8 ? ' class="smal"' : '';
  return `<figure class="tabel${t.rijen.length <= 20 && !zinnen.length ? ' heel' : ''}"><table${smal}><caption>${esc(t.titel)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>
${lijst}<figcaption>${esc(meta)}${t.voetnoot ? `<br>${esc(t.voetnoot)}` : ''}</figcaption></figure>`;
}

function kerngetallenHtml(list: readonly Kerngetal[]): string {
  if (!list.length) return '';
  return `<ul class="kerngetallen">${list
    .map(
      (k) =>
        `<li><span class="waarde">${esc(k.waarde)}</span><span class="label">${esc(k.label)}</span>${k.toelichting ? `<span class="toelichting">${esc(k.toelichting)}</span>` : ''}</li>`,
    )
    .join('')}</ul>`;
}

/** An SVG plate inline, scaled to the page (its own width/height become the viewBox's proportions). */
function plaatHtml(svg: string, titel: string): string {
  const scaled = svg.replace(/<svg([^>]*?) width="\d+" height="\d+"/, '<svg$1 preserveAspectRatio="xMidYMid meet"');
  return `<section class="plaat" aria-label="${esc(titel)}">${scaled}</section>`;
}

/**
 * About how many lines a section takes on A4: a short one stays in one piece and follows the one before on its
 * page; a long one starts on a new page. So no page holds one stray sentence of a section.
 */
export function sectieRegels(s: Pick<RapportSectie, 'alineas' | 'kerngetallen' | 'tabellen'>): number {
  const tekst = s.alineas.reduce((n, a) => n + Math.ceil(a.length / 95) + 1, 0);
  const kern = Math.ceil(s.kerngetallen.length / 4) * 4;
  // A table with sentences (a wide column) lists them below it: about three lines each.
  const tabellen = s.tabellen.reduce((n, t) => n + t.rijen.length * (t.kolommen.some((k) => k.breed) ? 4 : 1) + 5, 0);
  return 3 + tekst + kern + tabellen;
}
/** A4 with the report's margins holds about 60 lines of 10pt text. */
const KORT = 40;

function sectieHtml(s: RapportSectie, nr: number, w: Woorden): string {
  return `<section class="sectie ${sectieRegels(s) <= KORT ? 'kort' : 'lang'}" id="${s.soort}">
<h2>${nr}. ${esc(s.titel)}</h2>
${s.alineas.map((a) => `<p>${esc(a)}</p>`).join('\n')}
${kerngetallenHtml(s.kerngetallen)}
${s.tabellen.map((t) => tabelHtml(t, w)).join('\n')}
</section>${s.plaat ? `\n${plaatHtml(s.plaat.svg, s.plaat.titel)}` : ''}`;
}

const CSS = `
@page { size: A4 portrait; margin: 18mm 16mm 20mm 16mm;
  @bottom-left { content: "__TITEL__"; font: 8pt 'Segoe UI', 'DejaVu Sans', Arial, sans-serif; color: #555; }
  @bottom-right { content: "__PAGINA__ " counter(page) " __VAN__ " counter(pages); font: 8pt 'Segoe UI', 'DejaVu Sans', Arial, sans-serif; color: #555; } }
@page plaat { size: A3 landscape; margin: 10mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: 'Segoe UI', 'DejaVu Sans', Arial, sans-serif; font-size: 10pt; line-height: 1.45; color: #1a1a1a; }
h1 { font-size: 22pt; line-height: 1.2; margin: 0 0 4mm; color: #1a3a6b; }
h2 { font-size: 15pt; color: #1a3a6b; border-bottom: 2px solid #1a3a6b; padding-bottom: 1mm; margin: 0 0 3mm; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 2mm; break-after: avoid; }
p { margin: 0 0 2.5mm; max-width: 170mm; }
.voorblad { break-after: page; }
.ondertitel { font-size: 12pt; margin-bottom: 6mm; }
.colofon { color: #333; font-size: 9pt; }
.sectie { margin-top: 10mm; }
.sectie.lang { break-before: page; margin-top: 0; }
.sectie.kort { break-inside: avoid; }
p, li { orphans: 3; widows: 3; }
figure.tabel.heel { break-inside: avoid; }
figure.tabel tbody tr:nth-last-child(-n + 2) { break-before: avoid; }
figcaption, .tabel + p { break-before: avoid; }
.kerngetallen { list-style: none; display: flex; flex-wrap: wrap; gap: 3mm; padding: 0; margin: 3mm 0 5mm; }
.kerngetallen li { border: 1px solid #b3b3b3; border-left: 4px solid #1a3a6b; padding: 2mm 3mm; min-width: 38mm; flex: 0 1 auto; break-inside: avoid; }
.kerngetallen .waarde { display: block; font-size: 16pt; font-weight: bold; }
.kerngetallen .label { display: block; }
.kerngetallen .toelichting { display: block; font-size: 8pt; color: #444; }
figure.tabel { margin: 0 0 6mm; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
caption { text-align: left; font-weight: bold; font-size: 10pt; padding-bottom: 1.5mm; caption-side: top; }
thead { display: table-header-group; }
th, td { border-bottom: 1px solid #ccc; padding: 1.2mm 1.5mm; vertical-align: top; text-align: left; }
thead th { border-bottom: 2px solid #1a1a1a; background: #eef1f6; }
tbody th { font-weight: normal; }
tr { break-inside: avoid; }
table.smal { font-size: 7.5pt; }
ol.zinnen { margin: 2mm 0 0; padding-left: 6mm; font-size: 9pt; }
ol.zinnen li { margin-bottom: 1.5mm; break-inside: avoid; }
thead th { white-space: normal; hyphens: auto; }
td, tbody th { overflow-wrap: break-word; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
tr.totaal th, tr.totaal td { font-weight: bold; border-top: 2px solid #1a1a1a; }
tr.groep th { font-weight: bold; background: #f2f2f2; border-bottom: 1px solid #1a1a1a; padding-top: 2mm; }
.status { font-weight: bold; white-space: nowrap; }
.status--op_koers { color: #1a7f37; }
.status--aandacht { color: #8a5300; }
.status--niet_op_koers { color: #b42318; }
.status--geen_gegevens { color: #4d4d4d; }
figcaption { font-size: 8pt; color: #444; margin-top: 1mm; }
.plaat { page: plaat; break-before: page; break-after: page; }
.plaat svg { display: block; width: 399mm; height: 275mm; }
dl.leeswijzer { display: grid; grid-template-columns: 42mm 1fr; gap: 1.5mm 4mm; margin: 0; }
dl.leeswijzer dt { font-weight: bold; }
dl.leeswijzer dd { margin: 0; }
@media screen {
  body { background: #e6e6e6; padding: 8px; }
  .voorblad, .sectie, .plaat, .leeswijzer-blok { background: #fff; max-width: 210mm; margin: 0 auto 8px; padding: 14mm 16mm; box-shadow: 0 1px 3px rgba(0,0,0,.25); }
  .plaat { max-width: 420mm; height: auto; padding: 6mm; }
  .plaat svg { width: 100%; height: auto; }
}
`;

/** A source's kind ("cognos") as the reader sees it: as stored in Dutch, by its name in English. */
export function bronSoort(w: Woorden, soort: string): string {
  if (w.taal === 'nl') return soort;
  const key = `bronSoort.${soort}`;
  const woord = w.t(key);
  return woord === `rapport.tekst.${key}` ? soort : woord;
}

/** The whole report as a standalone HTML document. */
export function rapportHtml(r: Rapport): string {
  const w = woorden(r.taal === 'en' ? 'en' : 'nl');
  const alleKern = r.secties.flatMap((s) => s.kerngetallen.slice(0, 2)).slice(0, 8);
  const privacy = esc(
    r.privacy.aan
      ? w.t('html.privacyAan', { max: r.privacy.drempel - 1, drempel: r.privacy.drempel })
      : w.t('html.privacyUit'),
  );
  return `<!doctype html>
<html lang="${w.taal}">
<head>
<meta charset="utf-8">
<meta name="generator" content="Wijkweb">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(r.titel)}</title>
<style>${CSS.replace('__TITEL__', () => cssString(r.titel))
    .replace('__PAGINA__', () => cssString(w.t('html.pagina')))
    .replace('__VAN__', () => cssString(w.t('html.van')))}</style>
</head>
<body>
<header class="voorblad">
<h1>${esc(r.titel)}</h1>
<p class="ondertitel">${esc(r.ondertitel)}</p>
<p>${esc(w.t('html.gebied', { gebieden: r.gebieden.map((g) => `${g.naam} (${g.code})`).join(', ') }))}</p>
${kerngetallenHtml(alleKern)}
<h2 class="inhoud-kop">${esc(w.t('html.inhoud'))}</h2>
<ol>${r.secties.map((s) => `<li>${esc(s.titel)}</li>`).join('')}<li>${esc(w.t('html.leeswijzer'))}</li></ol>
<p class="colofon">${w.t('html.colofon', { datum: esc(w.datum(r.gemaaktOp)), privacy })}</p>
</header>
${r.secties.map((s, i) => sectieHtml(s, i + 1, w)).join('\n')}
<section class="sectie kort leeswijzer-blok" id="leeswijzer">
<h2>${r.secties.length + 1}. ${esc(w.t('html.leeswijzer'))}</h2>
<dl class="leeswijzer">${r.leeswijzer.map((l) => `<dt>${esc(l.term)}</dt><dd>${esc(l.uitleg)}</dd>`).join('')}</dl>
<h3>${esc(w.t('html.bronnen'))}</h3>
${tabelHtml(
  {
    id: 'Bronnen',
    titel: w.t('html.bronnenTabel'),
    kolommen: [
      { titel: w.t('kolom.soort'), soort: 'tekst' },
      { titel: w.t('html.bestand'), soort: 'tekst' },
      { titel: w.t('html.ingelezen'), soort: 'datum' },
    ],
    rijen: r.bronnen.map((b) => [bronSoort(w, b.soort), b.naam, b.geimporteerdOp]),
    bron: 'Wijkweb',
    peildatum: null,
  },
  w,
)}
<p class="colofon">${privacy}</p>
</section>
</body>
</html>
`;
}
