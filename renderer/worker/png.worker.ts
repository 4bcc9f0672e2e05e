/// <reference lib="webworker" />
/**
 * Encodes a picture as PNG off the page's thread (png.ts says why). Receives an ImageBitmap, answers with the Blob.
 */

export interface PngVraag {
  readonly id: number;
  readonly beeld: ImageBitmap;
}
export type PngAntwoord = { readonly id: number; readonly png: Blob } | { readonly id: number; readonly fout: string };

self.onmessage = async (e: MessageEvent<PngVraag>) => {
  const { id, beeld } = e.data;
  let antwoord: PngAntwoord;
  try {
    const canvas = new OffscreenCanvas(beeld.width, beeld.height);
    canvas.getContext('2d')!.drawImage(beeld, 0, 0);
    beeld.close();
    antwoord = { id, png: await canvas.convertToBlob({ type: 'image/png' }) };
  } catch (err) {
    antwoord = { id, fout: String(err) };
  }
  (self as DedicatedWorkerGlobalScope).postMessage(antwoord);
};
