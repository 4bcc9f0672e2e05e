/** The SVG map with zoom and pan (`useZoom`), the tooltip, the selected and focused buurt on top, and the zoom buttons. */
import { useId, useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui';
import { MARKER, type Marker, type Vlak } from './logic';
import { useZoom } from './useZoom';
import { MarkerVorm, Patronen } from './Vormen';

export function KaartCanvas({
  breedte,
  hoogte,
  titel,
  vlakken,
  markers,
  geselecteerd,
  nadruk,
  onSelect,
}: {
  breedte: number;
  hoogte: number;
  titel: string;
  vlakken: readonly Vlak[];
  markers: readonly Marker[];
  geselecteerd: string | null;
  nadruk: string | null;
  onSelect: (code: string) => void;
}) {
  const { t } = useTranslation();
  const prefix = `kaart${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const svgRef = useRef<SVGSVGElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const z = useZoom(svgRef, breedte, hoogte);
  const [tip, setTip] = useState<{ code: string; x: number; y: number } | null>(null);
  const [actief, setActief] = useState<string | null>(null);

  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    if (z.onPointerMove(e)) {
      setTip(null);
      return;
    }
    const target = (e.target as Element).closest('[data-code]');
    const code = target?.getAttribute('data-code');
    const frame = frameRef.current?.getBoundingClientRect();
    if (code && frame) setTip({ code, x: e.clientX - frame.left, y: e.clientY - frame.top });
    else setTip(null);
  };
  /** The tooltip of a focused buurt, at its centre on the screen. */
  const tipBijFocus = (v: Vlak) => {
    setActief(v.code);
    const frame = frameRef.current?.getBoundingClientRect();
    const r = svgRef.current?.getBoundingClientRect();
    if (!frame || !r || !v.centrum) return;
    const s = z.schaal();
    const ox = (r.width - breedte * s) / 2;
    const oy = (r.height - hoogte * s) / 2;
    const x = r.left - frame.left + ox + (v.centrum[0] * z.zoom.k + z.zoom.x) * s;
    const y = r.top - frame.top + oy + (v.centrum[1] * z.zoom.k + z.zoom.y) * s;
    setTip({ code: v.code, x, y });
  };

  const tipVlak = tip ? vlakken.find((v) => v.code === tip.code) : undefined;
  const boven = [geselecteerd, actief].filter((c): c is string => !!c);
  const { x, y, k } = z.zoom;

  return (
    <div className="wijkweb-kaart__frame" data-testid="kaart">
      <div className="wijkweb-kaart__canvas" ref={frameRef}>
        <svg
          ref={svgRef}
          className="wijkweb-kaart__svg"
          viewBox={`0 0 ${breedte} ${hoogte}`}
          preserveAspectRatio="xMidYMid meet"
          role="group"
          aria-label={t('kaart.svgLabel', { titel })}
          aria-describedby={`${prefix}-uitleg`}
          onPointerDown={z.onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={z.onPointerUp}
          onPointerLeave={() => setTip(null)}
          onKeyDown={z.onKeyDown}
        >
          <defs>
            <Patronen prefix={prefix} />
          </defs>
          <rect width={breedte} height={hoogte} fill="#fbfbfb" />
          <g transform={`translate(${x} ${y}) scale(${k})`}>
            {vlakken.map((v) => {
              const faded = nadruk !== null && v.klasse !== nadruk;
              return (
                <g key={v.code} opacity={faded ? 0.25 : 1}>
                  <path
                    d={v.d}
                    data-code={v.code}
                    className="wijkweb-kaart__buurt"
                    fill={v.arcering ? `url(#${prefix}-arcering)` : v.fill}
                    fillRule="evenodd"
                    stroke="#4d4d4d"
                    strokeWidth={1}
                    vectorEffect="non-scaling-stroke"
                    tabIndex={0}
                    role="button"
                    aria-pressed={geselecteerd === v.code}
                    aria-label={v.waarde ? `${v.naam}: ${v.waarde}` : v.naam}
                    onClick={() => {
                      if (!z.wasSlepen()) onSelect(v.code);
                    }}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        e.stopPropagation();
                        onSelect(v.code);
                      }
                    }}
                    onFocus={() => tipBijFocus(v)}
                    onBlur={() => {
                      setActief(null);
                      setTip(null);
                    }}
                  />
                  {v.voorbereiding && (
                    <path d={v.d} fill={`url(#${prefix}-voorbereiding)`} fillRule="evenodd" pointerEvents="none" />
                  )}
                </g>
              );
            })}
            {/* The selected and the focused buurt on top: a dark outline with a white line inside. */}
            {boven.map((code, i) => {
              const v = vlakken.find((w) => w.code === code);
              if (!v) return null;
              return (
                <g key={`${code}-${i}`} pointerEvents="none" fill="none">
                  <path d={v.d} stroke="#1a1a1a" strokeWidth={4} vectorEffect="non-scaling-stroke" />
                  <path d={v.d} stroke="#ffffff" strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
                </g>
              );
            })}
            <g aria-hidden="true" pointerEvents="none">
              {markers.map((m) => (
                <MarkerVorm
                  key={m.id}
                  x={m.x}
                  y={m.y}
                  vorm={MARKER[m.soort].vorm}
                  fill={MARKER[m.soort].fill}
                  r={4 / Math.sqrt(k)}
                  lijn={1.2 / Math.sqrt(k)}
                />
              ))}
            </g>
          </g>
        </svg>
        <p id={`${prefix}-uitleg`} className="wijkweb-visually-hidden">
          {t('kaart.bediening')}
        </p>
        {tipVlak && (
          <div className="wijkweb-kaart__tip" style={{ left: tip!.x + 12, top: tip!.y + 12 }} aria-hidden="true">
            <strong>{tipVlak.naam}</strong>
            {tipVlak.waarde && <span>{tipVlak.waarde}</span>}
          </div>
        )}
        <div className="wijkweb-kaart__zoom" role="group" aria-label={t('kaart.zoomGroep')}>
          <Button aria-label={t('kaart.inzoomen')} title={t('kaart.inzoomen')} onClick={() => z.zoomMet(1.5)}>
            +
          </Button>
          <Button aria-label={t('kaart.uitzoomen')} title={t('kaart.uitzoomen')} onClick={() => z.zoomMet(1 / 1.5)}>
            −
          </Button>
          <Button aria-label={t('kaart.heleKaart')} title={t('kaart.heleKaart')} onClick={z.heleKaart}>
            ⟲
          </Button>
        </div>
      </div>
    </div>
  );
}
