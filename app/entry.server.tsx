import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer, isRouteErrorResponse } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/components/nonce";
import { logger } from "~/utils/logger.server";
import { documentSink } from "~/utils/react-stream";
import { handleStripeWebhook } from "~/services/stripe-webhook.server";
import { databaseAnswers } from "~/services/health.server";

/** Endpoints that server/app.ts serves ahead of Remix (raw body, no page), from this same build. */
export const rawEndpoints = { stripeWebhook: handleStripeWebhook, health: databaseAnswers };
export type RawEndpoints = typeof rawEndpoints;

const ABORT_DELAY = 5_000;

// Pages are small: render the whole document before sending (simpler headers, no streaming edge cases).
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  return new Promise<Response>((resolve, reject) => {
    let failed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          // The whole page is ready: the abort timer is no longer needed (left running, every request
          // would keep its render alive for ABORT_DELAY and then abort a finished render).
          clearTimeout(timer);
          const { destination, body } = documentSink();
          pipe(destination);
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          body.then((html) => resolve(new Response(html as Uint8Array<ArrayBuffer>, { headers: responseHeaders, status: failed ? 500 : responseStatusCode })), reject);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          failed = true;
          logger.error({ err: error }, "render error");
        },
      },
    );
    timer = setTimeout(abort, ABORT_DELAY);
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  // Aborted requests and 4xx responses (e.g. an unknown URL) are not server errors.
  if (request.signal.aborted || isRouteErrorResponse(error)) return;
  logger.error({ err: error }, "unhandled server error");
}
