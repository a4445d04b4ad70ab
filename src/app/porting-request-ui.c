/* porting-request-ui.c — how requests and their statuses look in the window
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-request-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-accessible.h"
#include "porting-phone-number.h"
#include "porting-request-ui.h"
#include "porting-window.h"

const char *
porting_request_status_get_icon_name (PortingRequestStatus status)
{
  switch (status)
    {
    case PORTING_REQUEST_STATUS_SUBMITTED:
      return "document-send-symbolic";
    case PORTING_REQUEST_STATUS_IN_REVIEW:
      return "edit-find-symbolic";
    case PORTING_REQUEST_STATUS_ACTION_REQUIRED:
      return "dialog-warning-symbolic";
    case PORTING_REQUEST_STATUS_APPROVED:
      return "emblem-ok-symbolic";
    case PORTING_REQUEST_STATUS_SUBMITTED_TO_CARRIER:
      return "send-to-symbolic";
    case PORTING_REQUEST_STATUS_SCHEDULED:
      return "x-office-calendar-symbolic";
    case PORTING_REQUEST_STATUS_COMPLETED:
      return "emblem-default-symbolic";
    case PORTING_REQUEST_STATUS_REJECTED:
      return "dialog-error-symbolic";
    case PORTING_REQUEST_STATUS_CANCELLED:
      return "process-stop-symbolic";
    default:
      return "dialog-question-symbolic";
    }
}

const char *
porting_request_status_get_style_class (PortingRequestStatus status)
{
  switch (status)
    {
    case PORTING_REQUEST_STATUS_APPROVED:
    case PORTING_REQUEST_STATUS_SCHEDULED:
    case PORTING_REQUEST_STATUS_COMPLETED:
      return "success";
    case PORTING_REQUEST_STATUS_ACTION_REQUIRED:
      return "warning";
    case PORTING_REQUEST_STATUS_REJECTED:
      return "error";
    case PORTING_REQUEST_STATUS_SUBMITTED:
    case PORTING_REQUEST_STATUS_IN_REVIEW:
    case PORTING_REQUEST_STATUS_SUBMITTED_TO_CARRIER:
    case PORTING_REQUEST_STATUS_CANCELLED:
    default:
      return NULL;
    }
}

GtkWidget *
porting_request_status_widget_new (PortingRequestStatus status)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name (porting_request_status_get_icon_name (status));
  GtkWidget *label = gtk_label_new (porting_request_status_get_title (status));
  const char *style = porting_request_status_get_style_class (status);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  if (style != NULL)
    {
      gtk_widget_add_css_class (icon, style);
      gtk_widget_add_css_class (label, style);
    }
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

gboolean
porting_request_status_is_final (PortingRequestStatus status)
{
  return status == PORTING_REQUEST_STATUS_COMPLETED ||
         status == PORTING_REQUEST_STATUS_REJECTED ||
         status == PORTING_REQUEST_STATUS_CANCELLED;
}

const char *
porting_request_kind_get_next_steps (PortingRequestKind kind)
{
  switch (kind)
    {
    case PORTING_REQUEST_KIND_PORT_IN:
      return _("We check your documents within one business day and tell you here if anything is missing. "
               "Ports take 5–10 business days once the current carrier has the request: keep your "
               "current service active until your numbers have moved.");
    case PORTING_REQUEST_KIND_TWILIO_TRANSFER:
      return _("We answer with our Twilio account SID, usually within one business day. "
               "You then file the transfer ticket with Twilio using that SID.");
    case PORTING_REQUEST_KIND_PORT_OUT:
      return _("We answer with the details your new provider needs (a subaccount SID or the "
               "Customer Service Record information), usually within one business day.");
    case PORTING_REQUEST_KIND_INTERNATIONAL_INQUIRY:
      return _("We find out whether this number can be ported and answer here, usually within two business days.");
    case PORTING_REQUEST_KIND_BYOC_INQUIRY:
      return _("We contact you about routing your numbers through us, usually within two business days.");
    default:
      return "";
    }
}

/* The core's sentence speaks of documents; only a port-in has them. */
static const char *
status_explanation_without_documents (PortingRequestKind   kind,
                                      PortingRequestStatus status)
{
  switch (status)
    {
    case PORTING_REQUEST_STATUS_SUBMITTED:
      return kind == PORTING_REQUEST_KIND_INTERNATIONAL_INQUIRY || kind == PORTING_REQUEST_KIND_BYOC_INQUIRY
             ? _("We have your question; nothing to do for now, we answer here within two business days.")
             : _("We have your request; nothing to do for now, we answer here within one business day.");
    case PORTING_REQUEST_STATUS_IN_REVIEW:
      return _("Our team is looking at your request and will answer here.");
    case PORTING_REQUEST_STATUS_APPROVED:
      if (kind == PORTING_REQUEST_KIND_PORT_OUT)
        return _("We approved the port-out: give the answer below to your new provider.");
      return _("We approved your request; nothing to do for now.");
    default:
      return NULL;
    }
}

char *
porting_request_dup_status_explanation (PortingRequest *request)
{
  PortingRequestKind kind = porting_request_get_kind (request);
  PortingRequestStatus status = porting_request_get_status (request);
  const char *text = NULL;

  g_return_val_if_fail (PORTING_IS_REQUEST (request), NULL);

  if (kind == PORTING_REQUEST_KIND_TWILIO_TRANSFER && status == PORTING_REQUEST_STATUS_APPROVED)
    {
      const char *sid = porting_request_get_answer_string (request, "provider_account_sid");

      if (sid != NULL)
        /* Translators: %s is our Twilio account SID (AC…) */
        return g_strdup_printf (_("Approved: now file step 3, the transfer ticket with Twilio, "
                                  "giving our account SID %s."), sid);
      return g_strdup (_("Approved: now file step 3, the transfer ticket with Twilio, "
                         "giving the account SID we send you."));
    }

  if (kind != PORTING_REQUEST_KIND_PORT_IN)
    text = status_explanation_without_documents (kind, status);
  return g_strdup (text != NULL ? text : porting_request_status_get_explanation (status));
}

static char *
format_stamp (const char *iso8601,
              const char *format)
{
  g_autoptr(GDateTime) stamp = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso8601 == NULL)
    return g_strdup ("");

  stamp = g_date_time_new_from_iso8601 (iso8601, NULL);
  if (stamp == NULL)
    return g_strdup (iso8601);

  local = g_date_time_to_local (stamp);
  return g_date_time_format (local, format);
}

char *
porting_request_format_date (const char *iso8601)
{
  /* Translators: a date, see g_date_time_format() */
  return format_stamp (iso8601, _("%-d %B %Y"));
}

char *
porting_request_format_date_time (const char *iso8601)
{
  /* Translators: a date and time, see g_date_time_format() */
  return format_stamp (iso8601, _("%-d %B %Y, %H:%M"));
}

char *
porting_format_phone_number (const char *e164)
{
  g_autoptr(PortingPhoneNumber) number = NULL;

  if (e164 == NULL)
    return NULL;

  number = porting_phone_number_parse (e164, NULL);
  if (number->e164 == NULL)
    return g_strdup (e164);
  return porting_phone_number_format (number);
}

static char **
dup_request_numbers (PortingRequest *request)
{
  g_auto(GStrv) numbers = porting_request_dup_numbers (request);
  const char *single;

  if (numbers != NULL && numbers[0] != NULL)
    return g_steal_pointer (&numbers);

  single = porting_request_get_string (request, "number");
  if (single == NULL)
    return NULL;
  return g_strdupv ((char *[]) { (char *) single, NULL });
}

char *
porting_request_dup_numbers_text (PortingRequest *request)
{
  g_auto(GStrv) numbers = dup_request_numbers (request);
  g_autoptr(GStrvBuilder) formatted = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  if (numbers == NULL)
    return NULL;

  for (guint i = 0; numbers[i] != NULL; i++)
    {
      g_autofree char *number = porting_format_phone_number (numbers[i]);

      g_strv_builder_add (formatted, number);
    }
  list = g_strv_builder_end (formatted);
  return g_strjoinv (", ", list);
}

char *
porting_request_dup_numbers_e164 (PortingRequest *request)
{
  g_auto(GStrv) numbers = dup_request_numbers (request);

  return numbers != NULL ? g_strjoinv ("\n", numbers) : NULL;
}

const char *
porting_request_get_display_reference (PortingRequest *request)
{
  const char *reference = porting_request_get_reference (request);

  return reference != NULL && *reference != '\0' ? reference : porting_request_get_id (request);
}

GtkWidget *
porting_history_row_new (JsonObject *entry,
                         gboolean    with_author)
{
  PortingRequestStatus status;
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;
  const char *note;
  const char *by;
  const char *event;
  GtkWidget *row;
  GtkWidget *icon;

  if (entry == NULL ||
      !porting_request_status_from_string (json_object_get_string_member_with_default (entry, "status", NULL),
                                           &status))
    return NULL;

  when = porting_request_format_date_time (json_object_get_string_member_with_default (entry, "at", NULL));
  note = json_object_get_string_member_with_default (entry, "note", NULL);
  by = with_author ? json_object_get_string_member_with_default (entry, "by", NULL) : NULL;
  event = json_object_get_string_member_with_default (entry, "event", NULL);
  if (porting_text_is_blank (note))
    note = NULL;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  /* A review started on the way to a decision is the "in review" step it made. */
  if (g_strcmp0 (event, "review-started") == 0 || (event != NULL && note == NULL))
    event = NULL;

  if (event != NULL)
    {
      /* Something done to the request that left its status alone (a PIN read). */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), note);
      /* Translators: "27 November 2026, 14:05 · Sam Support" */
      subtitle = by != NULL ? g_strdup_printf (_("%s · %s"), when, by) : g_strdup (when);
      icon = gtk_image_new_from_icon_name (g_strcmp0 (event, "wireless-pin-read") == 0
                                           ? "dialog-password-symbolic" : "document-edit-symbolic");
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), porting_request_status_get_title (status));
      if (by != NULL && note != NULL)
        /* Translators: "27 November 2026, 14:05 · Sam Support — Documents in order" */
        subtitle = g_strdup_printf (_("%s · %s — %s"), when, by, note);
      else if (by != NULL)
        subtitle = g_strdup_printf (_("%s · %s"), when, by);
      else if (note != NULL)
        /* Translators: "27 November 2026, 14:05 — Documents in order" */
        subtitle = g_strdup_printf (_("%s — %s"), when, note);
      else
        subtitle = g_strdup (when);
      icon = gtk_image_new_from_icon_name (porting_request_status_get_icon_name (status));
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  /* It only tells: no Tab stop. */
  porting_accessible_set_row_read_only (row);
  return row;
}

const char *
porting_request_get_staff_note (PortingRequest *request)
{
  JsonArray *history = porting_request_get_history (request);
  const char *reason = porting_request_get_answer_string (request, "reason");

  g_return_val_if_fail (PORTING_IS_REQUEST (request), NULL);

  for (guint i = history != NULL ? json_array_get_length (history) : 0; i > 0; i--)
    {
      JsonNode *node = json_array_get_element (history, i - 1);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *note;

      /* Events (a PIN read) are no message for the customer. */
      if (entry == NULL || json_object_has_member (entry, "event"))
        continue;
      note = json_object_get_string_member_with_default (entry, "note", NULL);
      if (porting_text_is_blank (note))
        continue;
      return g_strcmp0 (note, reason) == 0 ? NULL : note;
    }
  return NULL;
}

void
porting_widget_add_toast (GtkWidget  *widget,
                          const char *title)
{
  GtkWidget *overlay;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
  else if (PORTING_IS_WINDOW ((root = gtk_widget_get_root (widget))))
    porting_window_add_toast (PORTING_WINDOW (root), adw_toast_new (title));
}

void
porting_copy_text (GtkWidget  *widget,
                   const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (text == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  porting_widget_add_toast (widget, _("Copied"));
}

static void
on_copy_clicked (GtkButton    *button,
                 AdwActionRow *row)
{
  porting_copy_text (GTK_WIDGET (button), adw_action_row_get_subtitle (row));
}

GtkWidget *
porting_action_row_add_copy_button (AdwActionRow *row,
                                    const char   *tooltip)
{
  GtkWidget *button;

  g_return_val_if_fail (ADW_IS_ACTION_ROW (row), NULL);

  button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_copy_clicked), row, 0);
  adw_action_row_add_suffix (row, button);

  return button;
}

void
porting_list_box_remove_all (GtkListBox *list)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

AdwActionRow *
porting_file_row_new (GFile *file)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("x-office-document-symbolic"));
  porting_file_row_set_file (ADW_ACTION_ROW (row), file);

  return ADW_ACTION_ROW (row);
}

void
porting_file_row_set_file (AdwActionRow *row,
                           GFile        *file)
{
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GFile) parent = NULL;

  g_return_if_fail (ADW_IS_ACTION_ROW (row));

  if (file != NULL)
    {
      name = g_file_get_basename (file);
      parent = g_file_get_parent (file);
      folder = parent != NULL ? g_file_get_parse_name (parent) : NULL;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL ? name : "");
  adw_action_row_set_subtitle (row, folder != NULL ? folder : "");
}

GtkWidget *
porting_action_row_add_remove_button (AdwActionRow *row)
{
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  g_return_val_if_fail (ADW_IS_ACTION_ROW (row), NULL);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove"),
                                  -1);
  adw_action_row_add_suffix (row, remove);

  return remove;
}
