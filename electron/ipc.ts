import type { z } from 'zod';
import type { BridgeApi, IPC } from '../shared/contract';
import { IPC_SCHEMAS, type InvokeChannel } from '../shared/ipc-schemas';

/** The minimal shape of an invoke event main needs: who sent it. */
export interface InvokeEventLike {
  readonly senderFrame: { readonly url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
}

type Args<C extends InvokeChannel> = z.infer<(typeof IPC_SCHEMAS)[C]>;
/** The BridgeApi method a channel serves (IPC maps method names to channel names). */
type MethodFor<C extends InvokeChannel> = {
  [K in keyof typeof IPC]: (typeof IPC)[K] extends C ? K : never;
}[keyof typeof IPC] &
  keyof BridgeApi;
/** Main's handlers: the arguments as validated, the results exactly what the BridgeApi promises the renderer. */
export type ChannelHandlers = {
  [C in InvokeChannel]: (...args: Args<C>) => ReturnType<BridgeApi[MethodFor<C>]>;
};

export class IpcRejected extends Error {
  constructor(reason: string) {
    super(`IPC geweigerd: ${reason}`);
    this.name = 'IpcRejected';
  }
}

/**
 * Every ipcMain.handle goes through here: (a) the sending frame must be our own UI, (b) the arguments must
 * parse with the channel's zod schema. Otherwise the call is rejected before the handler runs.
 */
export function registerHandlers(
  ipcMain: IpcMainLike,
  handlers: ChannelHandlers,
  isTrustedSender: (url: string | undefined) => boolean,
): void {
  for (const channel of Object.keys(IPC_SCHEMAS) as InvokeChannel[]) {
    const schema = IPC_SCHEMAS[channel];
    const handler = handlers[channel] as (...args: unknown[]) => Promise<unknown>;
    ipcMain.handle(channel, async (event, ...args) => {
      if (!isTrustedSender(event.senderFrame?.url)) throw new IpcRejected('onbekende afzender');
      const parsed = schema.safeParse(args);
      if (!parsed.success) throw new IpcRejected(`ongeldige argumenten voor ${channel}`);
      return handler(...(parsed.data as unknown[]));
    });
  }
}
