// What the Express server hands every loader and action (server/express.ts getLoadContext).
declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    requestId: string;
  }
}
export {};
