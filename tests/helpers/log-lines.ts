// A pino destination that keeps each JSON line written to it, parsed, for tests of what gets logged.
import { Writable } from "node:stream";

export function logLines() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, sink };
}
