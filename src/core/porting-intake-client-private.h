/* porting-intake-client-private.h — the client's transport, shared by its two files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "porting-intake-client.h"

G_BEGIN_DECLS

struct _PortingIntakeClient
{
  GObject          parent_instance;

  SoupSession     *session;
  GTlsDatabase    *tls_database;
  char            *base_url;
  char            *token;
  guint            retry_delay_ms;
  guint            max_attempts;
  guint            timeout_s;
  guint            deadline_s;
  gsize            max_answer_size;
};

typedef struct
{
  char    *part;
  GFile   *file;
  goffset  size;
} PortingIntakeUpload;

/* One API call: its attempts, their answer, the deadline over all of them. */
typedef struct
{
  PortingIntakeClient       *client;
  char                      *method;
  char                      *path;
  char                      *idempotency_key;
  GBytes                    *json_body;

  /* multipart submissions */
  char                      *request_json;
  GArray                    *uploads;
  PortingIntakeProgressFunc  progress;
  gpointer                   progress_data;
  goffset                    sent;
  goffset                    total;

  /* the answer */
  gboolean                   raw_answer;    /* a document: GBytes, not JSON */
  gsize                      max_answer;
  GByteArray                *answer;
  GInputStream              *answer_stream;

  guint                      attempt;
  SoupMessage               *msg;
  GCancellable              *attempt_cancellable;
  GCancellable              *user_cancellable;
  gulong                     user_cancelled_id;
  GSource                   *wait_source;
  GSource                   *cancel_source;
  GSource                   *deadline_source;
  gboolean                   deadline_passed;
  guint                      deadline_s;
  char                      *invalid_field;

  /* list pages */
  char                      *next_cursor;
} PortingIntakeCall;

PortingIntakeCall *porting_intake_call_new      (PortingIntakeClient *client,
                                                 const char          *method,
                                                 const char          *path);
void               porting_intake_call_free     (PortingIntakeCall   *call);
/* A task owning @call, to be started with porting_intake_call_start(). */
GTask             *porting_intake_call_task_new (PortingIntakeClient *client,
                                                 PortingIntakeCall   *call,
                                                 gpointer             source_tag,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
void               porting_intake_call_add_upload (PortingIntakeCall *call,
                                                   const char        *part,
                                                   GFile             *file);
/* Sends, retries, and returns a JsonNode (or GBytes for a raw answer) on the
 * task; takes the task's reference. */
void               porting_intake_call_start    (GTask               *task);

gboolean           porting_intake_host_is_loopback (const char       *host);

G_END_DECLS
