// The building blocks every form schema in app/domain uses: posted text trimmed, required/optional
// text with length limits, checkbox lists, yes/no radios, and JSON-array columns read back safely.
import { z } from "zod";

/** A posted text field, trimmed; a missing field (or a file) is "". preprocess, so a missing key still runs it. */
export const text = z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string());

export const requiredText = (empty: string, max: number, tooLong: string) => text.pipe(z.string().min(1, empty).max(max, tooLong));
export const optionalText = (max: number, tooLong: string) => text.pipe(z.string().max(max, tooLong));

/** A group of checkboxes: no value, one value or several → a list of strings. */
export const checkboxList = z.preprocess((v) => (Array.isArray(v) ? v : typeof v === "string" ? [v] : []), z.array(z.string()));

/** A yes/no radio pair → a boolean. */
export const yesNo = (message: string) => text.refine((v) => v === "yes" || v === "no", message).transform((v) => v === "yes");

/** A JSON-array column → its strings ([] when empty or broken: never shown raw). */
export function storedStrings(value: string | null | undefined): string[] {
  if (!value) return [];
  try {
    const parsed = z.array(z.string()).safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
