/* porting-window.h — the main window: sidebar of jobs, one page per job
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porting-application.h"

G_BEGIN_DECLS

#define PORTING_TYPE_WINDOW (porting_window_get_type ())
G_DECLARE_FINAL_TYPE (PortingWindow, porting_window, PORTING, WINDOW, AdwApplicationWindow)

PortingWindow *porting_window_new          (PortingApplication *application);
void           porting_window_show_page    (PortingWindow      *self,
                                            const char         *name);
const char    *porting_window_get_visible_page_name (PortingWindow *self);
GtkWidget     *porting_window_get_page     (PortingWindow      *self,
                                            const char         *name);
void           porting_window_add_toast    (PortingWindow      *self,
                                            AdwToast           *toast);
gboolean       porting_window_get_folded   (PortingWindow      *self);
/* Shows the request @id on the Requests page (a notification was clicked). */
void           porting_window_show_request (PortingWindow      *self,
                                            const char         *id);
/* Staff: opens the request @id in the review, unless another is open there. */
void           porting_window_show_review  (PortingWindow      *self,
                                            const char         *id);

G_END_DECLS
