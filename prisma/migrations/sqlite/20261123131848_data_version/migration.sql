-- CreateTable
CREATE TABLE "DataVersion" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- Hand-written: the version of the pledge data (docs/decisions/0021-data-versions.md). Every write to
-- pledges, their history or employee records raises it in the same transaction (pledge changes are
-- append-only, so only their inserts count).
INSERT INTO "DataVersion" ("name", "version") VALUES ('pledges', 0);
CREATE TRIGGER "PledgeChange_version_insert" AFTER INSERT ON "PledgeChange"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges'; END;
CREATE TRIGGER "Pledge_version_insert" AFTER INSERT ON "Pledge"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges'; END;
CREATE TRIGGER "Pledge_version_update" AFTER UPDATE ON "Pledge"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges'; END;
CREATE TRIGGER "Pledge_version_delete" AFTER DELETE ON "Pledge"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges'; END;
CREATE TRIGGER "EmployeeRecord_version_insert" AFTER INSERT ON "EmployeeRecord"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges'; END;
CREATE TRIGGER "EmployeeRecord_version_update" AFTER UPDATE ON "EmployeeRecord"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges'; END;
CREATE TRIGGER "EmployeeRecord_version_delete" AFTER DELETE ON "EmployeeRecord"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges'; END;
