/* porting-intake-monitor.c — tells a page when to ask the intake service again
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-intake-monitor"

#include "config.h"

#include "porting-application.h"
#include "porting-intake-monitor.h"

struct _PortingIntakeMonitor
{
  GObject               parent_instance;

  GtkWidget            *widget;   /* owns the monitor */
  PortingIntakeSession *session;
  guint                 interval_seconds;
  guint                 refresh_id;
};

G_DEFINE_FINAL_TYPE (PortingIntakeMonitor, porting_intake_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

enum {
  SESSION_CHANGED,
  REFRESH,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
porting_intake_monitor_refresh (PortingIntakeMonitor *self)
{
  g_signal_emit (self, signals[REFRESH], 0);
}

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  porting_intake_monitor_refresh (PORTING_INTAKE_MONITOR (user_data));
  return G_SOURCE_CONTINUE;
}

static void
on_session_changed (PortingIntakeMonitor *self)
{
  g_signal_emit (self, signals[SESSION_CHANGED], 0);

  if (self->widget != NULL && gtk_widget_get_mapped (self->widget))
    porting_intake_monitor_refresh (self);
}

static void
on_map (PortingIntakeMonitor *self)
{
  if (self->session == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (self->widget);
      GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

      if (PORTING_IS_APPLICATION (app))
        porting_intake_monitor_set_session (self, porting_application_get_intake_session (PORTING_APPLICATION (app)));
    }

  porting_intake_monitor_refresh (self);
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add_seconds (self->interval_seconds, refresh_timeout_cb, self);
}

static void
on_unmap (PortingIntakeMonitor *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
}

static void
porting_intake_monitor_dispose (GObject *object)
{
  PortingIntakeMonitor *self = PORTING_INTAKE_MONITOR (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  if (self->widget != NULL)
    g_signal_handlers_disconnect_by_data (self->widget, self);
  self->widget = NULL;

  G_OBJECT_CLASS (porting_intake_monitor_parent_class)->dispose (object);
}

static void
porting_intake_monitor_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PortingIntakeMonitor *self = PORTING_INTAKE_MONITOR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porting_intake_monitor_class_init (PortingIntakeMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = porting_intake_monitor_dispose;
  object_class->get_property = porting_intake_monitor_get_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PORTING_TYPE_INTAKE_SESSION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PortingIntakeMonitor::session-changed:
   *
   * Another session, address or token: what the widget shows belongs to
   * someone else.
   */
  signals[SESSION_CHANGED] =
    g_signal_new ("session-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * PortingIntakeMonitor::refresh:
   *
   * Time to ask the service again.
   */
  signals[REFRESH] =
    g_signal_new ("refresh",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
porting_intake_monitor_init (PortingIntakeMonitor *self)
{
}

PortingIntakeMonitor *
porting_intake_monitor_new (GtkWidget *widget,
                            guint      interval_seconds)
{
  PortingIntakeMonitor *self;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (interval_seconds > 0, NULL);

  self = g_object_new (PORTING_TYPE_INTAKE_MONITOR, NULL);
  self->widget = widget;
  self->interval_seconds = interval_seconds;
  /* After the widget's own map: it is mapped by then. */
  g_signal_connect_swapped (widget, "map", G_CALLBACK (on_map), self);
  g_signal_connect_swapped (widget, "unmap", G_CALLBACK (on_unmap), self);

  return self;
}

void
porting_intake_monitor_set_session (PortingIntakeMonitor *self,
                                    PortingIntakeSession *session)
{
  g_return_if_fail (PORTING_IS_INTAKE_MONITOR (self));
  g_return_if_fail (session == NULL || PORTING_IS_INTAKE_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_object (session, "notify::client", G_CALLBACK (on_session_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "request-stored", G_CALLBACK (porting_intake_monitor_refresh),
                               self, G_CONNECT_SWAPPED);
    }

  on_session_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

PortingIntakeSession *
porting_intake_monitor_get_session (PortingIntakeMonitor *self)
{
  g_return_val_if_fail (PORTING_IS_INTAKE_MONITOR (self), NULL);

  return self->session;
}
