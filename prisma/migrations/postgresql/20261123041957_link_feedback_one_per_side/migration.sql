-- DropIndex
DROP INDEX "LinkFeedback_linkId_authorId_key";

-- CreateIndex
CREATE UNIQUE INDEX "LinkFeedback_linkId_side_key" ON "LinkFeedback"("linkId", "side");
