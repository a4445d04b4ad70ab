/* porting-intake-server.h — the intake HTTP API (DESIGN.md §3.5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "porting-intake-store.h"
#include "porting-intake-upload.h"

G_BEGIN_DECLS

#define PORTING_INTAKE_MAX_UPLOAD ((goffset) 25 * 1024 * 1024)

typedef struct
{
  guint                     header_timeout_s;  /* the whole request head: 30 */
  guint                     idle_timeout_s;    /* no byte either way: 60 */
  guint                     linger_s;          /* after an early refusal: 5 */
  guint                     rate_per_minute;   /* per token; 0: none. 600 */
  guint                     clean_interval_s;  /* leftovers looked for: 3600 */
  guint                     clean_age_s;       /* a leftover is older: 3600 */
  guint                     backlog;           /* listen(2) backlog: 1024 */
  goffset                   max_body;          /* 64 MiB */
  gsize                     max_json_body;     /* review bodies: 1 MiB */
  PortingIntakeUploadLimits upload;            /* 1 MiB request, 10 × 25 MiB documents */
} PortingIntakeServerSettings;

void porting_intake_server_settings_init (PortingIntakeServerSettings *settings);

#define PORTING_TYPE_INTAKE_SERVER (porting_intake_server_get_type ())

G_DECLARE_FINAL_TYPE (PortingIntakeServer, porting_intake_server, PORTING, INTAKE_SERVER, GObject)

/* @settings may be NULL for the defaults. Leftovers of an earlier run are
 * cleaned before it returns. */
PortingIntakeServer *porting_intake_server_new     (PortingIntakeStore                 *store,
                                                    const PortingIntakeServerSettings  *settings);
/* HTTPS with this certificate (and its key) on every address listened to. */
void                 porting_intake_server_set_tls (PortingIntakeServer                *self,
                                                    GTlsCertificate                    *certificate);
/* @address: "127.0.0.1:8080", "[::1]:8080"; port 0 picks a free one. */
gboolean             porting_intake_server_listen  (PortingIntakeServer                *self,
                                                    const char                         *address,
                                                    GError                            **error);
/* "http://127.0.0.1:PORT" (or https://) once listening. */
char                *porting_intake_server_get_url (PortingIntakeServer                *self);

G_END_DECLS
