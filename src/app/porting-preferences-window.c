/* porting-preferences-window.c — intake service, token, style, drafts
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-accessible.h"
#include "porting-preferences-window.h"
#include "porting-token-store.h"

struct _PortingPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  GCancellable         *cancellable;

  /* Template widgets */
  AdwPreferencesGroup  *intake_group;
  AdwEntryRow          *intake_url_row;
  GtkLabel             *intake_url_error;
  AdwEntryRow          *token_row;
  GtkLabel             *token_note;
  AdwComboRow          *style_row;
  GtkSpinButton        *draft_delay_spin;
};

G_DEFINE_FINAL_TYPE (PortingPreferencesWindow, porting_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const color_schemes[] = { "default", "light", "dark" };

/**
 * porting_preferences_check_intake_url:
 *
 * Whether @url can be used for the intake service: HTTPS, or plain HTTP to
 * this computer (loopback) only.
 *
 * Returns: %TRUE when it can; else %FALSE with a message for the customer
 */
gboolean
porting_preferences_check_intake_url (const char  *url,
                                      GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (url == NULL || *url == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Enter the address of the intake service."));
      return FALSE;
    }

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  host = uri != NULL ? g_uri_get_host (uri) : NULL;
  if (uri == NULL || host == NULL || *host == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("This is not a web address. It looks like https://intake.example.com"));
      return FALSE;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;

  if (g_ascii_strcasecmp (scheme, "http") == 0)
    {
      g_autoptr(GInetAddress) address = g_inet_address_new_from_string (host);

      if (g_ascii_strcasecmp (host, "localhost") == 0 ||
          (address != NULL && g_inet_address_get_is_loopback (address)))
        return TRUE;

      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Use an address starting with https://. Plain http is only allowed to this computer."));
      return FALSE;
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("The address must start with https://"));
  return FALSE;
}

static void
on_intake_url_changed (PortingPreferencesWindow *self,
                       GtkEditable              *editable)
{
  g_autoptr(GError) error = NULL;
  const char *url = gtk_editable_get_text (editable);

  if (!porting_preferences_check_intake_url (url, &error))
    {
      gtk_label_set_label (self->intake_url_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->intake_url_error), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->intake_url_row), "error");
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->intake_url_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->intake_url_row), "error");

  /* Only an address that can be used reaches the settings. */
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->intake_url_row)))
    g_settings_set_string (self->settings, "intake-url", url);
}

static PortingApplication *
porting_preferences_window_get_app (PortingPreferencesWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return PORTING_IS_APPLICATION (app) ? PORTING_APPLICATION (app) : NULL;
}

static char *
porting_preferences_window_dup_intake_url (PortingPreferencesWindow *self)
{
  PortingApplication *app = porting_preferences_window_get_app (self);

  if (app != NULL)
    return porting_application_get_intake_url (app);

  return g_settings_get_string (self->settings, "intake-url");
}

static void
token_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PortingPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  const char *message;

  if (!porting_token_store_save_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = error->message;
    }
  else
    {
      message = _("Access token saved in your keyring");
    }

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static void
token_cleared_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PortingPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  const char *message;

  if (!porting_token_store_clear_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = error->message;
    }
  else
    {
      message = _("Access token removed from your keyring");
    }

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static void
on_token_apply (PortingPreferencesWindow *self,
                AdwEntryRow              *row)
{
  PortingApplication *app = porting_preferences_window_get_app (self);
  g_autofree char *url = porting_preferences_window_dup_intake_url (self);
  g_autofree char *token = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (app != NULL)
    porting_application_set_intake_token (app, token);

  if (*token == '\0')
    porting_token_store_clear_async (url, self->cancellable,
                                     token_cleared_cb, g_object_ref (self));
  else
    porting_token_store_save_async (url, token, self->cancellable,
                                    token_saved_cb, g_object_ref (self));
}

static gboolean
color_scheme_to_selected (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    {
      if (g_strcmp0 (scheme, color_schemes[i]) == 0)
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
selected_to_color_scheme (const GValue       *value,
                          const GVariantType *expected_type,
                          gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (color_schemes))
    return NULL;

  return g_variant_new_string (color_schemes[selected]);
}

static void
porting_preferences_window_constructed (GObject *object)
{
  PortingPreferencesWindow *self = PORTING_PREFERENCES_WINDOW (object);
  PortingApplication *app = porting_preferences_window_get_app (self);
  g_autofree char *url = NULL;

  G_OBJECT_CLASS (porting_preferences_window_parent_class)->constructed (object);

  if (app != NULL)
    self->settings = g_object_ref (porting_application_get_settings (app));
  else
    self->settings = g_settings_new (BASE_ID);

  url = porting_preferences_window_dup_intake_url (self);
  if (app != NULL && porting_application_intake_url_from_environment (app))
    {
      /* The environment wins for this session: show it, do not store it. */
      gtk_widget_set_sensitive (GTK_WIDGET (self->intake_url_row), FALSE);
      adw_preferences_group_set_description (self->intake_group,
                                             _("This session uses the address set in PORTING_INTAKE_URL."));
    }
  gtk_editable_set_text (GTK_EDITABLE (self->intake_url_row), url);

  if (app != NULL && porting_application_intake_token_from_environment (app))
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->token_row), FALSE);
      gtk_label_set_label (self->token_note,
                           _("This session uses the token set in PORTING_INTAKE_TOKEN."));
    }
  else if (app != NULL && porting_application_get_intake_token (app) != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->token_row),
                             porting_application_get_intake_token (app));
    }

  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                color_scheme_to_selected,
                                selected_to_color_scheme,
                                NULL, NULL);
  g_settings_bind (self->settings, "draft-save-delay",
                   self->draft_delay_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
porting_preferences_window_dispose (GObject *object)
{
  PortingPreferencesWindow *self = PORTING_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PORTING_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (porting_preferences_window_parent_class)->dispose (object);
}

static void
porting_preferences_window_finalize (GObject *object)
{
  PortingPreferencesWindow *self = PORTING_PREFERENCES_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (porting_preferences_window_parent_class)->finalize (object);
}

static void
porting_preferences_window_class_init (PortingPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = porting_preferences_window_constructed;
  object_class->dispose = porting_preferences_window_dispose;
  object_class->finalize = porting_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Porting/porting-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PortingPreferencesWindow, intake_group);
  gtk_widget_class_bind_template_child (widget_class, PortingPreferencesWindow, intake_url_row);
  gtk_widget_class_bind_template_child (widget_class, PortingPreferencesWindow, intake_url_error);
  gtk_widget_class_bind_template_child (widget_class, PortingPreferencesWindow, token_row);
  gtk_widget_class_bind_template_child (widget_class, PortingPreferencesWindow, token_note);
  gtk_widget_class_bind_template_child (widget_class, PortingPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, PortingPreferencesWindow, draft_delay_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_intake_url_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_token_apply);
}

static void
porting_preferences_window_init (PortingPreferencesWindow *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  porting_accessible_fix_tree (GTK_WIDGET (self));
}

PortingPreferencesWindow *
porting_preferences_window_new (PortingApplication *application)
{
  return g_object_new (PORTING_TYPE_PREFERENCES_WINDOW,
                       "application", application,
                       NULL);
}
