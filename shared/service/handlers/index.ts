/**
 * Every call of the project service, by area. A handler module exports only handlers (`(ctx, ...args) => Promise`);
 * the worker's contract (`WorkerApi` in shared/contract.ts) is derived from them, so a new call is written once,
 * in its area's module.
 */
import type { Bound } from '../app';
import * as gebieden from './gebieden';
import * as hiaten from './hiaten';
import * as imports from './import';
import * as netwerk from './netwerk';
import * as pilot from './pilot';
import * as project from './project';
import * as rapport from './rapport';
import * as scenario from './scenario';
import * as socialeKaart from './sociale-kaart';
import * as team from './team';

const areas = { project, imports, gebieden, socialeKaart, netwerk, hiaten, scenario, pilot, rapport, team };
type Areas = typeof areas;

/** Every handler of every area, unbound. */
type AllHandlers = Areas[keyof Areas] extends infer M ? (M extends unknown ? (x: M) => void : never) : never;
type Union = AllHandlers extends (x: infer I) => void ? I : never;

export const handlers = Object.assign({}, ...Object.values(areas)) as Union;

/** The calls of the service as a caller sees them: the handlers with their context bound. */
export type Handlers = Bound<Union>;

// One name, one handler: two areas with the same name do not compile.
type Names<M> = keyof M;
type Dubbel = {
  [A in keyof Areas]: { [B in Exclude<keyof Areas, A>]: Names<Areas[A]> & Names<Areas[B]> }[Exclude<keyof Areas, A>];
}[keyof Areas];
const _geenDubbel: [Dubbel] extends [never] ? true : Dubbel = true;
void _geenDubbel;
