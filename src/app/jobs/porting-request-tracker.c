/* porting-request-tracker.c — the request a job page sent, followed until it is answered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-request-tracker"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-application.h"
#include "porting-intake-session.h"
#include "porting-request-tracker.h"
#include "porting-request-ui.h"
#include "porting-submit-dialog.h"

#define REFRESH_INTERVAL_SECONDS 30

struct _PortingRequestTracker
{
  GObject             parent_instance;

  GtkWidget          *page;                 /* weak: the page owns the tracker */
  AdwToastOverlay    *toast_overlay;        /* in the page */
  PortingDraftStore  *draft_store;
  char               *draft_flow;
  char               *key_field;
  PortingRequestKind  kind;

  GCancellable       *refresh_cancellable;
  PortingRequest     *pending;              /* sent, not yet stored */
  PortingRequest     *request;              /* as stored by the service */
  guint               refresh_source;
  guint               refreshing : 1;
  guint               session_connected : 1;
};

enum {
  PROP_0,
  PROP_REFRESHING,
  N_PROPS
};

enum {
  CHANGED,
  REFRESHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PortingRequestTracker, porting_request_tracker, G_TYPE_OBJECT)

static void
show_toast (PortingRequestTracker *self,
            const char            *title)
{
  if (self->page != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static PortingIntakeClient *
get_client (PortingRequestTracker *self)
{
  GtkRoot *root = gtk_widget_get_root (self->page);
  GApplication *app = NULL;

  if (GTK_IS_WINDOW (root))
    app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (root)));
  if (app == NULL)
    app = g_application_get_default ();

  if (!PORTING_IS_APPLICATION (app))
    return NULL;

  return porting_application_get_intake_client (PORTING_APPLICATION (app));
}

static void
set_refreshing (PortingRequestTracker *self,
                gboolean               refreshing)
{
  if (self->refreshing == !!refreshing)
    return;

  self->refreshing = !!refreshing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESHING]);
}

/* ---- Refreshing --------------------------------------------------------- */

static void
got_request_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PortingRequestTracker) self = user_data;
  g_autoptr(PortingRequest) request = NULL;
  g_autoptr(PortingRequest) previous = NULL;
  g_autoptr(GError) error = NULL;

  request = porting_intake_client_get_finish (PORTING_INTAKE_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_refreshing (self, FALSE);

  if (request == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The request could not be refreshed: %s"), error->message);
      show_toast (self, message);
      return;
    }

  previous = g_steal_pointer (&self->request);
  self->request = g_steal_pointer (&request);
  g_signal_emit (self, signals[REFRESHED], 0, previous);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
porting_request_tracker_refresh (PortingRequestTracker *self)
{
  PortingIntakeClient *client;
  const char *id;

  g_return_if_fail (PORTING_IS_REQUEST_TRACKER (self));

  if (self->page == NULL || self->request == NULL || self->refreshing)
    return;

  id = porting_request_get_id (self->request);
  client = get_client (self);
  if (client == NULL || id == NULL)
    return;

  set_refreshing (self, TRUE);
  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  self->refresh_cancellable = g_cancellable_new ();
  porting_intake_client_get_async (client, id, self->refresh_cancellable, got_request_cb, g_object_ref (self));
}

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  PortingRequestTracker *self = user_data;

  if (self->request != NULL && !porting_request_status_is_final (porting_request_get_status (self->request)))
    porting_request_tracker_refresh (self);

  return G_SOURCE_CONTINUE;
}

/* Polls only while the tracker is on screen: the page shows it whenever
 * there is a request. */
static void
schedule_refresh (PortingRequestTracker *self)
{
  gboolean wanted = self->request != NULL && self->page != NULL && gtk_widget_get_mapped (self->page);

  if (wanted && self->refresh_source == 0)
    self->refresh_source = g_timeout_add_seconds (REFRESH_INTERVAL_SECONDS, refresh_timeout_cb, self);
  else if (!wanted)
    g_clear_handle_id (&self->refresh_source, g_source_remove);
}

static void
on_page_map (PortingRequestTracker *self)
{
  schedule_refresh (self);
  /* Coming back to the page shows what changed meanwhile. */
  if (self->request != NULL)
    porting_request_tracker_refresh (self);
}

static void
stop_refreshing (PortingRequestTracker *self)
{
  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  set_refreshing (self, FALSE);
}

/* ---- Submitting --------------------------------------------------------- */

/* The same request as @pending, sent by the dialog or later from the outbox. */
static gboolean
same_request (PortingRequestTracker *self,
              PortingRequest        *stored)
{
  g_auto(GStrv) pending_numbers = porting_request_dup_numbers (self->pending);
  g_auto(GStrv) stored_numbers = porting_request_dup_numbers (stored);

  return porting_request_get_kind (self->pending) == porting_request_get_kind (stored) &&
         g_strcmp0 (porting_request_get_string (self->pending, self->key_field),
                    porting_request_get_string (stored, self->key_field)) == 0 &&
         g_strv_equal ((const char * const *) pending_numbers, (const char * const *) stored_numbers);
}

static void
on_submitted (PortingRequestTracker *self,
              PortingRequest        *stored)
{
  if (self->pending == NULL || !same_request (self, stored))
    return;

  g_clear_object (&self->pending);
  g_set_object (&self->request, stored);

  /* The service has it: the draft now only remembers which request to follow. */
  porting_draft_store_discard (self->draft_store, self->draft_flow);
  porting_draft_store_set_string (self->draft_store, self->draft_flow, "request-id", porting_request_get_id (stored));

  g_signal_emit (self, signals[CHANGED], 0);
  schedule_refresh (self);
}

static void
on_dialog_submitted (PortingRequestTracker *self,
                     PortingRequest        *stored,
                     PortingSubmitDialog   *dialog)
{
  on_submitted (self, stored);
}

void
porting_request_tracker_submit (PortingRequestTracker *self,
                                PortingRequest        *request,
                                GPtrArray             *regulatory)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root;
  GtkApplication *app;
  PortingSubmitDialog *dialog;

  g_return_if_fail (PORTING_IS_REQUEST_TRACKER (self));
  g_return_if_fail (PORTING_IS_REQUEST (request));
  g_return_if_fail (self->page != NULL);

  if (!porting_request_validate (request, NULL, &error))
    {
      show_toast (self, error->message);
      return;
    }

  root = gtk_widget_get_root (self->page);
  app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  if (!PORTING_IS_APPLICATION (app))
    {
      show_toast (self, _("The request cannot be sent from this window."));
      return;
    }

  if (!self->session_connected)
    {
      /* A request kept in the outbox while offline comes back through here. */
      g_signal_connect_object (porting_application_get_intake_session (PORTING_APPLICATION (app)),
                               "request-stored", G_CALLBACK (on_submitted), self, G_CONNECT_SWAPPED);
      self->session_connected = TRUE;
    }

  g_set_object (&self->pending, request);
  dialog = porting_submit_dialog_present (GTK_WINDOW (root), request, NULL, NULL, regulatory);
  g_signal_connect_object (dialog, "submitted", G_CALLBACK (on_dialog_submitted), self, G_CONNECT_SWAPPED);
  /* The dialog may have finished already, with an answer kept in memory. */
  if (porting_submit_dialog_get_stored (dialog) != NULL)
    on_submitted (self, porting_submit_dialog_get_stored (dialog));
  /* The page follows the request from now on: its tracker is the receipt. */
  porting_submit_dialog_set_close_when_stored (dialog, TRUE);
}

/* ---- Restoring ---------------------------------------------------------- */

void
porting_request_tracker_restore (PortingRequestTracker *self,
                                 JsonObject            *draft)
{
  const char *request_id;

  g_return_if_fail (PORTING_IS_REQUEST_TRACKER (self));

  /* An answer still on its way is for the request left behind. */
  stop_refreshing (self);

  g_clear_object (&self->request);
  request_id = porting_draft_get_string (draft, "request-id");
  if (*request_id != '\0')
    {
      self->request = porting_request_new (self->kind);
      porting_request_set_id (self->request, request_id);
    }

  g_signal_emit (self, signals[CHANGED], 0);
  schedule_refresh (self);
}

/* ---- Object ------------------------------------------------------------- */

static void
page_disposed_cb (gpointer  user_data,
                  GObject  *page)
{
  PortingRequestTracker *self = user_data;

  self->page = NULL;
  self->toast_overlay = NULL;
  stop_refreshing (self);
  g_clear_object (&self->pending);
}

static void
porting_request_tracker_dispose (GObject *object)
{
  PortingRequestTracker *self = PORTING_REQUEST_TRACKER (object);

  if (self->page != NULL)
    {
      g_object_weak_unref (G_OBJECT (self->page), page_disposed_cb, self);
      page_disposed_cb (self, G_OBJECT (self->page));
    }

  G_OBJECT_CLASS (porting_request_tracker_parent_class)->dispose (object);
}

static void
porting_request_tracker_finalize (GObject *object)
{
  PortingRequestTracker *self = PORTING_REQUEST_TRACKER (object);

  g_clear_object (&self->draft_store);
  g_clear_object (&self->request);
  g_clear_pointer (&self->draft_flow, g_free);
  g_clear_pointer (&self->key_field, g_free);

  G_OBJECT_CLASS (porting_request_tracker_parent_class)->finalize (object);
}

static void
porting_request_tracker_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  PortingRequestTracker *self = PORTING_REQUEST_TRACKER (object);

  switch (prop_id)
    {
    case PROP_REFRESHING:
      g_value_set_boolean (value, self->refreshing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porting_request_tracker_class_init (PortingRequestTrackerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = porting_request_tracker_dispose;
  object_class->finalize = porting_request_tracker_finalize;
  object_class->get_property = porting_request_tracker_get_property;

  properties[PROP_REFRESHING] =
    g_param_spec_boolean ("refreshing", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * PortingRequestTracker::refreshed:
   * @previous: (nullable): the copy the service's replaces
   */
  signals[REFRESHED] =
    g_signal_new ("refreshed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, PORTING_TYPE_REQUEST);
}

static void
porting_request_tracker_init (PortingRequestTracker *self)
{
}

PortingRequestTracker *
porting_request_tracker_new (GtkWidget          *page,
                             AdwToastOverlay    *toast_overlay,
                             PortingDraftStore  *draft_store,
                             const char         *draft_flow,
                             PortingRequestKind  kind,
                             const char         *key_field)
{
  PortingRequestTracker *self;

  g_return_val_if_fail (GTK_IS_WIDGET (page), NULL);
  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (toast_overlay), NULL);
  g_return_val_if_fail (PORTING_IS_DRAFT_STORE (draft_store), NULL);
  g_return_val_if_fail (draft_flow != NULL, NULL);
  g_return_val_if_fail (key_field != NULL, NULL);

  self = g_object_new (PORTING_TYPE_REQUEST_TRACKER, NULL);
  self->page = page;
  self->toast_overlay = toast_overlay;
  self->draft_store = g_object_ref (draft_store);
  self->draft_flow = g_strdup (draft_flow);
  self->key_field = g_strdup (key_field);
  self->kind = kind;

  g_object_weak_ref (G_OBJECT (page), page_disposed_cb, self);
  g_signal_connect_object (page, "map", G_CALLBACK (on_page_map), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "unmap", G_CALLBACK (schedule_refresh), self, G_CONNECT_SWAPPED);

  return self;
}

PortingRequest *
porting_request_tracker_get_request (PortingRequestTracker *self)
{
  g_return_val_if_fail (PORTING_IS_REQUEST_TRACKER (self), NULL);

  return self->request;
}

gboolean
porting_request_tracker_get_refreshing (PortingRequestTracker *self)
{
  g_return_val_if_fail (PORTING_IS_REQUEST_TRACKER (self), FALSE);

  return self->refreshing;
}
