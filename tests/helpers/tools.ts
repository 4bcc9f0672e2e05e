/**
 * Tests that need a program of the machine (Debian's Chromium, poppler's pdfinfo/pdftoppm; .ci/run and the README's
 * install step put them there). A missing program is a failing test that says how to install it, on every machine:
 * a skipped test proves nothing.
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

export type ToolVerdict = { readonly run: true } | { readonly run: false; readonly why: string };

/** Run when every tool is there; else the reason, naming what is missing and how to get it. */
export function toolVerdict(tools: readonly Tool[]): ToolVerdict {
  const missing = tools.filter((t) => !t.present);
  if (missing.length === 0) return { run: true };
  return { run: false, why: missing.map((t) => `${t.name} ontbreekt (${t.install})`).join('; ') };
}

/** `describe` for a suite that needs these tools: without them one failing test that says what to install. */
export function describeWithTools(tools: readonly Tool[], name: string, body: () => void): void {
  const v = toolVerdict(tools);
  if (v.run) describe(name, body);
  else
    describe(name, () =>
      it('has the programs it needs', () => {
        throw new Error(v.why);
      }),
    );
}
