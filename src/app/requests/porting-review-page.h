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

/* Actions: "review.approve" and "review.reject", enabled when the form allows them. */
GtkWidget            *porting_review_page_new             (void);
/* Without one, the page uses its window's application's session once shown. */
void                  porting_review_page_set_session     (PortingReviewPage    *self,
                                                           PortingIntakeSession *session);
/* The queue: requests "submitted" and "in-review", oldest first. */
void                  porting_review_page_refresh         (PortingReviewPage    *self);
gboolean              porting_review_page_get_loading     (PortingReviewPage    *self);
/* "loading", "empty", "error", "queue" or "review" */
const char           *porting_review_page_get_state       (PortingReviewPage    *self);
/* Opens a queued request: downloads its documents and checks them. */
gboolean              porting_review_page_open_request    (PortingReviewPage    *self,
                                                           const char           *id);
/* (nullable) */
PortingRequest       *porting_review_page_get_request     (PortingReviewPage    *self);
PortingCheckView     *porting_review_page_get_check_view  (PortingReviewPage    *self);
/* (nullable): where the documents of the open request were downloaded */
GFile                *porting_review_page_get_document    (PortingReviewPage    *self,
                                                           const char           *part);

G_END_DECLS
