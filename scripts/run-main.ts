// The command-line entry of a script that is also imported (by tests, or other scripts): run `main` only
// when the file was started directly, and exit with its code; an error prints its message and exits 1.
import path from "node:path";
import { fileURLToPath } from "node:url";

export function runIfMain(moduleUrl: string, main: (args: string[]) => Promise<number>): void {
  if (!process.argv[1] || path.resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return;
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
