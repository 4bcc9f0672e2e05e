import { describe, expect, it, vi, type Mock } from 'vitest';
import {
  IpcRejected,
  registerHandlers,
  type ChannelHandlers,
  type InvokeEventLike,
  type IpcMainLike,
} from '../../../electron/ipc';
import { isTrustedSenderUrl } from '../../../electron/security';
import { IPC, MAX_PROJECT_BYTES } from '../../../shared/contract';
import { IPC_SCHEMAS, MAX_PRINT_HTML_CHARS, type InvokeChannel } from '../../../shared/ipc-schemas';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => unknown;

const APP_URL = 'app://wijkweb/index.html';
const bytes = new Uint8Array([1, 2, 3]);
/** A Uint8Array that claims to be larger than a project may be, without allocating 1 GiB. */
const tooBig = Object.defineProperty(new Uint8Array(1), 'byteLength', { value: MAX_PROJECT_BYTES + 1 });

interface ChannelCases {
  /** Valid argument tuples, each with the arguments the handler must receive. */
  readonly valid: readonly (readonly unknown[])[];
  readonly invalid: readonly (readonly unknown[])[];
}

const badNames: readonly unknown[] = [
  '',
  '../evil',
  '..\\evil',
  '/etc/passwd',
  'C:\\Windows\\x',
  'C:x',
  'a\u0000b',
  'a\nb',
  'wijk*',
  'wijk?',
  'a"b',
  'a<b>',
  'a|b',
  'x'.repeat(201),
  42,
  null,
  undefined,
  bytes,
  { toString: () => 'Wijk' },
];
const badIds: readonly unknown[] = ['', 'x'.repeat(4097), 42, null, undefined, bytes, ['a'], { id: 'a' }];
const badBytes: readonly unknown[] = [
  'AAEC',
  [1, 2, 3],
  42,
  null,
  undefined,
  new ArrayBuffer(3),
  new Uint16Array(3),
  new DataView(new ArrayBuffer(3)),
  { byteLength: 3 },
  tooBig,
];

const noArgs: ChannelCases = { valid: [[]], invalid: [[1], ['x'], [undefined], [null], [{}], [bytes]] };
const oneId: ChannelCases = {
  valid: [['/p/Wijk.wijkweb'], ['x'.repeat(4096)]],
  invalid: [[], ['/p/a.wijkweb', 'extra'], ...badIds.map((b) => [b])],
};

/** One row per channel: the type forces every channel of IPC_SCHEMAS to be listed. */
const CASES: Record<InvokeChannel, ChannelCases> = {
  [IPC.platform]: noArgs,
  [IPC.openProjectFile]: noArgs,
  [IPC.listRecentProjects]: noArgs,
  [IPC.confirmClose]: noArgs,
  [IPC.createProjectFile]: {
    valid: [
      ['Wijk West.wijkweb', bytes],
      ['Enschede – Twekkelerveld', new Uint8Array(0)],
    ],
    invalid: [
      [],
      ['Wijk.wijkweb'],
      [bytes, 'Wijk.wijkweb'],
      ['Wijk.wijkweb', bytes, 'extra'],
      ...badNames.map((n) => [n, bytes]),
      ...badBytes.map((b) => ['Wijk.wijkweb', b]),
    ],
  },
  [IPC.openRecentProject]: oneId,
  [IPC.forgetRecentProject]: oneId,
  [IPC.closeProjectFile]: oneId,
  [IPC.listBackups]: oneId,
  [IPC.saveProjectFile]: {
    valid: [
      ['/p/Wijk.wijkweb', bytes],
      ['/p/Wijk.wijkweb', bytes, 'periodiek'],
      ['/p/Wijk.wijkweb', bytes, 'voor-migratie'],
      ['/p/Wijk.wijkweb', bytes, 'voor-herstel'],
    ],
    invalid: [
      [],
      ['/p/Wijk.wijkweb'],
      [bytes, '/p/Wijk.wijkweb'],
      ['/p/Wijk.wijkweb', bytes, 'handmatig'],
      ['/p/Wijk.wijkweb', bytes, 1],
      ['/p/Wijk.wijkweb', bytes, null],
      ['/p/Wijk.wijkweb', bytes, 'periodiek', 'extra'],
      ...badIds.map((i) => [i, bytes]),
      ...badBytes.map((b) => ['/p/Wijk.wijkweb', b]),
    ],
  },
  [IPC.saveProjectFileAs]: {
    valid: [
      ['/p/Wijk.wijkweb', bytes, 'Nieuw.wijkweb'],
      [null, bytes, 'Nieuw.wijkweb'],
    ],
    invalid: [
      [],
      [null, bytes],
      [undefined, bytes, 'Nieuw.wijkweb'],
      ['/p/Wijk.wijkweb', bytes, 'Nieuw.wijkweb', 'extra'],
      ...badIds.filter((i) => i !== null).map((i) => [i, bytes, 'Nieuw.wijkweb']),
      ...badBytes.map((b) => [null, b, 'Nieuw.wijkweb']),
      ...badNames.map((n) => [null, bytes, n]),
    ],
  },
  [IPC.saveCopy]: {
    valid: [[bytes, 'Kopie.wijkweb']],
    invalid: [
      [],
      [bytes],
      ['Kopie.wijkweb', bytes],
      [bytes, 'Kopie.wijkweb', 'extra'],
      ...badBytes.map((b) => [b, 'Kopie.wijkweb']),
      ...badNames.map((n) => [bytes, n]),
    ],
  },
  [IPC.printPdf]: {
    valid: [
      ['<!DOCTYPE html><p>Rapport</p>', 'Rapport Enschede West 2026-11-23.pdf'],
      ['<p>x</p>', 'rapport.PDF'],
    ],
    invalid: [
      [],
      ['<p>x</p>'],
      ['<p>x</p>', 'Rapport.pdf', 'extra'],
      ['', 'Rapport.pdf'],
      [bytes, 'Rapport.pdf'],
      [42, 'Rapport.pdf'],
      [null, 'Rapport.pdf'],
      [{ toString: () => '<p>x</p>' }, 'Rapport.pdf'],
      ['<p>x</p>', 'Rapport'],
      ['<p>x</p>', 'Rapport.wijkweb'],
      ['<p>x</p>', 'Rapport.pdf.exe'],
      ['<p>x</p>', '.pdf'],
      ['<p>x</p>', ' .pdf'],
      ...badNames.map((n) => ['<p>x</p>', typeof n === 'string' && n !== '' ? `${n}.pdf` : n]),
    ],
  },
  [IPC.createWorkingCopy]: {
    valid: [
      ['Voorbeeldproject Enschede West.wijkweb', bytes],
      ['Voorbeeld', new Uint8Array(0)],
    ],
    invalid: [
      [],
      ['Voorbeeld.wijkweb'],
      [bytes, 'Voorbeeld.wijkweb'],
      ['Voorbeeld.wijkweb', bytes, 'extra'],
      ['..', bytes],
      ['.', bytes],
      [' . ', bytes],
      ...badNames.map((n) => [n, bytes]),
      ...badBytes.map((b) => ['Voorbeeld.wijkweb', b]),
    ],
  },
  [IPC.readBackup]: {
    valid: [['/p/Wijk.wijkweb', '2026-11-23T13-45-00-000Z_periodiek.wijkweb']],
    invalid: [
      [],
      ['/p/Wijk.wijkweb'],
      ['/p/Wijk.wijkweb', 'a', 'extra'],
      ['/p/Wijk.wijkweb', '../secret'],
      ['/p/Wijk.wijkweb', '..\\secret'],
      ['/p/Wijk.wijkweb', '/etc/passwd'],
      ['/p/Wijk.wijkweb', 'a\u0000b'],
      ['/p/Wijk.wijkweb', ''],
      ['/p/Wijk.wijkweb', 'x'.repeat(201)],
      ['/p/Wijk.wijkweb', 7],
      ...badIds.map((i) => [i, 'a.wijkweb']),
    ],
  },
};

const CHANNELS = Object.keys(IPC_SCHEMAS) as InvokeChannel[];

function setup(devServerOrigin?: string) {
  const listeners = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      expect(listeners.has(channel)).toBe(false);
      listeners.set(channel, listener);
    },
  };
  const spies = new Map<InvokeChannel, Mock<(...args: unknown[]) => Promise<unknown>>>();
  for (const channel of CHANNELS)
    spies.set(
      channel,
      vi.fn(async () => ({ from: channel })),
    );
  const handlers = Object.fromEntries(spies) as unknown as ChannelHandlers;
  registerHandlers(ipcMain, handlers, (url) => isTrustedSenderUrl(url, devServerOrigin));

  function invoke(channel: InvokeChannel, senderUrl: string | null, args: readonly unknown[]): Promise<unknown> {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`no handler registered for ${channel}`);
    const event: InvokeEventLike = { senderFrame: senderUrl === null ? null : { url: senderUrl } };
    return Promise.resolve().then(() => listener(event, ...args));
  }
  function spy(channel: InvokeChannel) {
    const s = spies.get(channel);
    if (!s) throw new Error(`no spy for ${channel}`);
    return s;
  }
  function totalCalls(): number {
    let n = 0;
    for (const s of spies.values()) n += s.mock.calls.length;
    return n;
  }
  return { listeners, invoke, spy, totalCalls };
}

describe('registerHandlers', () => {
  it('the test table covers exactly the channels of IPC_SCHEMAS', () => {
    expect(Object.keys(CASES).sort()).toEqual([...CHANNELS].sort());
  });

  it('registers every channel of IPC_SCHEMAS, and nothing else', () => {
    const { listeners } = setup();
    expect([...listeners.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('the channels are the invoke channels of IPC (without main → renderer events)', () => {
    const events: string[] = [IPC.menuCommand, IPC.closeRequested, IPC.openRequested];
    for (const channel of CHANNELS) expect(events).not.toContain(channel);
  });
});

describe.each(CHANNELS)('IPC channel %s', (channel) => {
  const cases = CASES[channel];
  const firstValid = cases.valid[0] ?? [];

  it.each([
    ['https://evil.example/'],
    ['https://evil.example/app://wijkweb/index.html'],
    ['app://other/index.html'],
    ['file:///C:/Users/x/index.html'],
    ['http://localhost:5173/'],
    ['about:blank'],
    [''],
    [null],
  ])('rejects a call from sender %j without calling the handler', async (url) => {
    const { invoke, spy, totalCalls } = setup();
    const result = invoke(channel, url, firstValid);
    await expect(result).rejects.toBeInstanceOf(IpcRejected);
    await expect(result).rejects.toThrow(/afzender/);
    expect(spy(channel)).not.toHaveBeenCalled();
    expect(totalCalls()).toBe(0);
  });

  it.each(cases.invalid.map((args) => [args]))(
    'rejects malformed arguments %j without calling the handler',
    async (args) => {
      const { invoke, spy, totalCalls } = setup();
      const result = invoke(channel, APP_URL, args);
      await expect(result).rejects.toBeInstanceOf(IpcRejected);
      await expect(result).rejects.toThrow(channel);
      expect(spy(channel)).not.toHaveBeenCalled();
      expect(totalCalls()).toBe(0);
    },
  );

  it.each(cases.valid.map((args) => [args]))('passes the valid call %j to its handler only', async (args) => {
    const { invoke, spy, totalCalls } = setup();
    await expect(invoke(channel, APP_URL, args)).resolves.toEqual({ from: channel });
    const s = spy(channel);
    expect(s).toHaveBeenCalledTimes(1);
    expect(totalCalls()).toBe(1);
    const received = s.mock.calls[0] ?? [];
    // zod may add a trailing undefined for an omitted optional argument; nothing else may differ.
    expect(received.slice(0, args.length)).toEqual(args);
    expect(received.slice(args.length).every((a) => a === undefined)).toBe(true);
    args.forEach((a, i) => {
      if (a instanceof Uint8Array) expect(received[i]).toBe(a);
    });
  });

  it('accepts the dev server as sender only when it is configured', async () => {
    const dev = 'http://localhost:5173';
    const withDev = setup(dev);
    await expect(withDev.invoke(channel, `${dev}/`, firstValid)).resolves.toEqual({ from: channel });
    expect(withDev.spy(channel)).toHaveBeenCalledTimes(1);
    await expect(withDev.invoke(channel, 'http://localhost:5174/', firstValid)).rejects.toBeInstanceOf(IpcRejected);
    expect(withDev.spy(channel)).toHaveBeenCalledTimes(1);
  });

  it('checks the sender before the arguments', async () => {
    const { invoke, spy } = setup();
    const malformed = cases.invalid[0] ?? [];
    await expect(invoke(channel, 'https://evil.example/', malformed)).rejects.toThrow(/afzender/);
    expect(spy(channel)).not.toHaveBeenCalled();
  });
});

describe('print-pdf size limit (outside the table: a 50 MB page would end up in the test names)', () => {
  it('accepts a page of exactly 50 MB and refuses one character more', async () => {
    const { invoke, spy } = setup();
    const limit = 'x'.repeat(MAX_PRINT_HTML_CHARS);
    expect(MAX_PRINT_HTML_CHARS).toBe(50 * 1024 * 1024);
    await expect(invoke(IPC.printPdf, APP_URL, [limit, 'Rapport.pdf'])).resolves.toEqual({ from: IPC.printPdf });
    await expect(invoke(IPC.printPdf, APP_URL, [`${limit}x`, 'Rapport.pdf'])).rejects.toBeInstanceOf(IpcRejected);
    expect(spy(IPC.printPdf)).toHaveBeenCalledTimes(1);
  });
});

describe('handler errors', () => {
  it('a handler that rejects passes its rejection on (the wrapper does not swallow it)', async () => {
    const listeners = new Map<string, Listener>();
    const handlers = Object.fromEntries(
      CHANNELS.map((c) => [c, vi.fn(async () => Promise.reject(new Error('kapot')))]),
    ) as unknown as ChannelHandlers;
    registerHandlers({ handle: (c, l) => void listeners.set(c, l) }, handlers, (url) => isTrustedSenderUrl(url));
    const listener = listeners.get(IPC.platform);
    expect(listener).toBeDefined();
    await expect(Promise.resolve(listener?.({ senderFrame: { url: APP_URL } }))).rejects.toThrow('kapot');
  });
});
