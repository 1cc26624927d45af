import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
// Zod 4 probes for `new Function` to speed up parsing; our CSP forbids eval, so the probe only raises a
// violation report. Parse without it in the browser (the schemas are small). Zod reads its settings from
// globalThis.__zod_globalConfig (shared by every copy of Zod); setting that here, rather than importing
// Zod for z.config, keeps Zod out of the pages that do not use it (the donate page's budget, issue 11).
const zodSettings = ((globalThis as { __zod_globalConfig?: { jitless?: boolean } }).__zod_globalConfig ??= {});
zodSettings.jitless = true;

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});
