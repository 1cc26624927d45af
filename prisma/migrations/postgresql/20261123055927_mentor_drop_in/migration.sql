-- AlterTable
ALTER TABLE "MentorApplication" ADD COLUMN     "attendedDropIn" BOOLEAN NOT NULL DEFAULT false;
