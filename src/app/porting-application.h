/* porting-application.h — the application: actions, settings, style
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porting-intake-session.h"

G_BEGIN_DECLS

#define PORTING_TYPE_APPLICATION (porting_application_get_type ())
G_DECLARE_FINAL_TYPE (PortingApplication, porting_application, PORTING, APPLICATION, AdwApplication)

PortingApplication *porting_application_new              (void);
GSettings          *porting_application_get_settings     (PortingApplication *self);
char               *porting_application_get_intake_url   (PortingApplication *self);
const char         *porting_application_get_intake_token (PortingApplication *self);
void                porting_application_set_intake_token (PortingApplication *self,
                                                          const char         *token);
gboolean            porting_application_intake_url_from_environment   (PortingApplication *self);
gboolean            porting_application_intake_token_from_environment (PortingApplication *self);
PortingIntakeSession *porting_application_get_intake_session (PortingApplication *self);
PortingIntakeClient  *porting_application_get_intake_client  (PortingApplication *self);

G_END_DECLS
