/* porting-request-watcher.c — notices when a customer's requests change status,
 * and for staff, when a request comes to wait for a review
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-request-watcher"

#include "config.h"

#include "porting-request-watcher.h"

struct _PortingRequestWatcher
{
  GObject               parent_instance;

  PortingIntakeSession *session;
  GCancellable         *cancellable;  /* the listing on its way */
  GHashTable           *statuses;     /* id → PortingRequestStatus, NULL before the first listing */
  guint                 timeout_id;
};

G_DEFINE_FINAL_TYPE (PortingRequestWatcher, porting_request_watcher, G_TYPE_OBJECT)

enum {
  STATUS_CHANGED,
  WAITING_FOR_REVIEW,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
waits_for_review (PortingRequestStatus status)
{
  return status == PORTING_REQUEST_STATUS_SUBMITTED || status == PORTING_REQUEST_STATUS_IN_REVIEW;
}

/* For staff, what they did not do themselves: a request sent, or one
 * corrected by its customer (action required → in review). Moving one from
 * "submitted" to "in-review" is no news. */
static gboolean
came_to_wait (GHashTable           *known_statuses,
              const char           *id,
              PortingRequestStatus  status)
{
  gpointer known;

  if (!waits_for_review (status))
    return FALSE;
  if (!g_hash_table_lookup_extended (known_statuses, id, NULL, &known))
    return TRUE;
  return !waits_for_review (GPOINTER_TO_UINT (known));
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(PortingRequestWatcher) self = user_data;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GHashTable) statuses = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gboolean staff = porting_intake_session_get_staff (self->session);

  requests = porting_intake_client_list_finish (PORTING_INTAKE_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);

  if (requests == NULL)
    {
      /* Offline for now: the next listing compares with the last one known. */
      g_debug ("Requests not listed: %s", error->message);
      return;
    }

  statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < requests->len; i++)
    {
      PortingRequest *request = g_ptr_array_index (requests, i);
      const char *id = porting_request_get_id (request);
      PortingRequestStatus status = porting_request_get_status (request);
      gpointer known;

      if (id == NULL)
        continue;
      g_hash_table_insert (statuses, g_strdup (id), GUINT_TO_POINTER (status));
      if (self->statuses == NULL)
        continue;
      if (staff)
        {
          if (came_to_wait (self->statuses, id, status))
            g_ptr_array_add (changed, request);
        }
      /* A request sent meanwhile is no change: its receipt said where it stands. */
      else if (g_hash_table_lookup_extended (self->statuses, id, NULL, &known) &&
               GPOINTER_TO_UINT (known) != status)
        g_ptr_array_add (changed, request);
    }

  g_clear_pointer (&self->statuses, g_hash_table_unref);
  self->statuses = g_steal_pointer (&statuses);

  for (guint i = 0; i < changed->len; i++)
    g_signal_emit (self, signals[staff ? WAITING_FOR_REVIEW : STATUS_CHANGED], 0, g_ptr_array_index (changed, i));
}

void
porting_request_watcher_check (PortingRequestWatcher *self)
{
  PortingIntakeClient *client;

  g_return_if_fail (PORTING_IS_REQUEST_WATCHER (self));

  client = porting_intake_session_get_client (self->session);
  if (self->cancellable != NULL || client == NULL ||
      !porting_intake_session_get_has_token (self->session))
    return;

  self->cancellable = g_cancellable_new ();
  porting_intake_client_list_async (client, NULL, self->cancellable, list_cb, g_object_ref (self));
}

static gboolean
timeout_cb (gpointer user_data)
{
  porting_request_watcher_check (user_data);
  return G_SOURCE_CONTINUE;
}

/* Another address, token or role: what was known belongs to someone else. */
static void
on_session_changed (PortingRequestWatcher *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->statuses, g_hash_table_unref);
  porting_request_watcher_check (self);
}

static void
porting_request_watcher_dispose (GObject *object)
{
  PortingRequestWatcher *self = PORTING_REQUEST_WATCHER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (porting_request_watcher_parent_class)->dispose (object);
}

static void
porting_request_watcher_finalize (GObject *object)
{
  PortingRequestWatcher *self = PORTING_REQUEST_WATCHER (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->statuses, g_hash_table_unref);

  G_OBJECT_CLASS (porting_request_watcher_parent_class)->finalize (object);
}

static void
porting_request_watcher_class_init (PortingRequestWatcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = porting_request_watcher_dispose;
  object_class->finalize = porting_request_watcher_finalize;

  /**
   * PortingRequestWatcher::status-changed:
   * @request: the request as the service stores it now
   */
  signals[STATUS_CHANGED] =
    g_signal_new ("status-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, PORTING_TYPE_REQUEST);

  /**
   * PortingRequestWatcher::waiting-for-review:
   * @request: the request as the service stores it now
   *
   * Staff only: @request was sent, or corrected by its customer, since the
   * last listing, and waits in the review queue.
   */
  signals[WAITING_FOR_REVIEW] =
    g_signal_new ("waiting-for-review",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, PORTING_TYPE_REQUEST);
}

static void
porting_request_watcher_init (PortingRequestWatcher *self)
{
}

PortingRequestWatcher *
porting_request_watcher_new (PortingIntakeSession *session,
                             guint                 interval_seconds)
{
  PortingRequestWatcher *self;

  g_return_val_if_fail (PORTING_IS_INTAKE_SESSION (session), NULL);
  g_return_val_if_fail (interval_seconds > 0, NULL);

  self = g_object_new (PORTING_TYPE_REQUEST_WATCHER, NULL);
  self->session = g_object_ref (session);
  self->timeout_id = g_timeout_add_seconds (interval_seconds, timeout_cb, self);
  g_signal_connect_object (session, "notify::client", G_CALLBACK (on_session_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::staff", G_CALLBACK (on_session_changed), self, G_CONNECT_SWAPPED);
  porting_request_watcher_check (self);

  return self;
}
