/* porting-requests-page.h — the customer's requests and where each stands
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porting-intake-session.h"

G_BEGIN_DECLS

#define PORTING_TYPE_REQUESTS_PAGE (porting_requests_page_get_type ())
G_DECLARE_FINAL_TYPE (PortingRequestsPage, porting_requests_page, PORTING, REQUESTS_PAGE, GtkWidget)

GtkWidget            *porting_requests_page_new          (void);
/* Without one, the page uses its window's application's session once shown. */
void                  porting_requests_page_set_session  (PortingRequestsPage  *self,
                                                          PortingIntakeSession *session);
PortingIntakeSession *porting_requests_page_get_session  (PortingRequestsPage  *self);
/* Asks the service again (also done when shown, every minute while shown,
 * and when a request is submitted). */
void                  porting_requests_page_refresh      (PortingRequestsPage  *self);
/* TRUE while a refresh runs. */
gboolean              porting_requests_page_get_loading  (PortingRequestsPage  *self);
/* "loading", "empty", "error", "no-token", "list" or "details" */
const char           *porting_requests_page_get_state    (PortingRequestsPage  *self);
/* Opens the details of a listed request; FALSE when it is not in the list. */
gboolean              porting_requests_page_show_request (PortingRequestsPage  *self,
                                                          const char           *id);
/* Shows the request @id now when listed, else once the next listing has it
 * (a notification clicked before the page loaded). */
void                  porting_requests_page_open_request (PortingRequestsPage  *self,
                                                          const char           *id);
/* (nullable): the request whose details are shown */
PortingRequest       *porting_requests_page_get_shown_request (PortingRequestsPage *self);

G_END_DECLS
