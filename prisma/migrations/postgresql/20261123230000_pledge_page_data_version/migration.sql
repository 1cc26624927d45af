-- Hand-written: the pledge data's version (docs/decisions/0021-data-versions.md) now stands for everything
-- the "My giving" and pay period pages show as well: names and emails, pay groups and periods, what payroll
-- took, the payroll files and layouts, the settings and the pledge terms.
-- Once per statement, with the function the data_version migration made.
CREATE TRIGGER "User_pledges" AFTER UPDATE OF "email", "personId" OR DELETE ON "User"
  FOR EACH STATEMENT EXECUTE FUNCTION pledge_data_changed();
CREATE TRIGGER "Person_pledges" AFTER UPDATE OF "firstName", "lastName" OR DELETE ON "Person"
  FOR EACH STATEMENT EXECUTE FUNCTION pledge_data_changed();
CREATE TRIGGER "PayGroup_pledges" AFTER INSERT OR UPDATE OR DELETE ON "PayGroup"
  FOR EACH STATEMENT EXECUTE FUNCTION pledge_data_changed();
CREATE TRIGGER "PayPeriod_pledges" AFTER INSERT OR UPDATE OR DELETE ON "PayPeriod"
  FOR EACH STATEMENT EXECUTE FUNCTION pledge_data_changed();
CREATE TRIGGER "Deduction_pledges" AFTER INSERT OR UPDATE OR DELETE ON "Deduction"
  FOR EACH STATEMENT EXECUTE FUNCTION pledge_data_changed();
CREATE TRIGGER "OrganisationSettings_pledges" AFTER INSERT OR UPDATE OR DELETE ON "OrganisationSettings"
  FOR EACH STATEMENT EXECUTE FUNCTION pledge_data_changed();
CREATE TRIGGER "PledgeTerms_pledges" AFTER INSERT OR UPDATE OR DELETE ON "PledgeTerms"
  FOR EACH STATEMENT EXECUTE FUNCTION pledge_data_changed();
CREATE TRIGGER "PayrollFile_pledges" AFTER INSERT OR UPDATE OR DELETE ON "PayrollFile"
  FOR EACH STATEMENT EXECUTE FUNCTION pledge_data_changed();
CREATE TRIGGER "PayrollLayout_pledges" AFTER INSERT OR UPDATE OR DELETE ON "PayrollLayout"
  FOR EACH STATEMENT EXECUTE FUNCTION pledge_data_changed();
