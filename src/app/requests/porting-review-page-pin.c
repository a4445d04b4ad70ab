/* porting-review-page-pin.c — support staff: the wireless PIN, shown on request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PIN is read from the service (GET /v1/requests/{id}/wireless-pin,
 * every reading in the request's history) only when staff press Show PIN,
 * is shown for a while, then masked and wiped from memory. It is never
 * written anywhere.
 */

#define G_LOG_DOMAIN "porting-review-page"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-request-ui.h"
#include "porting-review-page-private.h"

#define MASK "••••••"

static void
wipe_pin (PortingReviewPage *self)
{
  if (self->pin != NULL)
    {
      memset (self->pin, 0, strlen (self->pin));
      g_clear_pointer (&self->pin, g_free);
    }
}

static void
show_masked (PortingReviewPage *self,
             const char        *subtitle)
{
  g_clear_handle_id (&self->pin_timeout_id, g_source_remove);
  wipe_pin (self);
  adw_action_row_set_subtitle (self->pin_row, subtitle);
  gtk_button_set_label (self->pin_button, _("_Show PIN"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->pin_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->pin_button), TRUE);
}

void
_porting_review_page_reset_pin (PortingReviewPage *self)
{
  g_cancellable_cancel (self->pin_cancellable);
  g_clear_object (&self->pin_cancellable);
  show_masked (self, MASK);
  if (self->request != NULL && porting_request_is_wireless (self->request) &&
      !porting_request_has_pin_on_file (self->request))
    {
      /* Erased when the request ended, or never given. */
      adw_action_row_set_subtitle (self->pin_row, _("Not kept by the service"));
      gtk_widget_set_visible (GTK_WIDGET (self->pin_button), FALSE);
    }
}

static gboolean
mask_timeout_cb (gpointer user_data)
{
  PortingReviewPage *self = user_data;

  self->pin_timeout_id = 0;
  show_masked (self, MASK);
  return G_SOURCE_REMOVE;
}

static void
pin_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(PortingReviewPage) self = user_data;
  g_autoptr(GError) error = NULL;
  char *pin;

  pin = porting_intake_client_get_wireless_pin_finish (PORTING_INTAKE_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->pin_cancellable);

  if (pin == NULL)
    {
      if (g_error_matches (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_GONE))
        {
          show_masked (self, _("Erased: the request has ended"));
          gtk_widget_set_visible (GTK_WIDGET (self->pin_button), FALSE);
        }
      else
        {
          show_masked (self, MASK);
          porting_widget_add_toast (GTK_WIDGET (self), error->message);
        }
      return;
    }

  wipe_pin (self);
  self->pin = pin;
  adw_action_row_set_subtitle (self->pin_row, self->pin);
  gtk_button_set_label (self->pin_button, _("_Hide PIN"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->pin_button), TRUE);
  g_clear_handle_id (&self->pin_timeout_id, g_source_remove);
  self->pin_timeout_id = g_timeout_add_seconds (self->pin_seconds, mask_timeout_cb, self);

  /* The service wrote the reading in the history: show it. */
  _porting_review_page_reload_request (self);
}

static void
on_pin_clicked (PortingReviewPage *self,
                GtkButton         *button)
{
  PortingIntakeClient *client = _porting_review_page_get_client (self);

  if (self->pin != NULL)
    {
      show_masked (self, MASK);
      return;
    }
  if (self->request == NULL || client == NULL || self->pin_cancellable != NULL)
    return;

  adw_action_row_set_subtitle (self->pin_row, _("Asking the service…"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->pin_button), FALSE);
  self->pin_cancellable = g_cancellable_new ();
  porting_intake_client_get_wireless_pin_async (client, porting_request_get_id (self->request),
                                                self->pin_cancellable, pin_cb, g_object_ref (self));
}

void
_porting_review_page_class_init_pin (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_pin_clicked);
}
