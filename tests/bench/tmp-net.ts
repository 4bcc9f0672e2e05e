import { buildCsr, pathMetricsRaw } from '../../shared/analysis/metrics';
import { seededRandom } from '../../shared/analysis/analyse';
const [n, m] = [5000, 25000];
const rnd = seededRandom(7);
const e: [number, number, number][] = [];
for (let i = 0; i < m; i++) e.push([Math.floor(rnd() * n), Math.floor(rnd() * n), 1]);
const g = buildCsr(n, e, true);
for (let rep = 0; rep < 3; rep++) {
  const t = performance.now();
  pathMetricsRaw(g);
  console.log('paths', (performance.now() - t).toFixed(0));
}
