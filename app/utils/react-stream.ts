// React 18's streaming renderer fills a 2,048-byte buffer with TextEncoder.encodeInto and, when a multi-byte
// character (—, “, emoji) does not fit at its end, flushes the whole buffer anyway: up to three unwritten
// zero bytes end that chunk (facebook/react#31134; fixed in React 19). A NUL is never valid in HTML text,
// and UTF-8 never ends a real character with 0x00, so dropping a chunk's trailing zeros is exact.

/** The chunk without the zero bytes React 18 may leave at its end (at most 3: a 4-byte character minus 1). */
export function withoutTrailingNuls(chunk: Uint8Array): Uint8Array {
  let end = chunk.length;
  while (end > 0 && chunk.length - end < 3 && chunk[end - 1] === 0) end--;
  return end === chunk.length ? chunk : chunk.subarray(0, end);
}

/**
 * Where renderToPipeableStream writes a page that is complete (its onAllReady has fired): the chunks,
 * kept in memory without those bytes, until React ends it. A plain object rather than a stream:
 * React listens for "drain", "error" and "close" on its destination and, on "close", aborts again,
 * which ends the already-ended stream once more and builds an error (with its stack) each time, about
 * a tenth of a page's render; this sink never emits, so none of that happens. Pages are small, and
 * the response gets one buffer instead of a chain of stream chunks.
 */
export function documentSink() {
  const chunks: Uint8Array[] = [];
  let onEnd: (() => void) | undefined;
  let ended = false;
  const destination = {
    write(chunk: Uint8Array | string) {
      chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : withoutTrailingNuls(chunk));
      return true;
    },
    end(chunk?: Uint8Array | string) {
      if (ended) return destination;
      if (chunk !== undefined) destination.write(chunk);
      ended = true;
      onEnd?.();
      return destination;
    },
    on() {
      return destination;
    },
  };
  const body = new Promise<Buffer>((resolve) => {
    onEnd = () => resolve(Buffer.concat(chunks));
    if (ended) onEnd();
  });
  return { destination: destination as unknown as NodeJS.WritableStream, body };
}
