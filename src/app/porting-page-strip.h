/* porting-page-strip.h — a row of page buttons under a long document
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "porting-document-view.h"

G_BEGIN_DECLS

#define PORTING_TYPE_PAGE_STRIP (porting_page_strip_get_type ())
G_DECLARE_FINAL_TYPE (PortingPageStrip, porting_page_strip, PORTING, PAGE_STRIP, GtkWidget)

/* Shown while @view holds a document of more than one page: a button per
 * page, the one at the top of the view pressed; a click brings that page
 * into view. Only numbers, no renders: it costs nothing to keep. */
GtkWidget           *porting_page_strip_new      (PortingDocumentView *view);
void                 porting_page_strip_set_view (PortingPageStrip    *self,
                                                  PortingDocumentView *view);
PortingDocumentView *porting_page_strip_get_view (PortingPageStrip    *self);

G_END_DECLS
