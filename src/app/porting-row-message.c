/* porting-row-message.c — a short message under a row of a boxed list, and what a screen reader hears of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-row-message"

#include "config.h"

#include "porting-accessible.h"
#include "porting-row-message.h"

#define MESSAGE_KEY "porting-row-message"
#define HINT_KEY "porting-field-hint"
#define ERROR_KEY "porting-field-error"

/* ---- Errors of a field, for assistive technologies ------------------------ */

static void
describe_field (GtkWidget *widget,
                GtkWidget *field)
{
  const char *error = g_object_get_data (G_OBJECT (field), ERROR_KEY);
  const char *hint = g_object_get_data (G_OBJECT (field), HINT_KEY);
  const char *description = error != NULL ? error : hint;

  /* Only what changed is sent: a screen reader speaks every new
   * description of what has the focus. */
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

#if PORTING_ACCESSIBLE_HAS_INVALID_STATE
  if (error != NULL)
    gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                                 GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                 -1);
  else
    gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
#endif
}

/* Only what a screen reader is told about when the field has the focus: a
 * row and its text both describing the error, the error is said twice. */
static void
describe_field_and_target (GtkWidget *field)
{
  describe_field (porting_accessible_get_focus_target (field), field);
}

void
porting_field_set_hint (GtkWidget  *field,
                        const char *hint)
{
  g_return_if_fail (GTK_IS_WIDGET (field));

  g_object_set_data_full (G_OBJECT (field), HINT_KEY, g_strdup (hint), g_free);
  describe_field_and_target (field);
}

void
porting_field_set_error (GtkWidget  *field,
                         const char *error)
{
  const char *previous;
  gboolean is_new;

  g_return_if_fail (GTK_IS_WIDGET (field));

  previous = g_object_get_data (G_OBJECT (field), ERROR_KEY);
  if (g_strcmp0 (previous, error) == 0)
    return;

  is_new = error != NULL;
  g_object_set_data_full (G_OBJECT (field), ERROR_KEY, g_strdup (error), g_free);
  describe_field_and_target (field);

  /* With the focus, the new description is what is heard. */
  if (is_new && !porting_accessible_has_focus (field))
    porting_accessible_announce (field, error);
}

/* ---- The message under a row ---------------------------------------------- */

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
  /* Read with the field it is about, not a Tab stop of its own. */
  porting_accessible_set_row_read_only (message_row);
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
      porting_field_set_error (row, NULL);
      return;
    }

  label = ensure_label (row);
  g_return_if_fail (label != NULL);

  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (label)), message != NULL);

  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");

  /* Screen readers read the message with the field, not as a row of its own. */
  porting_field_set_error (row, message);
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
