/* porting-intake-store.h — requests, tokens and documents of the intake service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One interface, two backends: SQLite under --data DIR (one host) and
 * PostgreSQL through libpq (several instances sharing a database and a
 * documents folder). Every call blocks and is safe from any thread: the
 * server calls them from worker threads, never from its main loop.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "porting-request.h"
#include "porting-review.h"

G_BEGIN_DECLS

#define PORTING_INTAKE_STORE_ERROR (porting_intake_store_error_quark ())

typedef enum
{
  PORTING_INTAKE_STORE_ERROR_FAILED,
  PORTING_INTAKE_STORE_ERROR_NOT_FOUND,
  PORTING_INTAKE_STORE_ERROR_CONFLICT,   /* the review does not follow from the request's status */
  PORTING_INTAKE_STORE_ERROR_KEY_REUSED, /* the Idempotency-Key names another request */
  PORTING_INTAKE_STORE_ERROR_GONE,       /* the wireless PIN was erased when the request ended */
  PORTING_INTAKE_STORE_ERROR_NO_SPACE,   /* the disk (or the database) is full */
  PORTING_INTAKE_STORE_ERROR_INVALID,    /* bad input, such as a cursor */
} PortingIntakeStoreError;

GQuark porting_intake_store_error_quark (void);

/* Idempotency keys are kept this long (DESIGN.md §3.5). */
#define PORTING_INTAKE_KEY_LIFETIME (G_TIME_SPAN_DAY * 30)

typedef struct
{
  gint64    id;
  gboolean  staff;
  char     *name;
  char     *expires_at;   /* ISO 8601, or NULL: never */
} PortingIntakeAccount;

PortingIntakeAccount *porting_intake_account_copy (const PortingIntakeAccount *account);
void                  porting_intake_account_free (PortingIntakeAccount       *account);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortingIntakeAccount, porting_intake_account_free)

/* A document of a request. While an upload is received it is written to
 * @temp_path (".upload-XXXXXX" in the documents folder); the store moves it
 * under its hash when the request is stored. */
typedef struct
{
  char    *name;          /* "loa", "proof", "regulatory-1"… */
  char    *part;          /* "loa", "proof", "regulatory" */
  char    *sha256;
  char    *content_type;
  goffset  size;
  char    *filename;      /* as uploaded: shown, never used as a path */
  char    *temp_path;     /* while staged */
} PortingIntakeDocument;

void porting_intake_document_free (PortingIntakeDocument *document);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortingIntakeDocument, porting_intake_document_free)

typedef struct
{
  /* SQLite: the database, the documents and the key file under @data_dir. */
  const char *data_dir;
  /* PostgreSQL: a libpq connection URI (postgresql://…), the folder all
   * instances share for documents, and the key file (the same on each). */
  const char *database_url;
  const char *documents_dir;
  const char *secret_key_path;
  /* Database connections for the worker threads (default 4). */
  guint       n_connections;
  /* Tokens only (porting-intake token): no documents folder, no key. */
  gboolean    accounts_only;
} PortingIntakeStoreOptions;

#define PORTING_TYPE_INTAKE_STORE (porting_intake_store_get_type ())

G_DECLARE_DERIVABLE_TYPE (PortingIntakeStore, porting_intake_store, PORTING, INTAKE_STORE, GObject)

/* Opens the backend the options name and applies its schema migrations. */
PortingIntakeStore    *porting_intake_store_open              (const PortingIntakeStoreOptions *options,
                                                               GError                         **error);
const char            *porting_intake_store_get_documents_dir (PortingIntakeStore    *self);
/* TRUE when other instances may write the same database and documents. */
gboolean               porting_intake_store_is_shared         (PortingIntakeStore    *self);

/* Returns the token in clear, once; only its SHA-256 is kept.
 * @expires_in_days: 0 for a token that does not expire. */
char                  *porting_intake_store_create_token      (PortingIntakeStore    *self,
                                                               gboolean               staff,
                                                               const char            *name,
                                                               guint                  expires_in_days,
                                                               GError               **error);
/* Revokes every token of @name; NOT_FOUND when there is none. */
gboolean               porting_intake_store_revoke_tokens     (PortingIntakeStore    *self,
                                                               const char            *name,
                                                               guint                 *n_revoked,
                                                               GError               **error);
/* NULL without an error for an unknown, expired or revoked token. */
PortingIntakeAccount  *porting_intake_store_authenticate      (PortingIntakeStore    *self,
                                                               const char            *token,
                                                               GError               **error);

/* A new file for an upload's document, in the documents folder (0600). */
int                    porting_intake_store_stage_document    (PortingIntakeStore    *self,
                                                               char                 **temp_path,
                                                               GError               **error);
/* Stores @request (its wireless PIN sealed, never in clear) with @documents
 * (staged; moved under their hash) in one transaction. With @idempotency_key
 * (compared without case): the request already stored under it when it is
 * the same one (*created = FALSE), KEY_REUSED when it is not. */
PortingRequest        *porting_intake_store_submit            (PortingIntakeStore    *self,
                                                               PortingIntakeAccount  *account,
                                                               const char            *idempotency_key,
                                                               PortingRequest        *request,
                                                               GPtrArray             *documents,
                                                               gboolean              *created,
                                                               GError               **error);
/* By id or by reference. Staff see every request, customers their own
 * (NOT_FOUND otherwise). */
PortingRequest        *porting_intake_store_get_request       (PortingIntakeStore    *self,
                                                               PortingIntakeAccount  *account,
                                                               const char            *id,
                                                               GError               **error);
/* Newest first, at most @limit; *next_cursor (free it) is NULL on the last page. */
GPtrArray             *porting_intake_store_list_requests     (PortingIntakeStore    *self,
                                                               PortingIntakeAccount  *account,
                                                               const char            *status,
                                                               guint                  limit,
                                                               const char            *cursor,
                                                               char                 **next_cursor,
                                                               GError               **error);
PortingIntakeDocument *porting_intake_store_get_document      (PortingIntakeStore    *self,
                                                               PortingIntakeAccount  *account,
                                                               const char            *id,
                                                               const char            *name,
                                                               GError               **error);
char                  *porting_intake_store_get_document_path (PortingIntakeStore    *self,
                                                               const char            *sha256);
/* Moves the request along the allowed transitions only (CONFLICT otherwise);
 * a request that ends loses its wireless PIN in the same transaction. */
PortingRequest        *porting_intake_store_review            (PortingIntakeStore    *self,
                                                               PortingIntakeAccount  *account,
                                                               const char            *id,
                                                               PortingReview         *review,
                                                               GError               **error);
/* Staff only. The reading is recorded in the request's history. Free the
 * PIN with porting_intake_secret_wipe(). GONE once the request ended. */
char                  *porting_intake_store_read_wireless_pin (PortingIntakeStore    *self,
                                                               PortingIntakeAccount  *account,
                                                               const char            *id,
                                                               GError               **error);
/* Removes ".upload-*" files and documents no request names that are older
 * than @min_age (microseconds), and forgets idempotency keys past their
 * lifetime. */
gboolean               porting_intake_store_clean             (PortingIntakeStore    *self,
                                                               GTimeSpan              min_age,
                                                               guint                 *n_removed,
                                                               GError               **error);

G_END_DECLS
