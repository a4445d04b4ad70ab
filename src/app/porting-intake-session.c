/* porting-intake-session.c — the application's link to the intake service
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-intake-session"

#include "config.h"

#include "porting-intake-session.h"

struct _PortingIntakeSession
{
  GObject              parent_instance;

  PortingIntakeClient *client;
  char                *url;
  char                *token;
  PortingOutbox       *outbox;
  GNetworkMonitor     *monitor;
  GCancellable        *cancellable;   /* role probe and flush of the current client */

  guint                staff : 1;
  guint                network_available : 1;
};

G_DEFINE_FINAL_TYPE (PortingIntakeSession, porting_intake_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_HAS_TOKEN,
  PROP_STAFF,
  N_PROPS
};

enum {
  REQUEST_STORED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
porting_intake_session_set_staff (PortingIntakeSession *self,
                                  gboolean              staff)
{
  staff = !!staff;
  if (self->staff == staff)
    return;

  self->staff = staff;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAFF]);
}

static void
me_cb (GObject      *object,
       GAsyncResult *result,
       gpointer      user_data)
{
  g_autoptr(PortingIntakeSession) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *expires_at = NULL;
  gboolean is_staff = FALSE;

  if (!porting_intake_client_get_me_finish (PORTING_INTAKE_CLIENT (object), result,
                                            &name, &is_staff, &expires_at, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          PORTING_INTAKE_CLIENT (object) != self->client)
        return;
      if (g_error_matches (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_UNAUTHORIZED))
        porting_intake_session_set_staff (self, FALSE);
      else
        g_debug ("Could not learn the role of the access token: %s", error->message);
      return;
    }

  if (PORTING_INTAKE_CLIENT (object) != self->client)
    return;
  porting_intake_session_set_staff (self, is_staff);
}

/* GET /v1/me says whom the token is for (DESIGN.md §3.5). */
static void
porting_intake_session_probe_role (PortingIntakeSession *self)
{
  if (self->client == NULL || self->token == NULL)
    return;

  porting_intake_client_get_me_async (self->client, self->cancellable, me_cb, g_object_ref (self));
}

static void
flush_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(PortingIntakeSession) self = user_data;
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GError) error = NULL;

  sent = porting_outbox_flush_finish (PORTING_OUTBOX (object), result, &error);
  if (sent == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Outbox not sent: %s", error->message);
      return;
    }

  for (guint i = 0; i < sent->len; i++)
    g_signal_emit (self, signals[REQUEST_STORED], 0, g_ptr_array_index (sent, i));
}

void
porting_intake_session_flush_outbox (PortingIntakeSession *self)
{
  g_return_if_fail (PORTING_IS_INTAKE_SESSION (self));

  if (self->client == NULL || self->token == NULL ||
      porting_outbox_get_n_items (self->outbox) == 0)
    return;

  porting_outbox_flush_async (self->outbox, self->client, self->cancellable,
                              flush_cb, g_object_ref (self));
}

static void
on_network_available_changed (PortingIntakeSession *self,
                              GParamSpec           *pspec,
                              GNetworkMonitor      *monitor)
{
  gboolean available = g_network_monitor_get_network_available (monitor);

  if (available == self->network_available)
    return;

  self->network_available = available;
  if (available)
    {
      porting_intake_session_flush_outbox (self);
      /* The role probe may have failed while the network was away. */
      porting_intake_session_probe_role (self);
    }
}

static void
porting_intake_session_dispose (GObject *object)
{
  PortingIntakeSession *self = PORTING_INTAKE_SESSION (object);

  g_cancellable_cancel (self->cancellable);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  self->monitor = NULL;

  G_OBJECT_CLASS (porting_intake_session_parent_class)->dispose (object);
}

static void
porting_intake_session_finalize (GObject *object)
{
  PortingIntakeSession *self = PORTING_INTAKE_SESSION (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->outbox);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->token, g_free);

  G_OBJECT_CLASS (porting_intake_session_parent_class)->finalize (object);
}

static void
porting_intake_session_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PortingIntakeSession *self = PORTING_INTAKE_SESSION (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_HAS_TOKEN:
      g_value_set_boolean (value, self->token != NULL);
      break;
    case PROP_STAFF:
      g_value_set_boolean (value, self->staff);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porting_intake_session_class_init (PortingIntakeSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = porting_intake_session_dispose;
  object_class->finalize = porting_intake_session_finalize;
  object_class->get_property = porting_intake_session_get_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, PORTING_TYPE_INTAKE_CLIENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_TOKEN] =
    g_param_spec_boolean ("has-token", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAFF] =
    g_param_spec_boolean ("staff", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PortingIntakeSession::request-stored:
   * @request: the request as the service stored it
   *
   * A request was submitted (by a page or from the outbox).
   */
  signals[REQUEST_STORED] =
    g_signal_new ("request-stored",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, PORTING_TYPE_REQUEST);
}

static void
porting_intake_session_init (PortingIntakeSession *self)
{
  self->cancellable = g_cancellable_new ();
}

PortingIntakeSession *
porting_intake_session_new (const char *outbox_directory)
{
  PortingIntakeSession *self = g_object_new (PORTING_TYPE_INTAKE_SESSION, NULL);

  self->outbox = porting_outbox_new (outbox_directory);
  self->monitor = g_network_monitor_get_default ();
  self->network_available = g_network_monitor_get_network_available (self->monitor);
  g_signal_connect_object (self->monitor, "notify::network-available",
                           G_CALLBACK (on_network_available_changed), self, G_CONNECT_SWAPPED);

  return self;
}

void
porting_intake_session_configure (PortingIntakeSession *self,
                                  const char           *url,
                                  const char           *token)
{
  gboolean had_token;

  g_return_if_fail (PORTING_IS_INTAKE_SESSION (self));

  if (url != NULL && *url == '\0')
    url = NULL;
  if (token != NULL && *token == '\0')
    token = NULL;

  if (self->client != NULL && g_strcmp0 (url, self->url) == 0 && g_strcmp0 (token, self->token) == 0)
    return;

  had_token = self->token != NULL;

  /* Answers for the former address or token must not land in the new state. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_free (self->url);
  self->url = g_strdup (url);
  g_free (self->token);
  self->token = g_strdup (token);
  g_clear_object (&self->client);
  if (url != NULL)
    self->client = porting_intake_client_new (url, token);

  porting_intake_session_set_staff (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
  if (had_token != (self->token != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_TOKEN]);

  porting_intake_session_probe_role (self);
  porting_intake_session_flush_outbox (self);
}

PortingIntakeClient *
porting_intake_session_get_client (PortingIntakeSession *self)
{
  g_return_val_if_fail (PORTING_IS_INTAKE_SESSION (self), NULL);

  return self->client;
}

gboolean
porting_intake_session_get_has_token (PortingIntakeSession *self)
{
  g_return_val_if_fail (PORTING_IS_INTAKE_SESSION (self), FALSE);

  return self->token != NULL;
}

gboolean
porting_intake_session_get_staff (PortingIntakeSession *self)
{
  g_return_val_if_fail (PORTING_IS_INTAKE_SESSION (self), FALSE);

  return self->staff;
}

PortingOutbox *
porting_intake_session_get_outbox (PortingIntakeSession *self)
{
  g_return_val_if_fail (PORTING_IS_INTAKE_SESSION (self), NULL);

  return self->outbox;
}

void
porting_intake_session_request_stored (PortingIntakeSession *self,
                                       PortingRequest       *request)
{
  g_return_if_fail (PORTING_IS_INTAKE_SESSION (self));
  g_return_if_fail (PORTING_IS_REQUEST (request));

  g_signal_emit (self, signals[REQUEST_STORED], 0, request);
}
