/* porting-preferences-window.h — intake service, token, style, drafts
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porting-application.h"

G_BEGIN_DECLS

#define PORTING_TYPE_PREFERENCES_WINDOW (porting_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (PortingPreferencesWindow, porting_preferences_window, PORTING, PREFERENCES_WINDOW, AdwPreferencesWindow)

PortingPreferencesWindow *porting_preferences_window_new (PortingApplication *application);

gboolean porting_preferences_check_intake_url (const char  *url,
                                               GError     **error);

G_END_DECLS
