/* porting-row-message.c — a short message under a row of a boxed list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-row-message"

#include "config.h"

#include "porting-row-message.h"

#define MESSAGE_KEY "porting-row-message"

static GtkLabel *
ensure_label (GtkWidget *row)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (row), MESSAGE_KEY);
  GtkWidget *list = gtk_widget_get_parent (row);
  GtkWidget *message_row;

  if (label != NULL)
    return label;

  g_return_val_if_fail (GTK_IS_LIST_BOX (list) && GTK_IS_LIST_BOX_ROW (row), NULL);

  label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (label, 0);
  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_start (GTK_WIDGET (label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (label), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (label), 6);
  gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (label), "caption");

  message_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (message_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (message_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (message_row), GTK_WIDGET (label));
  gtk_widget_set_visible (message_row, FALSE);
  gtk_list_box_insert (GTK_LIST_BOX (list), message_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);

  /* The list owns the label; the row only points at it. */
  g_object_set_data (G_OBJECT (row), MESSAGE_KEY, label);

  return label;
}

void
porting_row_set_message (GtkWidget  *row,
                         const char *message)
{
  GtkLabel *label;

  g_return_if_fail (GTK_IS_WIDGET (row));

  if (message == NULL && g_object_get_data (G_OBJECT (row), MESSAGE_KEY) == NULL)
    {
      gtk_widget_remove_css_class (row, "error");
      return;
    }

  label = ensure_label (row);
  g_return_if_fail (label != NULL);

  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (label)), message != NULL);

  /* Screen readers read the message with the field, not as a row of its own. */
  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

const char *
porting_row_get_message (GtkWidget *row)
{
  GtkLabel *label;

  g_return_val_if_fail (GTK_IS_WIDGET (row), NULL);

  label = g_object_get_data (G_OBJECT (row), MESSAGE_KEY);
  if (label == NULL || !gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (label))))
    return NULL;

  return gtk_label_get_text (label);
}
