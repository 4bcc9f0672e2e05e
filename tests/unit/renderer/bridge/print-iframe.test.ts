/**
 * Browser mode's printPdf (printInIframe) in real Chromium, on a page served with the app's own headers (CSP
 * `style-src 'self'`, which a srcdoc frame inherits): the report's inline styles and @page rules must still apply,
 * without a single CSP violation, in a frame without scripts; the frame goes away after printing.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from '../../../../electron/app-protocol';
import { separateInlineStyles, STYLE_ATTR, type printInIframe } from '../../../../renderer/bridge/browser';
import { CHROMIUM, chromiumTool, describeWithTools } from '../../../helpers/tools';

/** The bundle's global in the page. */
type PageGlobal = { Wijkweb: { printInIframe: typeof printInIframe } };

const REPORT = `<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Rapport</title>
<style>
  @page { size: A4 portrait; margin: 15mm; }
  @page plaat { size: A3 landscape; }
  .plaat { page: plaat; }
  body { color: rgb(200, 0, 0); }
</style>
<script>document.title = 'script liep';</script>
</head><body>
  <h1 id="kop" style="background-color: rgb(0, 128, 0)">Rapport</h1>
  <section class="plaat"><svg width="10" height="10"><rect id="r" width="10" height="10" style="fill: rgb(0, 0, 255)"/></svg></section>
  <img id="beeld" src="data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 width=%2210%22 height=%2210%22/%3E" alt="">
</body></html>`;

describe('separateInlineStyles', () => {
  it('moves <style> text out, renames style attributes, drops scripts, and leaves everything else as it was', () => {
    const { html, styles } = separateInlineStyles(REPORT);
    expect(styles).toHaveLength(1);
    expect(styles[0]).toContain('@page plaat { size: A3 landscape; }');
    expect(html).not.toMatch(/<style|<script|script liep/i);
    expect(html).toContain(`<h1 id="kop" ${STYLE_ATTR}="background-color: rgb(0, 128, 0)">Rapport</h1>`);
    expect(html).toContain(`<rect id="r" width="10" height="10" ${STYLE_ATTR}="fill: rgb(0, 0, 255)"/>`);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8"><title>Rapport</title>')).toBe(
      true,
    );
  });

  it('knows quotes, comments, text-only elements, unquoted values, CDATA and self-closing SVG styles', () => {
    const input = [
      '<!-- <style>commentaar</style> -->',
      '<p title="a > b style=x" data-x=\'style="y"\' STYLE=color:red>tekst > meer</p>',
      '<textarea><p style="z"></p></textarea>',
      '<title><style>geen stijl</style></title>',
      '<svg><style><![CDATA[ rect { fill: red } ]]></style><style/><rect/></svg>',
      '<div style = "a: b" hidden>x</div>',
      '<p>1 < 2</p>',
      '<SCRIPT type="module">alert(1)</SCRIPT >na',
    ].join('');
    const { html, styles } = separateInlineStyles(input);
    expect(styles).toEqual([' rect { fill: red } ']); // <style/> is empty
    expect(html).toBe(
      [
        '<!-- <style>commentaar</style> -->',
        `<p title="a > b style=x" data-x='style="y"' ${STYLE_ATTR}=color:red>tekst > meer</p>`,
        '<textarea><p style="z"></p></textarea>',
        '<title><style>geen stijl</style></title>',
        '<svg><rect/></svg>',
        `<div ${STYLE_ATTR} = "a: b" hidden>x</div>`,
        '<p>1 < 2</p>',
        'na',
      ].join(''),
    );
  });

  it('copes with a page that ends in the middle of a tag', () => {
    expect(separateInlineStyles('<p style="a').html).toBe(`<p ${STYLE_ATTR}="a`);
    expect(separateInlineStyles('<style>a{}').styles).toEqual(['a{}']);
    expect(separateInlineStyles('<!-- x').html).toBe('<!-- x');
  });
});

describeWithTools([chromiumTool()], 'printInIframe in Chromium under the app’s CSP', () => {
  let server: Server;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    const bundle = await build({
      stdin: {
        contents: "export { printInIframe } from './renderer/bridge/browser';",
        resolveDir: process.cwd(),
        loader: 'ts',
      },
      bundle: true,
      format: 'iife',
      globalName: 'Wijkweb',
      write: false,
      logLevel: 'silent',
    });
    const script = bundle.outputFiles[0]!.text;
    server = createServer((req, res) => {
      if (req.url === '/app.js') {
        res.writeHead(200, { ...securityHeaders(), 'Content-Type': 'text/javascript' }).end(script);
        return;
      }
      res
        .writeHead(200, { ...securityHeaders(), 'Content-Type': 'text/html; charset=utf-8' })
        .end(
          '<!DOCTYPE html><html><head><title>Wijkweb</title><script src="/app.js"></script></head><body></body></html>',
        );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function open(): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(String(e)));
    await page.goto(url);
    return { page, problems };
  }

  it('prints the page with its styles and @page rules, runs none of its scripts, and removes the frame', async () => {
    const { page, problems } = await open();
    const seen = await page.evaluate(async (html) => {
      const w = window as unknown as PageGlobal;
      let found: Record<string, unknown> = {};
      await w.Wijkweb.printInIframe(html, 'Rapport Enschede West', document, {
        print(frame) {
          const doc = frame.document;
          const iframe = document.querySelector('iframe')!;
          const css = (sel: string, prop: string) =>
            frame.getComputedStyle(doc.querySelector(sel)!).getPropertyValue(prop);
          const pageRules = doc.adoptedStyleSheets
            .flatMap((s) => Array.from(s.cssRules))
            .filter((r) => r instanceof (frame as Window & typeof globalThis).CSSPageRule)
            .map((r) => (r as CSSPageRule).selectorText);
          found = {
            sandbox: iframe.getAttribute('sandbox'),
            title: doc.title,
            bodyColor: css('body', 'color'),
            kopBackground: css('#kop', 'background-color'),
            rectFill: css('#r', 'fill'),
            imageWidth: (doc.getElementById('beeld') as HTMLImageElement).naturalWidth,
            pageRules,
            scripts: doc.querySelectorAll('script').length,
            styleElements: doc.querySelectorAll('style').length,
          };
          frame.print();
          // Headless Chromium shows no dialog and sends no afterprint; a real one does, after the dialog.
          frame.dispatchEvent(new Event('afterprint'));
        },
      });
      await new Promise((r) => setTimeout(r, 50));
      return { ...found, framesLeft: document.querySelectorAll('iframe').length, parentTitle: document.title };
    }, REPORT);
    expect(seen).toEqual({
      sandbox: 'allow-modals allow-same-origin',
      title: 'Rapport Enschede West',
      bodyColor: 'rgb(200, 0, 0)',
      kopBackground: 'rgb(0, 128, 0)',
      rectFill: 'rgb(0, 0, 255)',
      imageWidth: 10,
      pageRules: ['', 'plaat'],
      scripts: 0,
      styleElements: 0,
      framesLeft: 0,
      parentTitle: 'Wijkweb',
    });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('removes the frame after a timeout when afterprint never comes, and after a failed print', async () => {
    const { page, problems } = await open();
    const left = await page.evaluate(async (html) => {
      const w = window as unknown as PageGlobal;
      await w.Wijkweb.printInIframe(html, 'x', document, { removeAfterMs: 100, print: () => undefined });
      const during = document.querySelectorAll('iframe').length;
      await new Promise((r) => setTimeout(r, 300));
      const after = document.querySelectorAll('iframe').length;
      let failed = '';
      try {
        await w.Wijkweb.printInIframe(html, 'x', document, {
          print: () => {
            throw new Error('printer weg');
          },
        });
      } catch (err) {
        failed = String(err);
      }
      return { during, after, failed, afterFailure: document.querySelectorAll('iframe').length };
    }, REPORT);
    expect(left).toEqual({ during: 1, after: 0, failed: 'Error: printer weg', afterFailure: 0 });
    expect(problems).toEqual([]);
    await page.close();
  });
});
