// The privacy notices are built from docs/data-inventory.md when they are requested (issue 10), so the
// notice and the inventory the completeness test checks can never disagree. The file is read from the
// working directory, as the server finds build/ (server.ts); it is parsed again only when it changes.
import fs from "node:fs";
import path from "node:path";
import { parseInventory, type Audience, type Inventory } from "~/domain/privacy/inventory";
import { buildNotice, type NoticeSection } from "~/domain/privacy/notice";
import { getSettings } from "~/services/settings.server";

export const INVENTORY_PATH = path.resolve("docs/data-inventory.md");

let cached: { mtimeMs: number; inventory: Inventory } | null = null;

export function loadInventory(): Inventory {
  const { mtimeMs } = fs.statSync(INVENTORY_PATH);
  if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, inventory: parseInventory(fs.readFileSync(INVENTORY_PATH, "utf8")) };
  return cached.inventory;
}

/** The notice's sections, with retention periods as the council has set them, and the council's name. */
export async function privacyNotice(audience: Audience): Promise<{ councilName: string | null; fundName: string | null; sections: NoticeSection[] }> {
  const settings = await getSettings();
  return { councilName: settings?.councilName ?? null, fundName: settings?.fundName ?? null, sections: buildNotice(loadInventory(), audience, settings) };
}
