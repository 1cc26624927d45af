// Shown on the applicant's pages when a follow-up is waiting: a link to answer it. Give it what
// followUpsDueFor(user.id) returns (app/services/follow-ups.server.ts); it shows nothing for none.
import { Link } from "@remix-run/react";

export function FollowUpBanner({ items }: { items: readonly { applicationId: string; reference: string }[] }) {
  if (!items.length) return null;
  return (
    <section aria-labelledby="follow-up-banner-title" className="mb-8 max-w-3xl border-4 border-brand p-4" data-testid="follow-up-banner">
      <h2 id="follow-up-banner-title" className="mb-2 text-xl font-bold">
        Tell us how the support helped
      </h2>
      <p className="mb-2">It takes about 2 minutes. Your answer helps the fund help other young people.</p>
      <ul className="list-disc pl-6">
        {items.map((i) => (
          <li key={i.applicationId}>
            <Link to={`/applications/${i.applicationId}/follow-up`} className="text-brand underline">
              Answer the follow-up for {i.reference}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
