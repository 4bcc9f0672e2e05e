/**
 * The report's page in a frame, as it will be printed. The frame inherits the app's Content-Security-Policy
 * (`style-src 'self'`), which refuses the page's inline styles: they are taken out before it goes in and put back
 * through the CSSOM once it has loaded (the same way the browser bridge prints). No scripts run in it.
 */
import { useEffect, useMemo, useRef } from 'react';
import { restoreStyles, separateInlineStyles } from '../../bridge/browser';

export function Voorbeeld({ html, title }: { html: string; title: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const page = useMemo(() => separateInlineStyles(html), [html]);
  useEffect(() => {
    const iframe = frame.current;
    if (!iframe) return;
    const apply = () => {
      const win = iframe.contentWindow as (Window & typeof globalThis) | null;
      const doc = iframe.contentDocument;
      if (win && doc) restoreStyles(win, doc, page.styles);
    };
    iframe.addEventListener('load', apply);
    iframe.srcdoc = page.html;
    return () => iframe.removeEventListener('load', apply);
  }, [page]);
  return (
    <iframe
      ref={frame}
      title={title}
      className="wijkweb-rapport__iframe"
      sandbox="allow-same-origin"
      data-testid="rapport-voorbeeld"
    />
  );
}
