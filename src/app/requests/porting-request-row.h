/* porting-request-row.h — a request in a list: its kind, numbers, date and status
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porting-request.h"

G_BEGIN_DECLS

#define PORTING_TYPE_REQUEST_ROW (porting_request_row_get_type ())
G_DECLARE_FINAL_TYPE (PortingRequestRow, porting_request_row, PORTING, REQUEST_ROW, AdwActionRow)

/* An activatable row named after the id of @request: the title of its kind,
 * "numbers · Sent date" (with the time of day when @with_time), its status. */
GtkWidget      *porting_request_row_new         (PortingRequest    *request,
                                                 gboolean           with_time);
PortingRequest *porting_request_row_get_request (PortingRequestRow *self);

G_END_DECLS
