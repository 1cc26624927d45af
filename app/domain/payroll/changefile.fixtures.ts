// A small, fixed pay group for tests (unit, golden files, integration): every kind of change file row.
// Monthly group, file for December 2026 against November 2026:
//   E1001 Ada      NEW    £10 from December
//   E1002 Ben      CHANGE £5 → £15 from December
//   E1003 Cara     STOP   £8 (stopped from December)
//   E1004 Dev      STOP   £20 (paused from December until February 2027: NEW again in February)
//   E1005 Zoë      no change (£12 since October): full file only; her surname needs CSV quoting
//   E1006 Finn     no change in December (£6), a stop already scheduled from February 2027 (end date)
//   E1007 Gus      nothing (stopped in October, before the previous period): in no file
import type { PledgeChangeLike } from "~/domain/pledges/pledge";
import type { EmployeeHistory, FilePeriod } from "./changefile";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const made = (iso: string) => new Date(`${iso}T09:00:00Z`);

export const FIXTURE_PERIODS = {
  october: { label: "October 2026", startsOn: d("2026-10-01"), endsOn: d("2026-10-31") },
  november: { label: "November 2026", startsOn: d("2026-11-01"), endsOn: d("2026-11-30") },
  december: { label: "December 2026", startsOn: d("2026-12-01"), endsOn: d("2026-12-31") },
  january: { label: "January 2027", startsOn: d("2027-01-01"), endsOn: d("2027-01-31") },
  february: { label: "February 2027", startsOn: d("2027-02-01"), endsOn: d("2027-02-28") },
};

export type FixtureEmployee = { payrollNumber: string; firstName: string; lastName: string; department: string; pledges: PledgeChangeLike[][] };

const c = (type: PledgeChangeLike["type"], amountPence: number, from: string, at: string, pauseUntil?: string): PledgeChangeLike => ({
  type,
  amountPence,
  effectiveFrom: d(from),
  createdAt: made(at),
  pauseUntil: pauseUntil ? d(pauseUntil) : null,
});

export const FIXTURE_EMPLOYEES: FixtureEmployee[] = [
  { payrollNumber: "E1001", firstName: "Ada", lastName: "Lovelace", department: "Finance", pledges: [[c("create", 1000, "2026-12-01", "2026-11-20")]] },
  {
    payrollNumber: "E1002",
    firstName: "Ben",
    lastName: "Okafor",
    department: "Libraries",
    pledges: [[c("create", 500, "2026-10-01", "2026-09-20"), c("amend", 1500, "2026-12-01", "2026-11-15")]],
  },
  {
    payrollNumber: "E1003",
    firstName: "Cara",
    lastName: "Nguyen",
    department: "Highways",
    pledges: [[c("create", 800, "2026-10-01", "2026-09-21"), c("stop", 800, "2026-12-01", "2026-11-12")]],
  },
  {
    payrollNumber: "E1004",
    firstName: "Dev",
    lastName: "Patel",
    department: "HR",
    pledges: [[c("create", 2000, "2026-10-01", "2026-09-22"), c("pause", 2000, "2026-12-01", "2026-11-13", "2027-02-01")]],
  },
  { payrollNumber: "E1005", firstName: "Zoë", lastName: "O'Brien, Jr", department: "Planning", pledges: [[c("create", 1200, "2026-10-01", "2026-09-23")]] },
  {
    payrollNumber: "E1006",
    firstName: "Finn",
    lastName: "Doyle",
    department: "Finance",
    pledges: [[c("create", 600, "2026-10-01", "2026-09-24"), c("stop", 600, "2027-02-01", "2026-11-18")]],
  },
  {
    payrollNumber: "E1007",
    firstName: "Gus",
    lastName: "Hale",
    department: "HR",
    pledges: [[c("create", 300, "2026-09-01", "2026-08-20"), c("stop", 300, "2026-10-01", "2026-09-05")]],
  },
];

export function fixtureHistories(): EmployeeHistory[] {
  return FIXTURE_EMPLOYEES.map((e) => ({ employeeId: `emp-${e.payrollNumber}`, ...e }));
}

export function fixtureFilePeriod(period: { label: string; startsOn: Date; endsOn: Date }, givingMode: FilePeriod["givingMode"] = "net_pay"): FilePeriod {
  return { ...period, givingMode, payGroupName: "Monthly salaried", frequency: "monthly" };
}
