/* porting-intake-monitor.h — tells a page when to ask the intake service again
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "porting-intake-session.h"

G_BEGIN_DECLS

#define PORTING_TYPE_INTAKE_MONITOR (porting_intake_monitor_get_type ())
G_DECLARE_FINAL_TYPE (PortingIntakeMonitor, porting_intake_monitor, PORTING, INTAKE_MONITOR, GObject)

/* Follows @widget, which owns the monitor (it is not referenced). "refresh"
 * is emitted when @widget is mapped, every @interval_seconds while it is,
 * and when the session stores a request. "session-changed" is emitted when
 * the session or its client changes, followed by "refresh" while mapped.
 * Without a session, the one of @widget's window's application is taken
 * once @widget is mapped. */
PortingIntakeMonitor *porting_intake_monitor_new         (GtkWidget            *widget,
                                                          guint                 interval_seconds);
void                  porting_intake_monitor_set_session (PortingIntakeMonitor *self,
                                                          PortingIntakeSession *session);
/* (nullable) */
PortingIntakeSession *porting_intake_monitor_get_session (PortingIntakeMonitor *self);

G_END_DECLS
