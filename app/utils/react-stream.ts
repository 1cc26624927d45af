// React 18's streaming renderer fills a 2,048-byte buffer with TextEncoder.encodeInto and, when a multi-byte
// character (—, “, emoji) does not fit at its end, flushes the whole buffer anyway: up to three unwritten
// zero bytes end that chunk (facebook/react#31134; fixed in React 19). A NUL is never valid in HTML text,
// and UTF-8 never ends a real character with 0x00, so dropping a chunk's trailing zeros is exact.
import { Transform } from "node:stream";

/** The chunk without the zero bytes React 18 may leave at its end (at most 3: a 4-byte character minus 1). */
export function withoutTrailingNuls(chunk: Uint8Array): Uint8Array {
  let end = chunk.length;
  while (end > 0 && chunk.length - end < 3 && chunk[end - 1] === 0) end--;
  return end === chunk.length ? chunk : chunk.subarray(0, end);
}

/** A pass-through stream for renderToPipeableStream's output that drops those bytes. */
export const reactOutputStream = () =>
  new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, withoutTrailingNuls(chunk));
    },
  });
