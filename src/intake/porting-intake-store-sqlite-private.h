/* porting-intake-store-sqlite-private.h — what the SQLite store's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include <glib.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* SQLITE_FULL is PORTING_INTAKE_STORE_ERROR_NO_SPACE. */
gboolean      porting_sqlite_set_error  (sqlite3       *db,
                                         GError       **error);
gboolean      porting_sqlite_exec       (sqlite3       *db,
                                         const char    *sql,
                                         GError       **error);
sqlite3_stmt *porting_sqlite_prepare    (sqlite3       *db,
                                         const char    *sql,
                                         GError       **error);
void          porting_sqlite_rollback   (sqlite3       *db);
/* NULL binds SQL NULL. */
void          porting_sqlite_bind_text  (sqlite3_stmt  *stmt,
                                         int            index,
                                         const char    *text);
char         *porting_sqlite_column_dup (sqlite3_stmt  *stmt,
                                         int            column);

/* Brings @db's schema up to this version, in one transaction. */
gboolean      porting_sqlite_migrate    (sqlite3       *db,
                                         GError       **error);

G_END_DECLS
