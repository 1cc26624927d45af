// The hand-written parts of the privacy notices (who the controller is, rights, contact, complaints),
// one per audience, and the two ways of showing the inventory's rows: a table for staff and donors,
// and short cards for young people. The rows themselves come from docs/data-inventory.md.
import type { ReactNode } from "react";
import type { Audience } from "~/domain/privacy/inventory";
import { BASIS_NAMES, type NoticeSection } from "~/domain/privacy/notice";

export const NOTICE_TITLES: Record<Audience, string> = {
  staff: "Privacy notice for council staff",
  donor: "Privacy notice for people who give by card",
  young_person: "Privacy notice for young people",
};

type Names = { councilName: string; fundName: string };

const ICO = (
  <>
    the Information Commissioner's Office (ICO): <a className="underline" href="https://ico.org.uk/make-a-complaint/">ico.org.uk/make-a-complaint</a>, or
    call 0303 123 1113
  </>
);

function Intro({ audience, councilName, fundName }: { audience: Audience } & Names) {
  if (audience === "young_person") {
    return (
      <>
        <p>This page tells you what we keep about you, and why.</p>
        <p>
          {councilName} runs {fundName}. The law calls the council the “data controller”. That means the council is responsible for
          looking after your information.
        </p>
        <p>We only keep what we need. Some things are extra private, like having been in care. We take extra care with them.</p>
        <p>Panel members decide about money. They see your first name and a reference number. They never see your full name.</p>
        <p>Every time staff look at your details, the service writes it down.</p>
      </>
    );
  }
  return (
    <>
      <p>
        {councilName} is the data controller for {fundName}.{" "}
        {audience === "staff"
          ? "This notice is for council employees who give, volunteer or mentor, panel members, finance officers, the programme coordinator, personal advisers and administrators. It covers what this service holds about you; the council's staff privacy notice covers your employment."
          : "This notice is for people who give to the fund by card, and anyone who makes a Gift Aid declaration."}
      </p>
      {audience === "donor" ? (
        <p>
          Card payments are taken by Stripe, our payment provider: we never see or keep your card details. When we claim Gift Aid, HMRC receives
          your name, house name or number, postcode and the amount. We never sell your details or use them for marketing.
        </p>
      ) : (
        <p>
          Young people's details are shown only to the people who need them: the panel sees a reference and a first name at most. Every view of
          a young person's details and every export of personal data is recorded in an audit log that administrators can read.
        </p>
      )}
    </>
  );
}

function LegalTerms({ sections }: { sections: NoticeSection[] }) {
  const used = BASIS_NAMES.filter((b) => sections.some((s) => s.items.some((i) => i.basis.includes(b.code))));
  return (
    <>
      <h2 className="text-2xl font-bold">The legal terms we use</h2>
      <p>The lawful basis is the reason UK GDPR (article 6) allows us to use the information:</p>
      <ul className="list-disc space-y-1 pl-6">
        {used.map((b) => (
          <li key={b.code}>
            {b.code} {b.name}
          </li>
        ))}
      </ul>
      <p>
        Special category data (article 9, which we also use for care history) and criminal offence data (article 10: DBS checks) need a further
        condition. We rely on the Data Protection Act 2018, Schedule 1, paragraph 6 (statutory purposes) and paragraph 18 (safeguarding of
        children and of individuals at risk).
      </p>
    </>
  );
}

function Rights({ audience }: { audience: Audience }) {
  if (audience === "young_person") {
    return (
      <>
        <h2 className="text-2xl font-bold">What you can ask us to do</h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>You can ask for a copy of everything we keep about you. We will send it within one month.</li>
          <li>You can ask us to fix anything that is wrong.</li>
          <li>You can ask us to delete your information. We may have to keep some money records. If so, we take your name off them.</li>
          <li>You can change your mind about anything you said yes to.</li>
        </ul>
        <p>Your personal adviser can help you ask. You can also ask the council's data protection officer.</p>
        <h2 className="text-2xl font-bold">If you are not happy</h2>
        <p>Tell us first, and we will try to put it right.</p>
        <p>You can also complain to {ICO}. The ICO makes sure organisations follow the law about information.</p>
      </>
    );
  }
  return (
    <>
      <h2 className="text-2xl font-bold">Your rights</h2>
      <p>
        You can ask for a copy of everything we hold about you (a subject access request: we answer within one month), ask us to correct it,
        object to or restrict how we use it, and ask us to erase it. Erasure removes your name and contact details everywhere; money records stay
        so the fund's accounts still balance, made anonymous, and records the law requires (such as Gift Aid records for HMRC) are kept until
        their period ends — we tell you which, and until when. Where we rely on your consent
        {audience === "staff" ? " (for example the monthly update, which every email lets you stop)" : ""}, you can withdraw it at any time.
      </p>
      <p>To use any of these rights, contact the council's data protection officer, or an administrator of this service.</p>
      <h2 className="text-2xl font-bold">Complaints</h2>
      <p>If you are unhappy with how we have used your information, tell us first. You can also complain to {ICO}.</p>
    </>
  );
}

function Table({ section, audience }: { section: NoticeSection; audience: Audience }) {
  return (
    <table className="mb-6 w-full border-collapse text-left text-sm">
      <caption className="sr-only">{section.title}</caption>
      <thead>
        <tr className="border-b-2 border-black">
          {["What we hold", "Why", "Lawful basis", "Who can see it", "How long we keep it"].map((h) => (
            <th key={h} scope="col" className="p-2 align-bottom">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {section.items.map((item) => (
          <tr key={item.data + item.purpose} className="border-b border-gray-400 align-top" data-audience={audience}>
            <th scope="row" className="p-2 font-normal">
              {item.data}
            </th>
            <td className="p-2">{item.purpose}</td>
            <td className="p-2">{item.basis}</td>
            <td className="p-2">{item.who}</td>
            <td className="p-2">{item.retention}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Cards({ section }: { section: NoticeSection }) {
  return (
    <ul className="mb-6 space-y-4">
      {section.items.map((item) => (
        <li key={item.data + item.purpose} className="border-l-4 border-brand pl-4">
          <h4 className="font-bold">{item.data}</h4>
          <dl className="grid gap-x-4 sm:grid-cols-[12rem_1fr]">
            <Pair term="Why we need it">{item.purpose}</Pair>
            <Pair term="Why we are allowed to">{item.basis}</Pair>
            <Pair term="Who can see it">{item.who}</Pair>
            <Pair term="How long we keep it">{item.retention}</Pair>
          </dl>
        </li>
      ))}
    </ul>
  );
}

const Pair = ({ term, children }: { term: string; children: ReactNode }) => (
  <>
    <dt className="font-bold">{term}</dt>
    <dd className="mb-1">{children}</dd>
  </>
);

export function PrivacyNotice({ audience, councilName, fundName, sections }: { audience: Audience; sections: NoticeSection[] } & Names) {
  const young = audience === "young_person";
  return (
    <article className="max-w-5xl space-y-4">
      <h1 className="text-3xl font-bold">{NOTICE_TITLES[audience]}</h1>
      <Intro audience={audience} councilName={councilName} fundName={fundName} />
      <h2 className="text-2xl font-bold">{young ? "What we keep about you" : "What we hold about you"}</h2>
      {young ? (
        <p>For each thing, we say why we need it and who can see it. We also say why the law lets us keep it, and for how long.</p>
      ) : null}
      {sections.map((section) => (
        <section key={section.model} aria-labelledby={`s-${section.model}`} data-testid="notice-section">
          <h3 id={`s-${section.model}`} className="mb-2 text-xl font-bold">
            {section.title}
          </h3>
          {young ? <Cards section={section} /> : <Table section={section} audience={audience} />}
        </section>
      ))}
      {young ? null : <LegalTerms sections={sections} />}
      <Rights audience={audience} />
    </article>
  );
}
