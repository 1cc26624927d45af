// The coordinator's terms of reference: the version in force and every earlier one (none is ever edited).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TermsDetails } from "~/components/application-ui";
import { termsVersions } from "~/services/terms.server";
import { requireRole } from "~/utils/auth.server";
import { formatWhen } from "~/components/application-ui";

export const meta: MetaFunction = () => [{ title: "Terms of reference – Helping Hands" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["coordinator"]);
  return { versions: await termsVersions() };
}

export default function CoordinatorTerms() {
  const { versions } = useLoaderData<typeof loader>();
  const [current, ...earlier] = versions;
  return (
    <div className="max-w-3xl">
      <h1 className="mb-4 text-3xl font-bold">Terms of reference</h1>
      <p className="mb-4">
        The terms say what the fund pays for and how the panel decides. Publishing makes a new version: earlier versions are kept, and each decision
        records the version it was made under.
      </p>
      <p className="mb-8">
        <Link to="/coordinator/terms/new" className="inline-block bg-success px-4 py-2 font-bold text-white no-underline">
          Publish a new version
        </Link>
      </p>
      {current ? (
        <section aria-labelledby="current-heading" className="mb-8" data-testid="current-terms">
          <h2 id="current-heading" className="mb-2 text-2xl font-bold">
            In force: version {current.version}
          </h2>
          <p className="mb-4 text-gray-700">
            Published {formatWhen(current.publishedAt)} by {current.publishedBy}
          </p>
          <TermsDetails terms={current} headingLevel={3} showCriteria />
        </section>
      ) : (
        <p className="mb-8">No terms have been published yet, so nobody can apply.</p>
      )}
      {earlier.length ? (
        <section aria-labelledby="earlier-heading">
          <h2 id="earlier-heading" className="mb-4 text-2xl font-bold">
            Earlier versions
          </h2>
          {earlier.map((t) => (
            <details key={t.id} className="mb-4 border-l-4 border-gray-300 pl-4">
              <summary className="cursor-pointer text-brand underline">
                Version {t.version}, published {formatWhen(t.publishedAt)} by {t.publishedBy}
              </summary>
              <div className="mt-4">
                <TermsDetails terms={t} headingLevel={3} showCriteria />
              </div>
            </details>
          ))}
        </section>
      ) : null}
    </div>
  );
}
