import type { MetaFunction } from "@remix-run/node";

export const meta: MetaFunction = () => [{ title: "Privacy notice – Helping Hands" }];

// Public page. No loader: nothing to guard.
export default function Privacy() {
  return (
    <article className="max-w-3xl space-y-4">
      <h1 className="text-3xl font-bold">Privacy notice</h1>
      <p>
        The council is the data controller for this service. We use your information to run staff and public giving for
        the children in our care and our care leavers, to decide and pay support, and to run the mentoring programme.
      </p>
      <h2 className="text-2xl font-bold">What we collect and why</h2>
      <ul className="list-disc space-y-1 pl-6">
        <li>Your name and email address, to sign you in and send you confirmations.</li>
        <li>For employees: payroll number and pay group, to set up the deductions you ask for.</li>
        <li>For young people: only what is needed to decide an application, seen only by the people who decide it.</li>
      </ul>
      <h2 className="text-2xl font-bold">Who can see it</h2>
      <p>
        Panel members see a reference and a first name at most. Every view of a young person's details is recorded.
        Figures we publish never identify a young person: small numbers are suppressed.
      </p>
      <h2 className="text-2xl font-bold">How long we keep it</h2>
      <p>
        We keep each kind of record only as long as we need it: for example sign-in codes for minutes, DBS certificate
        details for about 6 months, and Gift Aid records for 6 years after the accounting period, as HMRC requires.
      </p>
      <h2 className="text-2xl font-bold">Your rights</h2>
      <p>
        You can ask for a copy of your data, ask us to correct it, and in some cases ask us to erase it. Contact the
        council's data protection officer.
      </p>
    </article>
  );
}
