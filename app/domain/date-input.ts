// The GOV.UK date input (day, month and year typed in three boxes) read into a day key, with the
// GOV.UK messages: empty, missing parts, not a real date. Every date form in app/domain uses it.

export type DateParts = { day?: string; month?: string; year?: string };

export type DateInputMessages = {
  /** how the date is named at the start of a sentence, e.g. "The start date" */
  label: string;
  /** the message when all three boxes are empty (default "Enter <label>") */
  empty?: string;
  /** an example of a real date for the message, e.g. "6 4 2026" */
  example: string;
};

/** Three boxes → "YYYY-MM-DD", or the message to show. `null` when all are empty and `allowEmpty`. */
export function parseDateInput(parts: DateParts, messages: DateInputMessages): { key: string } | { error: string };
export function parseDateInput(parts: DateParts, messages: DateInputMessages, allowEmpty: true): { key: string } | { error: string } | null;
export function parseDateInput(parts: DateParts, messages: DateInputMessages, allowEmpty = false): { key: string } | { error: string } | null {
  const day = (parts.day ?? "").trim();
  const month = (parts.month ?? "").trim();
  const year = (parts.year ?? "").trim();
  const { label } = messages;
  if (!day && !month && !year) return allowEmpty ? null : { error: messages.empty ?? `Enter ${label.toLowerCase()}` };
  const missing = [!day && "day", !month && "month", !year && "year"].filter(Boolean);
  if (missing.length) return { error: `${label} must include a ${missing.join(" and a ")}` };
  const real = `${label} must be a real date, like ${messages.example}`;
  if (![day, month, year].every((v) => /^\d+$/.test(v)) || year.length !== 4) return { error: real };
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return { error: real };
  return { key: `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` };
}
