/* porting-check-page.h — the Document Check page: pick an LOA and an invoice, compare them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porting-check-view.h"

G_BEGIN_DECLS

#define PORTING_TYPE_CHECK_PAGE (porting_check_page_get_type ())
G_DECLARE_FINAL_TYPE (PortingCheckPage, porting_check_page, PORTING, CHECK_PAGE, GtkWidget)

GtkWidget        *porting_check_page_new            (void);
/* Either may be NULL to keep that side; the check starts once both are set. */
void              porting_check_page_open           (PortingCheckPage *self,
                                                     GFile            *loa,
                                                     GFile            *proof);
/* Back to the empty page. */
void              porting_check_page_reset          (PortingCheckPage *self);
PortingCheckView *porting_check_page_get_check_view (PortingCheckPage *self);

G_END_DECLS
