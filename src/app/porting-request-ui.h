/* porting-request-ui.h — how requests and their statuses look in the window
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porting-request.h"

G_BEGIN_DECLS

/* A symbolic icon for @status, shown beside its title (never colour alone). */
const char *porting_request_status_get_icon_name   (PortingRequestStatus  status);
/* "success", "warning", "error" or NULL: a CSS class that adds colour to the icon. */
const char *porting_request_status_get_style_class (PortingRequestStatus  status);
/* A box with the status icon and its title. */
GtkWidget  *porting_request_status_widget_new      (PortingRequestStatus  status);
/* Translated: what happens after sending a request of @kind. */
const char *porting_request_kind_get_next_steps    (PortingRequestKind    kind);

/* "27 November 2026" in local time from an ISO 8601 stamp; the text itself when unreadable. */
char       *porting_request_format_date            (const char           *iso8601);
/* "27 November 2026, 14:05" */
char       *porting_request_format_date_time       (const char           *iso8601);
/* The numbers of @request, comma separated ("number" for an inquiry). */
char       *porting_request_dup_numbers_text       (PortingRequest       *request);

/* Shows @title in the toast overlay nearest to @widget, or its window's. */
void        porting_widget_add_toast               (GtkWidget            *widget,
                                                    const char           *title);
/* Puts @text on the clipboard and says "Copied" in the nearest toast overlay. */
void        porting_copy_text                      (GtkWidget            *widget,
                                                    const char           *text);

G_END_DECLS
