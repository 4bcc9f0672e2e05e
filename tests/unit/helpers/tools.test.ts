import { describe, expect, it } from 'vitest';
import { isCi, toolVerdict, type Tool } from '../../helpers/tools';

const there: Tool = { name: '/usr/bin/chromium', present: true, install: 'apt-get install -y chromium' };
const gone: Tool = { name: 'pdfinfo', present: false, install: 'apt-get install -y poppler-utils' };

describe('tests that need a program of the machine', () => {
  it('run when every program is there, in CI or not', () => {
    expect(toolVerdict([there], false)).toEqual({ run: true });
    expect(toolVerdict([there], true)).toEqual({ run: true });
  });

  it('are skipped on a developer machine without one, and fail under CI, naming what is missing and how to get it', () => {
    expect(toolVerdict([there, gone], false)).toEqual({
      run: false,
      fail: false,
      why: 'pdfinfo ontbreekt (apt-get install -y poppler-utils)',
    });
    expect(toolVerdict([there, gone], true)).toMatchObject({ run: false, fail: true });
  });

  it('read CI as .ci/run and the usual CI services set it', () => {
    expect(isCi({ CI: 'true' })).toBe(true);
    expect(isCi({ CI: '1' })).toBe(true);
    expect(isCi({})).toBe(false);
    expect(isCi({ CI: '' })).toBe(false);
    expect(isCi({ CI: 'false' })).toBe(false);
    expect(isCi({ CI: '0' })).toBe(false);
  });
});
