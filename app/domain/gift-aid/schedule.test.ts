import { describe, expect, it } from "vitest";
import {
  AGGREGATE_LINE_MAX_PENCE,
  SCHEDULE_COLUMNS,
  aggregateDescription,
  aggregateSmallGifts,
  scheduleAmount,
  scheduleDate,
  scheduleFirstName,
  scheduleLastName,
  scheduleLines,
  schedulePostcode,
  scheduleRecord,
  scheduleTitle,
  withinDays,
  firstSheet,
  ROWS_PER_SHEET,
  type ScheduleGift,
  type ScheduleLine,
} from "./schedule";

const donor = { title: "Mrs", firstName: "Ann", lastName: "Smith-Jones", houseNameOrNumber: "12", postcode: "sw1a1aa" };
let n = 0;
const g = (amountPence: number, paidAt: string): ScheduleGift => ({ id: `g${++n}`, reference: `HH-${String(n).padStart(4, "0")}`, amountPence, paidAt: new Date(paidAt), donor });

describe("field rules", () => {
  it.each([
    [null, ""],
    ["Mrs", "Mrs"],
    ["Prof.", "Prof"],
  ])("title %j → %j", (input, expected) => expect(scheduleTitle(input)).toBe(expected));

  it.each([
    ["Smith-Jones", "Smith Jones"],
    ["O'Neil-Smith-Brown", "O'Neil Smith Brown"],
    ["  de  la Cruz ", "de la Cruz"],
    ["A".repeat(40), "A".repeat(35)],
    [`${"B".repeat(34)}-C`, `${"B".repeat(34)}`],
  ])("last name %j → %j", (input, expected) => expect(scheduleLastName(input)).toBe(expected));

  it.each([
    ["Ann-Marie", "Ann-Marie"],
    ["X".repeat(36), "X".repeat(35)],
  ])("first name %j → %j", (input, expected) => expect(scheduleFirstName(input)).toBe(expected));

  it.each([
    ["sw1a1aa", "SW1A 1AA"],
    ["m1  1ae", "M1 1AE"],
    ["B33 8TH", "B33 8TH"],
  ])("postcode %j → %j", (input, expected) => expect(schedulePostcode(input)).toBe(expected));

  it.each([
    ["2026-05-01T09:00:00Z", "01/05/26"],
    // 23:30 UTC in summer is already the next day in the UK
    ["2026-06-30T23:30:00Z", "01/07/26"],
    // in winter the UK is on UTC
    ["2026-12-31T23:30:00Z", "31/12/26"],
    ["2030-01-09T00:00:00Z", "09/01/30"],
  ])("date %s → %s", (input, expected) => expect(scheduleDate(new Date(input))).toBe(expected));

  it.each([
    [1, "0.01"],
    [1000, "10.00"],
    [1050, "10.50"],
    [123456, "1234.56"],
    [100000, "1000.00"],
  ])("amount %d pence → %s", (input, expected) => expect(scheduleAmount(input)).toBe(expected));

  it.each([0, -100, 1.5])("amount %d is refused", (input) => expect(() => scheduleAmount(input)).toThrow(RangeError));

  it("a donor line has the nine columns, empty cells not 0", () => {
    expect(SCHEDULE_COLUMNS).toHaveLength(9);
    expect(scheduleRecord({ kind: "donor", donor, date: new Date("2026-05-01T09:00:00Z"), amountPence: 2500, donationIds: ["x"] })).toEqual([
      "Mrs",
      "Ann",
      "Smith Jones",
      "12",
      "SW1A 1AA",
      "",
      "",
      "01/05/26",
      "25.00",
    ]);
  });

  it("an aggregated line has a description and no donor details", () => {
    const record = scheduleRecord({ kind: "aggregate", description: "Card gifts 01/05/26 to 31/05/26", date: new Date("2026-05-31T12:00:00Z"), amountPence: 9000, donationIds: ["a", "b"] });
    expect(record).toEqual(["", "", "", "", "", "Card gifts 01/05/26 to 31/05/26", "", "31/05/26", "90.00"]);
  });
});

describe("aggregating small gifts", () => {
  it("describes a line in 35 characters or fewer", () => {
    expect(aggregateDescription(new Date("2026-05-01T10:00:00Z"), new Date("2026-05-31T10:00:00Z"))).toBe("Card gifts 01/05/26 to 31/05/26");
    expect(aggregateDescription(new Date("2026-05-01T10:00:00Z"), new Date("2026-05-01T11:00:00Z"))).toBe("Card gifts 01/05/26");
    expect(aggregateDescription(new Date("2026-05-01T10:00:00Z"), new Date("2026-05-31T10:00:00Z")).length).toBeLessThanOrEqual(35);
  });

  it("gifts of £30 or less are aggregated; bigger ones are listed", () => {
    const gifts = [g(3000, "2026-05-01T10:00:00Z"), g(3001, "2026-05-02T10:00:00Z"), g(500, "2026-05-03T10:00:00Z")];
    const { lines, rest } = aggregateSmallGifts(gifts);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ kind: "aggregate", amountPence: 3500, donationIds: [gifts[0].id, gifts[2].id] });
    expect(lines[0].date.toISOString()).toBe("2026-05-03T10:00:00.000Z");
    expect(rest.map((r) => r.id)).toEqual([gifts[1].id]);
  });

  it("a line never goes over £1,000", () => {
    // 40 gifts of £30 = £1,200 → a £990 line (33 gifts) and a £210 line (7 gifts)
    const gifts = Array.from({ length: 40 }, (_, i) => g(3000, `2026-05-01T10:${String(i).padStart(2, "0")}:00Z`));
    const { lines, rest } = aggregateSmallGifts(gifts);
    expect(rest).toEqual([]);
    expect(lines.map((l) => l.amountPence)).toEqual([99000, 21000]);
    expect(lines.every((l) => l.amountPence <= AGGREGATE_LINE_MAX_PENCE)).toBe(true);
    expect(lines.flatMap((l) => l.donationIds)).toHaveLength(40);
  });

  it("exactly £1,000 fits on one line", () => {
    const gifts = Array.from({ length: 50 }, (_, i) => g(2000, `2026-05-02T10:${String(i).padStart(2, "0")}:00Z`));
    expect(aggregateSmallGifts(gifts).lines.map((l) => l.amountPence)).toEqual([100000]);
  });

  it("without aggregation every gift is its own line, in date order", () => {
    const gifts = [g(500, "2026-05-03T10:00:00Z"), g(500, "2026-05-01T10:00:00Z")];
    const lines = scheduleLines(gifts, { aggregate: false });
    expect(lines.map((l) => l.donationIds[0])).toEqual([gifts[1].id, gifts[0].id]);
    expect(lines.every((l) => l.kind === "donor")).toBe(true);
  });

  it("with aggregation the total is unchanged", () => {
    const gifts = [g(500, "2026-05-03T10:00:00Z"), g(5000, "2026-05-01T10:00:00Z"), g(1500, "2026-05-02T10:00:00Z")];
    const lines = scheduleLines(gifts, { aggregate: true });
    expect(lines.reduce((t, l) => t + l.amountPence, 0)).toBe(7000);
    expect(lines.map((l) => l.kind)).toEqual(["donor", "aggregate"]);
  });
});

describe("withinDays", () => {
  it.each([
    ["2026-05-01T00:00:00Z", true],
    ["2026-04-30T23:30:00Z", true], // 1 May 00:30 in the UK
    ["2026-04-30T22:59:00Z", false],
    ["2026-05-31T22:59:00Z", true],
    ["2026-05-31T23:00:00Z", false], // 1 June in the UK
  ])("%s in 1–31 May 2026: %s", (at, expected) => expect(withinDays(new Date(at), "2026-05-01", "2026-05-31")).toBe(expected));
});

describe("firstSheet", () => {
  const line = (i: number): ScheduleLine => ({ kind: "aggregate", description: `line ${i}`, date: new Date(0), amountPence: 100, donationIds: [`d${i}`] });
  it("keeps a schedule that fits whole", () => {
    const lines = Array.from({ length: ROWS_PER_SHEET }, (_, i) => line(i));
    expect(firstSheet(lines)).toEqual({ sheet: lines, rest: [] });
  });
  it("puts row 1,001 onwards on the next sheet, losing none", () => {
    const lines = Array.from({ length: ROWS_PER_SHEET + 2 }, (_, i) => line(i));
    const { sheet, rest } = firstSheet(lines);
    expect(sheet).toHaveLength(ROWS_PER_SHEET);
    expect(rest.map((l) => l.donationIds[0])).toEqual([`d${ROWS_PER_SHEET}`, `d${ROWS_PER_SHEET + 1}`]);
  });
});
