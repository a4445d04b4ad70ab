/* test-requests.h — the fixture and the helpers test-requests.c and test-requests-review.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "intake-test-util.h"
#include "porting-application.h"
#include "porting-requests-page.h"
#include "porting-review-page.h"

G_BEGIN_DECLS

extern PortingApplication *app;

typedef struct
{
  TestService          *service;
  char                 *customer_token;
  char                 *staff_token;
  GtkWindow            *window;
  GtkStack             *stack;
  PortingRequestsPage  *requests_page;
  PortingReviewPage    *review_page;
} Fixture;

/* ---- Helpers (test-requests.c) ------------------------------------------- */

/* The template child @name of @widget, a @type; fails the test without it. */
gpointer          template_child        (gpointer    widget,
                                         GType       type,
                                         const char *name);

/* Conditions for ui_test_wait_for(), on a PortingReviewPage. */
gboolean          review_page_idle      (gpointer    data);
gboolean          check_done            (gpointer    data);
gboolean          review_closed         (gpointer    data);
gboolean          decision_sent         (gpointer    data);

/* Signs in with @token (the fixture's customer or staff token). */
void              use_token             (Fixture    *fixture,
                                         const char *token);
void              show_page             (Fixture    *fixture,
                                         GtkWidget  *page);
/* Opens the request @id from the review queue. */
void              open_queued           (Fixture    *fixture,
                                         const char *id);
/* The message dialog staff confirm an approval in. */
AdwMessageDialog *expect_message_dialog (void);

/* ---- Tests (test-requests-review.c) -------------------------------------- */

void test_wireless_review (Fixture       *fixture,
                           gconstpointer  data);
void test_review_verdict  (Fixture       *fixture,
                           gconstpointer  data);

G_END_DECLS
