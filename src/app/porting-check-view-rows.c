/* porting-check-view-rows.c — the fields compared and the warnings, in rows
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-check-view"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-accessible.h"
#include "porting-check-view-private.h"
#include "porting-request-ui.h"

const PortingField _porting_check_view_shown_fields[] = {
  PORTING_FIELD_NAME,
  PORTING_FIELD_ADDRESS,
  PORTING_FIELD_ACCOUNT_NUMBER,
  PORTING_FIELD_BTN,
  PORTING_FIELD_CARRIER,
};
const guint _porting_check_view_n_shown_fields = G_N_ELEMENTS (_porting_check_view_shown_fields);
#define shown_fields _porting_check_view_shown_fields

static const char *
field_title (PortingField field)
{
  switch (field)
    {
    case PORTING_FIELD_NAME:
      return _("Name");
    case PORTING_FIELD_ADDRESS:
      return _("Address");
    case PORTING_FIELD_ACCOUNT_NUMBER:
      return _("Account number");
    case PORTING_FIELD_BTN:
      return _("Billing telephone number");
    case PORTING_FIELD_CARRIER:
      return _("Current carrier");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
status_presentation (PortingFieldStatus   status,
                     const char         **word,
                     const char         **icon_name,
                     const char         **style_class)
{
  switch (status)
    {
    case PORTING_FIELD_STATUS_EXACT:
      *word = _("Exact match");
      *icon_name = "object-select-symbolic";
      *style_class = "success";
      break;
    case PORTING_FIELD_STATUS_EQUIVALENT:
      *word = _("Equivalent");
      *icon_name = "object-select-symbolic";
      *style_class = "success";
      break;
    case PORTING_FIELD_STATUS_MISMATCH:
      *word = _("Mismatch");
      *icon_name = "dialog-error-symbolic";
      *style_class = "error";
      break;
    case PORTING_FIELD_STATUS_NOT_FOUND:
      *word = _("Not found");
      *icon_name = "edit-find-symbolic";
      *style_class = "warning";
      break;
    case PORTING_FIELD_STATUS_UNREADABLE:
    default:
      *word = _("Unreadable");
      *icon_name = "dialog-question-symbolic";
      *style_class = "warning";
      break;
    }
}

const char *
_porting_check_view_get_field_title (PortingField field)
{
  return field_title (field);
}

const char *
_porting_check_view_get_status_word (PortingFieldStatus status)
{
  const char *word, *icon_name, *style_class;

  status_presentation (status, &word, &icon_name, &style_class);
  return word;
}

static void
on_row_activated (PortingCheckView *self,
                  AdwActionRow     *row)
{
  porting_check_view_show_field (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "porting-field")));
}

static GtkWidget *
create_field_row (PortingCheckView         *self,
                  const PortingFieldResult *field)
{
  GtkWidget *row;
  GtkWidget *status_box;
  GtkWidget *icon;
  GtkWidget *label;
  const char *word, *icon_name, *style_class;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *loa_text = NULL;
  g_autofree char *proof_text = NULL;

  loa_text = g_markup_escape_text (field->loa_text ? field->loa_text : _("not found"), -1);
  proof_text = g_markup_escape_text (field->proof_text ? field->proof_text : _("not found"), -1);
  if (self->proof_is_csr)
    /* TRANSLATORS: what the LOA says, then what the Customer Service Record says */
    g_string_append_printf (subtitle, _("LOA: %s  ·  CSR: %s"), loa_text, proof_text);
  else
    /* TRANSLATORS: what the LOA says, then what the invoice says */
    g_string_append_printf (subtitle, _("LOA: %s  ·  Invoice: %s"), loa_text, proof_text);

  if (field->source == PORTING_TEXT_SOURCE_FORM)
    {
      g_string_append_c (subtitle, '\n');
      g_string_append (subtitle, _("Read from the LOA’s form fields"));
    }
  else if (field->source == PORTING_TEXT_SOURCE_OCR)
    {
      g_string_append_c (subtitle, '\n');
      /* TRANSLATORS: read by OCR from a photo, a screenshot or a scan; %d %% is how sure */
      g_string_append_printf (subtitle, _("Read from the image, %d %% sure"),
                              (int) (field->confidence * 100 + 0.5));
    }

  if (field->differences != NULL && field->differences->len > 0)
    {
      g_string_append_c (subtitle, '\n');
      /* An equivalent value says what was not counted (a leading "The"). */
      g_string_append (subtitle, field->status <= PORTING_FIELD_STATUS_EQUIVALENT ? _("Not counted:") : _("Differs:"));
      for (guint i = 0; i < field->differences->len; i++)
        {
          g_autofree char *difference = g_markup_escape_text (g_ptr_array_index (field->differences, i), -1);

          g_string_append_printf (subtitle, "%s<b>%s</b>", i == 0 ? " " : ", ", difference);
        }
    }

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field_title (field->field));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), field->proof_page >= 0 || field->loa_page >= 0);
  g_object_set_data (G_OBJECT (row), "porting-field", GINT_TO_POINTER (field->field));
  g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated), self, G_CONNECT_SWAPPED);

  /* The status in words, never by colour alone. */
  status_presentation (field->status, &word, &icon_name, &style_class);
  status_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (status_box, GTK_ALIGN_CENTER);
  icon = gtk_image_new_from_icon_name (icon_name);
  label = gtk_label_new (word);
  gtk_widget_add_css_class (icon, style_class);
  gtk_widget_add_css_class (label, style_class);
  gtk_widget_add_css_class (label, "porting-field-status");
  gtk_box_append (GTK_BOX (status_box), icon);
  gtk_box_append (GTK_BOX (status_box), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_box);
  /* A screen reader reads the status with the field, not beside an icon,
   * then what the documents say: a description hides the subtitle. */
  {
    g_autofree char *shown = NULL;
    g_autofree char *description = NULL;

    pango_parse_markup (subtitle->str, -1, 0, NULL, &shown, NULL, NULL);
    description = g_strdup_printf ("%s. %s", word, shown != NULL ? shown : "");
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  }
  porting_accessible_fix_tree (row);

  return row;
}

/* The core speaks of bills; a CSR is no bill, and carriers want it recent too. */
static char *
dup_warning_message (PortingCheckView          *self,
                     const PortingCheckWarning *warning)
{
  const GDate *date;
  char formatted[128];

  if (!self->proof_is_csr)
    return g_strdup (warning->message);

  if (g_strcmp0 (warning->code, PORTING_CHECK_WARNING_PROOF_DATE_NOT_FOUND) == 0)
    return g_strdup (_("No date could be read on the CSR. Carriers want a CSR from the last 30 days."));

  date = porting_check_result_get_proof_date (self->result);
  if (g_strcmp0 (warning->code, PORTING_CHECK_WARNING_PROOF_TOO_OLD) == 0 && date != NULL && g_date_valid (date) &&
      g_date_strftime (formatted, sizeof formatted, "%x", date) > 0)
    /* Translators: %s is a date */
    return g_strdup_printf (_("The CSR is dated %s, more than 30 days ago. Carriers want a CSR from the last 30 days."),
                            formatted);

  return g_strdup (warning->message);
}

void
_porting_check_view_show_results (PortingCheckView *self)
{
  GPtrArray *warnings;

  porting_list_box_remove_all (self->results_list);
  porting_list_box_remove_all (self->warnings_list);
  g_ptr_array_set_size (self->rows, 0);

  if (self->result == NULL)
    {
      gtk_widget_set_visible (self->results_scroller, FALSE);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (shown_fields); i++)
    {
      const PortingFieldResult *field = porting_check_result_get_field (self->result, shown_fields[i]);
      GtkWidget *row;

      if (field == NULL)
        continue;

      row = create_field_row (self, field);
      gtk_list_box_append (self->results_list, row);
      g_ptr_array_add (self->rows, row);
    }

  warnings = porting_check_result_get_warnings (self->result);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      const PortingCheckWarning *warning = g_ptr_array_index (warnings, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      g_autofree char *message = dup_warning_message (self, warning);
      g_autofree char *title = g_markup_escape_text (message, -1);

      gtk_widget_add_css_class (icon, "warning");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      porting_accessible_set_row_read_only (row);
      gtk_list_box_append (self->warnings_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_list), warnings != NULL && warnings->len > 0);

  gtk_widget_set_visible (self->results_scroller, !self->hide_results);
}
