/* porting-request-tracker.h — the request a job page sent, followed until it is answered
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porting-draft-store.h"
#include "porting-request.h"

G_BEGIN_DECLS

#define PORTING_TYPE_REQUEST_TRACKER (porting_request_tracker_get_type ())
G_DECLARE_FINAL_TYPE (PortingRequestTracker, porting_request_tracker, PORTING, REQUEST_TRACKER, GObject)

/* Follows the requests of @kind that @page sends. The draft @draft_flow of
 * @draft_store keeps the id of the request once the service has it; two
 * requests with the same numbers and the same @key_field are the same one
 * (the dialog's and the outbox's copy). Toasts go to @toast_overlay.
 * "changed" is emitted when the followed request changes (the page shows
 * its tracker while there is one), "refreshed" (PortingRequest *previous)
 * just before, when a new copy came from the service. */
PortingRequestTracker *porting_request_tracker_new            (GtkWidget             *page,
                                                               AdwToastOverlay       *toast_overlay,
                                                               PortingDraftStore     *draft_store,
                                                               const char            *draft_flow,
                                                               PortingRequestKind     kind,
                                                               const char            *key_field);
/* (nullable): the request as stored by the service */
PortingRequest        *porting_request_tracker_get_request    (PortingRequestTracker *self);
/* Whether a refresh is on its way ("notify::refreshing"). */
gboolean               porting_request_tracker_get_refreshing (PortingRequestTracker *self);
/* Follows the request whose id @draft keeps; none with a NULL @draft. */
void                   porting_request_tracker_restore        (PortingRequestTracker *self,
                                                               JsonObject            *draft);
/* Validates @request and sends it through the submit dialog, with
 * @regulatory (GPtrArray of GFile, nullable); says in a toast why not. */
void                   porting_request_tracker_submit         (PortingRequestTracker *self,
                                                               PortingRequest        *request,
                                                               GPtrArray             *regulatory);
/* Asks the service for the request's latest state (no-op while one is on its way). */
void                   porting_request_tracker_refresh        (PortingRequestTracker *self);

G_END_DECLS
