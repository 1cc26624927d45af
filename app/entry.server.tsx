import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer, isRouteErrorResponse } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { NonceProvider } from "~/components/nonce";
import { PureMarkupProvider } from "~/components/pure-markup";
import { createMarkupCache } from "~/utils/markup-cache.server";
import { loadEnv } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { handleStripeWebhook } from "~/services/stripe-webhook.server";
import { databaseAnswers } from "~/services/health.server";

/** Endpoints that server/app.ts serves ahead of Remix (raw body, no page), from this same build. */
export const rawEndpoints = { stripeWebhook: handleStripeWebhook, health: databaseAnswers };
export type RawEndpoints = typeof rawEndpoints;

/**
 * Long plain stretches of pages (<PureMarkup>), rendered once per distinct data by this process; outside
 * production every use is checked against a fresh render.
 */
const pureMarkup = createMarkupCache(renderToString, { verify: () => !loadEnv().isProduction });

// Pages are small, complete documents (no deferred data, no Suspense): rendered to one string and sent
// whole. The streaming renderer cost more per page (a stream, its listeners and an abort timer, every
// chunk encoded separately) for nothing a page uses (docs/decisions/0025-pages-rendered-to-a-string.md).
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  let html: string;
  try {
    html = renderToString(
      <NonceProvider value={nonce}>
        <PureMarkupProvider value={pureMarkup}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} />
        </PureMarkupProvider>
      </NonceProvider>,
    );
  } catch (error) {
    // Remix renders the error page in its place.
    logger.error({ err: error, requestId: loadContext.requestId }, "render error");
    return Promise.reject(error);
  }
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  // Sent as UTF-8 bytes: a string body is first checked for lone surrogates by undici (toUSVString), a whole
  // extra pass over any page with a character beyond Latin-1 (a £ or an en dash: nearly every page).
  return new Response(Buffer.from(`<!DOCTYPE html>${html}`, "utf8"), { headers: responseHeaders, status: responseStatusCode });
}

export function handleError(error: unknown, { request, context }: { request: Request; context: AppLoadContext }) {
  // Aborted requests and 4xx responses (e.g. an unknown URL) are not server errors.
  if (request.signal.aborted || isRouteErrorResponse(error)) return;
  logger.error({ err: error, requestId: context.requestId }, "unhandled server error");
}
