/* porting-application.c — the application: actions, settings, style, intake address
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-application"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-application.h"
#include "porting-preferences-window.h"
#include "porting-request-ui.h"
#include "porting-request-watcher.h"
#include "porting-token-store.h"
#include "porting-window.h"

/* How often a customer's requests are looked at while the application runs;
 * PORTING_WATCH_SECONDS changes it (tests). */
#define WATCH_INTERVAL_SECONDS 60

struct _PortingApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GCancellable   *cancellable;

  /* Looked up in the Secret Service for the current intake address;
   * PORTING_INTAKE_TOKEN wins over it. */
  char           *stored_token;

  PortingIntakeSession *intake_session;
  PortingRequestWatcher *watcher;
};

G_DEFINE_FINAL_TYPE (PortingApplication, porting_application, ADW_TYPE_APPLICATION)

PortingApplication *
porting_application_new (void)
{
  return g_object_new (PORTING_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       /* The same resources for the .Devel flavour. */
                       "resource-base-path", "/org/example/Porting",
                       NULL);
}

static void
porting_application_apply_color_scheme (PortingApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  AdwColorScheme color_scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_strcmp0 (scheme, "light") == 0)
    color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (scheme, "dark") == 0)
    color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
}

static void
on_color_scheme_changed (PortingApplication *self,
                         const char         *key,
                         GSettings          *settings)
{
  porting_application_apply_color_scheme (self);
}

/* Points the intake client at the current address and token. */
static void
porting_application_update_intake_session (PortingApplication *self)
{
  g_autofree char *url = porting_application_get_intake_url (self);

  porting_intake_session_configure (self->intake_session, url,
                                    porting_application_get_intake_token (self));
}

static void
token_lookup_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PortingApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  token = porting_token_store_lookup_finish (result, &error);
  if (error != NULL)
    {
      /* No keyring is a normal situation (e.g. a bare session):
       * the customer can still paste a token in Preferences. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No stored access token: %s", error->message);
      return;
    }

  g_clear_pointer (&self->stored_token, g_free);
  self->stored_token = g_steal_pointer (&token);
  porting_application_update_intake_session (self);
}

static void
porting_application_reload_token (PortingApplication *self)
{
  g_autofree char *url = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->stored_token, g_free);

  porting_application_update_intake_session (self);

  if (porting_application_intake_token_from_environment (self))
    return;

  self->cancellable = g_cancellable_new ();
  url = porting_application_get_intake_url (self);
  porting_token_store_lookup_async (url, self->cancellable,
                                    token_lookup_cb, g_object_ref (self));
}

static void
on_intake_url_changed (PortingApplication *self,
                       const char         *key,
                       GSettings          *settings)
{
  porting_application_reload_token (self);
}

static PortingWindow *
porting_application_ensure_window (PortingApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (PORTING_IS_WINDOW (l->data))
      return l->data;

  return porting_window_new (self);
}

static void
porting_application_activate (GApplication *app)
{
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (porting_application_ensure_window (PORTING_APPLICATION (app)));

  gtk_window_present (window);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = NULL;

  /* Closing (rather than quitting outright) lets each window save its
   * size and page; the application ends with its last window. */
  windows = g_list_copy (gtk_application_get_windows (app));
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "Porting developers", NULL };
  GtkWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-icon", BASE_ID,
                        "application-name", _("Porting"),
                        "developer-name", "Porting developers",
                        "version", PACKAGE_VERSION,
                        "website", "https://example.org/porting",
                        "issue-url", "https://example.org/porting/issues",
                        "copyright", "© 2026 Porting developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        "comments", _("Move phone numbers in and out, and check porting documents"),
                        NULL);
  gtk_window_present (about);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  PortingApplication *self = PORTING_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *preferences;

  /* Taken first: the new window becomes the active one. */
  preferences = GTK_WINDOW (porting_preferences_window_new (self));
  gtk_window_set_transient_for (preferences, parent);
  gtk_window_present (preferences);
}

static void
shortcuts_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  /* GtkApplication loads gtk/help-overlay.ui into every window. */
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
show_request_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  PortingApplication *self = PORTING_APPLICATION (user_data);
  PortingWindow *window = porting_application_ensure_window (self);

  porting_window_show_request (window, g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (window));
}

static void
show_review_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  PortingApplication *self = PORTING_APPLICATION (user_data);
  PortingWindow *window = porting_application_ensure_window (self);

  porting_window_show_review (window, g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "shortcuts", shortcuts_activated },
  { "show-request", show_request_activated, "s" },
  { "show-review", show_review_activated, "s" },
};

/* A status changed while the application runs: a desktop notification that
 * opens the request. One per request: a newer one replaces it. */
static void
on_request_status_changed (PortingApplication *self,
                           PortingRequest     *request)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *notification_id = NULL;
  const char *id = porting_request_get_id (request);

  /* Translators: "Request PRT-7K3F-Q2: Approved" */
  title = g_strdup_printf (_("Request %s: %s"), porting_request_get_display_reference (request),
                           porting_request_status_get_title (porting_request_get_status (request)));
  body = porting_request_dup_status_explanation (request);

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app.show-request", "s", id);
  notification_id = g_strconcat ("request-", id, NULL);
  g_application_send_notification (G_APPLICATION (self), notification_id, notification);
}

/* Staff: a request came to wait in the review queue (sent, or corrected by
 * its customer) while the application runs. Opens it in the review. */
static void
on_request_waiting_for_review (PortingApplication *self,
                               PortingRequest     *request)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *numbers = porting_request_dup_numbers_text (request);
  g_autofree char *body = NULL;
  g_autofree char *notification_id = NULL;
  const char *id = porting_request_get_id (request);
  const char *kind = porting_request_kind_get_title (porting_request_get_kind (request));

  /* Translators: "PRT-7K3F-Q2 waits for a review" */
  title = g_strdup_printf (_("%s waits for a review"), porting_request_get_display_reference (request));
  if (numbers != NULL && *numbers != '\0')
    /* Translators: "Port in: (510) 555-0142, (510) 555-0143" */
    body = g_strdup_printf (_("%s: %s"), kind, numbers);
  else
    body = g_strdup (kind);

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app.show-review", "s", id);
  notification_id = g_strconcat ("review-", id, NULL);
  g_application_send_notification (G_APPLICATION (self), notification_id, notification);
}

static void
porting_application_startup (GApplication *app)
{
  PortingApplication *self = PORTING_APPLICATION (app);
  static const char *no_accels[] = { NULL };

  G_APPLICATION_CLASS (porting_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.shortcuts",
                                         (const char *[]) { "<Control>question", NULL });
  /* One accelerator for one action: app.shortcuts owns Ctrl+?. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         no_accels);

  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (on_color_scheme_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::intake-url",
                           G_CALLBACK (on_intake_url_changed), self, G_CONNECT_SWAPPED);
  porting_application_apply_color_scheme (self);
  porting_application_reload_token (self);

  {
    const char *seconds = g_getenv ("PORTING_WATCH_SECONDS");
    guint64 interval = WATCH_INTERVAL_SECONDS;

    if (seconds != NULL && !g_ascii_string_to_unsigned (seconds, 10, 1, 24 * 3600, &interval, NULL))
      interval = WATCH_INTERVAL_SECONDS;
    self->watcher = porting_request_watcher_new (self->intake_session, (guint) interval);
    g_signal_connect_object (self->watcher, "status-changed",
                             G_CALLBACK (on_request_status_changed), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (self->watcher, "waiting-for-review",
                             G_CALLBACK (on_request_waiting_for_review), self, G_CONNECT_SWAPPED);
  }

  gtk_window_set_default_icon_name (BASE_ID);
}

static void
porting_application_shutdown (GApplication *app)
{
  PortingApplication *self = PORTING_APPLICATION (app);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->watcher);

  G_APPLICATION_CLASS (porting_application_parent_class)->shutdown (app);
}

static void
porting_application_finalize (GObject *object)
{
  PortingApplication *self = PORTING_APPLICATION (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->stored_token, g_free);
  g_clear_object (&self->intake_session);

  G_OBJECT_CLASS (porting_application_parent_class)->finalize (object);
}

static int
porting_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", _("Porting"), PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

static void
porting_application_class_init (PortingApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = porting_application_finalize;

  app_class->activate = porting_application_activate;
  app_class->startup = porting_application_startup;
  app_class->shutdown = porting_application_shutdown;
  app_class->handle_local_options = porting_application_handle_local_options;
}

static const GOptionEntry option_entries[] = {
  { "version", 'v', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
  { NULL }
};

static void
porting_application_init (PortingApplication *self)
{
  /* The schema keeps the base id, so the .Devel flavour shares it. */
  self->settings = g_settings_new (BASE_ID);
  self->intake_session = porting_intake_session_new (NULL);

  /* --help is in the user's language, from the catalogue main() bound. */
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

/**
 * porting_application_get_settings:
 *
 * Returns: (transfer none): the application's settings (schema org.example.Porting)
 */
GSettings *
porting_application_get_settings (PortingApplication *self)
{
  g_return_val_if_fail (PORTING_IS_APPLICATION (self), NULL);

  return self->settings;
}

gboolean
porting_application_intake_url_from_environment (PortingApplication *self)
{
  const char *url = g_getenv ("PORTING_INTAKE_URL");

  return url != NULL && *url != '\0';
}

gboolean
porting_application_intake_token_from_environment (PortingApplication *self)
{
  const char *token = g_getenv ("PORTING_INTAKE_TOKEN");

  return token != NULL && *token != '\0';
}

/**
 * porting_application_get_intake_url:
 *
 * The intake service to submit to: `PORTING_INTAKE_URL` when set (as
 * `build-aux/dev run` does), else the `intake-url` setting.
 *
 * Returns: (transfer full): the address, without a trailing slash
 */
char *
porting_application_get_intake_url (PortingApplication *self)
{
  g_autofree char *url = NULL;
  gsize len;

  g_return_val_if_fail (PORTING_IS_APPLICATION (self), NULL);

  if (porting_application_intake_url_from_environment (self))
    url = g_strdup (g_getenv ("PORTING_INTAKE_URL"));
  else
    url = g_settings_get_string (self->settings, "intake-url");

  g_strstrip (url);
  len = strlen (url);
  while (len > 0 && url[len - 1] == '/')
    url[--len] = '\0';

  return g_steal_pointer (&url);
}

/**
 * porting_application_get_intake_token:
 *
 * The access token: `PORTING_INTAKE_TOKEN` when set, else the one stored in
 * the keyring for the current intake address (looked up at start-up and
 * whenever the address changes).
 *
 * Returns: (transfer none) (nullable): the token, or %NULL when none is known
 */
const char *
porting_application_get_intake_token (PortingApplication *self)
{
  g_return_val_if_fail (PORTING_IS_APPLICATION (self), NULL);

  if (porting_application_intake_token_from_environment (self))
    return g_getenv ("PORTING_INTAKE_TOKEN");

  return self->stored_token;
}

/**
 * porting_application_set_intake_token:
 *
 * Remembers @token for this session (the preferences window stores it in
 * the keyring itself).
 */
void
porting_application_set_intake_token (PortingApplication *self,
                                      const char         *token)
{
  g_return_if_fail (PORTING_IS_APPLICATION (self));

  if (token != NULL && *token == '\0')
    token = NULL;

  g_free (self->stored_token);
  self->stored_token = g_strdup (token);
  porting_application_update_intake_session (self);
}

/**
 * porting_application_get_intake_session:
 *
 * Returns: (transfer none): the link to the intake service: client, role, outbox
 */
PortingIntakeSession *
porting_application_get_intake_session (PortingApplication *self)
{
  g_return_val_if_fail (PORTING_IS_APPLICATION (self), NULL);

  return self->intake_session;
}

/**
 * porting_application_get_intake_client:
 *
 * The client for the current intake address and token; it is replaced when
 * either changes (PortingIntakeSession:client notifies).
 *
 * Returns: (transfer none) (nullable): the client, %NULL without an address
 */
PortingIntakeClient *
porting_application_get_intake_client (PortingApplication *self)
{
  g_return_val_if_fail (PORTING_IS_APPLICATION (self), NULL);

  return porting_intake_session_get_client (self->intake_session);
}
