// oidc-provider ships no types (they live on DefinitelyTyped, not installed): the little the test provider uses.
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  type Account = { accountId: string; claims: (use: string, scope: string) => Promise<Record<string, unknown>> | Record<string, unknown> };
  type Grant = { addOIDCScope(scope: string): void; save(): Promise<string> };
  type Context = { oidc: { client: { clientId: string }; session: { accountId?: string }; provider: Provider } };

  export class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    Grant: new (properties: { clientId: string; accountId?: string }) => Grant;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }
  export type { Account, Context, Grant };
  export default Provider;
}
