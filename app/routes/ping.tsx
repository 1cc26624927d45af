import type { MetaFunction } from "@remix-run/node";

export const meta: MetaFunction = () => [{ title: "Ping – Helping Hands" }];

// The page benchmark's baseline (bench/pages.bench.ts): a constant sentence rendered through the same stack
// as every page (Express, the root loader and layout, Remix's routing and rendering) with nothing of its own
// to load, so each page's throughput can be read as a share of what the stack itself allows. Public; no loader.
export default function Ping() {
  return <p>Helping Hands is running.</p>;
}
