-- CreateTable
CREATE TABLE "DataVersion" (
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("name")
);

-- Hand-written: the version of the pledge data (docs/decisions/0021-data-versions.md). Every write to
-- pledges, their history or employee records raises it in the same transaction (pledge changes are
-- append-only, so only their inserts count). Once per statement: a bulk write is one step.
INSERT INTO "DataVersion" ("name", "version") VALUES ('pledges', 0);
CREATE FUNCTION pledge_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'pledges';
  RETURN NULL;
END;
$$;
CREATE TRIGGER "PledgeChange_version" AFTER INSERT ON "PledgeChange"
  FOR EACH STATEMENT EXECUTE FUNCTION pledge_data_changed();
CREATE TRIGGER "Pledge_version" AFTER INSERT OR UPDATE OR DELETE ON "Pledge"
  FOR EACH STATEMENT EXECUTE FUNCTION pledge_data_changed();
CREATE TRIGGER "EmployeeRecord_version" AFTER INSERT OR UPDATE OR DELETE ON "EmployeeRecord"
  FOR EACH STATEMENT EXECUTE FUNCTION pledge_data_changed();
