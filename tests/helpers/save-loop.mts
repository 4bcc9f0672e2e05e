/**
 * Child process for the kill-mid-save test: saves A, B, A, B, … to the target through the real atomic save
 * until it is killed. Each version is a distinct, self-checking pattern (first byte says which).
 */
import { atomicWrite } from '../../node/atomic-write';
import { nodeFs } from '../../node/fs';

const target = process.argv[2]!;
const size = Number(process.argv[3] ?? 8 * 1024 * 1024);
const A = new Uint8Array(size).fill(0xaa);
const B = new Uint8Array(size + 4096).fill(0xbb);
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  await atomicWrite(nodeFs, target, i % 2 ? A : B);
  if (i === 0) process.stdout.write('saved\n');
}
