/* porting-submit-dialog.h — sends a request, shows the upload and the receipt
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porting-intake-session.h"
#include "porting-request.h"

G_BEGIN_DECLS

#define PORTING_TYPE_SUBMIT_DIALOG (porting_submit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PortingSubmitDialog, porting_submit_dialog, PORTING, SUBMIT_DIALOG, AdwWindow)

/* Opens the dialog over @parent (whose application gives the intake
 * session) and starts sending at once. @regulatory: GPtrArray of GFile or
 * NULL. "submitted" (PortingRequest, as stored) is emitted on success.
 * Returns: (transfer none): the dialog, owned by GTK until closed */
PortingSubmitDialog *porting_submit_dialog_present     (GtkWindow            *parent,
                                                        PortingRequest       *request,
                                                        GFile                *loa,
                                                        GFile                *proof,
                                                        GPtrArray            *regulatory);
/* As above with an explicit session (tests, or a window without application). */
PortingSubmitDialog *porting_submit_dialog_new         (GtkWindow            *parent,
                                                        PortingIntakeSession *session,
                                                        PortingRequest       *request,
                                                        GFile                *loa,
                                                        GFile                *proof,
                                                        GPtrArray            *regulatory);
void                 porting_submit_dialog_send        (PortingSubmitDialog  *self);
/* The page behind shows the receipt itself: once stored, the dialog closes
 * instead of showing one (a customer gets one receipt, not two). */
void                 porting_submit_dialog_set_close_when_stored (PortingSubmitDialog *self,
                                                                  gboolean             close_when_stored);

/* "sending", "receipt", "failed" or "saved" */
const char          *porting_submit_dialog_get_state   (PortingSubmitDialog  *self);
/* (nullable): the stored request once sent */
PortingRequest      *porting_submit_dialog_get_stored  (PortingSubmitDialog  *self);
/* The sentence shown for a failure or a saved request. */
const char          *porting_submit_dialog_get_message (PortingSubmitDialog  *self);

G_END_DECLS
