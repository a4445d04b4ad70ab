/* porting-page-column.h — the pages of a document one under the other, only those in view drawn
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PORTING_TYPE_PAGE_COLUMN (porting_page_column_get_type ())
G_DECLARE_FINAL_TYPE (PortingPageColumn, porting_page_column, PORTING, PAGE_COLUMN, GtkBox)

GtkWidget *porting_page_column_new (void);

G_END_DECLS
