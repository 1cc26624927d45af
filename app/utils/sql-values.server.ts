// Values from plain SQL ($queryRaw): a DateTime column comes back as a Date on both databases, but a
// computed one may come back as text, so the hot-page readers take either.

/** A DateTime column's value as a Date. */
export const asDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));
