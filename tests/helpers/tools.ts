/**
 * Tests that need a program of the machine (Debian's Chromium, poppler's pdfinfo/pdftoppm). On a developer's machine
 * without it they are skipped, with the reason in the suite's name; under CI=true (where .ci/run installs them) a
 * missing program is a failing test that says how to install it, never a silent skip.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, it } from 'vitest';

export interface Tool {
  readonly name: string;
  readonly present: boolean;
  /** How to get it (Debian). */
  readonly install: string;
}

export const CHROMIUM = process.env.WIJKWEB_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumTool = (): Tool => ({
  name: CHROMIUM,
  present: existsSync(CHROMIUM),
  install: 'apt-get install -y chromium',
});

export const popplerTool = (): Tool => ({
  name: 'pdfinfo/pdftoppm (poppler)',
  present: runs('pdfinfo', ['-v']),
  install: 'apt-get install -y poppler-utils',
});

function runs(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** CI=true (or any value but empty, 0 and false), as .ci/run is started. */
export function isCi(env: Record<string, string | undefined> = process.env): boolean {
  const v = env.CI?.trim().toLowerCase();
  return !!v && v !== '0' && v !== 'false';
}

export type ToolVerdict =
  { readonly run: true } | { readonly run: false; readonly fail: boolean; readonly why: string };

/** Run when every tool is there; else skip, or fail under CI. */
export function toolVerdict(tools: readonly Tool[], ci: boolean): ToolVerdict {
  const missing = tools.filter((t) => !t.present);
  if (missing.length === 0) return { run: true };
  const why = missing.map((t) => `${t.name} ontbreekt (${t.install})`).join('; ');
  return { run: false, fail: ci, why };
}

/** `describe` for a suite that needs these tools (see the top of this file). */
export function describeWithTools(tools: readonly Tool[], name: string, body: () => void): void {
  const v = toolVerdict(tools, isCi());
  if (v.run) describe(name, body);
  else if (v.fail)
    describe(name, () =>
      it('has the programs it needs (CI=true: missing is a failure, not a skip)', () => {
        throw new Error(v.why);
      }),
    );
  else describe.skip(`${name} — overgeslagen: ${v.why}`, body);
}
