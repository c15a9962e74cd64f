// The PostgreSQL archive (docs/archive.md, "PostgreSQL"): the Archive
// interface over a PostgreSQL 15 database through libpq, for archives that
// many processes write and many readers query at once. Archive::Open hands
// it every target IsPostgresTarget accepts. Internal to src/store: the
// public API stays include/dateline/archive.h, and libpq-fe.h is included by
// the .cc only.
#ifndef DATELINE_STORE_POSTGRES_ARCHIVE_H_
#define DATELINE_STORE_POSTGRES_ARCHIVE_H_

#include <memory>
#include <string>

#include "dateline/archive.h"
#include "dateline/status.h"

namespace dateline {

// Returns true when `target` names a PostgreSQL database rather than a
// SQLite file: a postgresql:// or postgres:// URL, or a libpq key=value
// string ("host=... dbname=...").
bool IsPostgresTarget(const std::string& target);

// Returns `target` with its password replaced by "***", for messages: a
// connection string is never shown or logged with its password.
std::string RedactTarget(const std::string& target);

// Opens (creating or migrating the schema unless read_only) the archive in
// the PostgreSQL database `target`. Returns IOError (password left out)
// when the server cannot be reached or the database is not an archive,
// NotSupported for a newer schema or when dateline was built without libpq.
Status OpenPostgresArchive(const std::string& target,
                           const ArchiveOptions& options,
                           std::unique_ptr<Archive>* archive);

// True when dateline was built with libpq.
bool HavePostgres();

}  // namespace dateline

#endif  // DATELINE_STORE_POSTGRES_ARCHIVE_H_
