/* porting-international-page.h — ask whether a number in another country can be ported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porting-job-page.h"
#include "porting-intake-session.h"

G_BEGIN_DECLS

#define PORTING_TYPE_INTERNATIONAL_PAGE (porting_international_page_get_type ())
G_DECLARE_FINAL_TYPE (PortingInternationalPage, porting_international_page, PORTING, INTERNATIONAL_PAGE, PortingJobPage)

/* @draft_store may be NULL: the page then keeps its own, bound to the
 * draft-save-delay setting. */
GtkWidget         *porting_international_page_new               (PortingDraftStore        *draft_store);
PortingDraftStore *porting_international_page_get_draft_store   (PortingInternationalPage *self);
/* Where inquiries go; NULL (the default) = the session of the window's
 * application. */
void               porting_international_page_set_intake_session (PortingInternationalPage *self,
                                                                  PortingIntakeSession     *session);
/* Numbers to ask about, as written anywhere (the port-in page sends those it
 * cannot port). The first fills the form; the others wait in a list and come
 * in turn, one inquiry each, since an inquiry is about one number. */
void               porting_international_page_set_numbers       (PortingInternationalPage *self,
                                                                 const char * const       *numbers);
/* Checks every field, shows what is wrong under it, and opens the submit
 * dialog when all is right. Returns whether the dialog opened. */
gboolean           porting_international_page_submit            (PortingInternationalPage *self);

G_END_DECLS
