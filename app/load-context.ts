// What the Express server hands every loader and action (server/express.ts getLoadContext).
declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    requestId: string;
    /** the client's address (req.ip; set TRUST_PROXY behind a load balancer), for rate limits only: never logged */
    clientIp: string;
  }
}
export {};
