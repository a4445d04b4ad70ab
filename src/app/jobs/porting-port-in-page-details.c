/* porting-port-in-page-details.c — the port date, and what the Review step shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-port-in-page"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-accessible.h"
#include "porting-port-date.h"
#include "porting-port-in-page-private.h"

/* ---- The port date -------------------------------------------------------- */

/* Marks the business days of the usual window in the month shown. */
static void
mark_calendar (PortingPortInPage *self)
{
  g_autoptr(GDateTime) shown = gtk_calendar_get_date (self->calendar);
  guint year = g_date_time_get_year (shown);
  guint month = g_date_time_get_month (shown);
  GDate earliest, latest;

  porting_port_in_form_get_port_window (self->form, &earliest, &latest);
  gtk_calendar_clear_marks (self->calendar);
  for (guint day = 1; day <= g_date_get_days_in_month (month, year); day++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, day, month, year);
      if (g_date_compare (&date, &earliest) >= 0 && g_date_compare (&date, &latest) <= 0 &&
          porting_port_in_form_date_is_suggested (self->form, &date))
        gtk_calendar_mark_day (self->calendar, day);
    }
}

void
_porting_port_in_page_show_date (PortingPortInPage *self)
{
  g_autofree char *description = porting_port_in_form_dup_window_description (self->form);
  GDate date;

  adw_preferences_group_set_description (self->date_group, description);

  if (porting_port_in_form_get_preferred_date (self->form, &date))
    {
      g_autofree char *text = porting_port_date_format (&date);

      adw_action_row_set_subtitle (self->date_row, text);
    }
  else
    adw_action_row_set_subtitle (self->date_row, _("As soon as possible"));

  mark_calendar (self);
}

static void
on_date_popover_show (PortingPortInPage *self,
                      GtkPopover        *popover)
{
  g_autoptr(GDateTime) day = NULL;
  GDate shown, latest;

  if (!porting_port_in_form_get_preferred_date (self->form, &shown))
    porting_port_in_form_get_port_window (self->form, &shown, &latest);

  day = g_date_time_new_local (g_date_get_year (&shown), g_date_get_month (&shown),
                               g_date_get_day (&shown), 12, 0, 0);

  self->moving_calendar = TRUE;
  gtk_calendar_select_day (self->calendar, day);
  self->moving_calendar = FALSE;
  mark_calendar (self);
}

static void
on_calendar_month_changed (PortingPortInPage *self,
                           GtkCalendar       *calendar)
{
  mark_calendar (self);
}

static void
on_calendar_day_selected (PortingPortInPage *self,
                          GtkCalendar       *calendar)
{
  g_autoptr(GDateTime) selected = gtk_calendar_get_date (calendar);
  g_autofree char *problem = NULL;
  GDate date;

  mark_calendar (self);

  if (self->moving_calendar || porting_job_page_get_restoring (PORTING_JOB_PAGE (self)))
    return;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (selected), g_date_time_get_month (selected),
                  g_date_time_get_year (selected));
  porting_port_in_form_set_preferred_date (self->form, &date);

  /* A date that cannot be asked for is said under the row; the calendar
   * stays up for another. */
  if ((problem = porting_port_in_form_dup_date_problem (self->form, &date)) == NULL)
    gtk_popover_popdown (self->date_popover);
}

/* ---- The Review step ------------------------------------------------------ */

static void
on_edit_clicked (GtkButton         *button,
                 PortingPortInPage *self)
{
  _porting_port_in_page_show_step (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "step")));
}

void
_porting_port_in_page_rebuild_review (PortingPortInPage *self)
{
  g_autoptr(GPtrArray) sections = porting_port_in_form_dup_summary (self->form);

  for (guint i = 0; i < self->review_groups->len; i++)
    adw_preferences_page_remove (self->review_page, g_ptr_array_index (self->review_groups, i));
  g_ptr_array_set_size (self->review_groups, 0);

  for (guint i = 0; i < sections->len; i++)
    {
      PortingPortInSection *section = g_ptr_array_index (sections, i);
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      GtkWidget *edit = gtk_button_new_with_mnemonic (_("_Edit"));
      /* Translators: the name a screen reader gives an Edit button of the
       * review: "Edit: Numbers to Port" */
      g_autofree char *edit_name = g_strdup_printf (_("Edit: %s"), section->title);

      porting_accessible_set_label (edit, edit_name);
      adw_preferences_group_set_title (group, section->title);
      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (edit, "flat");
      g_object_set_data (G_OBJECT (edit), "step", GUINT_TO_POINTER (section->step));
      g_signal_connect_object (edit, "clicked", G_CALLBACK (on_edit_clicked), self, 0);
      adw_preferences_group_set_header_suffix (group, edit);

      for (guint j = 0; j < section->rows->len; j++)
        {
          PortingPortInSummaryRow *summary = g_ptr_array_index (section->rows, j);
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), summary->title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary->value);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
          gtk_widget_add_css_class (row, "property");
          porting_accessible_set_row_read_only (row);
          adw_preferences_group_add (group, row);
        }

      adw_preferences_page_add (self->review_page, group);
      g_ptr_array_add (self->review_groups, group);
    }
}

void
_porting_port_in_page_class_init_details (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_month_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_date_popover_show);
}
