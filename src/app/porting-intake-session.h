/* porting-intake-session.h — the application's link to the intake service
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "porting-intake-client.h"
#include "porting-outbox.h"

G_BEGIN_DECLS

#define PORTING_TYPE_INTAKE_SESSION (porting_intake_session_get_type ())
G_DECLARE_FINAL_TYPE (PortingIntakeSession, porting_intake_session, PORTING, INTAKE_SESSION, GObject)

/* @outbox_directory NULL = the outbox's default place. */
PortingIntakeSession *porting_intake_session_new          (const char           *outbox_directory);
/* Recreates the client when @url or @token differ from the current ones
 * ("client" and "has-token" notify), then finds out the token's role and
 * sends what waits in the outbox. */
void                  porting_intake_session_configure    (PortingIntakeSession *self,
                                                           const char           *url,
                                                           const char           *token);
/* (nullable): NULL until configured with an address */
PortingIntakeClient  *porting_intake_session_get_client   (PortingIntakeSession *self);
gboolean              porting_intake_session_get_has_token (PortingIntakeSession *self);
/* Whether the service lets this token review requests. */
gboolean              porting_intake_session_get_staff    (PortingIntakeSession *self);
PortingOutbox        *porting_intake_session_get_outbox   (PortingIntakeSession *self);
/* Sends the outbox now (a no-op while a flush runs or without a token). */
void                  porting_intake_session_flush_outbox (PortingIntakeSession *self);
/* Tells every page that @request was stored by the service ("request-stored"). */
void                  porting_intake_session_request_stored (PortingIntakeSession *self,
                                                             PortingRequest       *request);

G_END_DECLS
