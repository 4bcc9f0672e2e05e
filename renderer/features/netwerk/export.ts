/**
 * The picture for a meeting: the whole map as PNG (print resolution) or SVG, with a title and the legend beside it,
 * downloaded with the date in the file name.
 */
import { canvasNaarPng } from '../../worker/png';
import type { KaartMaat } from './graph';
import type { Rand, RelatieStijl, Vorm } from './style';

export type LegendaRegel =
  | { readonly soort: 'kop'; readonly tekst: string }
  | { readonly soort: 'tekst'; readonly tekst: string }
  | { readonly soort: 'vorm'; readonly tekst: string; readonly vorm: Vorm; readonly rand: Rand; readonly kleur: string }
  | { readonly soort: 'lijn'; readonly tekst: string; readonly stijl: RelatieStijl };

export interface ExportKop {
  readonly titel: string;
  readonly ondertitel: string;
}

const BREEDTE = 340;
const MARGE = 24;
const REGEL = 24;
const FONT = "'DejaVu Sans', Arial, sans-serif";

const VORM_PUNTEN: Partial<Record<Vorm, [number, number][]>> = {
  diamond: [
    [0, -1],
    [1, 0],
    [0, 1],
    [-1, 0],
  ],
  triangle: [
    [0, -0.9],
    [0.95, 0.8],
    [-0.95, 0.8],
  ],
  hexagon: [
    [-0.5, -0.9],
    [0.5, -0.9],
    [1, 0],
    [0.5, 0.9],
    [-0.5, 0.9],
    [-1, 0],
  ],
};

function vormPad(ctx: CanvasRenderingContext2D, vorm: Vorm, cx: number, cy: number, r: number) {
  ctx.beginPath();
  if (vorm === 'ellipse') ctx.arc(cx, cy, r, 0, 2 * Math.PI);
  else if (vorm === 'round-rectangle') ctx.roundRect(cx - r, cy - r * 0.8, 2 * r, 1.6 * r, r * 0.35);
  else {
    const pts = VORM_PUNTEN[vorm]!;
    pts.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(cx + x * r, cy + y * r) : ctx.lineTo(cx + x * r, cy + y * r)));
    ctx.closePath();
  }
}

const dash = (lijn: RelatieStijl['lijn']) => (lijn === 'dashed' ? [6, 4] : lijn === 'dotted' ? [2, 3] : []);

/** Height of the legend column (in CSS pixels). */
export const legendaHoogte = (kop: ExportKop, regels: readonly LegendaRegel[]) =>
  MARGE * 2 + REGEL * 2.6 + regels.length * REGEL + (kop.ondertitel ? REGEL : 0);

/** Draws the title and legend in a column starting at x (CSS pixels, scaled by `scale`). */
function tekenLegenda(
  ctx: CanvasRenderingContext2D,
  x0: number,
  kop: ExportKop,
  regels: readonly LegendaRegel[],
  scale: number,
) {
  ctx.save();
  ctx.scale(scale, scale);
  ctx.translate(x0, 0);
  ctx.fillStyle = '#1a1a1a';
  ctx.textBaseline = 'middle';
  let y = MARGE + REGEL / 2;
  ctx.font = `bold 17px ${FONT}`;
  ctx.fillText(kop.titel, MARGE, y, BREEDTE - 2 * MARGE);
  y += REGEL;
  if (kop.ondertitel) {
    ctx.font = `12px ${FONT}`;
    ctx.fillStyle = '#4d4d4d';
    ctx.fillText(kop.ondertitel, MARGE, y, BREEDTE - 2 * MARGE);
    y += REGEL;
  }
  y += REGEL * 0.6;
  for (const r of regels) {
    ctx.fillStyle = '#1a1a1a';
    ctx.setLineDash([]);
    if (r.soort === 'kop') {
      ctx.font = `bold 13px ${FONT}`;
      ctx.fillText(r.tekst, MARGE, y, BREEDTE - 2 * MARGE);
    } else {
      ctx.font = `12px ${FONT}`;
      if (r.soort === 'vorm') {
        vormPad(ctx, r.vorm, MARGE + 10, y, 8);
        ctx.fillStyle = r.kleur;
        ctx.fill();
        ctx.strokeStyle = '#1a1a1a';
        ctx.lineWidth = r.rand === 'double' ? 3.5 : 1.5;
        ctx.setLineDash(r.rand === 'dashed' ? [3, 2] : []);
        ctx.stroke();
        if (r.rand === 'double') {
          ctx.strokeStyle = '#ffffff';
          ctx.lineWidth = 1;
          ctx.stroke();
        }
      } else if (r.soort === 'lijn') {
        ctx.strokeStyle = r.stijl.kleur;
        ctx.lineWidth = 2.5;
        ctx.setLineDash(dash(r.stijl.lijn));
        ctx.beginPath();
        ctx.moveTo(MARGE, y);
        ctx.lineTo(MARGE + 24, y);
        ctx.stroke();
        if (r.stijl.pijl !== 'none') {
          ctx.setLineDash([]);
          ctx.fillStyle = r.stijl.kleur;
          ctx.beginPath();
          ctx.moveTo(MARGE + 22, y - 5);
          ctx.lineTo(MARGE + 30, y);
          ctx.lineTo(MARGE + 22, y + 5);
          ctx.closePath();
          ctx.fill();
        }
      }
      ctx.fillStyle = '#1a1a1a';
      ctx.fillText(r.tekst, r.soort === 'tekst' ? MARGE : MARGE + 38, y, BREEDTE - 2 * MARGE - 38);
    }
    y += REGEL;
  }
  ctx.restore();
}

/**
 * The map with the title and legend in a column on the right, at the map's scale, as PNG. `tekenKaart` draws the map
 * into the context it is given (graph.ts), once it knows the map's size.
 */
export async function pngMetLegenda(
  tekenKaart: (maak: (maat: KaartMaat) => CanvasRenderingContext2D) => Promise<KaartMaat>,
  kop: ExportKop,
  regels: readonly LegendaRegel[],
): Promise<Blob> {
  const canvas = document.createElement('canvas');
  const { breedte: kaartBreedte, scale } = await tekenKaart((maat) => {
    canvas.width = maat.breedte + Math.round(BREEDTE * maat.scale);
    canvas.height = Math.max(maat.hoogte, Math.round(legendaHoogte(kop, regels) * maat.scale));
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    return ctx;
  });
  const ctx = canvas.getContext('2d')!;
  ctx.strokeStyle = '#c7c7c7';
  ctx.lineWidth = scale;
  ctx.beginPath();
  ctx.moveTo(kaartBreedte + 0.5, 0);
  ctx.lineTo(kaartBreedte + 0.5, canvas.height);
  ctx.stroke();
  tekenLegenda(ctx, kaartBreedte / scale, kop, regels, scale);
  try {
    return await canvasNaarPng(canvas);
  } finally {
    canvas.width = 0; // its memory (up to 140 MB at print resolution) back now, not at the next collection
  }
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function svgVorm(vorm: Vorm, cx: number, cy: number, r: number, attrs: string): string {
  if (vorm === 'ellipse') return `<circle cx="${cx}" cy="${cy}" r="${r}" ${attrs}/>`;
  if (vorm === 'round-rectangle')
    return `<rect x="${cx - r}" y="${cy - r * 0.8}" width="${2 * r}" height="${1.6 * r}" rx="${r * 0.35}" ${attrs}/>`;
  const pts = VORM_PUNTEN[vorm]!.map(([x, y]) => `${cx + x * r},${cy + y * r}`).join(' ');
  return `<polygon points="${pts}" ${attrs}/>`;
}

/** The map's SVG (cytoscape-svg) with the title and legend added as a group on the right. */
export function svgMetLegenda(kaart: string, kop: ExportKop, regels: readonly LegendaRegel[]): string {
  const m = /<svg\b[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"/.exec(kaart);
  const w = m ? Number(m[1]) : 0;
  const h = m ? Number(m[2]) : 0;
  const hoogte = Math.max(h, legendaHoogte(kop, regels));
  const parts: string[] = [
    `<g font-family="DejaVu Sans, Arial, sans-serif" transform="translate(${w},0)">`,
    `<rect x="0" y="0" width="${BREEDTE}" height="${hoogte}" fill="#ffffff"/>`,
    `<line x1="0.5" y1="0" x2="0.5" y2="${hoogte}" stroke="#c7c7c7"/>`,
  ];
  let y = MARGE + REGEL / 2;
  parts.push(
    `<text x="${MARGE}" y="${y}" font-size="17" font-weight="bold" dominant-baseline="central">${esc(kop.titel)}</text>`,
  );
  y += REGEL;
  if (kop.ondertitel) {
    parts.push(
      `<text x="${MARGE}" y="${y}" font-size="12" fill="#4d4d4d" dominant-baseline="central">${esc(kop.ondertitel)}</text>`,
    );
    y += REGEL;
  }
  y += REGEL * 0.6;
  for (const r of regels) {
    if (r.soort === 'kop') {
      parts.push(
        `<text x="${MARGE}" y="${y}" font-size="13" font-weight="bold" dominant-baseline="central">${esc(r.tekst)}</text>`,
      );
    } else {
      let x = MARGE;
      if (r.soort === 'vorm') {
        const stroke =
          r.rand === 'double'
            ? 'stroke="#1a1a1a" stroke-width="3.5"'
            : `stroke="#1a1a1a" stroke-width="1.5"${r.rand === 'dashed' ? ' stroke-dasharray="3 2"' : ''}`;
        parts.push(svgVorm(r.vorm, MARGE + 10, y, 8, `fill="${r.kleur}" ${stroke}`));
        if (r.rand === 'double') parts.push(svgVorm(r.vorm, MARGE + 10, y, 8, 'fill="none" stroke="#fff"'));
        x = MARGE + 38;
      } else if (r.soort === 'lijn') {
        const d = dash(r.stijl.lijn);
        parts.push(
          `<line x1="${MARGE}" y1="${y}" x2="${MARGE + 24}" y2="${y}" stroke="${r.stijl.kleur}" stroke-width="2.5"${d.length ? ` stroke-dasharray="${d.join(' ')}"` : ''}/>`,
        );
        if (r.stijl.pijl !== 'none') {
          parts.push(
            `<polygon points="${MARGE + 22},${y - 5} ${MARGE + 30},${y} ${MARGE + 22},${y + 5}" fill="${r.stijl.kleur}"/>`,
          );
        }
        x = MARGE + 38;
      }
      parts.push(`<text x="${x}" y="${y}" font-size="12" dominant-baseline="central">${esc(r.tekst)}</text>`);
    }
    y += REGEL;
  }
  parts.push('</g>');
  const totaal = w + BREEDTE;
  return kaart
    .replace(/(<svg\b[^>]*\bwidth=")[\d.]+(")/, `$1${totaal}$2`)
    .replace(/(<svg\b[^>]*\bheight=")[\d.]+(")/, `$1${hoogte}$2`)
    .replace(/<\/svg>\s*$/, `${parts.join('')}</svg>`);
}

/** Hands a file to the user as a download (browser mode and desktop alike). */
export function download(data: Blob, fileName: string): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
