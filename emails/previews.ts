// Every email template with made-up sample data, for the development preview at /dev/emails.
// A new template gets a line here so it can be read before it is ever sent.
import type { RenderedEmail } from "./layout";
import { signInCodeEmail } from "./sign-in-code";
import { pledgeChangeEmail } from "./pledge-change";
import { donationReceiptEmail } from "./donation-receipt";
import { refundNoticeEmail } from "./refund-notice";
import { applicationStatusEmail } from "./application-status";
import { followUpRequestEmail } from "./follow-up-request";
import { talentFeedbackRequestEmail } from "./talent-feedback-request";
import { talentLinkedVolunteerEmail } from "./talent-linked-volunteer";
import { talentLinkedYoungPersonEmail } from "./talent-linked-young-person";
import { safeguardingConcernEmail } from "./safeguarding-concern";
import { mentoringMatchedMentorEmail } from "./mentoring-matched-mentor";
import { mentoringMatchedYoungPersonEmail } from "./mentoring-matched-young-person";
import { mentoringRematchNeededEmail } from "./mentoring-rematch-needed";
import { impactDigestEmail } from "./impact-digest";

const SAMPLE_DAY = new Date("2026-11-20T10:30:00Z");

export const EMAIL_PREVIEWS: Record<string, { label: string; render: () => RenderedEmail }> = {
  "sign-in-code": { label: "Sign-in code", render: () => signInCodeEmail({ code: "493027", validityMinutes: 10 }) },
  "pledge-create": {
    label: "Regular gift from pay set up",
    render: () =>
      pledgeChangeEmail({
        firstName: "Alex",
        type: "create",
        amountPence: 1000,
        periodLabel: "November 2026",
        wording: "I authorise the council to take £10.00 from my pay each month for the Children in Our Care fund.",
        madeAt: "20 November 2026",
      }),
  },
  "pledge-pause": {
    label: "Regular gift from pay paused",
    render: () =>
      pledgeChangeEmail({ firstName: "Alex", type: "pause", amountPence: 1000, periodLabel: "December 2026", pauseUntil: new Date("2027-03-01T00:00:00Z"), madeAt: "20 November 2026" }),
  },
  "donation-receipt": {
    label: "Card gift receipt, with Gift Aid",
    render: () =>
      donationReceiptEmail({
        donorName: "Jo Bloggs",
        fundName: "Children in Our Care fund",
        campaignTitle: "A book for each child in our care",
        amountPence: 1000,
        paidAt: SAMPLE_DAY,
        reference: "HH-7K2M9Q",
        giftAid: true,
        cancelGiftAidUrl: "http://localhost:3000/gift-aid/cancel/sample?token=sample",
      }),
  },
  "donation-receipt-no-gift-aid": {
    label: "Card gift receipt, without Gift Aid",
    render: () =>
      donationReceiptEmail({
        donorName: "Jo Bloggs",
        fundName: "Children in Our Care fund",
        campaignTitle: null,
        amountPence: 2500,
        paidAt: SAMPLE_DAY,
        reference: "HH-3HX8RT",
        giftAid: false,
      }),
  },
  "refund-notice": {
    label: "Refund notice (part refund)",
    render: () =>
      refundNoticeEmail({ donorName: "Jo Bloggs", fundName: "Children in Our Care fund", reference: "HH-7K2M9Q", amountPence: 2500, refundedNowPence: 1000, refundedInAllPence: 1000 }),
  },
  "application-status": {
    label: "Support application: status changed",
    render: () =>
      applicationStatusEmail({
        firstName: "Jordan",
        reference: "SA-7K2M9Q",
        statusLabel: "With the panel",
        message: "The coordinator has checked your application and passed it to the panel. The panel meets on 3 December.",
        url: "http://localhost:3000/applications/sample",
      }),
  },
  "follow-up-request": {
    label: "Support application: how did it help? (follow-up)",
    render: () => followUpRequestEmail({ firstName: "Jordan", reference: "SA-7K2M9Q", url: "http://localhost:3000/applications/sample/follow-up" }),
  },
  "talent-linked-volunteer": {
    label: "Talent Network: linked with a young person (to the volunteer)",
    render: () =>
      talentLinkedVolunteerEmail({
        firstName: "Alex",
        youngPersonFirstName: "Jordan",
        help: "CV help, Interview practice",
        details: "I have an interview for an apprenticeship next month and my CV needs work.",
        when: ["Tuesday evening", "Saturday daytime"],
        where: "Online",
        hoursPerMonth: 2,
        groupName: null,
        url: "http://localhost:3000/giving-time/links/sample",
      }),
  },
  "talent-linked-young-person": {
    label: "Talent Network: linked with a volunteer (to the young person)",
    render: () =>
      talentLinkedYoungPersonEmail({
        firstName: "Jordan",
        forYoungPerson: null,
        volunteerFirstName: "Alex",
        groupName: null,
        offers: "CV help, Interview practice, Careers talks about working in libraries",
        hoursPerMonth: 2,
        url: "http://localhost:3000/help/sample",
      }),
  },
  "talent-linked-adviser": {
    label: "Talent Network: linked with a volunteer (to the personal adviser)",
    render: () =>
      talentLinkedYoungPersonEmail({
        firstName: "Aisha",
        forYoungPerson: "Jordan",
        volunteerFirstName: "Kim",
        groupName: "Central Library team",
        offers: "Design and making, Study support",
        hoursPerMonth: 4,
        url: "http://localhost:3000/help/sample",
      }),
  },
  "talent-feedback-request": {
    label: "Giving Time: how did it go? (link completed)",
    render: () => talentFeedbackRequestEmail({ firstName: "Alex", otherSide: "Jordan", side: "volunteer", url: "http://localhost:3000/giving-time/links/sample" }),
  },
  "safeguarding-concern": {
    label: "Mentoring: safeguarding concern (to the safeguarding lead)",
    render: () =>
      safeguardingConcernEmail({
        toCoordinators: false,
        mentorName: "Alex Morgan",
        mentorEmail: "alex.morgan@council.example",
        youngPersonName: "Jordan Reed",
        advisers: ["Aisha Khan (pa.khan@council.example)"],
        cohortName: "Autumn 2026",
        pairReference: "sample",
        raisedAt: "20 November 2026 at 10:30am",
        concern: "A made-up concern for the preview: at our session they said someone at home had been shouting at them and they did not want to go back.",
        url: "http://localhost:3000/mentoring/pairs/sample",
      }),
  },
  "mentoring-matched-mentor": {
    label: "Mentoring: paired with a young person (to the mentor)",
    render: () =>
      mentoringMatchedMentorEmail({
        firstName: "Alex",
        cohortName: "No limits, autumn 2026",
        youngPersonFirstName: "Jordan",
        interests: ["Music", "Gaming"],
        goals: ["Find work", "Manage money"],
        when: ["Tuesday evening", "Saturday daytime"],
        where: "In person, Darlington",
        url: "http://localhost:3000/mentoring/pairs/sample",
      }),
  },
  "mentoring-matched-young-person": {
    label: "Mentoring: paired with a mentor (to the young person)",
    render: () =>
      mentoringMatchedYoungPersonEmail({
        firstName: "Jordan",
        forYoungPerson: null,
        cohortName: "No limits, autumn 2026",
        mentorFirstName: "Alex",
        skills: ["CV help", "Interview practice"],
        interests: ["Music", "Sport and fitness"],
        where: "In person, Darlington",
        url: "http://localhost:3000/mentoring/pairs/sample",
      }),
  },
  "mentoring-matched-adviser": {
    label: "Mentoring: paired with a mentor (to the personal adviser)",
    render: () =>
      mentoringMatchedYoungPersonEmail({
        firstName: "Aisha",
        forYoungPerson: "Jordan",
        cohortName: "No limits, autumn 2026",
        mentorFirstName: "Alex",
        skills: ["CV help", "Interview practice"],
        interests: ["Music", "Sport and fitness"],
        where: "Online",
        url: "http://localhost:3000/mentoring/pairs/sample",
      }),
  },
  "mentoring-rematch-needed": {
    label: "Mentoring: a pair is not a good fit and needs re-matching (to the coordinator)",
    render: () =>
      mentoringRematchNeededEmail({
        firstName: "Chris",
        cohortName: "No limits, autumn 2026",
        mentorFirstName: "Alex",
        youngPersonFirstName: "Jordan",
        saidBy: "mentor",
        url: "http://localhost:3000/coordinator/mentoring/sample/matching",
      }),
  },
  "impact-digest": {
    label: "Monthly update on what the fund did (to staff who asked for it)",
    render: () =>
      impactDigestEmail({
        firstName: "Alex",
        monthLabel: "October 2026",
        money: { payrollPence: 412_500, cardPence: 86_000, giftAidPence: 12_500, spentPence: 265_000 },
        awards: {
          rows: [
            { label: "Education equipment", count: 6, amountPence: 180_000 },
            { label: "Driving lessons", count: "c", amountPence: "c" },
            { label: "Setting up home", count: "c", amountPence: "c" },
          ],
          total: { count: 9, amountPence: 265_000 },
        },
        time: { hours: 46.5, volunteers: 12 },
        mentoring: { pairs: 7, sessions: 18, hours: 21 },
        story: { title: "A laptop for college", body: "I could finally do my coursework at home instead of waiting for a library computer. I passed my first year." },
        threshold: 5,
        givingUrl: "http://localhost:3000/giving",
        donateUrl: "http://localhost:3000/donate",
        impactUrl: "http://localhost:3000/impact",
        unsubscribeUrl: "http://localhost:3000/digest/unsubscribe/sample?token=sample",
      }),
  },
};
