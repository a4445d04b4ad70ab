/* porting-number-ui.c — how a list of telephone numbers looks in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-number-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-number-ui.h"
#include "porting-request-ui.h"

static const char *
region_label (const PortingPhoneNumber *number)
{
  if (number->type == PORTING_NUMBER_TYPE_TOLL_FREE)
    return _("Toll-free");
  if (g_strcmp0 (number->region, "US") == 0)
    return _("United States");
  if (g_strcmp0 (number->region, "CA") == 0)
    return _("Canada");
  if (number->country_name != NULL)
    return number->country_name;

  return _("Other country");
}

GtkWidget *
porting_number_row_new (const PortingPhoneNumber *number,
                        const char               *icon_name,
                        const char               *icon_style,
                        const char               *subtitle)
{
  GtkWidget *row;
  GtkWidget *icon;
  GtkWidget *tag;

  g_return_val_if_fail (number != NULL, NULL);
  g_return_val_if_fail (icon_name != NULL, NULL);

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (number->valid)
    {
      g_autofree char *formatted = porting_phone_number_format (number);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), formatted);
      if (subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      icon = gtk_image_new_from_icon_name (icon_name);
      if (icon_style != NULL)
        gtk_widget_add_css_class (icon, icon_style);
      tag = gtk_label_new (region_label (number));
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), number->input);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   number->reason != NULL ? number->reason : _("Not a telephone number"));
      icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
      gtk_widget_add_css_class (icon, "error");
      tag = gtk_label_new (_("Invalid"));
      gtk_widget_add_css_class (row, "error");
    }

  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (tag, "dim-label");
  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);

  return row;
}

char *
porting_numbers_describe (const char *count_text,
                          guint       n_merged,
                          guint       n_invalid)
{
  g_autofree char *description = g_strdup (count_text);

  if (n_merged > 0)
    {
      g_autofree char *with_merged =
        g_strdup_printf (ngettext ("%s (%u duplicate merged)", "%s (%u duplicates merged)", n_merged),
                         description, n_merged);
      g_free (description);
      description = g_steal_pointer (&with_merged);
    }
  if (n_invalid > 0)
    {
      g_autofree char *with_invalid =
        g_strdup_printf (ngettext ("%s, %u to fix", "%s, %u to fix", n_invalid), description, n_invalid);
      g_free (description);
      description = g_steal_pointer (&with_invalid);
    }

  return g_steal_pointer (&description);
}
