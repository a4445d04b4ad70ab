/* porting-row-message.h — a short message under a row of a boxed list, and what a screen reader hears of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shows @message (NULL hides it) in a line under @row, which must sit in a
 * GtkListBox (an AdwPreferencesGroup's rows do), and marks @row with the
 * "error" style class while a message shows; the message is @row's error
 * (porting_field_set_error()). */
void        porting_row_set_message (GtkWidget  *row,
                                     const char *message);
/* The message showing under @row, or NULL. */
const char *porting_row_get_message (GtkWidget  *row);

/* What @field (a row, an entry, a text view) says under its name when it
 * has no error: its hint. */
void        porting_field_set_hint  (GtkWidget  *field,
                                     const char *hint);
/* Ties @error (NULL: none) to what takes the focus for @field (see
 * porting_accessible_get_focus_target()): the error as its description in
 * place of the hint, and the invalid state where GTK exports it right
 * (PORTING_ACCESSIBLE_HAS_INVALID_STATE). A new error is heard once:
 * spoken with the field when it has the focus (a screen reader speaks a
 * new description of what has the focus), announced otherwise where GTK
 * can (4.14), read when the field is reached. */
void        porting_field_set_error (GtkWidget  *field,
                                     const char *error);

G_END_DECLS
