#include "samtale/util.h"
#include "sqlite_int.h"

/*
 * The schema
 *
 * One migration per schema version, applied in order inside one write
 * transaction; PRAGMA user_version is the number of migrations applied.
 * A released migration never changes: tests/fixtures/db/ keeps a database
 * made by each released version, and the tests open it under this one.
 *
 *   cases          one woman's case: ref (journal number, unique), initials,
 *                  caseworker, opened/closed, her profile in her words, a
 *                  column per field of profile_fields[]
 *   meetings       case_id → cases ON DELETE CASCADE; date, type (content
 *                  meeting type id), caseworker, note, agreed (the summary
 *                  for her), interpreter (language, NULL = none), next_date,
 *                  next_time, next_place (the next appointment, for her copy)
 *   meeting_items  meeting_id → meetings ON DELETE CASCADE; the items the
 *                  meeting was held with, snapshotted at creation with the
 *                  wording of the day (text), position, state, note.
 *                  Reports are counts over this table alone.
 *   followups      case_id → cases CASCADE, meeting_id → meetings SET NULL;
 *                  due, text, assignee (the caseworker following it up),
 *                  her (1: she is the one to act), done
 *   internships    case_id → cases ON DELETE CASCADE; workplace, field,
 *                  from_date, planned_to, ended, contact (name and role at
 *                  the workplace), goal (her words), job_possible
 *                  (yes/no/unknown), outcome (NULL while running),
 *                  outcome_reason, caseworker (who recorded it)
 *   audit          at (UTC), user (--user), login (the process's login
 *                  name), action, case_id, object_id, detail. Never
 *                  personal data: no notes, profile text or references.
 */


const char *const sqlite_migrations[] = {
	/* 1: the first release */
	"CREATE TABLE cases ("
	" id INTEGER PRIMARY KEY,"
	" ref TEXT NOT NULL UNIQUE,"
	" initials TEXT,"
	" caseworker TEXT NOT NULL,"
	" opened TEXT NOT NULL,"
	" closed TEXT,"
	" qualifications TEXT,"
	" job_wishes TEXT,"
	" education_wishes TEXT);"
	"CREATE TABLE meetings ("
	" id INTEGER PRIMARY KEY,"
	" case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
	" date TEXT NOT NULL,"
	" type TEXT NOT NULL,"
	" caseworker TEXT NOT NULL,"
	" note TEXT,"
	" agreed TEXT);"
	"CREATE INDEX meetings_case ON meetings(case_id, date);"
	"CREATE TABLE meeting_items ("
	" meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
	" item_id TEXT NOT NULL,"
	" section_id TEXT NOT NULL,"
	" position INTEGER NOT NULL,"
	" text TEXT NOT NULL,"
	" state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'not_relevant')),"
	" note TEXT,"
	" PRIMARY KEY (meeting_id, item_id));"
	"CREATE TABLE followups ("
	" id INTEGER PRIMARY KEY,"
	" case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
	" meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,"
	" due TEXT NOT NULL,"
	" text TEXT NOT NULL,"
	" assignee TEXT NOT NULL,"
	" done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)));"
	"CREATE INDEX followups_case ON followups(case_id);"
	"CREATE TABLE audit ("
	" id INTEGER PRIMARY KEY,"
	" at TEXT NOT NULL,"
	" user TEXT NOT NULL,"
	" action TEXT NOT NULL,"
	" case_id INTEGER,"
	" object_id INTEGER);",

	/* 2: interpreter, the login name in the audit log (team databases),
	 * and the indexes the reports and follow-up lists need. */
	"ALTER TABLE meetings ADD COLUMN interpreter TEXT;"
	"ALTER TABLE audit ADD COLUMN login TEXT;"
	"ALTER TABLE audit ADD COLUMN detail TEXT;"
	"CREATE INDEX meetings_date ON meetings(date);"
	"CREATE INDEX meeting_items_meeting ON meeting_items(meeting_id, position);"
	"CREATE INDEX followups_due ON followups(done, due);"
	"CREATE INDEX followups_assignee ON followups(assignee, done, due);"
	"CREATE INDEX audit_case ON audit(case_id);",

	/* 3: her profile field by field (qualifications stays, for what was
	 * mapped before), the next appointment agreed in a meeting (her copy),
	 * and follow-ups where she is the one to act. */
	"ALTER TABLE cases ADD COLUMN education TEXT;"
	"ALTER TABLE cases ADD COLUMN work_experience TEXT;"
	"ALTER TABLE cases ADD COLUMN languages TEXT;"
	"ALTER TABLE cases ADD COLUMN other_skills TEXT;"
	"ALTER TABLE cases ADD COLUMN goals TEXT;"
	"ALTER TABLE meetings ADD COLUMN next_date TEXT;"
	"ALTER TABLE meetings ADD COLUMN next_time TEXT;"
	"ALTER TABLE meetings ADD COLUMN next_place TEXT;"
	"ALTER TABLE followups ADD COLUMN her INTEGER NOT NULL DEFAULT 0 CHECK (her IN (0, 1));",

	/* 4: her internships (SPEC §1 rule 5). The words are those of
	 * job_possible_words and outcome_words (store/internships.c). */
	"CREATE TABLE internships ("
	" id INTEGER PRIMARY KEY,"
	" case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
	" workplace TEXT NOT NULL,"
	" field TEXT,"
	" from_date TEXT NOT NULL,"
	" planned_to TEXT,"
	" ended TEXT,"
	" contact TEXT,"
	" goal TEXT,"
	" job_possible TEXT NOT NULL DEFAULT 'unknown' CHECK (job_possible IN ('yes', 'no', 'unknown')),"
	" outcome TEXT CHECK (outcome IN ('employed', 'education', 'extended', 'ended-early', 'completed')),"
	" outcome_reason TEXT,"
	" caseworker TEXT NOT NULL);"
	"CREATE INDEX internships_case ON internships(case_id, from_date);"
	"CREATE INDEX internships_from ON internships(from_date);",

	/* 5: bulk work in short steps (batch.c). A batch is a row of batches
	 * while it is unfinished: the cases an import is writing, or those an
	 * erasure is deleting, carry its id and are seen by nobody. The ids
	 * are never reused, so that a finished batch's id left on its cases
	 * hides nothing. */
	"CREATE TABLE batches ("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" kind TEXT NOT NULL CHECK (kind IN ('add', 'erase')),"
	" action TEXT NOT NULL);"
	"ALTER TABLE cases ADD COLUMN batch INTEGER;"
	"CREATE INDEX cases_batch ON cases(batch) WHERE batch IS NOT NULL;",
};

const int sqlite_schema_version = (int)ARRAY_SIZE(sqlite_migrations);