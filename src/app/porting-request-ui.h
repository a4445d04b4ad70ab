/* porting-request-ui.h — how requests and their statuses look in the window
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porting-request.h"
#include "porting-text.h"

G_BEGIN_DECLS

/* A symbolic icon for @status, shown beside its title (never colour alone). */
const char *porting_request_status_get_icon_name   (PortingRequestStatus  status);
/* "success", "warning", "error" or NULL: a CSS class that adds colour to the icon. */
const char *porting_request_status_get_style_class (PortingRequestStatus  status);
/* A box with the status icon and its title. */
GtkWidget  *porting_request_status_widget_new      (PortingRequestStatus  status);
/* Whether @status is the last one a request takes (nothing more to wait for). */
gboolean    porting_request_status_is_final        (PortingRequestStatus  status);
/* Translated: what happens after sending a request of @kind. */
const char *porting_request_kind_get_next_steps    (PortingRequestKind    kind);
/* Translated: what @request's status means for its kind (a transfer has no
 * documents to check; an approved one is filed with Twilio next…). */
char       *porting_request_dup_status_explanation (PortingRequest       *request);
/* The request number a person reads out: the reference ("PRT-7K3F-Q2"),
 * the id for a request stored before references existed. */
const char *porting_request_get_display_reference  (PortingRequest       *request);

/* "27 November 2026" in local time from an ISO 8601 stamp; the text itself when unreadable. */
char       *porting_request_format_date            (const char           *iso8601);
/* "27 November 2026, 14:05" */
char       *porting_request_format_date_time       (const char           *iso8601);
/* The numbers of @request as people write them ("(510) 555-0142" for the
 * US and Canada), comma separated ("number" for an inquiry). */
char       *porting_request_dup_numbers_text       (PortingRequest       *request);
/* The same in E.164, one a line: what goes on the clipboard. */
char       *porting_request_dup_numbers_e164       (PortingRequest       *request);
/* One number in E.164 as people write it; the text itself when unreadable. */
char       *porting_format_phone_number            (const char           *e164);

/* A row for an entry of a request's history ({"status", "at", "by"?,
 * "note"?, "event"?}); NULL for one it cannot read. @with_author names who
 * made it (for staff). */
GtkWidget  *porting_history_row_new                (JsonObject           *entry,
                                                    gboolean              with_author);
/* (nullable): the last note staff left for the customer, when it says more
 * than the answer's reason. */
const char *porting_request_get_staff_note         (PortingRequest       *request);

/* Shows @title in the toast overlay nearest to @widget, or its window's. */
void        porting_widget_add_toast               (GtkWidget            *widget,
                                                    const char           *title);
/* Puts @text on the clipboard and says "Copied" in the nearest toast overlay. */
void        porting_copy_text                      (GtkWidget            *widget,
                                                    const char           *text);
/* A flat button at the end of @row that copies its subtitle; @tooltip names it.
 * Returns: (transfer none): the button */
GtkWidget  *porting_action_row_add_copy_button     (AdwActionRow         *row,
                                                    const char           *tooltip);

/* A row for a document: its name, and its folder under it; @file may be
 * NULL, and set later. */
AdwActionRow *porting_file_row_new                 (GFile                *file);
void        porting_file_row_set_file              (AdwActionRow         *row,
                                                    GFile                *file);
/* A flat "Remove" button at the end of @row (a document, a number).
 * Returns: (transfer none): the button */
GtkWidget  *porting_action_row_add_remove_button     (AdwActionRow         *row);

/* Removes every row of @list (gtk_list_box_remove_all() is GTK 4.12). */
void        porting_list_box_remove_all            (GtkListBox           *list);


G_END_DECLS
