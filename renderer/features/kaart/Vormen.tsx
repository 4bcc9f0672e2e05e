/** The map's patterns and marker shapes as React elements (the export writes the same shapes as text). */
import type { ExportMarker } from './svg-export';

/** The "geen gegevens" hatch and the "in voorbereiding" dots; ids start with `prefix` (unique on the page). */
export function Patronen({ prefix }: { prefix: string }) {
  return (
    <>
      <pattern
        id={`${prefix}-arcering`}
        patternUnits="userSpaceOnUse"
        width="6"
        height="6"
        patternTransform="rotate(45)"
      >
        <rect width="6" height="6" fill="#eeeeee" />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#8c8c8c" strokeWidth="2.2" />
      </pattern>
      <pattern id={`${prefix}-voorbereiding`} patternUnits="userSpaceOnUse" width="8" height="8">
        <circle cx="4" cy="4" r="1.6" fill="#ffffff" stroke="#1a1a1a" strokeWidth="0.6" />
      </pattern>
    </>
  );
}

/** A marker: circle (organisatie), diamond (collectief aanbod) or square (ander aanbod), with a dark outline. */
export function MarkerVorm({ x, y, vorm, fill, r = 4, lijn = 1.2 }: ExportMarker & { r?: number; lijn?: number }) {
  const common = { fill, stroke: '#1a1a1a', strokeWidth: lijn };
  if (vorm === 'cirkel') return <circle cx={x} cy={y} r={r} {...common} />;
  if (vorm === 'vierkant') return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} {...common} />;
  const q = r * 1.35;
  return <path d={`M${x},${y - q}L${x + q},${y}L${x},${y + q}L${x - q},${y}Z`} {...common} />;
}

/** A marker on its own, for a legend or a list. */
export function MarkerIcoon({ vorm, fill, size = 16 }: { vorm: ExportMarker['vorm']; fill: string; size?: number }) {
  return (
    <svg width={size} height={size} aria-hidden="true" focusable="false" className="wijkweb-marker-icoon">
      <MarkerVorm x={size / 2} y={size / 2} vorm={vorm} fill={fill} r={size * 0.3} />
    </svg>
  );
}
