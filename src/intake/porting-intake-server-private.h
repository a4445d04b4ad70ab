/* porting-intake-server-private.h — what the server's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "porting-intake-limits.h"
#include "porting-intake-server.h"

G_BEGIN_DECLS

struct _PortingIntakeServer
{
  GObject                      parent_instance;

  PortingIntakeStore          *store;
  SoupServer                  *server;
  PortingIntakeServerSettings  settings;
  PortingIntakeRateLimiter    *limiter;
  GTlsCertificate             *certificate;
  guint                        clean_source;
  gboolean                     cleaning;
};

/* What the server knows of one request while it is answered; lives on the message. */
typedef struct
{
  PortingIntakeServer  *server;
  SoupServerMessage    *msg;
  GSource              *header_timer;
  gboolean              got_headers;
  gboolean              refused;
  PortingIntakeAccount *account;
  PortingIntakeUpload  *upload;
  GByteArray           *body;        /* a small JSON body (reviews) */
  goffset               declared;    /* Content-Length, or -1 when chunked */
  goffset               received;
} PortingIntakeExchange;

PortingIntakeExchange *porting_intake_exchange_get (SoupServerMessage *msg);

/* An answer made off the main loop, put on the message on it. */
typedef struct
{
  guint        status;
  JsonNode    *json;
  GMappedFile *file;
  char        *content_type;
  char        *filename;      /* Content-Disposition: attachment */
} PortingIntakeReply;

PortingIntakeReply *porting_intake_reply_json   (guint               status,
                                                 JsonNode           *json);
PortingIntakeReply *porting_intake_reply_error  (guint               status,
                                                 const char         *code,
                                                 const char         *message,
                                                 const char         *field);
PortingIntakeReply *porting_intake_reply_from_store_error (const GError *error);
void                porting_intake_reply_free   (PortingIntakeReply *reply);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortingIntakeReply, porting_intake_reply_free)
void                porting_intake_reply_apply  (PortingIntakeReply *reply,
                                                 SoupServerMessage  *msg);
char               *porting_intake_error_json   (const char         *code,
                                                 const char         *message,
                                                 const char         *field);

typedef PortingIntakeReply *(*PortingIntakeJobFunc) (PortingIntakeServer *self,
                                                     gpointer             data);

/* Pauses @msg, runs @func in a worker thread, answers with its reply. */
void porting_intake_server_run_job   (PortingIntakeServer  *self,
                                      SoupServerMessage    *msg,
                                      PortingIntakeJobFunc  func,
                                      gpointer              data,
                                      GDestroyNotify        data_free);

/* porting-intake-handlers.c */
void porting_intake_server_route     (PortingIntakeServer  *self,
                                      SoupServerMessage    *msg,
                                      const char           *path,
                                      GHashTable           *query);

G_END_DECLS
