/* porting-port-in-page.c — move numbers in from another carrier, step by step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-port-in-page"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-application.h"
#include "porting-byoc-page.h"
#include "porting-check-view.h"
#include "porting-intake-session.h"
#include "porting-international-page.h"
#include "porting-document.h"
#include "porting-job-page.h"
#include "porting-loa-writer.h"
#include "porting-number-ui.h"
#include "porting-phone-number.h"
#include "porting-port-date.h"
#include "porting-port-in-page-private.h"
#include "porting-request.h"
#include "porting-request-ui.h"
#include "porting-submit-dialog.h"
#include "porting-window.h"

#define DRAFT_FLOW "port-in"

typedef struct
{
  const char *code;
  const char *name;
  const char *country;
} Region;

/* Carriers write these codes on bills and LOAs; the names help finding them. */
static const Region regions[] = {
  { "AL", "Alabama", "US" }, { "AK", "Alaska", "US" }, { "AZ", "Arizona", "US" },
  { "AR", "Arkansas", "US" }, { "CA", "California", "US" }, { "CO", "Colorado", "US" },
  { "CT", "Connecticut", "US" }, { "DE", "Delaware", "US" }, { "DC", "District of Columbia", "US" },
  { "FL", "Florida", "US" }, { "GA", "Georgia", "US" }, { "HI", "Hawaii", "US" },
  { "ID", "Idaho", "US" }, { "IL", "Illinois", "US" }, { "IN", "Indiana", "US" },
  { "IA", "Iowa", "US" }, { "KS", "Kansas", "US" }, { "KY", "Kentucky", "US" },
  { "LA", "Louisiana", "US" }, { "ME", "Maine", "US" }, { "MD", "Maryland", "US" },
  { "MA", "Massachusetts", "US" }, { "MI", "Michigan", "US" }, { "MN", "Minnesota", "US" },
  { "MS", "Mississippi", "US" }, { "MO", "Missouri", "US" }, { "MT", "Montana", "US" },
  { "NE", "Nebraska", "US" }, { "NV", "Nevada", "US" }, { "NH", "New Hampshire", "US" },
  { "NJ", "New Jersey", "US" }, { "NM", "New Mexico", "US" }, { "NY", "New York", "US" },
  { "NC", "North Carolina", "US" }, { "ND", "North Dakota", "US" }, { "OH", "Ohio", "US" },
  { "OK", "Oklahoma", "US" }, { "OR", "Oregon", "US" }, { "PA", "Pennsylvania", "US" },
  { "PR", "Puerto Rico", "US" }, { "RI", "Rhode Island", "US" }, { "SC", "South Carolina", "US" },
  { "SD", "South Dakota", "US" }, { "TN", "Tennessee", "US" }, { "TX", "Texas", "US" },
  { "UT", "Utah", "US" }, { "VT", "Vermont", "US" }, { "VA", "Virginia", "US" },
  { "WA", "Washington", "US" }, { "WV", "West Virginia", "US" }, { "WI", "Wisconsin", "US" },
  { "WY", "Wyoming", "US" },
  { "AB", "Alberta", "CA" }, { "BC", "British Columbia", "CA" }, { "MB", "Manitoba", "CA" },
  { "NB", "New Brunswick", "CA" }, { "NL", "Newfoundland and Labrador", "CA" },
  { "NS", "Nova Scotia", "CA" }, { "NT", "Northwest Territories", "CA" }, { "NU", "Nunavut", "CA" },
  { "ON", "Ontario", "CA" }, { "PE", "Prince Edward Island", "CA" }, { "QC", "Quebec", "CA" },
  { "SK", "Saskatchewan", "CA" }, { "YT", "Yukon", "CA" },
};

static const char * const step_names[PORT_IN_N_STEPS] = {
  "numbers", "before", "loa", "proof", "check", "details", "review",
};

enum {
  PROP_0,
  PROP_DRAFT_STORE,
  PROP_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PortingPortInPage, porting_port_in_page, ADW_TYPE_BIN)

static void update_navigation   (PortingPortInPage *self);
static void start_check         (PortingPortInPage *self);

/* ---- Small helpers ----------------------------------------------------- */

static const char *
row_text (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static char *
row_text_stripped (gpointer editable)
{
  return g_strstrip (g_strdup (row_text (editable)));
}

static char *
numbers_text (PortingPortInPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->numbers_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const Region *
selected_region (PortingPortInPage *self)
{
  guint selected = adw_combo_row_get_selected (self->region_row);

  /* Item 0 is "choose one". */
  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || selected > G_N_ELEMENTS (regions))
    return NULL;

  return &regions[selected - 1];
}

static gboolean
use_typed_signature (PortingPortInPage *self)
{
  return gtk_switch_get_active (self->typed_signature_switch);
}

static gboolean
fill_loa_here (PortingPortInPage *self)
{
  return !gtk_check_button_get_active (self->loa_import_check);
}

static GFile *
current_loa (PortingPortInPage *self)
{
  return fill_loa_here (self) ? self->generated_loa : self->imported_loa;
}

/* A valid NANP number in E.164, or NULL. */
static char *
parse_us_ca_number (const char *text)
{
  g_autoptr(PortingPhoneNumber) number = NULL;

  if (porting_text_is_blank (text))
    return NULL;

  number = porting_phone_number_parse (text, NULL);
  if (!number->valid || !porting_phone_number_is_us_or_ca (number))
    return NULL;

  return g_strdup (number->e164);
}

static gboolean
numbers_contain (PortingPortInPage *self,
                 const char        *e164)
{
  for (guint i = 0; e164 != NULL && i < self->numbers->len; i++)
    {
      PortingPhoneNumber *number = g_ptr_array_index (self->numbers, i);

      if (g_strcmp0 (number->e164, e164) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
show_toast (PortingPortInPage *self,
            const char        *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* ---- Inline messages under fields -------------------------------------- */

static GtkLabel *
ensure_message_label (PortingPortInPage *self,
                      GtkWidget         *row)
{
  GtkLabel *label = g_hash_table_lookup (self->messages, row);
  GtkWidget *list;
  GtkWidget *message_row;

  if (label != NULL)
    return label;

  list = gtk_widget_get_parent (row);
  g_return_val_if_fail (GTK_IS_LIST_BOX (list), NULL);

  label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (label, 0);
  gtk_label_set_wrap (label, TRUE);
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

  g_hash_table_insert (self->messages, row, label);

  return label;
}

static void
set_message (PortingPortInPage *self,
             gpointer           row,
             const char        *message)
{
  GtkLabel *label;
  gboolean show = message != NULL && gtk_widget_get_visible (GTK_WIDGET (row));

  if (!show && !g_hash_table_contains (self->messages, row))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      return;
    }

  label = ensure_message_label (self, GTK_WIDGET (row));
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (label)), show);

  if (show)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

const char *
_porting_port_in_page_get_message (PortingPortInPage *self,
                                   GtkWidget         *row)
{
  GtkLabel *label = g_hash_table_lookup (self->messages, row);

  if (label == NULL || !gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (label))))
    return NULL;

  return gtk_label_get_text (label);
}

/* ---- Port dates -------------------------------------------------------- */

/* NULL for a business day, else why it is not one. */
static char *
non_business_reason (const GDate *date)
{
  const char *holiday;

  switch (g_date_get_weekday (date))
    {
    case G_DATE_SATURDAY:
      return g_strdup (_("Ports are not done on Saturdays. Choose a weekday."));
    case G_DATE_SUNDAY:
      return g_strdup (_("Ports are not done on Sundays. Choose a weekday."));
    case G_DATE_MONDAY:
    case G_DATE_TUESDAY:
    case G_DATE_WEDNESDAY:
    case G_DATE_THURSDAY:
    case G_DATE_FRIDAY:
    case G_DATE_BAD_WEEKDAY:
    default:
      break;
    }

  if ((holiday = porting_port_date_holiday_name (date)) != NULL)
    /* Translators: %s is a holiday, e.g. "Thanksgiving Day" */
    return g_strdup_printf (_("%s is a holiday: carriers do not port on holidays."), holiday);

  return NULL;
}

/* Ports take 5 to 10 business days from today. */
static void
get_port_window (GDate      *earliest,
                 GDate      *latest,
                 GPtrArray **skipped_holidays)
{
  GDate today;

  porting_port_date_today (&today);
  porting_port_date_window (&today, earliest, latest, skipped_holidays);
}

static char *
port_date_problem (PortingPortInPage *self)
{
  GDate earliest, latest;

  if (!g_date_valid (&self->port_date))
    return NULL;

  get_port_window (&earliest, &latest, NULL);
  if (g_date_compare (&self->port_date, &earliest) < 0)
    {
      g_autofree char *text = porting_port_date_format (&earliest);
      return g_strdup_printf (_("Too soon: ports take at least 5 business days. The earliest date is %s."), text);
    }

  return non_business_reason (&self->port_date);
}

static void
mark_calendar (PortingPortInPage *self)
{
  GDate earliest, latest;
  GDate date;
  guint year, month;
  g_autoptr(GDateTime) shown = gtk_calendar_get_date (self->calendar);

  year = g_date_time_get_year (shown);
  month = g_date_time_get_month (shown);
  get_port_window (&earliest, &latest, NULL);

  /* Marked days are the business days of the usual window. */
  gtk_calendar_clear_marks (self->calendar);
  for (guint day = 1; day <= g_date_get_days_in_month (month, year); day++)
    {
      g_autofree char *reason = NULL;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, day, month, year);
      if (g_date_compare (&date, &earliest) >= 0 &&
          g_date_compare (&date, &latest) <= 0 &&
          (reason = non_business_reason (&date)) == NULL)
        gtk_calendar_mark_day (self->calendar, day);
    }
}

static void
update_date_row (PortingPortInPage *self)
{
  GDate earliest, latest;
  g_autofree char *earliest_text = NULL;
  g_autofree char *latest_text = NULL;
  g_autofree char *description = NULL;
  g_autofree char *problem = port_date_problem (self);

  g_autoptr(GPtrArray) holidays = NULL;

  get_port_window (&earliest, &latest, &holidays);
  earliest_text = porting_port_date_format (&earliest);
  latest_text = porting_port_date_format (&latest);
  description = g_strdup_printf (_("Ports take 5 to 10 business days, without weekends and holidays. "
                                   "The earliest possible date is %s; most ports are done by %s."),
                                 earliest_text, latest_text);

  for (guint i = 0; holidays != NULL && i < holidays->len; i++)
    {
      const PortingHoliday *holiday = g_ptr_array_index (holidays, i);
      g_autofree char *day = porting_port_date_format (&holiday->date);
      g_autofree char *with_holiday = NULL;

      /* Translators: "… window. Not counted: Thanksgiving Day (Thursday 26 November 2026)." */
      with_holiday = g_strdup_printf (i == 0 ? _("%s Not counted: %s (%s)") : "%s, %s (%s)",
                                      description, holiday->name, day);
      g_free (description);
      description = g_steal_pointer (&with_holiday);
    }
  if (holidays != NULL && holidays->len > 0)
    {
      g_autofree char *with_period = g_strconcat (description, ".", NULL);
      g_free (description);
      description = g_steal_pointer (&with_period);
    }

  adw_preferences_group_set_description (self->date_group, description);

  if (g_date_valid (&self->port_date))
    {
      g_autofree char *text = porting_port_date_format (&self->port_date);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->date_row), text);
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->date_row),
                                   _("As soon as possible"));
    }

  set_message (self, self->date_row, problem);
}

static void
on_date_popover_show (PortingPortInPage *self,
                      GtkPopover        *popover)
{
  GDate earliest, latest;
  const GDate *shown = &self->port_date;
  g_autoptr(GDateTime) day = NULL;
  gboolean was_restoring = self->restoring;

  if (!g_date_valid (shown))
    {
      get_port_window (&earliest, &latest, NULL);
      shown = &earliest;
    }

  day = g_date_time_new_local (g_date_get_year (shown), g_date_get_month (shown),
                               g_date_get_day (shown), 12, 0, 0);

  /* Moving the calendar is not choosing a date. */
  self->restoring = TRUE;
  gtk_calendar_select_day (self->calendar, day);
  self->restoring = was_restoring;
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
  g_autofree char *iso = NULL;
  g_autofree char *problem = NULL;

  mark_calendar (self);

  if (self->restoring)
    return;

  g_date_clear (&self->port_date, 1);
  g_date_set_dmy (&self->port_date,
                  g_date_time_get_day_of_month (selected),
                  g_date_time_get_month (selected),
                  g_date_time_get_year (selected));

  iso = porting_port_date_to_iso (&self->port_date);
  porting_draft_store_set_string (self->draft_store, DRAFT_FLOW, "preferred-date", iso);

  update_date_row (self);
  update_navigation (self);

  if ((problem = port_date_problem (self)) == NULL)
    gtk_popover_popdown (self->date_popover);
}

/* ---- Step 1: numbers --------------------------------------------------- */

static GtkWidget *
create_number_row (const PortingPhoneNumber *number)
{
  gboolean here = porting_phone_number_is_us_or_ca (number);

  return porting_number_row_new (number,
                                 here ? "emblem-ok-symbolic" : "dialog-information-symbolic",
                                 here ? "success" : "accent",
                                 here ? NULL : _("Outside the United States and Canada: it cannot be ported here."));
}

static void
update_numbers (PortingPortInPage *self)
{
  g_autofree char *text = numbers_text (self);
  g_autoptr(GString) international = g_string_new (NULL);
  g_autofree char *count = NULL;
  g_autofree char *description = NULL;
  GtkWidget *child;
  guint n_invalid = 0;
  guint n_ok = 0;

  g_clear_pointer (&self->numbers, g_ptr_array_unref);
  self->numbers = porting_phone_number_parse_list (text, NULL);
  self->n_merged = porting_numbers_count_merged (text, self->numbers);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->numbers_list))))
    gtk_list_box_remove (self->numbers_list, child);

  for (guint i = 0; i < self->numbers->len; i++)
    {
      PortingPhoneNumber *number = g_ptr_array_index (self->numbers, i);

      gtk_list_box_append (self->numbers_list, create_number_row (number));

      if (!number->valid)
        n_invalid++;
      else if (!porting_phone_number_is_us_or_ca (number))
        {
          g_autofree char *formatted = porting_phone_number_format (number);

          if (international->len > 0)
            g_string_append (international, ", ");
          g_string_append (international, formatted);
        }
      else
        n_ok++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->found_group), self->numbers->len > 0);

  count = g_strdup_printf (ngettext ("%u number to port", "%u numbers to port", n_ok), n_ok);
  description = porting_numbers_describe (count, self->n_merged, n_invalid);
  adw_preferences_group_set_description (self->found_group, description);

  gtk_widget_set_visible (GTK_WIDGET (self->international_group), international->len > 0);
  if (international->len > 0)
    {
      g_autofree char *subtitle =
        g_strdup_printf (_("%s: only numbers from the United States and Canada can be ported here. "
                           "Remove them from the list, and ask whether they can be ported."),
                         international->str);
      adw_action_row_set_subtitle (self->international_row, subtitle);
    }
}

static void
on_numbers_changed (PortingPortInPage *self,
                    GtkTextBuffer     *buffer)
{
  update_numbers (self);

  if (!self->restoring)
    {
      g_autofree char *text = numbers_text (self);
      porting_draft_store_set_string (self->draft_store, DRAFT_FLOW, "numbers", text);
    }

  update_navigation (self);
}

/* The valid numbers of the list, international ones only or all of them. */
static GStrv
dup_valid_numbers (PortingPortInPage *self,
                   gboolean           international_only)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; self->numbers != NULL && i < self->numbers->len; i++)
    {
      PortingPhoneNumber *number = g_ptr_array_index (self->numbers, i);

      if (number->valid && (!international_only || !porting_phone_number_is_us_or_ca (number)))
        {
          g_autofree char *formatted = porting_phone_number_format (number);

          g_strv_builder_add (builder, formatted);
        }
    }

  return g_strv_builder_end (builder);
}

/* Hands the valid numbers of the list (international ones only, or all of
 * them) to the window page @name, which then shows. */
static void
hand_numbers_to_page (PortingPortInPage *self,
                      const char        *name,
                      gboolean           international_only)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_auto(GStrv) numbers = NULL;
  GtkWidget *page;

  if (!PORTING_IS_WINDOW (root))
    return;

  numbers = dup_valid_numbers (self, international_only);
  page = porting_window_get_page (PORTING_WINDOW (root), name);
  if (PORTING_IS_INTERNATIONAL_PAGE (page))
    porting_international_page_set_numbers (PORTING_INTERNATIONAL_PAGE (page), (const char * const *) numbers);
  else if (PORTING_IS_BYOC_PAGE (page))
    porting_byoc_page_set_numbers (PORTING_BYOC_PAGE (page), (const char * const *) numbers);
  porting_window_show_page (PORTING_WINDOW (root), name);
}

static void
on_international_clicked (PortingPortInPage *self,
                          GtkButton         *button)
{
  hand_numbers_to_page (self, "international", TRUE);
}

static void
on_byoc_clicked (PortingPortInPage *self,
                 GtkButton         *button)
{
  hand_numbers_to_page (self, "byoc", FALSE);
}

/* ---- Validation -------------------------------------------------------- */

static gboolean
postal_code_is_valid (const char   *text,
                      const Region *region)
{
  g_autoptr(GRegex) zip = g_regex_new ("^[0-9]{5}(-[0-9]{4})?$", 0, 0, NULL);
  g_autoptr(GRegex) canadian = g_regex_new ("^[A-Za-z][0-9][A-Za-z] ?[0-9][A-Za-z][0-9]$", 0, 0, NULL);
  gboolean is_zip = g_regex_match (zip, text, 0, NULL);
  gboolean is_canadian = g_regex_match (canadian, text, 0, NULL);

  if (region == NULL)
    return is_zip || is_canadian;

  return g_str_equal (region->country, "CA") ? is_canadian : is_zip;
}

/* Sets the messages under the fields of @step (and shows the fields that
 * depend on the answers so far) and says whether it is done.
 * Empty required fields get no message (the user has not been there yet):
 * *reason names them instead. */
static gboolean
validate_step (PortingPortInPage  *self,
               guint               step,
               char              **reason)
{
  g_autofree char *missing = NULL;

  switch (step)
    {
    case PORT_IN_STEP_NUMBERS:
      {
        guint n_ok = 0, n_bad = 0;

        for (guint i = 0; i < self->numbers->len; i++)
          {
            PortingPhoneNumber *number = g_ptr_array_index (self->numbers, i);

            if (number->valid && porting_phone_number_is_us_or_ca (number))
              n_ok++;
            else
              n_bad++;
          }

        if (n_ok == 0 && n_bad == 0)
          missing = g_strdup (_("Enter the numbers to port."));
        else if (n_bad > 0)
          missing = g_strdup (ngettext ("Fix or remove the number marked in the list.",
                                        "Fix or remove the numbers marked in the list.", n_bad));
      }
      break;

    case PORT_IN_STEP_BEFORE:
      {
        g_autofree char *current_btn = NULL;
        g_autofree char *new_btn = NULL;
        gboolean partial = gtk_check_button_get_active (self->all_numbers_no_check);
        gboolean btn_leaving = FALSE;

        gtk_widget_set_visible (GTK_WIDGET (self->partial_group), partial);

        if (partial)
          {
            current_btn = parse_us_ca_number (row_text (self->current_btn_row));
            set_message (self, self->current_btn_row,
                         current_btn == NULL && !porting_text_is_blank (row_text (self->current_btn_row))
                         ? _("Enter a telephone number from the United States or Canada.") : NULL);

            btn_leaving = current_btn != NULL && numbers_contain (self, current_btn);
            gtk_widget_set_visible (GTK_WIDGET (self->new_btn_row), btn_leaving);

            if (btn_leaving)
              {
                new_btn = parse_us_ca_number (row_text (self->new_btn_row));

                if (new_btn == NULL && !porting_text_is_blank (row_text (self->new_btn_row)))
                  set_message (self, self->new_btn_row,
                               _("Enter a telephone number from the United States or Canada."));
                else if (new_btn != NULL && numbers_contain (self, new_btn))
                  set_message (self, self->new_btn_row,
                               _("This number is leaving too: choose one of the numbers that stay."));
                else
                  set_message (self, self->new_btn_row, NULL);
              }
          }

        if (!gtk_check_button_get_active (self->contract_check))
          missing = g_strdup (_("Confirm that no contract is tied to the numbers."));
        else if (!partial && !gtk_check_button_get_active (self->all_numbers_yes_check))
          missing = g_strdup (_("Say whether these are all the numbers on the account."));
        else if (partial && current_btn == NULL)
          missing = g_strdup (_("Enter the account’s current billing telephone number."));
        else if (btn_leaving && (new_btn == NULL || numbers_contain (self, new_btn)))
          missing = g_strdup (_("Enter a new billing telephone number from the numbers that stay."));
      }
      break;

    case PORT_IN_STEP_LOA:
      if (fill_loa_here (self))
        {
          const Region *region = selected_region (self);
          g_autofree char *postal = row_text_stripped (self->postal_code_row);
          g_autofree char *btn = parse_us_ca_number (row_text (self->btn_row));
          g_autoptr(GPtrArray) empty = g_ptr_array_new ();
          /* In the order of the form. */
          struct { gboolean missing; const char *name; } required[] = {
            { porting_text_is_blank (row_text (self->customer_name_row)), _("customer name") },
            { porting_text_is_blank (row_text (self->authorized_person_row)), _("authorized person") },
            { porting_text_is_blank (row_text (self->street_row)), _("street") },
            { porting_text_is_blank (row_text (self->city_row)), _("city") },
            { region == NULL, _("state or province") },
            { porting_text_is_blank (postal), _("ZIP or postal code") },
            { porting_text_is_blank (row_text (self->carrier_row)), _("current carrier") },
            { porting_text_is_blank (row_text (self->account_number_row)), _("account number") },
            { porting_text_is_blank (row_text (self->btn_row)), _("billing telephone number") },
          };

          for (guint i = 0; i < G_N_ELEMENTS (required); i++)
            if (required[i].missing)
              g_ptr_array_add (empty, (gpointer) required[i].name);

          if (!porting_text_is_blank (postal) && !postal_code_is_valid (postal, region))
            set_message (self, self->postal_code_row,
                         region != NULL && g_str_equal (region->country, "CA")
                         ? _("A Canadian postal code looks like K1A 0B1.")
                         : region != NULL
                         ? _("A ZIP code has 5 digits, or 5 + 4 (94607-1234).")
                         : _("Enter a ZIP code (94607) or a Canadian postal code (K1A 0B1)."));
          else
            set_message (self, self->postal_code_row, NULL);

          set_message (self, self->btn_row,
                       btn == NULL && !porting_text_is_blank (row_text (self->btn_row))
                       ? _("Enter a telephone number from the United States or Canada.") : NULL);

          if (empty->len > 0)
            {
              g_ptr_array_add (empty, NULL);
              {
                g_autofree char *list = g_strjoinv (", ", (char **) empty->pdata);
                /* Translators: %s is a list of fields, e.g. "street, city" */
                missing = g_strdup_printf (_("Fill in: %s."), list);
              }
            }
          else if (!porting_text_is_blank (postal) && !postal_code_is_valid (postal, region))
            missing = g_strdup (_("Check the ZIP or postal code."));
          else if (btn == NULL)
            missing = g_strdup (_("Check the billing telephone number."));
          else if (use_typed_signature (self) ? porting_text_is_blank (row_text (self->typed_signature_row))
                                              : porting_signature_pad_is_empty (self->signature_pad))
            missing = g_strdup (use_typed_signature (self) ? _("Type your name to sign.")
                                                           : _("Sign the LOA."));
        }
      else if (self->imported_loa == NULL)
        {
          missing = g_strdup (_("Add the signed LOA."));
        }
      break;

    case PORT_IN_STEP_PROOF:
      if (self->proof_file == NULL)
        missing = g_strdup (_("Add your latest invoice or the CSR."));
      break;

    case PORT_IN_STEP_CHECK:
      if (self->checking)
        missing = g_strdup (_("Checking the documents…"));
      break;

    case PORT_IN_STEP_DETAILS:
      {
        g_autofree char *problem = port_date_problem (self);

        gtk_widget_set_visible (GTK_WIDGET (self->wireless_group),
                                gtk_switch_get_active (self->wireless_switch));

        if (gtk_switch_get_active (self->wireless_switch) &&
            porting_text_is_blank (row_text (self->wireless_account_row)))
          missing = g_strdup (_("Enter the wireless account number."));
        else if (gtk_switch_get_active (self->wireless_switch) &&
                 porting_text_is_blank (row_text (self->wireless_pin_row)))
          missing = g_strdup (_("Enter the port-out PIN or passcode."));
        else if (problem != NULL)
          missing = g_steal_pointer (&problem);
      }
      break;

    case PORT_IN_STEP_REVIEW:
    default:
      break;
    }

  if (reason != NULL)
    *reason = g_steal_pointer (&missing);

  return reason == NULL ? missing == NULL : *reason == NULL;
}

gboolean
_porting_port_in_page_step_is_complete (PortingPortInPage  *self,
                                        guint               step,
                                        char              **reason)
{
  g_return_val_if_fail (PORTING_IS_PORT_IN_PAGE (self), FALSE);

  return validate_step (self, step, reason);
}

/* ---- Navigation -------------------------------------------------------- */

static guint
visible_step (PortingPortInPage *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  for (guint i = 0; i < PORT_IN_N_STEPS; i++)
    if (g_strcmp0 (name, step_names[i]) == 0)
      return i;

  return PORT_IN_N_STEPS;
}

static void
update_step_dots (PortingPortInPage *self,
                  guint              step)
{
  guint i = 0;

  for (GtkWidget *dot = gtk_widget_get_first_child (GTK_WIDGET (self->step_dots));
       dot != NULL;
       dot = gtk_widget_get_next_sibling (dot), i++)
    {
      if (i <= step)
        gtk_widget_add_css_class (dot, "done");
      else
        gtk_widget_remove_css_class (dot, "done");
    }
}

static void
update_navigation (PortingPortInPage *self)
{
  guint step = visible_step (self);
  g_autofree char *reason = NULL;
  gboolean complete;

  if (step >= PORT_IN_N_STEPS)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->next_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->submit_button), FALSE);
      gtk_label_set_text (self->missing_label, "");
      return;
    }

  complete = validate_step (self, step, &reason);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->back_button), step > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), step < PORT_IN_STEP_REVIEW);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), complete && !self->writing_loa);
  gtk_widget_set_visible (GTK_WIDGET (self->submit_button), step == PORT_IN_STEP_REVIEW);
  gtk_widget_set_sensitive (GTK_WIDGET (self->submit_button), !self->submitting);
  gtk_label_set_text (self->missing_label, reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->missing_label), reason != NULL);
}

static void rebuild_review (PortingPortInPage *self);

/* Keyboard and screen reader users go on at the top of the new step, not on
 * a Next button that may just have turned insensitive (losing the focus). */
static void
focus_step (PortingPortInPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || child == NULL)
    return;

  if (focus != NULL &&
      focus != GTK_WIDGET (self->next_button) &&
      focus != GTK_WIDGET (self->back_button) &&
      focus != GTK_WIDGET (self->submit_button) &&
      !(gtk_widget_is_ancestor (focus, GTK_WIDGET (self->stack)) &&
        !gtk_widget_is_ancestor (focus, child)))
    return;

  gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD);
}

static void
show_step (PortingPortInPage *self,
           guint              step)
{
  g_autofree char *count = NULL;
  GtkStackPage *page;

  step = MIN (step, PORT_IN_N_STEPS - 1);

  if (step == PORT_IN_STEP_REVIEW)
    rebuild_review (self);

  gtk_stack_set_visible_child_name (self->stack, step_names[step]);
  page = gtk_stack_get_page (self->stack, gtk_stack_get_visible_child (self->stack));

  gtk_label_set_text (self->step_title_label, gtk_stack_page_get_title (page));
  /* Translators: "Step 3 of 7" */
  count = g_strdup_printf (_("Step %u of %u"), step + 1, (guint) PORT_IN_N_STEPS);
  gtk_label_set_text (self->step_count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->step_dots), TRUE);
  update_step_dots (self, step);

  if (step == PORT_IN_STEP_CHECK && self->check_result == NULL && !self->checking)
    start_check (self);

  if (!self->restoring)
    porting_draft_store_set_int (self->draft_store, DRAFT_FLOW, "step", step);

  update_navigation (self);

  if (!self->restoring)
    focus_step (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

static void
on_back_clicked (PortingPortInPage *self,
                 GtkButton         *button)
{
  guint step = visible_step (self);

  if (step > 0 && step < PORT_IN_N_STEPS)
    show_step (self, step - 1);
}

/* ---- Step 3: writing the LOA ------------------------------------------- */

static PortingLoaWriterData *
collect_loa_data (PortingPortInPage *self)
{
  PortingLoaWriterData *data = porting_loa_writer_data_new ();
  const Region *region = selected_region (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  data->customer_name = row_text_stripped (self->customer_name_row);
  data->authorized_person = row_text_stripped (self->authorized_person_row);
  data->street = row_text_stripped (self->street_row);
  data->unit = row_text_stripped (self->unit_row);
  data->city = row_text_stripped (self->city_row);
  data->region = g_strdup (region != NULL ? region->code : "");
  data->postal_code = g_ascii_strup (row_text (self->postal_code_row), -1);
  g_strstrip (data->postal_code);
  data->country = g_strdup (region != NULL ? region->country : "US");
  data->carrier = row_text_stripped (self->carrier_row);
  data->account_number = row_text_stripped (self->account_number_row);
  data->btn = parse_us_ca_number (row_text (self->btn_row));
  data->date = g_date_time_format (now, "%Y-%m-%d");

  for (guint i = 0; i < self->numbers->len; i++)
    {
      PortingPhoneNumber *number = g_ptr_array_index (self->numbers, i);

      if (number->valid)
        g_ptr_array_add (data->numbers, g_strdup (number->e164));
    }

  if (use_typed_signature (self))
    data->typed_signature = row_text_stripped (self->typed_signature_row);
  else
    porting_signature_pad_fill_data (self->signature_pad, data);

  return data;
}

static void
clear_check (PortingPortInPage *self)
{
  g_clear_object (&self->check_result);
  g_clear_error (&self->check_error);
  self->checking = FALSE;
}

typedef struct
{
  PortingPortInPage *self;
  GFile             *file;
} LoaWrite;

static void
loa_written_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  LoaWrite *write = user_data;
  g_autoptr(PortingPortInPage) self = write->self;
  g_autoptr(GFile) file = write->file;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_free (write);
  self->writing_loa = FALSE;

  if (!porting_loa_writer_write_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      update_navigation (self);
      return;
    }

  if (self->generated_loa != NULL && !g_file_equal (self->generated_loa, file))
    g_file_delete_async (self->generated_loa, G_PRIORITY_LOW, NULL, NULL, NULL);
  g_set_object (&self->generated_loa, file);
  path = g_file_get_path (file);
  porting_draft_store_set_string (self->draft_store, DRAFT_FLOW, "generated-loa", path);

  clear_check (self);
  show_step (self, PORT_IN_STEP_PROOF);
}

static void
write_loa (PortingPortInPage *self)
{
  g_autoptr(PortingLoaWriterData) data = collect_loa_data (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *name = g_strdup_printf ("loa-%s.pdf", stamp);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), APP_ID, "documents", name, NULL);
  LoaWrite *write = g_new0 (LoaWrite, 1);

  write->self = g_object_ref (self);
  write->file = g_file_new_for_path (path);

  self->writing_loa = TRUE;
  update_navigation (self);

  porting_loa_writer_write_async (data, write->file, self->cancellable, loa_written_cb, write);
}

static void
on_next_clicked (PortingPortInPage *self,
                 GtkButton         *button)
{
  guint step = visible_step (self);

  if (step >= PORT_IN_STEP_REVIEW || !validate_step (self, step, NULL))
    return;

  if (step == PORT_IN_STEP_LOA && fill_loa_here (self))
    {
      write_loa (self);
      return;
    }

  show_step (self, step + 1);
}

/* ---- Documents: drop zones --------------------------------------------- */

typedef void (*FileChosenFunc) (PortingPortInPage *self,
                                GFile             *file);

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  PortingPortInPage *self = user_data;
  FileChosenFunc func = g_object_get_data (G_OBJECT (target), "file-chosen");
  GFile *file = NULL;

  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);
  else if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);
      file = files != NULL ? files->data : NULL;
    }

  if (file == NULL)
    return FALSE;

  func (self, file);

  return TRUE;
}

static void
on_file_chooser_response (GtkNativeDialog *dialog,
                          int              response,
                          gpointer         user_data)
{
  PortingPortInPage *self = user_data;
  FileChosenFunc func = g_object_get_data (G_OBJECT (dialog), "file-chosen");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        func (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
on_open_clicked (GtkButton *button,
                 gpointer   user_data)
{
  PortingPortInPage *self = user_data;
  FileChosenFunc func = g_object_get_data (G_OBJECT (button), "file-chosen");
  gboolean images = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "images"));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (images ? _("Open the Invoice or CSR") : _("Open the Signed LOA"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  gtk_file_filter_set_name (filter, images ? _("PDF Documents and Images") : _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  if (images)
    {
      gtk_file_filter_add_mime_type (filter, "image/png");
      gtk_file_filter_add_mime_type (filter, "image/jpeg");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);

  g_object_set_data (G_OBJECT (dialog), "file-chosen", func);
  g_signal_connect (dialog, "response", G_CALLBACK (on_file_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_drop_enter_leave (GtkDropTarget *target,
                     GtkWidget     *zone)
{
  if (gtk_drop_target_get_current_drop (target) != NULL)
    gtk_widget_add_css_class (zone, "drop-hover");
  else
    gtk_widget_remove_css_class (zone, "drop-hover");
}

static GtkWidget *
create_drop_zone (PortingPortInPage *self,
                  const char        *title,
                  const char        *hint,
                  gboolean           images,
                  FileChosenFunc     func)
{
  GtkWidget *zone = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("document-open-symbolic");
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *hint_label = gtk_label_new (hint);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Open…"));
  GtkDropTarget *target;
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_widget_add_css_class (zone, "card");
  gtk_widget_add_css_class (zone, "drop-zone");
  gtk_widget_set_margin_top (zone, 12);
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 32);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_widget_set_margin_top (icon, 18);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (hint_label, "dim-label");
  gtk_widget_add_css_class (hint_label, "caption");
  gtk_label_set_wrap (GTK_LABEL (hint_label), TRUE);
  gtk_label_set_justify (GTK_LABEL (hint_label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (button, 6);
  gtk_widget_set_margin_bottom (button, 18);
  gtk_widget_add_css_class (button, "pill");

  gtk_box_append (GTK_BOX (zone), icon);
  gtk_box_append (GTK_BOX (zone), label);
  gtk_box_append (GTK_BOX (zone), hint_label);
  gtk_box_append (GTK_BOX (zone), button);

  g_object_set_data (G_OBJECT (button), "file-chosen", func);
  g_object_set_data (G_OBJECT (button), "images", GINT_TO_POINTER (images));
  g_signal_connect (button, "clicked", G_CALLBACK (on_open_clicked), self);

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_object_set_data (G_OBJECT (target), "file-chosen", func);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  g_signal_connect (target, "notify::current-drop", G_CALLBACK (on_drop_enter_leave), zone);
  gtk_widget_add_controller (zone, GTK_EVENT_CONTROLLER (target));

  return zone;
}

static void
on_remove_file_clicked (GtkButton *button,
                        gpointer   user_data)
{
  PortingPortInPage *self = user_data;
  FileChosenFunc func = g_object_get_data (G_OBJECT (button), "file-chosen");

  func (self, NULL);
}

static AdwActionRow *
create_file_row (PortingPortInPage *self,
                 FileChosenFunc     func)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("x-office-document-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_visible (row, FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove"),
                                  -1);
  g_object_set_data (G_OBJECT (remove), "file-chosen", func);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_file_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return ADW_ACTION_ROW (row);
}

static void
show_file (AdwActionRow *row,
           GtkWidget    *zone,
           GFile        *file)
{
  gtk_widget_set_visible (GTK_WIDGET (row), file != NULL);
  gtk_widget_set_visible (zone, file == NULL);

  if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *folder = parent != NULL ? g_file_get_parse_name (parent) : NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (row, folder != NULL ? folder : "");
    }
}

void
_porting_port_in_page_set_loa_file (PortingPortInPage *self,
                                    GFile             *file)
{
  g_return_if_fail (PORTING_IS_PORT_IN_PAGE (self));

  g_set_object (&self->imported_loa, file);
  show_file (self->loa_file_row, self->loa_drop_zone, file);

  if (file != NULL && !self->restoring)
    gtk_check_button_set_active (self->loa_import_check, TRUE);

  if (!self->restoring)
    {
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      porting_draft_store_set_string (self->draft_store, DRAFT_FLOW, "imported-loa", path);
    }

  clear_check (self);
  update_navigation (self);
}

void
_porting_port_in_page_set_proof_file (PortingPortInPage *self,
                                      GFile             *file)
{
  g_return_if_fail (PORTING_IS_PORT_IN_PAGE (self));

  g_set_object (&self->proof_file, file);
  show_file (self->proof_file_row, self->proof_drop_zone, file);

  if (!self->restoring)
    {
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      porting_draft_store_set_string (self->draft_store, DRAFT_FLOW, "proof", path);
    }

  clear_check (self);
  update_navigation (self);
}

/* ---- Step 5: the document check ---------------------------------------- */

static void
show_check_result (PortingPortInPage *self)
{
  const char *title;
  const char *subtitle = NULL;
  const char *icon = "emblem-ok-symbolic";
  const char *css = "success";

  gtk_stack_set_visible_child_name (self->check_icon_stack, "icon");
  gtk_spinner_stop (self->check_spinner);
  gtk_widget_remove_css_class (GTK_WIDGET (self->check_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->check_icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->check_icon), "error");

  if (self->check_error != NULL)
    {
      title = _("The documents could not be checked");
      subtitle = self->check_error->message;
      icon = "dialog-warning-symbolic";
      css = "warning";
    }
  else
    {
      switch (porting_check_result_get_verdict (self->check_result))
        {
        case PORTING_CHECK_VERDICT_MATCH:
          title = _("The name and the address match");
          subtitle = _("The LOA and the proof show the same account holder.");
          break;

        case PORTING_CHECK_VERDICT_REVIEW:
          title = _("The proof could not be read");
          subtitle = _("It has no text that can be read (a screenshot?). Our staff will compare the documents by eye, which takes longer.");
          icon = "dialog-information-symbolic";
          css = "warning";
          break;

        case PORTING_CHECK_VERDICT_MISMATCH:
        default:
          {
            PortingFieldStatus name = porting_check_result_get_field (self->check_result, PORTING_FIELD_NAME)->status;
            PortingFieldStatus address = porting_check_result_get_field (self->check_result, PORTING_FIELD_ADDRESS)->status;
            gboolean name_ok = name == PORTING_FIELD_STATUS_EXACT || name == PORTING_FIELD_STATUS_EQUIVALENT;
            gboolean address_ok = address == PORTING_FIELD_STATUS_EXACT || address == PORTING_FIELD_STATUS_EQUIVALENT;

            if (!name_ok && !address_ok)
              title = _("The name and the address on the LOA differ from the proof");
            else if (!name_ok)
              title = _("The name on the LOA differs from the proof");
            else
              title = _("The address on the LOA differs from the proof");
          }
          subtitle = _("Carriers reject ports when the LOA does not match their records exactly. "
                       "Fix your LOA (go back to step 3) or add a newer invoice, or continue anyway.");
          icon = "dialog-warning-symbolic";
          css = "error";
          break;
        }

    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->check_summary_row), title);
  adw_action_row_set_subtitle (self->check_summary_row, subtitle);
  gtk_image_set_from_icon_name (self->check_icon, icon);
  gtk_widget_add_css_class (GTK_WIDGET (self->check_icon), css);
}

/* The check view checks the documents side by side; its result is ours. */
static void
on_check_view_changed (PortingPortInPage *self)
{
  PortingCheckResult *result = porting_check_view_get_result (self->check_view);
  PortingDocumentView *views[] = {
    porting_check_view_get_loa_view (self->check_view),
    porting_check_view_get_proof_view (self->check_view),
  };

  if (!self->checking)
    return;

  if (result != NULL)
    {
      self->checking = FALSE;
      g_set_object (&self->check_result, result);
      show_check_result (self);
      update_navigation (self);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      PortingDocumentViewState state = porting_document_view_get_state (views[i]);
      const GError *error = porting_document_view_get_error (views[i]);

      if (state == PORTING_DOCUMENT_VIEW_STATE_FAILED ||
          state == PORTING_DOCUMENT_VIEW_STATE_NEEDS_PASSWORD)
        {
          self->checking = FALSE;
          g_clear_error (&self->check_error);
          if (state == PORTING_DOCUMENT_VIEW_STATE_FAILED && error != NULL)
            self->check_error = g_error_copy (error);
          else
            self->check_error = g_error_new_literal (PORTING_DOCUMENT_ERROR,
                                                     PORTING_DOCUMENT_ERROR_NEEDS_PASSWORD,
                                                     _("A document is protected by a password: type it below to check it."));
          show_check_result (self);
          update_navigation (self);
          return;
        }
    }
}

static void
start_check (PortingPortInPage *self)
{
  GFile *loa = current_loa (self);

  clear_check (self);

  if (loa == NULL || self->proof_file == NULL)
    return;

  self->checking = TRUE;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->check_summary_row),
                                 _("Checking the documents…"));
  adw_action_row_set_subtitle (self->check_summary_row,
                               _("Looking for the LOA’s name and address in the proof"));
  gtk_stack_set_visible_child_name (self->check_icon_stack, "busy");
  gtk_spinner_start (self->check_spinner);

  porting_check_view_load (self->check_view, loa, self->proof_file);
  update_navigation (self);
}

/* ---- Step 7: review and submit ----------------------------------------- */

static void
on_edit_clicked (GtkButton *button,
                 gpointer   user_data)
{
  PortingPortInPage *self = user_data;

  show_step (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "step")));
}

static AdwPreferencesGroup *
add_review_group (PortingPortInPage *self,
                  const char        *title,
                  guint              step)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *edit = gtk_button_new_with_mnemonic (_("_Edit"));

  adw_preferences_group_set_title (group, title);
  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit, "flat");
  g_object_set_data (G_OBJECT (edit), "step", GUINT_TO_POINTER (step));
  g_signal_connect (edit, "clicked", G_CALLBACK (on_edit_clicked), self);
  adw_preferences_group_set_header_suffix (group, edit);

  adw_preferences_page_add (self->review_page, group);
  g_ptr_array_add (self->review_groups, group);

  return group;
}

static void
add_review_row (AdwPreferencesGroup *group,
                const char          *title,
                const char          *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value != NULL && *value != '\0' ? value : "—");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (group, row);
}

static void
rebuild_review (PortingPortInPage *self)
{
  AdwPreferencesGroup *group;
  g_autoptr(GString) numbers = g_string_new (NULL);

  for (guint i = 0; i < self->review_groups->len; i++)
    adw_preferences_page_remove (self->review_page, g_ptr_array_index (self->review_groups, i));
  g_ptr_array_set_size (self->review_groups, 0);

  for (guint i = 0; i < self->numbers->len; i++)
    {
      PortingPhoneNumber *number = g_ptr_array_index (self->numbers, i);
      g_autofree char *formatted = porting_phone_number_format (number);

      if (numbers->len > 0)
        g_string_append_c (numbers, '\n');
      g_string_append (numbers, formatted);
    }

  group = add_review_group (self, _("Numbers"), PORT_IN_STEP_NUMBERS);
  add_review_row (group, ngettext ("Number to port", "Numbers to port", self->numbers->len), numbers->str);

  group = add_review_group (self, _("Before You Port"), PORT_IN_STEP_BEFORE);
  add_review_row (group, _("No contract, service stops"),
                  gtk_check_button_get_active (self->contract_check) ? _("Confirmed") : _("Not confirmed"));
  add_review_row (group, _("All the numbers on the account"),
                  gtk_check_button_get_active (self->all_numbers_no_check)
                  ? _("No, a partial port") : _("Yes"));
  if (gtk_check_button_get_active (self->all_numbers_no_check) &&
      gtk_widget_get_visible (GTK_WIDGET (self->new_btn_row)))
    add_review_row (group, _("New billing telephone number"), row_text (self->new_btn_row));

  group = add_review_group (self, _("Letter of Authorization"), PORT_IN_STEP_LOA);
  if (fill_loa_here (self))
    {
      const Region *region = selected_region (self);
      g_autofree char *address = NULL;

      address = g_strdup_printf ("%s%s%s\n%s, %s %s",
                                 row_text (self->street_row),
                                 porting_text_is_blank (row_text (self->unit_row)) ? "" : ", ",
                                 row_text (self->unit_row),
                                 row_text (self->city_row),
                                 region != NULL ? region->code : "",
                                 row_text (self->postal_code_row));
      add_review_row (group, _("Customer name"), row_text (self->customer_name_row));
      add_review_row (group, _("Authorized person"), row_text (self->authorized_person_row));
      add_review_row (group, _("Service address"), address);
      add_review_row (group, _("Current carrier"), row_text (self->carrier_row));
      add_review_row (group, _("Account number"), row_text (self->account_number_row));
      add_review_row (group, _("Billing telephone number"), row_text (self->btn_row));
    }
  if (current_loa (self) != NULL)
    {
      g_autofree char *name = g_file_get_basename (current_loa (self));
      add_review_row (group, _("Signed LOA"), name);
    }

  group = add_review_group (self, _("Proof of Account"), PORT_IN_STEP_PROOF);
  if (self->proof_file != NULL)
    {
      g_autofree char *name = g_file_get_basename (self->proof_file);
      add_review_row (group,
                      adw_combo_row_get_selected (self->proof_kind_row) == 1
                      ? _("Customer Service Record") : _("Latest invoice"),
                      name);
    }

  group = add_review_group (self, _("Document Check"), PORT_IN_STEP_CHECK);
  add_review_row (group, _("Result"),
                  self->check_result == NULL ? _("Not checked")
                  : porting_check_result_get_verdict (self->check_result) == PORTING_CHECK_VERDICT_MATCH
                  ? _("The name and the address match")
                  : porting_check_result_get_verdict (self->check_result) == PORTING_CHECK_VERDICT_REVIEW
                  ? _("To be checked by our staff")
                  : _("The name or the address differ: the port may be rejected"));

  group = add_review_group (self, _("Details"), PORT_IN_STEP_DETAILS);
  add_review_row (group, _("Text messages (SMS)"),
                  gtk_switch_get_active (self->sms_switch) ? _("Yes") : _("No"));
  add_review_row (group, _("Wireless numbers"),
                  gtk_switch_get_active (self->wireless_switch)
                  ? row_text (self->wireless_account_row) : _("No"));
  {
    g_autofree char *date = g_date_valid (&self->port_date) ? porting_port_date_format (&self->port_date)
                                                            : g_strdup (_("As soon as possible"));
    add_review_row (group, _("Preferred port date"), date);
  }
}

static JsonObject *
build_loa_object (PortingPortInPage *self)
{
  g_autoptr(PortingLoaWriterData) data = collect_loa_data (self);
  JsonObject *loa = json_object_new ();
  JsonObject *address = json_object_new ();

  json_object_set_string_member (loa, "customer_name", data->customer_name);
  json_object_set_string_member (loa, "authorized_person", data->authorized_person);
  json_object_set_string_member (address, "street", data->street);
  json_object_set_string_member (address, "unit", data->unit);
  json_object_set_string_member (address, "city", data->city);
  json_object_set_string_member (address, "region", data->region);
  json_object_set_string_member (address, "postal_code", data->postal_code);
  json_object_set_string_member (address, "country", data->country);
  json_object_set_object_member (loa, "service_address", address);
  json_object_set_string_member (loa, "carrier", data->carrier);
  json_object_set_string_member (loa, "account_number", data->account_number);
  json_object_set_string_member (loa, "btn", data->btn);

  return loa;
}

/* "Oakland, CA 94607" → city, region, postal code; the whole line as the city
 * when it does not read that way. */
static JsonObject *
address_from_loa_lines (const char *street,
                        const char *city_line)
{
  g_autoptr(GRegex) regex = g_regex_new ("^(.+?),?\\s+([A-Za-z]{2})\\.?,?\\s+([0-9]{5}(-[0-9]{4})?|[A-Za-z][0-9][A-Za-z] ?[0-9][A-Za-z][0-9])$",
                                         0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  JsonObject *address = json_object_new ();

  json_object_set_string_member (address, "street", street);

  if (city_line != NULL && g_regex_match (regex, city_line, 0, &match))
    {
      g_autofree char *city = g_match_info_fetch (match, 1);
      g_autofree char *region = g_match_info_fetch (match, 2);
      g_autofree char *postal_code = g_match_info_fetch (match, 3);
      const char *country = "US";

      for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
        if (g_ascii_strcasecmp (regions[i].code, region) == 0)
          country = regions[i].country;

      json_object_set_string_member (address, "city", city);
      json_object_set_string_member (address, "region", region);
      json_object_set_string_member (address, "postal_code", postal_code);
      json_object_set_string_member (address, "country", country);
    }
  else
    {
      json_object_set_string_member (address, "city", city_line);
    }

  return address;
}

/* Kept separate from the page so that the intake client can take it over. */
static PortingRequest *
build_request (PortingPortInPage *self)
{
  g_autoptr(PortingRequest) request = porting_request_new (PORTING_REQUEST_KIND_PORT_IN);
  g_autoptr(GPtrArray) numbers = g_ptr_array_new ();
  JsonObject *fields = porting_request_get_fields (request);

  for (guint i = 0; i < self->numbers->len; i++)
    {
      PortingPhoneNumber *number = g_ptr_array_index (self->numbers, i);

      if (number->valid)
        g_ptr_array_add (numbers, number->e164);
    }
  g_ptr_array_add (numbers, NULL);

  porting_request_set_numbers (request, (const char * const *) numbers->pdata);
  if (self->previous_request_id != NULL)
    porting_request_set_string (request, "previous_request_id", self->previous_request_id);
  porting_request_set_boolean (request, "contract_acknowledged",
                               gtk_check_button_get_active (self->contract_check));
  porting_request_set_boolean (request, "sms", gtk_switch_get_active (self->sms_switch));

  if (gtk_switch_get_active (self->wireless_switch))
    porting_request_set_wireless (request,
                                  row_text (self->wireless_account_row),
                                  row_text (self->wireless_pin_row));
  else
    porting_request_set_wireless (request, NULL, NULL);

  if (g_date_valid (&self->port_date))
    {
      g_autofree char *date = porting_port_date_to_iso (&self->port_date);
      porting_request_set_string (request, "preferred_date", date);
    }
  else
    {
      json_object_set_null_member (fields, "preferred_date");
    }

  if (fill_loa_here (self))
    json_object_set_object_member (fields, "loa", build_loa_object (self));
  else if (self->check_result != NULL)
    {
      const PortingLoaFields *read = porting_check_result_get_loa_fields (self->check_result);
      JsonObject *loa = json_object_new ();

      /* An imported LOA: what could be read from it. */
      json_object_set_string_member (loa, "customer_name", read->name);
      json_object_set_string_member (loa, "authorized_person", read->authorized_person);
      json_object_set_object_member (loa, "service_address",
                                     address_from_loa_lines (read->street, read->city_line));
      json_object_set_string_member (loa, "carrier", read->carrier);
      json_object_set_string_member (loa, "account_number", read->account_number);
      {
        g_autofree char *btn = parse_us_ca_number (read->btn);
        json_object_set_string_member (loa, "btn", btn != NULL ? btn : read->btn);
      }
      json_object_set_object_member (fields, "loa", loa);
    }

  porting_request_set_string (request, "proof_kind",
                              adw_combo_row_get_selected (self->proof_kind_row) == 1 ? "csr" : "invoice");

  if (gtk_check_button_get_active (self->all_numbers_no_check))
    {
      JsonObject *partial = json_object_new ();
      g_autofree char *current_btn = parse_us_ca_number (row_text (self->current_btn_row));
      g_autofree char *new_btn = parse_us_ca_number (row_text (self->new_btn_row));

      json_object_set_string_member (partial, "current_btn", current_btn);
      if (gtk_widget_get_visible (GTK_WIDGET (self->new_btn_row)))
        json_object_set_string_member (partial, "new_btn", new_btn);
      json_object_set_object_member (fields, "partial_port", partial);
    }

  if (self->check_result != NULL)
    {
      JsonObject *check = json_object_new ();

      json_object_set_string_member (check, "verdict",
                                     porting_check_verdict_to_string (porting_check_result_get_verdict (self->check_result)));
      json_object_set_string_member (check, "name",
                                     porting_field_status_to_string (porting_check_result_get_field (self->check_result, PORTING_FIELD_NAME)->status));
      json_object_set_string_member (check, "address",
                                     porting_field_status_to_string (porting_check_result_get_field (self->check_result, PORTING_FIELD_ADDRESS)->status));
      json_object_set_object_member (fields, "document_check", check);
    }

  return g_steal_pointer (&request);
}

static void
show_done (PortingPortInPage *self,
           const char        *title,
           const char        *description,
           const char        *toast)
{
  adw_status_page_set_description (self->done_status, description);

  /* The request is safe: the draft has done its job. */
  porting_draft_store_discard (self->draft_store, DRAFT_FLOW);

  gtk_stack_set_visible_child_name (self->stack, "done");
  gtk_label_set_text (self->step_title_label, title);
  gtk_label_set_text (self->step_count_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->step_dots), FALSE);
  update_navigation (self);
  focus_step (self);
  show_toast (self, toast);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

static void
request_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PortingPortInPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *path = NULL;

  self->submitting = FALSE;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The request could not be saved: %s"), error->message);

      show_toast (self, message);
      update_navigation (self);
      return;
    }

  g_set_object (&self->last_request, G_FILE (object));
  path = g_file_get_parse_name (G_FILE (object));
  description = g_strdup_printf (_("Your request is saved in %s. We will send it with your documents "
                                   "and let you know when the carrier confirms the port date."),
                                 path);
  show_done (self, _("Request Ready"), description, _("Request saved"));
}

static void
on_request_submitted (PortingPortInPage *self,
                      PortingRequest    *stored)
{
  g_autofree char *description = NULL;

  self->submitting = FALSE;
  description = g_strdup_printf (_("Request %s is with us. Ports take 5 to 10 business days: "
                                   "follow it on the Requests page, where the confirmed port date will show."),
                                 porting_request_get_id (stored));
  show_done (self, _("Request Sent"), description, _("Request sent"));
}

void
porting_port_in_page_submit (PortingPortInPage *self)
{
  g_autoptr(PortingRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *invalid_field = NULL;
  g_autofree char *json = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *name = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GApplication *application;
  gsize length;

  g_return_if_fail (PORTING_IS_PORT_IN_PAGE (self));

  if (self->submitting)
    return;

  request = build_request (self);
  if (!porting_request_validate (request, &invalid_field, &error))
    {
      show_toast (self, error->message);
      return;
    }

  /* With an intake service set up, send it; the dialog keeps it in the
   * outbox when the service cannot be reached. */
  application = g_application_get_default ();
  if (PORTING_IS_APPLICATION (application) &&
      porting_intake_session_get_has_token (porting_application_get_intake_session (PORTING_APPLICATION (application))))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      PortingSubmitDialog *dialog;

      dialog = porting_submit_dialog_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              request, current_loa (self), self->proof_file, NULL);
      g_signal_connect_object (dialog, "submitted", G_CALLBACK (on_request_submitted), self, G_CONNECT_SWAPPED);
      return;
    }

  /* No service yet: keep the finished request on disk. Never the PIN on
   * disk: the default JSON form leaves it out. */
  json = porting_request_to_json (request, PORTING_REQUEST_JSON_PRETTY);
  uuid = g_uuid_string_random ();
  name = g_strconcat (uuid, ".json", NULL);
  directory = g_build_filename (g_get_user_data_dir (), APP_ID, "requests", NULL);
  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      show_toast (self, _("The request could not be saved: the folder cannot be created."));
      return;
    }

  path = g_build_filename (directory, name, NULL);
  file = g_file_new_for_path (path);
  length = strlen (json);
  bytes = g_bytes_new_take (g_steal_pointer (&json), length);

  self->submitting = TRUE;
  update_navigation (self);

  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE,
                                       G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                       self->cancellable, request_saved_cb, g_object_ref (self));
}

static void
on_submit_clicked (PortingPortInPage *self,
                   GtkButton         *button)
{
  porting_port_in_page_submit (self);
}

/* ---- Drafts ------------------------------------------------------------ */

static void
on_editable_changed (GtkEditable       *editable,
                     PortingPortInPage *self)
{
  const char *key = g_object_get_data (G_OBJECT (editable), "draft-key");

  if (!self->restoring && key != NULL)
    porting_draft_store_set_string (self->draft_store, DRAFT_FLOW, key, gtk_editable_get_text (editable));

  update_navigation (self);
}

static void
update_visibility (PortingPortInPage *self)
{
  gboolean fill = fill_loa_here (self);
  gboolean typed = use_typed_signature (self);

  gtk_widget_set_visible (GTK_WIDGET (self->loa_customer_group), fill);
  gtk_widget_set_visible (GTK_WIDGET (self->loa_address_group), fill);
  gtk_widget_set_visible (GTK_WIDGET (self->loa_carrier_group), fill);
  gtk_widget_set_visible (GTK_WIDGET (self->loa_signature_group), fill);
  gtk_widget_set_visible (GTK_WIDGET (self->loa_import_group), !fill);

  gtk_widget_set_visible (GTK_WIDGET (self->typed_signature_row), typed);
  gtk_widget_set_visible (self->signature_frame, !typed);
  gtk_widget_set_visible (self->clear_signature_button, !typed);
  adw_preferences_group_set_description (self->loa_signature_group,
                                         typed ? _("Your name in a handwriting style stands for your signature.")
                                               : _("Sign with your mouse, finger or pen."));

  gtk_widget_set_visible (GTK_WIDGET (self->wireless_group),
                          gtk_switch_get_active (self->wireless_switch));
}

static void
on_toggle_changed (GObject           *object,
                   GParamSpec        *pspec,
                   PortingPortInPage *self)
{
  const char *key = g_object_get_data (object, "draft-key");
  gboolean active = FALSE;

  g_object_get (object, "active", &active, NULL);

  if (!self->restoring && key != NULL)
    porting_draft_store_set_boolean (self->draft_store, DRAFT_FLOW, key, active);

  /* The other LOA is not the one that was checked. */
  if (object == G_OBJECT (self->loa_import_check))
    clear_check (self);

  update_visibility (self);
  update_navigation (self);
}

static void
on_combo_changed (AdwComboRow       *row,
                  GParamSpec        *pspec,
                  PortingPortInPage *self)
{
  const char *key = g_object_get_data (G_OBJECT (row), "draft-key");

  if (!self->restoring && key != NULL)
    porting_draft_store_set_int (self->draft_store, DRAFT_FLOW, key, adw_combo_row_get_selected (row));

  update_navigation (self);
}

static void
on_pin_changed (PortingPortInPage *self)
{
  /* The PIN stays in the entry: it is never given to the draft store. */
  update_navigation (self);
}

static void
on_signature_changed (PortingPortInPage   *self,
                      PortingSignaturePad *pad)
{
  GPtrArray *strokes = porting_signature_pad_get_strokes (pad);
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < strokes->len; i++)
    {
      GArray *stroke = g_ptr_array_index (strokes, i);
      JsonArray *points = json_array_new ();

      for (guint j = 0; j < stroke->len; j++)
        {
          const PortingSignaturePoint *point = &g_array_index (stroke, PortingSignaturePoint, j);
          JsonArray *triple = json_array_new ();

          json_array_add_double_element (triple, point->x);
          json_array_add_double_element (triple, point->y);
          json_array_add_double_element (triple, point->pressure);
          json_array_add_array_element (points, triple);
        }

      json_array_add_array_element (array, points);
    }

  json_node_take_array (node, array);

  if (!self->restoring)
    porting_draft_store_set (self->draft_store, DRAFT_FLOW, "signature", node);
  else
    json_node_unref (node);

  update_navigation (self);
}

static void
on_clear_signature_clicked (PortingPortInPage *self,
                            GtkButton         *button)
{
  porting_signature_pad_clear (self->signature_pad);
}

static void
bind_editable (PortingPortInPage *self,
               gpointer           editable,
               const char        *key)
{
  g_object_set_data (G_OBJECT (editable), "draft-key", (gpointer) key);
  g_signal_connect (editable, "changed", G_CALLBACK (on_editable_changed), self);
}

static void
bind_toggle (PortingPortInPage *self,
             gpointer           toggle,
             const char        *key)
{
  g_object_set_data (G_OBJECT (toggle), "draft-key", (gpointer) key);
  g_signal_connect (toggle, "notify::active", G_CALLBACK (on_toggle_changed), self);
}

static void
bind_combo (PortingPortInPage *self,
            AdwComboRow       *row,
            const char        *key)
{
  g_object_set_data (G_OBJECT (row), "draft-key", (gpointer) key);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_combo_changed), self);
}

static GFile *
draft_file (JsonObject *draft,
            const char *key)
{
  const char *path = porting_draft_get_string (draft, key);

  if (*path == '\0' || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;

  return g_file_new_for_path (path);
}

static void
restore_signature (PortingPortInPage *self,
                   JsonObject        *draft)
{
  JsonNode *node = draft != NULL ? json_object_get_member (draft, "signature") : NULL;
  g_autoptr(GPtrArray) strokes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *stroke_node = json_array_get_element (array, i);
          GArray *stroke;

          if (!JSON_NODE_HOLDS_ARRAY (stroke_node))
            continue;

          stroke = g_array_new (FALSE, FALSE, sizeof (PortingSignaturePoint));
          for (guint j = 0; j < json_array_get_length (json_node_get_array (stroke_node)); j++)
            {
              JsonNode *point_node = json_array_get_element (json_node_get_array (stroke_node), j);
              JsonArray *triple;
              PortingSignaturePoint point;

              if (!JSON_NODE_HOLDS_ARRAY (point_node) ||
                  json_array_get_length (json_node_get_array (point_node)) != 3)
                continue;

              triple = json_node_get_array (point_node);
              point.x = json_array_get_double_element (triple, 0);
              point.y = json_array_get_double_element (triple, 1);
              point.pressure = json_array_get_double_element (triple, 2);
              g_array_append_val (stroke, point);
            }

          g_ptr_array_add (strokes, stroke);
        }
    }

  porting_signature_pad_set_strokes (self->signature_pad, strokes);
}

/* Puts every field of the flow as @draft says; NULL empties the form. */
static void
apply_draft (PortingPortInPage *self,
             JsonObject        *draft)
{
  g_autoptr(GFile) imported_loa = NULL;
  g_autoptr(GFile) generated_loa = NULL;
  g_autoptr(GFile) proof = NULL;
  const char *date;
  guint region;
  guint step;

  self->restoring = TRUE;

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->numbers_view),
                            porting_draft_get_string (draft, "numbers"), -1);

  gtk_check_button_set_active (self->contract_check, porting_draft_get_boolean (draft, "contract", FALSE));
  gtk_check_button_set_active (self->all_numbers_yes_check, porting_draft_get_boolean (draft, "all-numbers", FALSE));
  gtk_check_button_set_active (self->all_numbers_no_check, porting_draft_get_boolean (draft, "partial-port", FALSE));
  gtk_editable_set_text (GTK_EDITABLE (self->current_btn_row), porting_draft_get_string (draft, "current-btn"));
  gtk_editable_set_text (GTK_EDITABLE (self->new_btn_row), porting_draft_get_string (draft, "new-btn"));

  gtk_check_button_set_active (self->loa_import_check, porting_draft_get_boolean (draft, "import-loa", FALSE));
  gtk_check_button_set_active (self->loa_fill_check, !porting_draft_get_boolean (draft, "import-loa", FALSE));
  gtk_editable_set_text (GTK_EDITABLE (self->customer_name_row), porting_draft_get_string (draft, "customer-name"));
  gtk_editable_set_text (GTK_EDITABLE (self->authorized_person_row), porting_draft_get_string (draft, "authorized-person"));
  gtk_editable_set_text (GTK_EDITABLE (self->street_row), porting_draft_get_string (draft, "street"));
  gtk_editable_set_text (GTK_EDITABLE (self->unit_row), porting_draft_get_string (draft, "unit"));
  gtk_editable_set_text (GTK_EDITABLE (self->city_row), porting_draft_get_string (draft, "city"));
  region = (guint) porting_draft_get_int (draft, "region");
  adw_combo_row_set_selected (self->region_row, region <= G_N_ELEMENTS (regions) ? region : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->postal_code_row), porting_draft_get_string (draft, "postal-code"));
  gtk_editable_set_text (GTK_EDITABLE (self->carrier_row), porting_draft_get_string (draft, "carrier"));
  gtk_editable_set_text (GTK_EDITABLE (self->account_number_row), porting_draft_get_string (draft, "account-number"));
  gtk_editable_set_text (GTK_EDITABLE (self->btn_row), porting_draft_get_string (draft, "btn"));
  gtk_switch_set_active (self->typed_signature_switch, porting_draft_get_boolean (draft, "typed-signature-used", FALSE));
  gtk_editable_set_text (GTK_EDITABLE (self->typed_signature_row), porting_draft_get_string (draft, "typed-signature"));
  restore_signature (self, draft);

  generated_loa = draft_file (draft, "generated-loa");
  g_set_object (&self->generated_loa, generated_loa);
  imported_loa = draft_file (draft, "imported-loa");
  _porting_port_in_page_set_loa_file (self, imported_loa);
  adw_combo_row_set_selected (self->proof_kind_row, porting_draft_get_int (draft, "proof-kind") == 1 ? 1 : 0);
  proof = draft_file (draft, "proof");
  _porting_port_in_page_set_proof_file (self, proof);

  gtk_switch_set_active (self->sms_switch, porting_draft_get_boolean (draft, "sms", FALSE));
  gtk_switch_set_active (self->wireless_switch, porting_draft_get_boolean (draft, "wireless", FALSE));
  gtk_editable_set_text (GTK_EDITABLE (self->wireless_account_row), porting_draft_get_string (draft, "wireless-account"));
  gtk_editable_set_text (GTK_EDITABLE (self->wireless_pin_row), "");

  g_date_clear (&self->port_date, 1);
  date = porting_draft_get_string (draft, "preferred-date");
  if (*date != '\0')
    {
      if (porting_port_date_parse (date, &self->port_date))
        {
          g_autoptr(GDateTime) selected = g_date_time_new_local (g_date_get_year (&self->port_date),
                                                                 g_date_get_month (&self->port_date),
                                                                 g_date_get_day (&self->port_date),
                                                                 0, 0, 0);
          gtk_calendar_select_day (self->calendar, selected);
        }
    }

  update_numbers (self);
  update_visibility (self);
  update_date_row (self);
  mark_calendar (self);
  clear_check (self);

  step = (guint) CLAMP (porting_draft_get_int (draft, "step"), 0, PORT_IN_N_STEPS - 1);
  /* Never come back past a step that is no longer complete. */
  for (guint i = 0; i < step; i++)
    if (!validate_step (self, i, NULL))
      step = i;

  show_step (self, step);
  self->restoring = FALSE;
  update_navigation (self);
}

static void
discard_response_cb (AdwMessageDialog  *dialog,
                     const char        *response,
                     PortingPortInPage *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  /* The LOA written from the draft goes with it: it holds the customer's details. */
  if (self->generated_loa != NULL)
    g_file_delete_async (self->generated_loa, G_PRIORITY_LOW, NULL, NULL, NULL);

  porting_draft_store_discard (self->draft_store, DRAFT_FLOW);
  porting_signature_pad_clear (self->signature_pad);
  apply_draft (self, NULL);
  show_toast (self, _("Draft discarded"));
}

static void
discard_draft_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PortingPortInPage *self = PORTING_PORT_IN_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Discard the Draft?"),
                                   _("Everything typed in this port-in request is removed. This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_start_over_clicked (PortingPortInPage *self,
                       GtkButton         *button)
{
  porting_signature_pad_clear (self->signature_pad);
  apply_draft (self, NULL);
}

/* ---- Object ------------------------------------------------------------ */

static void
ensure_css (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded)
    return;
  loaded = TRUE;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
    ".port-in-step { min-height: 4px; border-radius: 2px; background-color: alpha(currentColor, 0.15); }\n"
    ".port-in-step.done { background-color: @accent_bg_color; }\n"
    ".drop-zone.drop-hover { background-color: alpha(@accent_bg_color, 0.12); box-shadow: inset 0 0 0 2px @accent_color; }\n"
    "signature-pad { min-height: 140px; }\n"
    "calendar.port-date > grid > label.day-number:checked { font-weight: bold; color: @accent_color; }\n"
    ".signature-frame, .numbers-entry { border-radius: 12px; }\n"
    ".signature-frame > signature-pad, .numbers-entry textview { border-radius: 12px; }\n",
    -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
porting_port_in_page_constructed (GObject *object)
{
  PortingPortInPage *self = PORTING_PORT_IN_PAGE (object);
  g_autoptr(JsonObject) draft = NULL;

  G_OBJECT_CLASS (porting_port_in_page_parent_class)->constructed (object);

  draft = porting_job_page_load_draft (&self->draft_store, DRAFT_FLOW);
  apply_draft (self, draft);
}

static void
set_draft_member (JsonObject *draft,
                  const char *key,
                  const char *value)
{
  if (value != NULL && *value != '\0')
    json_object_set_string_member (draft, key, value);
}

void
porting_port_in_page_correct_request (PortingPortInPage *self,
                                      PortingRequest    *request)
{
  g_autoptr(JsonObject) draft = json_object_new ();
  g_auto(GStrv) numbers = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *message = NULL;
  JsonObject *fields;
  JsonObject *loa;
  JsonObject *address;
  const char *region;
  const char *reason;

  g_return_if_fail (PORTING_IS_PORT_IN_PAGE (self));
  g_return_if_fail (PORTING_IS_REQUEST (request));

  fields = porting_request_get_fields (request);
  loa = json_object_has_member (fields, "loa") ? json_object_get_object_member (fields, "loa") : NULL;
  address = loa != NULL && json_object_has_member (loa, "service_address")
            ? json_object_get_object_member (loa, "service_address") : NULL;

  numbers = porting_request_dup_numbers (request);
  joined = numbers != NULL ? g_strjoinv ("\n", numbers) : NULL;
  set_draft_member (draft, "numbers", joined);
  json_object_set_boolean_member (draft, "sms", porting_request_get_boolean (request, "sms"));
  set_draft_member (draft, "preferred-date", porting_request_get_string (request, "preferred_date"));

  /* The earlier LOA was refused: the customer fills and signs a new one. */
  json_object_set_boolean_member (draft, "import-loa", FALSE);
  if (loa != NULL)
    {
      set_draft_member (draft, "customer-name", json_object_get_string_member_with_default (loa, "customer_name", NULL));
      set_draft_member (draft, "authorized-person", json_object_get_string_member_with_default (loa, "authorized_person", NULL));
      set_draft_member (draft, "carrier", json_object_get_string_member_with_default (loa, "carrier", NULL));
      set_draft_member (draft, "account-number", json_object_get_string_member_with_default (loa, "account_number", NULL));
      set_draft_member (draft, "btn", json_object_get_string_member_with_default (loa, "btn", NULL));
    }
  if (address != NULL)
    {
      set_draft_member (draft, "street", json_object_get_string_member_with_default (address, "street", NULL));
      set_draft_member (draft, "unit", json_object_get_string_member_with_default (address, "unit", NULL));
      set_draft_member (draft, "city", json_object_get_string_member_with_default (address, "city", NULL));
      set_draft_member (draft, "postal-code", json_object_get_string_member_with_default (address, "postal_code", NULL));
      region = json_object_get_string_member_with_default (address, "region", NULL);
      for (guint i = 0; region != NULL && i < G_N_ELEMENTS (regions); i++)
        {
          if (g_str_equal (regions[i].code, region))
            json_object_set_int_member (draft, "region", i);
        }
    }

  apply_draft (self, draft);
  g_free (self->previous_request_id);
  self->previous_request_id = g_strdup (porting_request_get_string (request, "previous_request_id"));

  reason = porting_request_get_answer_string (request, "reason");
  if (reason != NULL && *reason != '\0')
    message = g_strdup_printf (_("Correct your request: %s"), reason);
  show_toast (self, message != NULL ? message : _("Correct your request and send it again"));
}

static void
porting_port_in_page_dispose (GObject *object)
{
  PortingPortInPage *self = PORTING_PORT_IN_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  clear_check (self);

  porting_job_page_save_draft (self->draft_store);

  G_OBJECT_CLASS (porting_port_in_page_parent_class)->dispose (object);
}

static void
porting_port_in_page_finalize (GObject *object)
{
  PortingPortInPage *self = PORTING_PORT_IN_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->draft_store);
  g_clear_object (&self->generated_loa);
  g_clear_object (&self->imported_loa);
  g_clear_object (&self->proof_file);
  g_clear_object (&self->last_request);
  g_clear_pointer (&self->previous_request_id, g_free);
  g_clear_pointer (&self->numbers, g_ptr_array_unref);
  g_clear_pointer (&self->messages, g_hash_table_unref);
  g_clear_pointer (&self->review_groups, g_ptr_array_unref);

  G_OBJECT_CLASS (porting_port_in_page_parent_class)->finalize (object);
}

static void
porting_port_in_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PortingPortInPage *self = PORTING_PORT_IN_PAGE (object);

  switch (prop_id)
    {
    case PROP_DRAFT_STORE:
      g_value_set_object (value, self->draft_store);
      break;

    case PROP_STEP:
      g_value_set_uint (value, porting_port_in_page_get_step (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porting_port_in_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PortingPortInPage *self = PORTING_PORT_IN_PAGE (object);

  switch (prop_id)
    {
    case PROP_DRAFT_STORE:
      g_set_object (&self->draft_store, g_value_get_object (value));
      break;

    case PROP_STEP:
      porting_port_in_page_set_step (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porting_port_in_page_class_init (PortingPortInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = porting_port_in_page_constructed;
  object_class->dispose = porting_port_in_page_dispose;
  object_class->finalize = porting_port_in_page_finalize;
  object_class->get_property = porting_port_in_page_get_property;
  object_class->set_property = porting_port_in_page_set_property;

  properties[PROP_DRAFT_STORE] =
    g_param_spec_object ("draft-store", NULL, NULL,
                         PORTING_TYPE_DRAFT_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STEP] =
    g_param_spec_uint ("step", NULL, NULL,
                       0, PORT_IN_N_STEPS, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PORTING_TYPE_SIGNATURE_PAD);
  g_type_ensure (PORTING_TYPE_CHECK_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Porting/porting-port-in-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PortingPortInPage, name)
  BIND (toast_overlay);
  BIND (step_title_label);
  BIND (step_count_label);
  BIND (step_dots);
  BIND (stack);
  BIND (numbers_view);
  BIND (found_group);
  BIND (numbers_list);
  BIND (international_group);
  BIND (international_row);
  BIND (international_button);
  BIND (contract_check);
  BIND (all_numbers_yes_check);
  BIND (all_numbers_no_check);
  BIND (partial_group);
  BIND (current_btn_row);
  BIND (new_btn_row);
  BIND (loa_fill_check);
  BIND (loa_import_check);
  BIND (loa_customer_group);
  BIND (loa_address_group);
  BIND (loa_carrier_group);
  BIND (loa_signature_group);
  BIND (loa_import_group);
  BIND (customer_name_row);
  BIND (authorized_person_row);
  BIND (street_row);
  BIND (unit_row);
  BIND (city_row);
  BIND (region_row);
  BIND (postal_code_row);
  BIND (carrier_row);
  BIND (account_number_row);
  BIND (btn_row);
  BIND (signature_pad);
  BIND (signature_frame);
  BIND (clear_signature_button);
  BIND (typed_signature_switch);
  BIND (typed_signature_row);
  BIND (proof_group);
  BIND (proof_kind_row);
  BIND (check_summary_row);
  BIND (check_icon_stack);
  BIND (check_spinner);
  BIND (check_icon);
  BIND (check_view);
  BIND (sms_switch);
  BIND (wireless_switch);
  BIND (wireless_group);
  BIND (wireless_account_row);
  BIND (wireless_pin_row);
  BIND (date_group);
  BIND (date_row);
  BIND (date_button);
  BIND (date_popover);
  BIND (calendar);
  BIND (review_page);
  BIND (done_status);
  BIND (back_button);
  BIND (next_button);
  BIND (submit_button);
  BIND (missing_label);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_international_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_byoc_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_signature_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_month_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_date_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_submit_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_start_over_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_check_view_changed);

  gtk_widget_class_install_action (widget_class, "port-in.discard-draft", NULL, discard_draft_activated);
}

static void
porting_port_in_page_init (PortingPortInPage *self)
{
  g_autoptr(GtkStringList) region_names = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) region_expression =
    gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  self->numbers = g_ptr_array_new_with_free_func ((GDestroyNotify) porting_phone_number_free);
  self->messages = g_hash_table_new (NULL, NULL);
  self->review_groups = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  g_date_clear (&self->port_date, 1);

  gtk_widget_init_template (GTK_WIDGET (self));
  ensure_css ();

  for (guint i = 0; i < PORT_IN_N_STEPS; i++)
    {
      GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_widget_add_css_class (dot, "port-in-step");
      gtk_box_append (self->step_dots, dot);
    }

  gtk_string_list_append (region_names, _("Choose…"));
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      /* Translators: a state or province: "CA — California" */
      g_autofree char *name = g_strdup_printf (_("%s — %s"), regions[i].code, regions[i].name);
      gtk_string_list_append (region_names, name);
    }
  adw_combo_row_set_model (self->region_row, G_LIST_MODEL (region_names));
  adw_combo_row_set_expression (self->region_row, region_expression);

  self->loa_drop_zone = create_drop_zone (self, _("Drop the signed LOA here"),
                                          _("A PDF document"), FALSE,
                                          _porting_port_in_page_set_loa_file);
  self->loa_file_row = create_file_row (self, _porting_port_in_page_set_loa_file);
  adw_preferences_group_add (self->loa_import_group, self->loa_drop_zone);
  {
    GtkWidget *list = gtk_list_box_new ();

    gtk_widget_add_css_class (list, "boxed-list");
    gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
    gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->loa_file_row));
    gtk_widget_set_margin_top (list, 12);
    adw_preferences_group_add (self->loa_import_group, list);
  }

  self->proof_drop_zone = create_drop_zone (self, _("Drop the invoice or the CSR here"),
                                            _("A PDF document, or a PNG or JPEG screenshot"), TRUE,
                                            _porting_port_in_page_set_proof_file);
  self->proof_file_row = create_file_row (self, _porting_port_in_page_set_proof_file);
  adw_preferences_group_add (self->proof_group, self->proof_drop_zone);
  {
    GtkWidget *list = gtk_list_box_new ();

    gtk_widget_add_css_class (list, "boxed-list");
    gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
    gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->proof_file_row));
    gtk_widget_set_margin_top (list, 12);
    adw_preferences_group_add (self->proof_group, list);
  }

  g_signal_connect_object (gtk_text_view_get_buffer (self->numbers_view), "changed",
                           G_CALLBACK (on_numbers_changed), self, G_CONNECT_SWAPPED);

  bind_toggle (self, self->contract_check, "contract");
  bind_toggle (self, self->all_numbers_yes_check, "all-numbers");
  bind_toggle (self, self->all_numbers_no_check, "partial-port");
  bind_editable (self, self->current_btn_row, "current-btn");
  bind_editable (self, self->new_btn_row, "new-btn");
  bind_toggle (self, self->loa_import_check, "import-loa");
  bind_editable (self, self->customer_name_row, "customer-name");
  bind_editable (self, self->authorized_person_row, "authorized-person");
  bind_editable (self, self->street_row, "street");
  bind_editable (self, self->unit_row, "unit");
  bind_editable (self, self->city_row, "city");
  bind_combo (self, self->region_row, "region");
  bind_editable (self, self->postal_code_row, "postal-code");
  bind_editable (self, self->carrier_row, "carrier");
  bind_editable (self, self->account_number_row, "account-number");
  bind_editable (self, self->btn_row, "btn");
  bind_toggle (self, self->typed_signature_switch, "typed-signature-used");
  bind_editable (self, self->typed_signature_row, "typed-signature");
  bind_combo (self, self->proof_kind_row, "proof-kind");
  bind_toggle (self, self->sms_switch, "sms");
  bind_toggle (self, self->wireless_switch, "wireless");
  bind_editable (self, self->wireless_account_row, "wireless-account");
  g_signal_connect_object (self->wireless_pin_row, "changed",
                           G_CALLBACK (on_pin_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->signature_pad, "changed",
                           G_CALLBACK (on_signature_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (porting_check_view_get_loa_view (self->check_view), "notify::state",
                           G_CALLBACK (on_check_view_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (porting_check_view_get_proof_view (self->check_view), "notify::state",
                           G_CALLBACK (on_check_view_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
porting_port_in_page_new (PortingDraftStore *draft_store)
{
  g_return_val_if_fail (draft_store == NULL || PORTING_IS_DRAFT_STORE (draft_store), NULL);

  return g_object_new (PORTING_TYPE_PORT_IN_PAGE,
                       "draft-store", draft_store,
                       NULL);
}

PortingDraftStore *
porting_port_in_page_get_draft_store (PortingPortInPage *self)
{
  g_return_val_if_fail (PORTING_IS_PORT_IN_PAGE (self), NULL);

  return self->draft_store;
}

guint
porting_port_in_page_get_step (PortingPortInPage *self)
{
  g_return_val_if_fail (PORTING_IS_PORT_IN_PAGE (self), 0);

  return MIN (visible_step (self), PORT_IN_N_STEPS - 1);
}

void
porting_port_in_page_set_step (PortingPortInPage *self,
                               guint              step)
{
  g_return_if_fail (PORTING_IS_PORT_IN_PAGE (self));

  show_step (self, step);
}
