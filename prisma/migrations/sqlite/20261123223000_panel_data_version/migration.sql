-- Hand-written: the version of the data the panel's queue shows (docs/decisions/0021-data-versions.md):
-- applications, their decisions, the panel's declarations and reviews, the young person's first name and
-- the quorum setting. Every write to them raises it in the same transaction.
INSERT INTO "DataVersion" ("name", "version") VALUES ('panel', 0);
CREATE TRIGGER "SupportApplication_panel_insert" AFTER INSERT ON "SupportApplication"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'panel'; END;
CREATE TRIGGER "SupportApplication_panel_update" AFTER UPDATE ON "SupportApplication"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'panel'; END;
CREATE TRIGGER "SupportApplication_panel_delete" AFTER DELETE ON "SupportApplication"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'panel'; END;
CREATE TRIGGER "ApplicationDecision_panel_insert" AFTER INSERT ON "ApplicationDecision"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'panel'; END;
CREATE TRIGGER "ApplicationDecision_panel_update" AFTER UPDATE ON "ApplicationDecision"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'panel'; END;
CREATE TRIGGER "ApplicationDecision_panel_delete" AFTER DELETE ON "ApplicationDecision"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'panel'; END;
CREATE TRIGGER "PanelConflict_panel_insert" AFTER INSERT ON "PanelConflict"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'panel'; END;
CREATE TRIGGER "PanelConflict_panel_update" AFTER UPDATE ON "PanelConflict"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'panel'; END;
CREATE TRIGGER "PanelConflict_panel_delete" AFTER DELETE ON "PanelConflict"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'panel'; END;
CREATE TRIGGER "PanelReview_panel_insert" AFTER INSERT ON "PanelReview"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'panel'; END;
CREATE TRIGGER "PanelReview_panel_update" AFTER UPDATE ON "PanelReview"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'panel'; END;
CREATE TRIGGER "PanelReview_panel_delete" AFTER DELETE ON "PanelReview"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'panel'; END;
-- Of a person, the queue shows only the first name (found through the user's person); of the settings, only the quorum.
CREATE TRIGGER "User_panel_update" AFTER UPDATE OF "personId" ON "User"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'panel'; END;
CREATE TRIGGER "User_panel_delete" AFTER DELETE ON "User"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'panel'; END;
CREATE TRIGGER "Person_panel_update" AFTER UPDATE OF "firstName" ON "Person"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'panel'; END;
CREATE TRIGGER "Person_panel_delete" AFTER DELETE ON "Person"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'panel'; END;
CREATE TRIGGER "OrganisationSettings_panel_insert" AFTER INSERT ON "OrganisationSettings"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'panel'; END;
CREATE TRIGGER "OrganisationSettings_panel_update" AFTER UPDATE OF "panelQuorum" ON "OrganisationSettings"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'panel'; END;
CREATE TRIGGER "OrganisationSettings_panel_delete" AFTER DELETE ON "OrganisationSettings"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'panel'; END;
