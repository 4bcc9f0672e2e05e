/**
 * A canvas as PNG, encoded in a worker. On the page, `canvas.toBlob` waits for an idle moment to encode, up to a
 * second in Chromium, and in the app it often got none: the buurt map's PNG took 1.18 s, of which the encoding itself
 * (measured with `toDataURL`) 0.14 s; in the worker the whole download takes 0.22 s. `toDataURL` would encode at once
 * but hold the page meanwhile. Where no worker can start, `toBlob` as before.
 */
import type { PngAntwoord, PngVraag } from './png.worker';

let worker: Worker | null | undefined;
let volgende = 0;
const wachtend = new Map<number, { resolve: (png: Blob) => void; reject: (err: Error) => void }>();

function encoder(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./png.worker.ts', import.meta.url), { type: 'module', name: 'wijkweb-png' });
    worker.onmessage = (e: MessageEvent<PngAntwoord>) => {
      const w = wachtend.get(e.data.id);
      wachtend.delete(e.data.id);
      if (!w) return;
      if ('png' in e.data) w.resolve(e.data.png);
      else w.reject(new Error(e.data.fout));
    };
    worker.onerror = () => {
      for (const w of wachtend.values()) w.reject(new Error('png worker'));
      wachtend.clear();
      worker = null;
    };
  } catch {
    worker = null;
  }
  return worker;
}

function opDePagina(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('png'))), 'image/png'),
  );
}

/** The canvas as a PNG file; in the worker, or where that fails on the page. */
export async function canvasNaarPng(canvas: HTMLCanvasElement): Promise<Blob> {
  const w = encoder();
  if (!w || canvas.width === 0 || canvas.height === 0) return opDePagina(canvas);
  const beeld = await createImageBitmap(canvas);
  const id = ++volgende;
  try {
    return await new Promise<Blob>((resolve, reject) => {
      wachtend.set(id, { resolve, reject });
      w.postMessage({ id, beeld } satisfies PngVraag, [beeld]);
    });
  } catch {
    return opDePagina(canvas);
  }
}
