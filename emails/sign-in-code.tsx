// The email with a one-time sign-in code. The code is the first thing in it, in large type.
import { EmailLayout, Paragraph, renderEmailHtml, renderEmailText, SERVICE_NAME, type RenderedEmail } from "./layout";

export const SIGN_IN_CODE_TEMPLATE = "sign-in-code";

export function signInCodeEmail({ code, validityMinutes }: { code: string; validityMinutes: number }): RenderedEmail {
  const subject = `Your sign-in code for ${SERVICE_NAME}`;
  const lasts = `The code lasts ${validityMinutes} minutes and can be used once.`;
  const notYou =
    "If you did not ask for this code, you can ignore this email: nobody can sign in without the code. " +
    "Do not share it with anyone. If you keep getting these emails, tell the council's IT service desk.";
  const html = renderEmailHtml(
    <EmailLayout title={subject}>
      <Paragraph>Your sign-in code is:</Paragraph>
      <p style={{ margin: "0 0 20px 0", fontSize: "36px", fontWeight: "bold", letterSpacing: "4px" }}>{code}</p>
      <Paragraph>Enter it on the {SERVICE_NAME} sign-in page. {lasts}</Paragraph>
      <Paragraph>{notYou}</Paragraph>
    </EmailLayout>,
  );
  const text = renderEmailText([
    `Your sign-in code is: ${code}`,
    `Enter it on the ${SERVICE_NAME} sign-in page. ${lasts}`,
    notYou,
  ]);
  return { template: SIGN_IN_CODE_TEMPLATE, subject, html, text };
}
