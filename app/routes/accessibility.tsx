import type { MetaFunction } from "@remix-run/node";

export const meta: MetaFunction = () => [{ title: "Accessibility statement – Helping Hands" }];

// Public page. No loader: nothing to guard.
export default function Accessibility() {
  return (
    <article className="max-w-3xl space-y-4">
      <h1 className="text-3xl font-bold">Accessibility statement</h1>
      <p>
        This service is run by the council. We want as many people as possible to be able to use it. You should be able
        to change colours and fonts, zoom in up to 400% without the text spilling off the screen, navigate the whole
        service using just a keyboard or speech recognition software, and listen to it using a screen reader.
      </p>
      <h2 className="text-2xl font-bold">How accessible this service is</h2>
      <p>
        We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 AA standard. Every page is checked
        automatically with axe in our tests, and every form works without JavaScript.
      </p>
      <h2 className="text-2xl font-bold">Reporting accessibility problems</h2>
      <p>
        If you find a problem, or need information in a different format, tell the programme coordinator. We will reply
        within 5 working days.
      </p>
      <h2 className="text-2xl font-bold">Enforcement procedure</h2>
      <p>
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites
        and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how we respond to your
        complaint, contact the Equality Advisory and Support Service (EASS).
      </p>
    </article>
  );
}
