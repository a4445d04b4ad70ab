/* porting-intake-server.h — the intake HTTP API (DESIGN.md §3.5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "porting-intake-store.h"

G_BEGIN_DECLS

#define PORTING_INTAKE_MAX_UPLOAD ((goffset) 25 * 1024 * 1024)

#define PORTING_TYPE_INTAKE_SERVER (porting_intake_server_get_type ())

G_DECLARE_FINAL_TYPE (PortingIntakeServer, porting_intake_server, PORTING, INTAKE_SERVER, GObject)

PortingIntakeServer *porting_intake_server_new    (PortingIntakeStore  *store);
/* @address: "127.0.0.1:8080", "[::1]:8080"; port 0 picks a free one. */
gboolean             porting_intake_server_listen (PortingIntakeServer *self,
                                                   const char          *address,
                                                   GError             **error);
/* "http://127.0.0.1:PORT" once listening. */
char                *porting_intake_server_get_url (PortingIntakeServer *self);

G_END_DECLS
