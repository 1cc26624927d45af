-- Hand-written: the pledge data's version (docs/decisions/0021-data-versions.md) now stands for everything
-- the "My giving" and pay period pages show as well: names and emails, pay groups and periods, what payroll
-- took, the payroll files and layouts, the settings and the pledge terms.

CREATE TRIGGER "User_pledges_update" AFTER UPDATE OF "email", "personId" ON "User"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges'; END;
CREATE TRIGGER "User_pledges_delete" AFTER DELETE ON "User"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges'; END;
CREATE TRIGGER "Person_pledges_update" AFTER UPDATE OF "firstName", "lastName" ON "Person"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges'; END;
CREATE TRIGGER "Person_pledges_delete" AFTER DELETE ON "Person"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges'; END;
CREATE TRIGGER "PayGroup_pledges_insert" AFTER INSERT ON "PayGroup"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges'; END;
CREATE TRIGGER "PayGroup_pledges_update" AFTER UPDATE ON "PayGroup"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges'; END;
CREATE TRIGGER "PayGroup_pledges_delete" AFTER DELETE ON "PayGroup"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges'; END;
CREATE TRIGGER "PayPeriod_pledges_insert" AFTER INSERT ON "PayPeriod"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges'; END;
CREATE TRIGGER "PayPeriod_pledges_update" AFTER UPDATE ON "PayPeriod"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges'; END;
CREATE TRIGGER "PayPeriod_pledges_delete" AFTER DELETE ON "PayPeriod"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges'; END;
CREATE TRIGGER "Deduction_pledges_insert" AFTER INSERT ON "Deduction"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges'; END;
CREATE TRIGGER "Deduction_pledges_update" AFTER UPDATE ON "Deduction"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges'; END;
CREATE TRIGGER "Deduction_pledges_delete" AFTER DELETE ON "Deduction"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges'; END;
CREATE TRIGGER "OrganisationSettings_pledges_insert" AFTER INSERT ON "OrganisationSettings"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges'; END;
CREATE TRIGGER "OrganisationSettings_pledges_update" AFTER UPDATE ON "OrganisationSettings"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges'; END;
CREATE TRIGGER "OrganisationSettings_pledges_delete" AFTER DELETE ON "OrganisationSettings"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges'; END;
CREATE TRIGGER "PledgeTerms_pledges_insert" AFTER INSERT ON "PledgeTerms"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges'; END;
CREATE TRIGGER "PledgeTerms_pledges_update" AFTER UPDATE ON "PledgeTerms"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges'; END;
CREATE TRIGGER "PledgeTerms_pledges_delete" AFTER DELETE ON "PledgeTerms"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges'; END;
CREATE TRIGGER "PayrollFile_pledges_insert" AFTER INSERT ON "PayrollFile"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges'; END;
CREATE TRIGGER "PayrollFile_pledges_update" AFTER UPDATE ON "PayrollFile"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges'; END;
CREATE TRIGGER "PayrollFile_pledges_delete" AFTER DELETE ON "PayrollFile"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges'; END;
CREATE TRIGGER "PayrollLayout_pledges_insert" AFTER INSERT ON "PayrollLayout"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges'; END;
CREATE TRIGGER "PayrollLayout_pledges_update" AFTER UPDATE ON "PayrollLayout"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges'; END;
CREATE TRIGGER "PayrollLayout_pledges_delete" AFTER DELETE ON "PayrollLayout"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges'; END;
