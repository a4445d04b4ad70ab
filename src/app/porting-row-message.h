/* porting-row-message.h — a short message under a row of a boxed list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shows @message (NULL hides it) in a line under @row, which must sit in a
 * GtkListBox (an AdwPreferencesGroup's rows do), and marks @row with the
 * "error" style class while a message shows. */
void        porting_row_set_message (GtkWidget  *row,
                                     const char *message);
/* The message showing under @row, or NULL. */
const char *porting_row_get_message (GtkWidget  *row);

G_END_DECLS
