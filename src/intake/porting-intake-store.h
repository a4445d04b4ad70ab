/* porting-intake-store.h — the intake service's SQLite database and documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "porting-request.h"

G_BEGIN_DECLS

#define PORTING_INTAKE_STORE_ERROR (porting_intake_store_error_quark ())

typedef enum
{
  PORTING_INTAKE_STORE_ERROR_FAILED,
  PORTING_INTAKE_STORE_ERROR_NOT_FOUND,
} PortingIntakeStoreError;

GQuark porting_intake_store_error_quark (void);

typedef struct
{
  gint64    id;
  gboolean  staff;
  char     *name;
} PortingIntakeAccount;

void porting_intake_account_free (PortingIntakeAccount *account);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortingIntakeAccount, porting_intake_account_free)

/* A document already written under its content hash, to be attached to a new request. */
typedef struct
{
  char    *name;          /* "loa", "proof", "regulatory-1"… */
  char    *part;          /* "loa", "proof", "regulatory" */
  char    *sha256;
  char    *content_type;
  goffset  size;
  char    *filename;      /* as uploaded: shown, never used as a path */
} PortingIntakeDocument;

void porting_intake_document_free (PortingIntakeDocument *document);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortingIntakeDocument, porting_intake_document_free)

#define PORTING_TYPE_INTAKE_STORE (porting_intake_store_get_type ())

G_DECLARE_FINAL_TYPE (PortingIntakeStore, porting_intake_store, PORTING, INTAKE_STORE, GObject)

PortingIntakeStore   *porting_intake_store_open             (const char            *data_dir,
                                                             GError               **error);
const char           *porting_intake_store_get_data_dir     (PortingIntakeStore    *self);
/* Returns the token in clear, once; only its SHA-256 is kept. */
char                 *porting_intake_store_create_token     (PortingIntakeStore    *self,
                                                             gboolean               staff,
                                                             const char            *name,
                                                             GError               **error);
PortingIntakeAccount *porting_intake_store_authenticate     (PortingIntakeStore    *self,
                                                             const char            *token);
/* Writes @data to documents/<sha256> (temp name, fsync, rename, fsync of the
 * directory) and returns the hash. */
char                 *porting_intake_store_save_document    (PortingIntakeStore    *self,
                                                             const guint8          *data,
                                                             gsize                  size,
                                                             GError               **error);
char                 *porting_intake_store_get_document_path (PortingIntakeStore   *self,
                                                              const char           *sha256);
/* NULL without error when the account has no request with this key. */
PortingRequest       *porting_intake_store_find_by_key      (PortingIntakeStore    *self,
                                                             PortingIntakeAccount  *account,
                                                             const char            *idempotency_key,
                                                             GError               **error);
/* One transaction: the request, its documents, its first history entry. */
PortingRequest       *porting_intake_store_create_request   (PortingIntakeStore    *self,
                                                             PortingIntakeAccount  *account,
                                                             const char            *idempotency_key,
                                                             PortingRequest        *request,
                                                             GPtrArray             *documents,
                                                             GError               **error);
/* Staff see every request, customers their own (NOT_FOUND otherwise). */
PortingRequest       *porting_intake_store_get_request      (PortingIntakeStore    *self,
                                                             PortingIntakeAccount  *account,
                                                             const char            *id,
                                                             GError               **error);
GPtrArray            *porting_intake_store_list_requests    (PortingIntakeStore    *self,
                                                             PortingIntakeAccount  *account,
                                                             const char            *status,
                                                             GError               **error);
PortingIntakeDocument *porting_intake_store_get_document    (PortingIntakeStore    *self,
                                                             PortingIntakeAccount  *account,
                                                             const char            *id,
                                                             const char            *name,
                                                             GError               **error);
PortingRequest       *porting_intake_store_review           (PortingIntakeStore    *self,
                                                             PortingIntakeAccount  *account,
                                                             const char            *id,
                                                             PortingRequestStatus   status,
                                                             const char            *note,
                                                             const char            *foc_date,
                                                             JsonObject            *document_check,
                                                             JsonObject            *answer,
                                                             GError               **error);

G_END_DECLS
