// A minimal Remix server build, run by Remix's own request handler (the CommonJS build that patch-package
// patches and the app's server loads): for tests of Remix's request handling and of our patches to it.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

type RouteFunction = (args: { request: Request }) => unknown;
/** `component: false`: a resource route (no default export). */
export type TestRoute = { id: string; parentId?: string; path: string; loader?: RouteFunction; action?: RouteFunction; component?: boolean };
type DocumentRenderer = (request: Request, status: number, headers: Headers, context: { staticHandlerContext: { loaderData: Record<string, unknown> } }) => Promise<Response>;

export function remixHandler(routes: TestRoute[], renderDocument: DocumentRenderer = async () => new Response("document")) {
  const { createRequestHandler } = require("@remix-run/server-runtime") as typeof import("@remix-run/server-runtime");
  const build = {
    mode: "production",
    entry: { module: { default: renderDocument } },
    routes: Object.fromEntries(
      routes.map((r) => [r.id, { id: r.id, parentId: r.parentId, path: r.path, module: { ...(r.component === false ? {} : { default: () => null }), loader: r.loader, action: r.action } }]),
    ),
    assets: {
      entry: { module: "/entry.js", imports: [] },
      routes: Object.fromEntries(
        routes.map((r) => [r.id, { id: r.id, parentId: r.parentId, path: r.path, module: `/${r.id}.js`, hasLoader: Boolean(r.loader), hasAction: Boolean(r.action) }]),
      ),
      url: "/manifest.js",
      version: "1",
    },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: {},
    isSpaMode: false,
  };
  return createRequestHandler(build as never, "production");
}
