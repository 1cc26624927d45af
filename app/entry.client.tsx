import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { z } from "zod";

// Zod 4 probes for `new Function` to speed up parsing; our CSP forbids eval, so the probe only raises a
// violation report. Parse without it in the browser (the schemas are small).
z.config({ jitless: true });

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});
