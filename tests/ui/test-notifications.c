/* test-notifications.c — a status change while the application runs is a desktop notification
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A real porting-intake, the real application, and on the session bus (the
 * suite runs under dbus-run-session) a notification server of the test's
 * own: the org.freedesktop.Notifications interface that GLib's notification
 * backend talks to outside a sandbox, on a connection of its own as a daemon
 * would have. It records each Notify call and can say the notification was
 * clicked (ActionInvoked), as a desktop shell does.
 */
#define G_LOG_DOMAIN "test-notifications"

#include "config.h"

#include <adwaita.h>

#include "intake-test-util.h"
#include "porting-application.h"
#include "porting-requests-page.h"
#include "porting-review-page.h"
#include "porting-window.h"
#include "ui-test-util.h"

static const char server_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/><arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "    </method>"
  "    <signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "    <signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "  </interface>"
  "</node>";

typedef struct
{
  char  *app_name;
  char  *summary;
  char  *body;
  GStrv  actions;
  guint  id;
} Notification;

static GDBusConnection *server_connection;
static PortingApplication *app;   /* one per process: its D-Bus path */
static GPtrArray *notifications; /* of Notification */
static gboolean name_owned;

static void
notification_free (gpointer data)
{
  Notification *notification = data;

  g_free (notification->app_name);
  g_free (notification->summary);
  g_free (notification->body);
  g_strfreev (notification->actions);
  g_free (notification);
}

static void
server_method_call (GDBusConnection       *connection,
                    const char            *sender,
                    const char            *object_path,
                    const char            *interface_name,
                    const char            *method_name,
                    GVariant              *parameters,
                    GDBusMethodInvocation *invocation,
                    gpointer               user_data)
{
  if (g_str_equal (method_name, "Notify"))
    {
      Notification *notification = g_new0 (Notification, 1);
      guint replaces;

      g_variant_get_child (parameters, 0, "s", &notification->app_name);
      g_variant_get_child (parameters, 1, "u", &replaces);
      g_variant_get_child (parameters, 3, "s", &notification->summary);
      g_variant_get_child (parameters, 4, "s", &notification->body);
      g_variant_get_child (parameters, 5, "^as", &notification->actions);
      notification->id = replaces != 0 ? replaces : notifications->len + 1;
      g_ptr_array_add (notifications, notification);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", notification->id));
    }
  else if (g_str_equal (method_name, "GetCapabilities"))
    {
      const char *capabilities[] = { "actions", "body", NULL };

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", capabilities));
    }
  else if (g_str_equal (method_name, "GetServerInformation"))
    {
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(ssss)", "test-notifications",
                                                                        "Porting", "1", "1.2"));
    }
  else
    {
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
}

static void
on_name_acquired (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  name_owned = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
start_notification_server (void)
{
  static const GDBusInterfaceVTable vtable = { server_method_call, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;

  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  server_connection = g_dbus_connection_new_for_address_sync (address,
                                                              G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                              G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                              NULL, NULL, &error);
  g_assert_no_error (error);
  info = g_dbus_node_info_new_for_xml (server_xml, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (server_connection, "/org/freedesktop/Notifications", info->interfaces[0],
                                     &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  g_bus_own_name_on_connection (server_connection, "org.freedesktop.Notifications", G_BUS_NAME_OWNER_FLAGS_NONE,
                                on_name_acquired, NULL, NULL, NULL);
  g_assert_true (ui_test_wait_for (is_true, &name_owned));
}

static gboolean
has_notifications (gpointer data)
{
  return notifications->len >= GPOINTER_TO_UINT (data);
}

static gboolean
request_shown (gpointer data)
{
  PortingRequestsPage *page = data;
  PortingRequest *shown = porting_requests_page_get_shown_request (page);
  const char *id = g_object_get_data (G_OBJECT (page), "expected-id");

  return shown != NULL && g_strcmp0 (porting_request_get_id (shown), id) == 0 &&
         g_strcmp0 (porting_requests_page_get_state (page), "details") == 0;
}

static gboolean
session_is_customer (gpointer data)
{
  PortingIntakeSession *session = data;

  return porting_intake_session_get_client (session) != NULL && porting_intake_session_get_has_token (session);
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

/* The application, with the token and service ui_test_use_intake() gave. */
static void
start_application (UiTestCondition session_ready)
{
  if (app == NULL)
    app = ui_test_application_new ();
  else
    /* The environment wins over the stored token: read again. */
    porting_application_set_intake_token (app, NULL);
  g_assert_true (ui_test_wait_for (session_ready, porting_application_get_intake_session (app)));
}

static void
test_status_change_notifies (void)
{
  g_autofree char *data_dir = g_build_filename (ui_test_get_home (), "intake", NULL);
  g_autoptr(PortingIntakeClient) customer = NULL;
  g_autoptr(PortingIntakeClient) staff = NULL;
  g_autoptr(PortingRequest) request = test_port_in_request (NULL);
  g_autoptr(PortingRequest) stored = NULL;
  g_autoptr(PortingRequest) reviewed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *customer_token = NULL;
  g_autofree char *staff_token = NULL;
  g_autofree char *key = g_uuid_string_random ();
  g_autofree char *expected_summary = NULL;
  Notification *notification;
  PortingWindow *window;
  GtkWidget *page;
  TestService *service;
  gint64 until;

  g_assert_cmpint (g_mkdir_with_parents (data_dir, 0700), ==, 0);
  service = test_service_start (data_dir);
  customer_token = test_intake_token (data_dir, "customer", "Acme Widgets LLC");
  staff_token = test_intake_token (data_dir, "staff", "Sam Support");
  customer = test_client_new (service->url, customer_token);
  staff = test_client_new (service->url, staff_token);

  stored = test_submit (customer, request, NULL, NULL, key, NULL, &error);
  g_assert_no_error (error);

  /* The application runs with the customer's token and learns where the
   * request stands: no notification for that. */
  ui_test_use_intake (service->url, customer_token);
  start_application (session_is_customer);
  until = g_get_monotonic_time () + 2500 * G_TIME_SPAN_MILLISECOND;
  ui_test_wait_for (time_passed, &until);
  g_assert_cmpuint (notifications->len, ==, 0);

  /* Staff approve it: the next look notifies, naming it by its reference. */
  reviewed = test_review (staff, porting_request_get_id (stored), "{\"decision\": \"approve\", \"note\": \"All good\"}", &error);
  g_assert_no_error (error);
  g_assert_true (ui_test_wait_for (has_notifications, GUINT_TO_POINTER (1)));
  notification = g_ptr_array_index (notifications, 0);
  expected_summary = g_strdup_printf ("Request %s: Approved", porting_request_get_reference (stored));
  g_assert_cmpstr (notification->summary, ==, expected_summary);
  g_assert_null (strstr (notification->summary, porting_request_get_id (stored)));
  g_assert_cmpstr (notification->body, ==, porting_request_status_get_explanation (PORTING_REQUEST_STATUS_APPROVED));
  /* Clicking it opens the request: the default action. */
  g_assert_nonnull (notification->actions);
  g_assert_true (g_strv_contains ((const char * const *) notification->actions, "default"));

  /* Nothing changed since: no second notification. */
  until = g_get_monotonic_time () + 2500 * G_TIME_SPAN_MILLISECOND;
  ui_test_wait_for (time_passed, &until);
  g_assert_cmpuint (notifications->len, ==, 1);

  /* The shell says it was clicked: the window opens on that request. */
  g_dbus_connection_emit_signal (server_connection, NULL, "/org/freedesktop/Notifications",
                                 "org.freedesktop.Notifications", "ActionInvoked",
                                 g_variant_new ("(us)", notification->id, "default"), &error);
  g_assert_no_error (error);
  g_assert_true (ui_test_wait_for ((UiTestCondition) gtk_application_get_active_window, app));
  window = PORTING_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (ui_test_wait_for (ui_test_widget_is_mapped, window));
  g_assert_cmpstr (porting_window_get_visible_page_name (window), ==, "requests");
  page = porting_window_get_page (window, "requests");
  g_object_set_data_full (G_OBJECT (page), "expected-id", g_strdup (porting_request_get_id (stored)), g_free);
  g_assert_true (ui_test_wait_for (request_shown, page));

  ui_test_destroy_window (GTK_WINDOW (window));
  test_service_free (service);
}

static gboolean
session_is_staff (gpointer data)
{
  PortingIntakeSession *session = data;

  return porting_intake_session_get_client (session) != NULL && porting_intake_session_get_staff (session);
}

static gboolean
review_open (gpointer data)
{
  PortingReviewPage *page = data;
  PortingRequest *open = porting_review_page_get_request (page);
  const char *id = g_object_get_data (G_OBJECT (page), "expected-id");

  return open != NULL && g_strcmp0 (porting_request_get_id (open), id) == 0 &&
         g_strcmp0 (porting_review_page_get_state (page), "review") == 0;
}

/* Staff hear of what they did not do: a request sent, or one its customer
 * corrected; not of their own decisions. Clicking opens it in the review. */
static void
test_staff_queue_notifies (void)
{
  g_autofree char *data_dir = g_build_filename (ui_test_get_home (), "intake-staff", NULL);
  g_autoptr(PortingIntakeClient) customer = NULL;
  g_autoptr(PortingIntakeClient) staff = NULL;
  g_autoptr(PortingRequest) request = test_port_in_request (NULL);
  g_autoptr(PortingRequest) waiting = NULL;
  g_autoptr(PortingRequest) sent = NULL;
  g_autoptr(PortingRequest) reviewed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *customer_token = NULL;
  g_autofree char *staff_token = NULL;
  g_autofree char *key = g_uuid_string_random ();
  g_autofree char *key2 = g_uuid_string_random ();
  g_autofree char *expected_summary = NULL;
  Notification *notification;
  PortingWindow *window;
  GtkWidget *page;
  TestService *service;
  guint before;
  gint64 until;

  g_assert_cmpint (g_mkdir_with_parents (data_dir, 0700), ==, 0);
  service = test_service_start (data_dir);
  customer_token = test_intake_token (data_dir, "customer", "Acme Widgets LLC");
  staff_token = test_intake_token (data_dir, "staff", "Sam Support");
  customer = test_client_new (service->url, customer_token);
  staff = test_client_new (service->url, staff_token);

  /* Waiting before the application starts: its first look only learns it. */
  waiting = test_submit (customer, request, NULL, NULL, key, NULL, &error);
  g_assert_no_error (error);
  before = notifications->len;
  ui_test_use_intake (service->url, staff_token);
  start_application (session_is_staff);
  until = g_get_monotonic_time () + 2500 * G_TIME_SPAN_MILLISECOND;
  ui_test_wait_for (time_passed, &until);
  g_assert_cmpuint (notifications->len, ==, before);

  /* A customer sends one: staff are told, by its reference. */
  sent = test_submit (customer, request, NULL, NULL, key2, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ui_test_wait_for (has_notifications, GUINT_TO_POINTER (before + 1)));
  notification = g_ptr_array_index (notifications, before);
  expected_summary = g_strdup_printf ("%s waits for a review", porting_request_get_reference (sent));
  g_assert_cmpstr (notification->summary, ==, expected_summary);
  g_assert_cmpstr (notification->body, ==, "Port in: (510) 555-0142, (510) 555-0143");
  g_assert_true (g_strv_contains ((const char * const *) notification->actions, "default"));

  /* Staff's own decision on the other one: nothing. */
  reviewed = test_review (staff, porting_request_get_id (waiting), "{\"decision\": \"in-review\"}", &error);
  g_assert_no_error (error);
  until = g_get_monotonic_time () + 2500 * G_TIME_SPAN_MILLISECOND;
  ui_test_wait_for (time_passed, &until);
  g_assert_cmpuint (notifications->len, ==, before + 1);

  /* Clicked: the window opens the request in the review. */
  g_dbus_connection_emit_signal (server_connection, NULL, "/org/freedesktop/Notifications",
                                 "org.freedesktop.Notifications", "ActionInvoked",
                                 g_variant_new ("(us)", notification->id, "default"), &error);
  g_assert_no_error (error);
  g_assert_true (ui_test_wait_for ((UiTestCondition) gtk_application_get_active_window, app));
  window = PORTING_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (ui_test_wait_for (ui_test_widget_is_mapped, window));
  g_assert_cmpstr (porting_window_get_visible_page_name (window), ==, "review");
  page = porting_window_get_page (window, "review");
  g_object_set_data_full (G_OBJECT (page), "expected-id", g_strdup (porting_request_get_id (sent)), g_free);
  g_assert_true (ui_test_wait_for (review_open, page));

  ui_test_destroy_window (GTK_WINDOW (window));
  test_service_free (service);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ui_test_init (&argc, &argv);
  test_intake_init ();
  /* A look every second rather than every minute. */
  g_setenv ("PORTING_WATCH_SECONDS", "1", TRUE);
  notifications = g_ptr_array_new_with_free_func (notification_free);
  start_notification_server ();

  g_test_add_func ("/notifications/status-change", test_status_change_notifies);
  g_test_add_func ("/notifications/staff-queue", test_staff_queue_notifies);

  status = g_test_run ();
  g_clear_object (&app);
  g_clear_pointer (&notifications, g_ptr_array_unref);
  g_clear_object (&server_connection);
  ui_test_finish ();
  return status;
}
