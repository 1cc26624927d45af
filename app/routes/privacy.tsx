import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "Privacy notice – Helping Hands" }];

// Public page. No loader: nothing to guard. Each notice is built from the data inventory (privacy_.$audience).
export default function Privacy() {
  return (
    <article className="max-w-3xl space-y-4">
      <h1 className="text-3xl font-bold">Privacy notice</h1>
      <p>
        The council is the data controller for this service. We use your information to run staff and public giving for the children in our care
        and our care leavers, to decide and pay support, to link volunteers with young people, and to run the mentoring programme.
      </p>
      <p>Choose the notice that is about you. Each one lists everything we hold about you, why, who can see it and how long we keep it.</p>
      <ul className="list-disc space-y-2 pl-6">
        <li>
          <Link to="/privacy/staff" className="underline">
            Council staff
          </Link>{" "}
          — employees who give, volunteer or mentor, panel members, finance, the programme coordinator, personal advisers and administrators
        </li>
        <li>
          <Link to="/privacy/donors" className="underline">
            People who give by card
          </Link>{" "}
          — including Gift Aid declarations
        </li>
        <li>
          <Link to="/privacy/young-people" className="underline">
            Young people
          </Link>{" "}
          — in plain English, for care leavers who apply for support, ask for a volunteer or join mentoring
        </li>
      </ul>
    </article>
  );
}
