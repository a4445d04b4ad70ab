/* porting-review-page.h — support staff: the queue, the documents, the answer
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porting-check-view.h"
#include "porting-intake-session.h"

G_BEGIN_DECLS

#define PORTING_TYPE_REVIEW_PAGE (porting_review_page_get_type ())
G_DECLARE_FINAL_TYPE (PortingReviewPage, porting_review_page, PORTING, REVIEW_PAGE, GtkWidget)

/* Actions: "review.approve" (after a confirmation), "review.reject",
 * "review.ask" (action required), "review.to-carrier", "review.schedule" (the
 * FOC date of the calendar), "review.complete", "review.cancel" and
 * "review.restart" (in review again): each enabled only where the service's
 * transitions allow it and the form has what it needs. A decision is sent
 * once its undo window (a toast) has gone. */
GtkWidget            *porting_review_page_new             (void);
/* Without one, the page uses its window's application's session once shown. */
void                  porting_review_page_set_session     (PortingReviewPage    *self,
                                                           PortingIntakeSession *session);
/* The queue: the open requests, those waiting for a review first ("submitted",
 * "in-review"), then those being ported; oldest first. */
void                  porting_review_page_refresh         (PortingReviewPage    *self);
gboolean              porting_review_page_get_loading     (PortingReviewPage    *self);
/* "loading", "empty", "error", "queue" or "review" */
const char           *porting_review_page_get_state       (PortingReviewPage    *self);
/* Opens a queued request: downloads its documents and checks them. */
gboolean              porting_review_page_open_request    (PortingReviewPage    *self,
                                                           const char           *id);
/* Opens @id once the queue lists it (a notification was clicked); a request
 * already open stays, with what staff typed in it. */
void                  porting_review_page_show_request    (PortingReviewPage    *self,
                                                           const char           *id);
/* (nullable) */
PortingRequest       *porting_review_page_get_request     (PortingReviewPage    *self);
PortingCheckView     *porting_review_page_get_check_view  (PortingReviewPage    *self);
/* TRUE while a request is open: the window folds its sidebar away so that
 * the documents get the room ("notify::workspace"). */
gboolean              porting_review_page_get_workspace   (PortingReviewPage    *self);
/* Seconds a decision can be undone before it is sent (default 8). */
void                  porting_review_page_set_undo_timeout (PortingReviewPage   *self,
                                                           guint                 seconds);
/* Seconds the wireless PIN stays shown (default 30). */
void                  porting_review_page_set_pin_timeout (PortingReviewPage    *self,
                                                           guint                 seconds);
/* Whether a decision waits for its undo window to close. */
gboolean              porting_review_page_get_decision_pending (PortingReviewPage *self);
/* (nullable): where the documents of the open request were downloaded */
GFile                *porting_review_page_get_document    (PortingReviewPage    *self,
                                                           const char           *part);

G_END_DECLS
