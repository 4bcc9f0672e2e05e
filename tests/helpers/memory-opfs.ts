/**
 * A small in-memory stand-in for the origin-private file system and Web Locks, enough for the browser bridge in
 * Node. The real ones are exercised by the e2e tests in Chromium. Writes through createWritable() only become
 * visible on close(), as in the real API.
 */
class MemFile {
  constructor(public bytes: Uint8Array = new Uint8Array()) {}
}

class MemFileHandle {
  readonly kind = 'file';
  constructor(
    readonly name: string,
    private readonly file: MemFile,
  ) {}
  async isSameEntry(other: unknown) {
    return other instanceof MemFileHandle && other.file === this.file;
  }
  async getFile() {
    const bytes = this.file.bytes;
    return {
      size: bytes.byteLength,
      arrayBuffer: async () => bytes.slice().buffer,
      text: async () => new TextDecoder().decode(bytes),
    };
  }
  async createWritable() {
    const chunks: Uint8Array[] = [];
    return {
      write: async (data: Uint8Array) => void chunks.push(data.slice()),
      close: async () => {
        const total = chunks.reduce((n, c) => n + c.byteLength, 0);
        const out = new Uint8Array(total);
        let o = 0;
        for (const c of chunks) {
          out.set(c, o);
          o += c.byteLength;
        }
        this.file.bytes = out;
      },
      abort: async () => void (chunks.length = 0),
    };
  }
}

class MemDirHandle {
  readonly kind = 'directory';
  private readonly entriesMap = new Map<string, MemDirHandle | MemFile>();
  constructor(readonly name: string) {}
  async getDirectoryHandle(name: string, opts: { create?: boolean } = {}): Promise<MemDirHandle> {
    const e = this.entriesMap.get(name);
    if (e instanceof MemDirHandle) return e;
    if (e || !opts.create) throw new DOMException('niet gevonden', 'NotFoundError');
    const d = new MemDirHandle(name);
    this.entriesMap.set(name, d);
    return d;
  }
  async getFileHandle(name: string, opts: { create?: boolean } = {}): Promise<MemFileHandle> {
    let e = this.entriesMap.get(name);
    if (e instanceof MemDirHandle) throw new DOMException('is een map', 'TypeMismatchError');
    if (!e) {
      if (!opts.create) throw new DOMException('niet gevonden', 'NotFoundError');
      e = new MemFile();
      this.entriesMap.set(name, e);
    }
    return new MemFileHandle(name, e);
  }
  async removeEntry(name: string) {
    if (!this.entriesMap.delete(name)) throw new DOMException('niet gevonden', 'NotFoundError');
  }
  async *keys() {
    yield* this.entriesMap.keys();
  }
  async *entries(): AsyncGenerator<[string, MemDirHandle | MemFileHandle]> {
    for (const [k, v] of this.entriesMap) yield [k, v instanceof MemDirHandle ? v : new MemFileHandle(k, v)];
  }
}

export function memoryOpfs(): FileSystemDirectoryHandle {
  return new MemDirHandle('') as unknown as FileSystemDirectoryHandle;
}

/** Web Locks with `ifAvailable`, shared between the bridges ("tabs") that get the same instance. */
export function memoryLocks(): Pick<LockManager, 'request'> {
  const held = new Set<string>();
  return {
    request: ((name: string, opts: { ifAvailable?: boolean }, cb: (lock: Lock | null) => unknown) => {
      if (held.has(name)) return Promise.resolve(cb(null));
      held.add(name);
      return Promise.resolve(cb({ name, mode: 'exclusive' } as Lock)).finally(() => held.delete(name));
    }) as LockManager['request'],
  };
}
