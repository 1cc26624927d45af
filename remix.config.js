/** @type {import('@remix-run/dev').AppConfig} */
export default {
  serverModuleFormat: "esm",
  // csv-parse (reached by the reconcile page through app/domain/payroll/reconciliation.ts) uses Buffer at
  // module load; without this the page's module throws in the browser and clicking a link to it only reloads.
  browserNodeBuiltinsPolyfill: { modules: { buffer: true }, globals: { Buffer: true } },
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
};
