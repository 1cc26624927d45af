// The support fund, for everyone: what it pays for and what it does not, the most per award, when the
// panel decides, and what we hope young people give back (the terms of reference in force).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TermsDetails, formatDay } from "~/components/application-ui";
import { currentTermsView } from "~/services/terms.server";
import { getOptionalUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "The support fund – Helping Hands" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const [terms, user] = await Promise.all([currentTermsView(), getOptionalUser(request)]);
  const canApply = Boolean(user?.roles.some((r) => r === "young_person" || r === "personal_adviser"));
  return { terms, canApply };
}

export default function Support() {
  const { terms, canApply } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-3xl">
      <h1 className="mb-4 text-3xl font-bold">The support fund</h1>
      <p className="mb-4">
        The Helping Hands Fund is given by council staff and the public. It helps young people leaving the council's care (aged 16 to 25) with
        things that make a real difference to their education, work and home.
      </p>
      <p className="mb-6">
        A young person can apply themselves, or with their personal adviser. A panel of council staff decides. The panel sees a reference and a first
        name only.
      </p>
      {canApply ? (
        <p className="mb-8">
          <Link to="/applications" className="inline-block bg-success px-4 py-2 font-bold text-white no-underline">
            Apply for support
          </Link>
        </p>
      ) : (
        <p className="mb-8">Young people and personal advisers sign in to apply.</p>
      )}
      {terms ? (
        <section aria-labelledby="terms-heading" data-testid="terms">
          <h2 id="terms-heading" className="mb-2 text-2xl font-bold">
            Terms of reference
          </h2>
          <p className="mb-4 text-gray-700">
            Version {terms.version}, published {formatDay(terms.publishedAt)}
          </p>
          <TermsDetails terms={terms} headingLevel={3} showCriteria />
        </section>
      ) : (
        <p>The fund's terms of reference have not been published yet.</p>
      )}
    </div>
  );
}
