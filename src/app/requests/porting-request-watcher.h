/* porting-request-watcher.h — notices when requests change status or come to wait for a review
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "porting-intake-session.h"

G_BEGIN_DECLS

#define PORTING_TYPE_REQUEST_WATCHER (porting_request_watcher_get_type ())
G_DECLARE_FINAL_TYPE (PortingRequestWatcher, porting_request_watcher, PORTING, REQUEST_WATCHER, GObject)

/* Lists the requests of @session's token every @interval_seconds while the
 * application runs. For a customer token it emits "status-changed"
 * (PortingRequest *, as stored now) for each whose status differs from the
 * last listing; for a staff token, "waiting-for-review" for each that came
 * to wait in the review queue (sent, or corrected by its customer). The
 * first listing of a token only learns where its requests stand. */
PortingRequestWatcher *porting_request_watcher_new   (PortingIntakeSession  *session,
                                                      guint                  interval_seconds);
/* Lists now (no-op while a listing is on its way). */
void                   porting_request_watcher_check (PortingRequestWatcher *self);

G_END_DECLS
