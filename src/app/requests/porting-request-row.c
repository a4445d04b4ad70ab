/* porting-request-row.c — a request in a list: its kind, numbers, date and status
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-request-row"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-request-row.h"
#include "porting-request-ui.h"

struct _PortingRequestRow
{
  AdwActionRow    parent_instance;

  PortingRequest *request;
};

G_DEFINE_FINAL_TYPE (PortingRequestRow, porting_request_row, ADW_TYPE_ACTION_ROW)

static void
porting_request_row_finalize (GObject *object)
{
  PortingRequestRow *self = PORTING_REQUEST_ROW (object);

  g_clear_object (&self->request);

  G_OBJECT_CLASS (porting_request_row_parent_class)->finalize (object);
}

static void
porting_request_row_class_init (PortingRequestRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = porting_request_row_finalize;
}

static void
porting_request_row_init (PortingRequestRow *self)
{
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
}

GtkWidget *
porting_request_row_new (PortingRequest *request,
                         gboolean        with_time)
{
  PortingRequestRow *self;
  const char *created_at;
  g_autofree char *numbers = NULL;
  g_autofree char *created = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (PORTING_IS_REQUEST (request), NULL);

  created_at = porting_request_get_created_at (request);
  numbers = porting_request_dup_numbers_text (request);
  created = with_time ? porting_request_format_date_time (created_at) : porting_request_format_date (created_at);
  /* Translators: "PRT-7K3F-Q2 · (510) 555-0142 · Sent 27 November 2026", or
   * with the time "… · Sent 27 November 2026, 14:05" */
  subtitle = g_strdup_printf (_("%s · %s · Sent %s"), porting_request_get_display_reference (request),
                              numbers != NULL ? numbers : "", created);

  self = g_object_new (PORTING_TYPE_REQUEST_ROW,
                       "name", porting_request_get_id (request),
                       "title", porting_request_kind_get_title (porting_request_get_kind (request)),
                       "subtitle", subtitle,
                       NULL);
  self->request = g_object_ref (request);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), porting_request_status_widget_new (porting_request_get_status (request)));
  /* The status in words for a screen reader too, not only beside an icon. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  porting_request_status_get_title (porting_request_get_status (request)), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), gtk_image_new_from_icon_name ("go-next-symbolic"));

  return GTK_WIDGET (self);
}

PortingRequest *
porting_request_row_get_request (PortingRequestRow *self)
{
  g_return_val_if_fail (PORTING_IS_REQUEST_ROW (self), NULL);

  return self->request;
}
