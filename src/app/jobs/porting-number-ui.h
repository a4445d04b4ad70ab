/* porting-number-ui.h — how a list of telephone numbers looks in the window
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porting-phone-number.h"

G_BEGIN_DECLS

/* A row for @number. A valid one is titled as formatted, with the icon
 * @icon_name in the CSS class @icon_style and @subtitle (nullable); an
 * invalid one says why, marked as an error. Its tag names the region. */
GtkWidget *porting_number_row_new      (const PortingPhoneNumber *number,
                                        const char               *icon_name,
                                        const char               *icon_style,
                                        const char               *subtitle);
/* @count_text ("3 numbers") with the duplicates merged and the numbers to fix
 * added when there are. */
char      *porting_numbers_describe     (const char              *count_text,
                                         guint                    n_merged,
                                         guint                    n_invalid);

G_END_DECLS
