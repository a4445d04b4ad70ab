/* porting-intake-store-private.h — what the two store backends implement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "porting-intake-store.h"

G_BEGIN_DECLS

/* A request as a backend reads it; the base class makes the PortingRequest. */
typedef struct
{
  char      *id;
  char      *reference;
  char      *status;
  char      *body;
  char      *answer;
  char      *document_check;
  char      *foc_date;
  char      *created_at;
  char      *updated_at;
  char      *fingerprint;
  gint64     seq;
  gboolean   wireless_pin_on_file;
  JsonArray *history;     /* {"status", "at", "by"?, "note"?, "event"?} */
  JsonArray *documents;   /* {"name", "part", "content_type", "size", "sha256", "filename"?} */
} PortingIntakeRow;

void porting_intake_row_free (PortingIntakeRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortingIntakeRow, porting_intake_row_free)

typedef struct
{
  const char *id;
  gint64      account_id;
  const char *account_name;
  const char *idempotency_key;  /* lower case, or NULL */
  const char *key_cutoff;       /* a key stored before this has expired */
  const char *fingerprint;
  const char *kind;
  const char *body;
  GBytes     *pin_box;          /* sealed, or NULL */
  GPtrArray  *documents;        /* PortingIntakeDocument, placed */
  const char *now;
} PortingIntakeNewRequest;

typedef struct
{
  const char           *id;
  const char           *staff_name;
  PortingRequestStatus  to;
  const char           *note;
  const char           *answer;          /* JSON text or NULL: kept as it was */
  const char           *document_check;  /* JSON text or NULL: kept as it was */
  const char           *foc_date;
  const char           *now;
} PortingIntakeChange;

struct _PortingIntakeStoreClass
{
  GObjectClass parent_class;

  gboolean               (*add_account)            (PortingIntakeStore           *self,
                                                    const char                   *token_sha256,
                                                    gboolean                      staff,
                                                    const char                   *name,
                                                    const char                   *created_at,
                                                    const char                   *expires_at,
                                                    GError                      **error);
  gboolean               (*revoke_accounts)        (PortingIntakeStore           *self,
                                                    const char                   *name,
                                                    const char                   *now,
                                                    guint                        *n_revoked,
                                                    GError                      **error);
  /* NULL without an error when no live account has this token. */
  PortingIntakeAccount  *(*find_account)           (PortingIntakeStore           *self,
                                                    const char                   *token_sha256,
                                                    const char                   *now,
                                                    GError                      **error);
  /* Inserts, or returns the live request already stored under the key
   * (*created = FALSE); the uniqueness of keys and references is the
   * database's to enforce, so two instances never make two requests. */
  PortingIntakeRow      *(*insert_request)         (PortingIntakeStore           *self,
                                                    const PortingIntakeNewRequest *request,
                                                    gboolean                     *created,
                                                    GError                      **error);
  /* @account_id < 0: any account. */
  PortingIntakeRow      *(*get_request)            (PortingIntakeStore           *self,
                                                    gint64                        account_id,
                                                    const char                   *id_or_reference,
                                                    GError                      **error);
  /* Newest first, seq < @before_seq (when > 0), at most @limit rows. */
  GPtrArray             *(*list_requests)          (PortingIntakeStore           *self,
                                                    gint64                        account_id,
                                                    const char                   *status,
                                                    guint                         limit,
                                                    gint64                        before_seq,
                                                    GError                      **error);
  PortingIntakeDocument *(*get_document)           (PortingIntakeStore           *self,
                                                    gint64                        account_id,
                                                    const char                   *id,
                                                    const char                   *name,
                                                    GError                      **error);
  /* One transaction: the status checked and changed with a conditional
   * UPDATE … WHERE status = <what was read>, the history written, the PIN
   * dropped when the request ends. */
  PortingIntakeRow      *(*apply_change)           (PortingIntakeStore           *self,
                                                    const PortingIntakeChange    *change,
                                                    GError                      **error);
  /* The sealed PIN, the reading recorded in the same transaction. */
  GBytes                *(*read_pin)               (PortingIntakeStore           *self,
                                                    const char                   *id,
                                                    const char                   *staff_name,
                                                    const char                   *now,
                                                    GError                      **error);
  gboolean               (*document_is_referenced) (PortingIntakeStore           *self,
                                                    const char                   *sha256,
                                                    gboolean                     *referenced,
                                                    GError                      **error);
  gboolean               (*forget_keys)            (PortingIntakeStore           *self,
                                                    const char                   *cutoff,
                                                    GError                      **error);
};

/* For the backends */
void                 porting_intake_store_set_documents_dir (PortingIntakeStore  *self,
                                                             const char          *documents_dir,
                                                             gboolean             shared);
/* "PRT-7K3F-Q2": 6 characters from 32 that cannot be mistaken for one another. */
char                *porting_intake_new_reference           (void);
/* The status a review moves @from to, with the in-between step when the
 * review starts on the way; FALSE with CONFLICT when it cannot. */
gboolean             porting_intake_change_path             (PortingRequestStatus       from,
                                                             PortingRequestStatus       to,
                                                             PortingRequestStatus       path[2],
                                                             guint                     *n_steps,
                                                             GError                   **error);
/* Whether a stored request body asks for a wireless port. */
gboolean             porting_intake_body_is_wireless        (const char               *body);
char                *porting_intake_now_string              (void);
char                *porting_intake_time_string             (GDateTime                *time);

PortingIntakeStore  *porting_intake_store_sqlite_open       (const PortingIntakeStoreOptions *options,
                                                             GError                   **error);
PortingIntakeStore  *porting_intake_store_postgres_open     (const PortingIntakeStoreOptions *options,
                                                             GError                   **error);

G_END_DECLS
