/* porting-byoc-page.h — Bring Your Own Carrier: when it fits, what it needs, and asking for it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porting-job-page.h"
#include "porting-intake-session.h"

G_BEGIN_DECLS

#define PORTING_TYPE_BYOC_PAGE (porting_byoc_page_get_type ())
G_DECLARE_FINAL_TYPE (PortingByocPage, porting_byoc_page, PORTING, BYOC_PAGE, PortingJobPage)

/* @draft_store may be NULL: the page then keeps its own, bound to the
 * draft-save-delay setting. */
GtkWidget         *porting_byoc_page_new                (PortingDraftStore    *draft_store);
PortingDraftStore *porting_byoc_page_get_draft_store    (PortingByocPage      *self);
/* Where inquiries go; NULL (the default) = the session of the window's application. */
void               porting_byoc_page_set_intake_session (PortingByocPage      *self,
                                                         PortingIntakeSession *session);
/* Adds @numbers (as written) to the form's numbers, skipping those already there:
 * the port-in page sends its VoIP numbers here. */
void               porting_byoc_page_set_numbers        (PortingByocPage      *self,
                                                         const char * const   *numbers);
/* Checks every field, shows what is wrong under it, and opens the submit
 * dialog when all is right. Returns whether the dialog opened. */
gboolean           porting_byoc_page_submit             (PortingByocPage      *self);

G_END_DECLS
