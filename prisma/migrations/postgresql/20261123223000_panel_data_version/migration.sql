-- Hand-written: the version of the data the panel's queue shows (docs/decisions/0021-data-versions.md):
-- applications, their decisions, the panel's declarations and reviews, the young person's first name and
-- the quorum setting. Every write to them raises it in the same transaction, once per statement.
INSERT INTO "DataVersion" ("name", "version") VALUES ('panel', 0);
CREATE FUNCTION panel_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'panel';
  RETURN NULL;
END;
$$;
CREATE TRIGGER "SupportApplication_panel" AFTER INSERT OR UPDATE OR DELETE ON "SupportApplication"
  FOR EACH STATEMENT EXECUTE FUNCTION panel_data_changed();
CREATE TRIGGER "ApplicationDecision_panel" AFTER INSERT OR UPDATE OR DELETE ON "ApplicationDecision"
  FOR EACH STATEMENT EXECUTE FUNCTION panel_data_changed();
CREATE TRIGGER "PanelConflict_panel" AFTER INSERT OR UPDATE OR DELETE ON "PanelConflict"
  FOR EACH STATEMENT EXECUTE FUNCTION panel_data_changed();
CREATE TRIGGER "PanelReview_panel" AFTER INSERT OR UPDATE OR DELETE ON "PanelReview"
  FOR EACH STATEMENT EXECUTE FUNCTION panel_data_changed();
-- Of a person, the queue shows only the first name (found through the user's person); of the settings, only the quorum.
CREATE TRIGGER "User_panel" AFTER UPDATE OF "personId" OR DELETE ON "User"
  FOR EACH STATEMENT EXECUTE FUNCTION panel_data_changed();
CREATE TRIGGER "Person_panel" AFTER UPDATE OF "firstName" OR DELETE ON "Person"
  FOR EACH STATEMENT EXECUTE FUNCTION panel_data_changed();
CREATE TRIGGER "OrganisationSettings_panel" AFTER INSERT OR UPDATE OF "panelQuorum" OR DELETE ON "OrganisationSettings"
  FOR EACH STATEMENT EXECUTE FUNCTION panel_data_changed();
