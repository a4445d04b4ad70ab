/* porting-job-page.h — what the job pages (port in and out, transfer, inquiries) share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porting-draft-store.h"
#include "porting-intake-session.h"
#include "porting-request.h"
#include "porting-submit-dialog.h"

G_BEGIN_DECLS

/* The draft @flow of *@draft_store, the store given to the page or, when
 * none was, the settings' one (then set in *@draft_store).
 * Returns: (transfer full) (nullable): the draft, NULL when there is none */
JsonObject          *porting_job_page_load_draft     (PortingDraftStore    **draft_store,
                                                      const char            *flow);
/* Writes what @draft_store has not saved yet, at once: closing the window
 * must not lose the last keystrokes. */
void                 porting_job_page_save_draft     (PortingDraftStore     *draft_store);
/* Says under the form what @problem is still missing (nothing with a NULL
 * @problem) and lets the form be sent only when nothing is. */
void                 porting_job_page_show_problem   (GtkLabel              *missing_label,
                                                      GtkButton             *submit_button,
                                                      const char            *problem);
/* Validates the inquiry @request and opens the submit dialog for it over the
 * window of @page, sending through @session when given, else through the
 * window's application; says in a toast on @toast_overlay why not.
 * Returns: (transfer none) (nullable): the dialog */
PortingSubmitDialog *porting_job_page_submit_inquiry (GtkWidget             *page,
                                                      AdwToastOverlay       *toast_overlay,
                                                      PortingIntakeSession  *session,
                                                      PortingRequest        *request);

G_END_DECLS
