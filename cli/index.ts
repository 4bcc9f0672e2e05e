import { runCli } from './main';

const code = await runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.env.INIT_CWD ?? process.cwd(),
  // Progress lines only on a terminal, never into a file or a pipe.
  ...(process.stdout.isTTY ? { progress: (t: string) => process.stdout.write(t) } : {}),
});
process.exitCode = code;
