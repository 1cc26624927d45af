/** @type {import('@remix-run/dev').AppConfig} */
export default {
  serverModuleFormat: "esm",
  // No Node polyfills for the browser: csv-parse (which needs Buffer) stays on the server because it is only
  // imported by app/domain/payroll/csv-records.ts, and package.json's "sideEffects" lets the bundler drop
  // modules a page does not use (issue 11: the donate page's JavaScript budget).
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
};
