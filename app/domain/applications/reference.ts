// Application references: "SA-" and six characters without look-alikes (no 0/O, 1/I/L), so they
// can be read out on the phone. The random source is passed in: the domain has no clock or crypto.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

export function applicationReference(randomInts: (count: number, below: number) => number[]): string {
  return `SA-${randomInts(6, ALPHABET.length)
    .map((i) => ALPHABET[i])
    .join("")}`;
}

export const APPLICATION_REFERENCE_PATTERN = /^SA-[2-9A-HJKMNP-Z]{6}$/;
