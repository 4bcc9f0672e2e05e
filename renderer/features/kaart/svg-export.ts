/**
 * The map as a file: a stand-alone SVG (the whole map, its title, legend and source, with the fills written out, so
 * it looks the same outside the app) and a PNG drawn from it at 3× scale.
 */
import { canvasNaarPng } from '../../worker/png';

export interface ExportVlak {
  readonly d: string;
  readonly fill: string;
  /** Draw the "geen gegevens" hatch instead of the fill. */
  readonly arcering?: boolean;
  /** Overlay of the "in voorbereiding" pattern. */
  readonly voorbereiding?: boolean;
  readonly naam: string;
}

export interface ExportMarker {
  readonly x: number;
  readonly y: number;
  readonly vorm: 'cirkel' | 'ruit' | 'vierkant';
  readonly fill: string;
}

export interface ExportLegendaItem {
  readonly label: string;
  readonly fill: string;
  readonly arcering?: boolean;
  readonly voorbereiding?: boolean;
  readonly vorm?: ExportMarker['vorm'];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The patterns the live map and the export share (ids must be unique on the page: pass a prefix). */
export function patronen(prefix: string): string {
  return (
    `<pattern id="${prefix}-arcering" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">` +
    `<rect width="6" height="6" fill="#eeeeee"/><line x1="0" y1="0" x2="0" y2="6" stroke="#8c8c8c" stroke-width="2.2"/></pattern>` +
    `<pattern id="${prefix}-voorbereiding" patternUnits="userSpaceOnUse" width="8" height="8">` +
    `<circle cx="4" cy="4" r="1.6" fill="#ffffff" stroke="#1a1a1a" stroke-width="0.6"/></pattern>`
  );
}

/** SVG markup of a marker shape centred on (x, y). */
export function markerSvg(m: ExportMarker, r = 4): string {
  const stroke = 'stroke="#1a1a1a" stroke-width="1.2"';
  if (m.vorm === 'cirkel') return `<circle cx="${m.x}" cy="${m.y}" r="${r}" fill="${m.fill}" ${stroke}/>`;
  if (m.vorm === 'vierkant')
    return `<rect x="${m.x - r}" y="${m.y - r}" width="${2 * r}" height="${2 * r}" fill="${m.fill}" ${stroke}/>`;
  const q = r * 1.35;
  return `<path d="M${m.x},${m.y - q}L${m.x + q},${m.y}L${m.x},${m.y + q}L${m.x - q},${m.y}Z" fill="${m.fill}" ${stroke}/>`;
}

/**
 * A complete SVG document: title on top, the map, then the legend and the source line under it. Sizes in px; the
 * map part keeps its own coordinates (`breedte` × `hoogte`).
 */
export function kaartSvg(opties: {
  readonly breedte: number;
  readonly hoogte: number;
  readonly titel: string;
  readonly vlakken: readonly ExportVlak[];
  readonly markers: readonly ExportMarker[];
  readonly legendaTitel: string;
  readonly legenda: readonly ExportLegendaItem[];
  readonly voetregel: string;
}): { svg: string; breedte: number; hoogte: number } {
  const { breedte, hoogte } = opties;
  const kop = 40;
  const regel = 20;
  const kolommen = 2;
  const legendaRegels = Math.ceil(opties.legenda.length / kolommen);
  const legendaHoogte = 28 + legendaRegels * regel;
  const totaal = kop + hoogte + legendaHoogte + 28;
  const p = 'wijkweb-export';
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${breedte}" height="${totaal}" viewBox="0 0 ${breedte} ${totaal}" ` +
      `font-family="DejaVu Sans, Arial, sans-serif">`,
  );
  out.push(`<title>${esc(opties.titel)}</title>`);
  out.push(`<defs>${patronen(p)}</defs>`);
  out.push(`<rect width="${breedte}" height="${totaal}" fill="#ffffff"/>`);
  out.push(`<text x="16" y="27" font-size="18" font-weight="700" fill="#1a1a1a">${esc(opties.titel)}</text>`);
  out.push(`<g transform="translate(0 ${kop})">`);
  for (const v of opties.vlakken) {
    const fill = v.arcering ? `url(#${p}-arcering)` : v.fill;
    out.push(
      `<path d="${v.d}" fill="${fill}" fill-rule="evenodd" stroke="#4d4d4d" stroke-width="0.8"><title>${esc(v.naam)}</title></path>`,
    );
    if (v.voorbereiding) out.push(`<path d="${v.d}" fill="url(#${p}-voorbereiding)" fill-rule="evenodd"/>`);
  }
  for (const m of opties.markers) out.push(markerSvg(m));
  out.push('</g>');
  const ly = kop + hoogte + 8;
  out.push(
    `<text x="16" y="${ly + 14}" font-size="13" font-weight="700" fill="#1a1a1a">${esc(opties.legendaTitel)}</text>`,
  );
  const kolomBreedte = (breedte - 32) / kolommen;
  opties.legenda.forEach((item, i) => {
    const x = 16 + (i % kolommen) * kolomBreedte;
    const y = ly + 26 + Math.floor(i / kolommen) * regel;
    if (item.vorm) {
      out.push(markerSvg({ x: x + 9, y: y + 6, vorm: item.vorm, fill: item.fill }, 5));
    } else {
      out.push(
        `<rect x="${x}" y="${y}" width="18" height="12" fill="${item.arcering ? `url(#${p}-arcering)` : item.fill}" stroke="#4d4d4d" stroke-width="0.8"/>`,
      );
      if (item.voorbereiding)
        out.push(`<rect x="${x}" y="${y}" width="18" height="12" fill="url(#${p}-voorbereiding)"/>`);
    }
    out.push(`<text x="${x + 26}" y="${y + 11}" font-size="12" fill="#1a1a1a">${esc(item.label)}</text>`);
  });
  out.push(`<text x="16" y="${totaal - 10}" font-size="11" fill="#4d4d4d">${esc(opties.voetregel)}</text>`);
  out.push('</svg>');
  return { svg: out.join(''), breedte, hoogte: totaal };
}

/** A PNG of an SVG document, drawn on a canvas at `schaal` times its size (3×: sharp in a report). */
export async function svgNaarPng(svg: string, breedte: number, hoogte: number, schaal = 3): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(breedte * schaal);
    canvas.height = Math.round(hoogte * schaal);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('canvas');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await canvasNaarPng(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** "kaart-aantal-inwoners-2026-11-23.png" (local date; the name made safe for a file). */
export function kaartBestandsnaam(onderwerp: string, extensie: 'png' | 'svg', now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const datum = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const slug = onderwerp
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `kaart-${slug || 'buurten'}-${datum}.${extensie}`;
}
