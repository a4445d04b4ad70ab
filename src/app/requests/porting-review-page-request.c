/* porting-review-page-request.c — support staff: the request open, its details and documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-review-page"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "porting-port-date.h"
#include "porting-request-row.h"
#include "porting-request-ui.h"
#include "porting-accessible.h"
#include "porting-review-page-private.h"

/* ---- The details staff need to carry out the port ---- */

static void
on_copy_clicked (GtkButton *button,
                 gpointer   user_data)
{
  porting_copy_text (GTK_WIDGET (button), g_object_get_data (G_OBJECT (button), "porting-copy-text"));
}

/* A row of the details; @copy_text (nullable) is what its copy button puts
 * on the clipboard (E.164 for a number shown nationally). */
static AdwActionRow *
add_request_row (PortingReviewPage *self,
                 const char        *title,
                 const char        *value,
                 const char        *copy_text)
{
  GtkWidget *row;

  if (porting_text_is_blank (value))
    return NULL;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  porting_accessible_set_row_read_only (row);

  if (copy_text != NULL)
    {
      g_autofree char *tooltip = g_strdup_printf (_("Copy %s"), title);
      GtkWidget *button = gtk_button_new_from_icon_name ("edit-copy-symbolic");

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, tooltip);
      porting_accessible_set_label (button, tooltip);
      g_object_set_data_full (G_OBJECT (button), "porting-copy-text", g_strdup (copy_text), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_copy_clicked), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  adw_preferences_group_add (self->request_group, row);
  g_ptr_array_add (self->request_rows, row);
  return ADW_ACTION_ROW (row);
}

static void
add_number_row (PortingReviewPage *self,
                const char        *title,
                const char        *e164)
{
  g_autofree char *formatted = porting_format_phone_number (e164);

  add_request_row (self, title, formatted, e164);
}

static char *
dup_address_text (JsonObject *address)
{
  g_autoptr(GString) text = g_string_new (NULL);
  static const char * const members[] = { "street", "unit", "city", "region", "postal_code", "country" };

  for (guint i = 0; address != NULL && i < G_N_ELEMENTS (members); i++)
    {
      const char *part = json_object_get_string_member_with_default (address, members[i], NULL);

      if (porting_text_is_blank (part))
        continue;
      if (text->len > 0)
        g_string_append (text, i == 1 ? " " : ", ");
      g_string_append (text, part);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static JsonObject *
get_object_member (JsonObject *object,
                   const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static char *
dup_date_text (const char *iso_date)
{
  GDate date;

  if (iso_date == NULL || !porting_port_date_parse (iso_date, &date))
    return g_strdup (iso_date);
  return porting_port_date_format (&date);
}

/* The name a customer gave a document, or its part's. */
static const char *
document_display_name (JsonObject *entry)
{
  const char *filename = json_object_get_string_member_with_default (entry, "filename", NULL);

  return !porting_text_is_blank (filename) ? filename : json_object_get_string_member_with_default (entry, "name", "");
}

static void
add_document_rows (PortingReviewPage *self)
{
  JsonArray *documents = porting_request_get_documents (self->request);
  const char *proof_kind = porting_request_get_string (self->request, "proof_kind");

  for (guint i = 0; documents != NULL && i < json_array_get_length (documents); i++)
    {
      JsonNode *node = json_array_get_element (documents, i);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *part = entry != NULL ? json_object_get_string_member_with_default (entry, "part", NULL) : NULL;
      const char *title;
      AdwActionRow *row;

      if (g_strcmp0 (part, "loa") == 0)
        title = _("Letter of Authorization");
      else if (g_strcmp0 (part, "proof") == 0)
        title = g_strcmp0 (proof_kind, "csr") == 0 ? _("Customer Service Record") : _("Invoice");
      else if (g_strcmp0 (part, "regulatory") == 0)
        title = _("Regulatory document");
      else
        continue;

      row = add_request_row (self, title, document_display_name (entry), NULL);
      if (row != NULL && g_strcmp0 (part, "regulatory") == 0)
        _porting_review_page_add_regulatory_button (self, row, entry);
    }
}

void
_porting_review_page_fill_history (PortingReviewPage *self)
{
  JsonArray *history = porting_request_get_history (self->request);

  porting_list_box_remove_all (self->history_list);
  for (guint i = 0; history != NULL && i < json_array_get_length (history); i++)
    {
      JsonNode *node = json_array_get_element (history, i);
      GtkWidget *row = porting_history_row_new (JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL,
                                                TRUE);

      /* Newest first: a PIN just read is on top. */
      if (row != NULL)
        gtk_list_box_prepend (self->history_list, row);
    }
  gtk_widget_set_visible (self->history_group, gtk_widget_get_first_child (GTK_WIDGET (self->history_list)) != NULL);
}

static void
fill_title (PortingReviewPage *self)
{
  PortingRequest *request = self->request;
  g_autofree char *numbers = porting_request_dup_numbers_text (request);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: "Port in — PRT-7K3F-Q2" */
  title = g_strdup_printf (_("%s — %s"), porting_request_kind_get_title (porting_request_get_kind (request)),
                           porting_request_get_display_reference (request));
  /* Translators: "(510) 555-0142, (510) 555-0143 · Submitted" */
  subtitle = g_strdup_printf (_("%s · %s"), numbers != NULL ? numbers : "",
                              porting_request_status_get_title (porting_request_get_status (request)));
  gtk_label_set_label (self->review_title, title);
  gtk_label_set_label (self->review_subtitle, subtitle);
}

void
_porting_review_page_fill_request (PortingReviewPage *self)
{
  PortingRequest *request = self->request;
  PortingRequestKind kind = porting_request_get_kind (request);
  JsonObject *fields = porting_request_get_fields (request);
  JsonObject *loa = get_object_member (fields, "loa");
  JsonObject *partial = get_object_member (fields, "partial_port");
  JsonObject *wireless = get_object_member (fields, "wireless");
  g_autofree char *numbers = porting_request_dup_numbers_text (request);
  g_autofree char *numbers_e164 = porting_request_dup_numbers_e164 (request);
  g_autofree char *created = porting_request_format_date_time (porting_request_get_created_at (request));
  g_autofree char *preferred = dup_date_text (porting_request_get_string (request, "preferred_date"));
  g_autofree char *address = NULL;

  for (guint i = 0; i < self->request_rows->len; i++)
    adw_preferences_group_remove (self->request_group, g_ptr_array_index (self->request_rows, i));
  g_ptr_array_set_size (self->request_rows, 0);

  fill_title (self);

  add_request_row (self, _("Request number"), porting_request_get_display_reference (request),
                   porting_request_get_display_reference (request));
  add_request_row (self, _("Sent"), created, NULL);
  add_request_row (self, numbers_e164 != NULL && strchr (numbers_e164, '\n') != NULL ? _("Numbers to port") : _("Number"),
                   numbers, numbers_e164);

  if (kind == PORTING_REQUEST_KIND_PORT_IN)
    {
      add_request_row (self, _("All the numbers of the account"),
                       partial != NULL ? _("No: a partial port, the other numbers stay") : _("Yes"), NULL);
      if (partial != NULL)
        {
          add_number_row (self, _("Billing telephone number now"),
                          json_object_get_string_member_with_default (partial, "current_btn", NULL));
          add_number_row (self, _("New billing telephone number"),
                          json_object_get_string_member_with_default (partial, "new_btn", NULL));
        }
    }

  if (loa != NULL)
    {
      address = dup_address_text (get_object_member (loa, "service_address"));
      add_number_row (self, _("Billing telephone number (BTN)"),
                      json_object_get_string_member_with_default (loa, "btn", NULL));
      add_request_row (self, _("Current carrier"), json_object_get_string_member_with_default (loa, "carrier", NULL), NULL);
      add_request_row (self, _("Account number with the carrier"),
                       json_object_get_string_member_with_default (loa, "account_number", NULL),
                       json_object_get_string_member_with_default (loa, "account_number", NULL));
      add_request_row (self, _("Customer name"), json_object_get_string_member_with_default (loa, "customer_name", NULL), NULL);
      add_request_row (self, _("Service address"), address, NULL);
      add_request_row (self, _("Authorized person"), json_object_get_string_member_with_default (loa, "authorized_person", NULL), NULL);
    }

  if (kind == PORTING_REQUEST_KIND_PORT_IN)
    {
      add_request_row (self, _("Text messages (SMS)"),
                       porting_request_get_boolean (request, "sms") ? _("Move them too") : _("Voice only"), NULL);
      add_request_row (self, _("Preferred port date"), preferred != NULL ? preferred : _("As soon as possible"), NULL);
    }

  add_request_row (self, _("Customer’s Twilio account SID"), porting_request_get_string (request, "twilio_account_sid"),
                   porting_request_get_string (request, "twilio_account_sid"));
  add_request_row (self, _("Time frame"), porting_request_get_string (request, "time_frame"), NULL);
  add_request_row (self, _("Gaining provider"), porting_request_get_string (request, "gaining_provider"), NULL);
  if (kind == PORTING_REQUEST_KIND_PORT_OUT)
    add_request_row (self, _("To another Twilio account"),
                     porting_request_get_boolean (request, "gaining_is_twilio") ? _("Yes") : _("No"), NULL);
  add_request_row (self, _("Country"), porting_request_get_string (request, "country_name"), NULL);
  add_request_row (self, _("Number type"), porting_request_get_string (request, "number_type"), NULL);
  add_request_row (self, _("SIP provider"), porting_request_get_string (request, "sip_provider"), NULL);
  add_request_row (self, _("Notes"), porting_request_get_string (request, "notes"), NULL);
  add_request_row (self, _("Corrects request"), porting_request_get_string (request, "previous_request_id"), NULL);
  add_document_rows (self);

  /* The wireless account, and its PIN behind a button. */
  gtk_widget_set_visible (self->wireless_group, wireless != NULL);
  adw_action_row_set_subtitle (self->wireless_account_row,
                               wireless != NULL ? json_object_get_string_member_with_default (wireless, "account_number", "") : "");
  _porting_review_page_reset_pin (self);

  _porting_review_page_fill_history (self);
  _porting_review_page_reset_form (self);
}

static void
reload_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PortingReviewPage) self = user_data;
  g_autoptr(PortingRequest) request = NULL;
  g_autoptr(GError) error = NULL;

  request = porting_intake_client_get_finish (PORTING_INTAKE_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (request == NULL)
    {
      g_debug ("The request was not read again: %s", error->message);
      return;
    }
  if (self->request == NULL || g_strcmp0 (porting_request_get_id (request), porting_request_get_id (self->request)) != 0)
    return;

  /* What staff typed stays; the status and the history are the service's. */
  g_set_object (&self->request, request);
  fill_title (self);
  _porting_review_page_fill_history (self);
  _porting_review_page_update_form (self);
}

void
_porting_review_page_reload_request (PortingReviewPage *self)
{
  PortingIntakeClient *client = _porting_review_page_get_client (self);

  if (self->request == NULL || client == NULL)
    return;

  porting_intake_client_get_async (client, porting_request_get_id (self->request), self->open_cancellable,
                                   reload_cb, g_object_ref (self));
}

/* ---- Documents ---- */

static void
set_field_row (AdwActionRow             *row,
               GtkSwitch                *toggle,
               const PortingFieldResult *result,
               gboolean                  proof_is_csr)
{
  g_autofree char *subtitle = NULL;
  gboolean matches;

  if (result == NULL)
    return;

  matches = result->status == PORTING_FIELD_STATUS_EXACT || result->status == PORTING_FIELD_STATUS_EQUIVALENT;
  if (matches && proof_is_csr)
    /* Translators: %s is the name or address as the CSR writes it */
    subtitle = g_strdup_printf (_("The check found it on the CSR: “%s”"),
                                result->proof_text != NULL ? result->proof_text : result->loa_text);
  else if (matches)
    /* Translators: %s is the name or address as the bill writes it */
    subtitle = g_strdup_printf (_("The check found it on the bill: “%s”"),
                                result->proof_text != NULL ? result->proof_text : result->loa_text);
  else if (result->status == PORTING_FIELD_STATUS_MISMATCH && result->proof_text != NULL)
    /* Translators: %s is the closest text found on the bill */
    subtitle = g_strdup_printf (_("The check found a different one on the bill: “%s”"), result->proof_text);
  else
    subtitle = g_strdup (_("The check did not find it on the bill: look yourself."));

  adw_action_row_set_subtitle (row, subtitle);
  /* A suggestion from the check; the reviewer has the last word. */
  gtk_switch_set_active (toggle, matches);
}

static const char *
field_status_text (PortingFieldStatus status)
{
  switch (status)
    {
    case PORTING_FIELD_STATUS_EXACT:
      return _("Same on both");
    case PORTING_FIELD_STATUS_EQUIVALENT:
      return _("Same, written differently");
    case PORTING_FIELD_STATUS_MISMATCH:
      return _("Differs");
    case PORTING_FIELD_STATUS_NOT_FOUND:
      return _("Not on the bill");
    case PORTING_FIELD_STATUS_UNREADABLE:
    default:
      return _("Unreadable");
    }
}

/* The fields staff do not confirm one by one (account number, BTN): what
 * the check found, in words and with an icon, never by colour alone. */
static void
add_check_row (PortingReviewPage        *self,
               const char               *title,
               const PortingFieldResult *result)
{
  gboolean matches;
  GtkWidget *row;
  GtkWidget *icon;
  g_autofree char *subtitle = NULL;

  if (result == NULL)
    return;

  matches = result->status == PORTING_FIELD_STATUS_EXACT || result->status == PORTING_FIELD_STATUS_EQUIVALENT;
  /* Translators: "Differs — LOA: 8841-22017-5 · bill: 8841-22071-5" */
  subtitle = g_strdup_printf (_("%s — LOA: %s · bill: %s"), field_status_text (result->status),
                              result->loa_text != NULL ? result->loa_text : "—",
                              result->proof_text != NULL ? result->proof_text : "—");
  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  porting_accessible_set_row_read_only (row);
  icon = gtk_image_new_from_icon_name (matches ? "object-select-symbolic" : "dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, matches ? "success" : "warning");
  gtk_widget_set_tooltip_text (icon, field_status_text (result->status));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  adw_preferences_group_add (self->documents_group, row);
  g_ptr_array_add (self->check_rows, row);
}

static void
clear_check_rows (PortingReviewPage *self)
{
  for (guint i = 0; i < self->check_rows->len; i++)
    adw_preferences_group_remove (self->documents_group, g_ptr_array_index (self->check_rows, i));
  g_ptr_array_set_size (self->check_rows, 0);
}

static void
on_checked (PortingReviewPage *self,
            PortingCheckView  *view)
{
  PortingCheckResult *result = porting_check_view_get_result (view);
  gboolean csr = g_strcmp0 (porting_request_get_string (self->request, "proof_kind"), "csr") == 0;

  if (result == NULL || self->request == NULL)
    return;

  set_field_row (self->name_row, self->name_switch, porting_check_result_get_field (result, PORTING_FIELD_NAME), csr);
  set_field_row (self->address_row, self->address_switch,
                 porting_check_result_get_field (result, PORTING_FIELD_ADDRESS), csr);
  clear_check_rows (self);
  add_check_row (self, _("Account number"), porting_check_result_get_field (result, PORTING_FIELD_ACCOUNT_NUMBER));
  add_check_row (self, _("Billing telephone number"), porting_check_result_get_field (result, PORTING_FIELD_BTN));
  add_check_row (self, _("Current carrier"), porting_check_result_get_field (result, PORTING_FIELD_CARRIER));
  _porting_review_page_update_form (self);
}

static char *
dup_safe_file_part (const char *text)
{
  char *safe = g_strdup (text != NULL ? text : "");

  /* Names from the service never leave the cache directory. */
  for (char *p = safe; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      *p = '_';
  return safe;
}

/* A name for the file in the cache that keeps the customer's own: no
 * folders, no hidden files, no control characters, at most 120 bytes. */
char *
_porting_review_page_dup_safe_file_name (const char *name,
                                         const char *fallback)
{
  g_autoptr(GString) safe = g_string_new (NULL);
  const char *p;

  if (porting_text_is_blank (name) || !g_utf8_validate (name, -1, NULL))
    name = fallback;

  for (p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || g_unichar_iscntrl (c) || (safe->len == 0 && (c == '.' || c == ' ')))
        {
          if (safe->len > 0)
            g_string_append_c (safe, '_');
          continue;
        }
      if (safe->len + 6 > 120)
        break;
      g_string_append_unichar (safe, c);
    }
  if (safe->len == 0)
    g_string_append (safe, fallback);
  return g_string_free (g_steal_pointer (&safe), FALSE);
}

const char *
_porting_review_page_extension_for (const char *content_type)
{
  if (g_strcmp0 (content_type, "image/png") == 0)
    return ".png";
  if (g_strcmp0 (content_type, "image/jpeg") == 0)
    return ".jpg";
  return ".pdf";
}

static void
porting_review_page_downloads_done (PortingReviewPage *self)
{
  gtk_spinner_set_spinning (self->download_spinner, FALSE);

  if (self->download_error != NULL)
    {
      adw_status_page_set_description (self->download_error_page, self->download_error->message);
      gtk_stack_set_visible_child_name (self->documents_stack, "download-error");
      return;
    }

  gtk_stack_set_visible_child_name (self->documents_stack, "check");
  porting_check_view_load (self->check_view, self->loa, self->proof);
}

static void
download_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PortingReviewPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!porting_intake_client_download_document_finish (PORTING_INTAKE_CLIENT (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (self->download_error == NULL)
        self->download_error = g_steal_pointer (&error);
    }

  if (--self->downloads_pending == 0)
    porting_review_page_downloads_done (self);
}

void
_porting_review_page_download (PortingReviewPage *self)
{
  PortingIntakeClient *client = _porting_review_page_get_client (self);
  JsonArray *documents = porting_request_get_documents (self->request);
  g_autofree char *safe_id = dup_safe_file_part (porting_request_get_id (self->request));
  g_autofree char *root = NULL;
  g_autofree char *template = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *loa_basename = NULL;
  gboolean csr = g_strcmp0 (porting_request_get_string (self->request, "proof_kind"), "csr") == 0;
  gboolean has_regulatory = FALSE;

  porting_check_view_clear (self->check_view);
  _porting_review_page_delete_documents (self);
  g_clear_error (&self->download_error);
  clear_check_rows (self);

  /* Short titles: the room goes to the customer's file names. */
  porting_check_view_set_proof_kind (self->check_view, csr ? "csr" : "invoice");
  porting_check_view_set_titles (self->check_view, _("LOA"), csr ? _("CSR") : _("Invoice"));

  /* A directory of its own for each opening: deleting the last one's
   * files (in a thread) never meets this one's downloads. */
  root = g_build_filename (g_get_user_cache_dir (), BASE_ID, "review", NULL);
  template = g_strdup_printf ("%s-XXXXXX", safe_id);
  directory = g_build_filename (root, template, NULL);
  if (g_mkdir_with_parents (root, 0700) != 0 || g_mkdtemp_full (directory, 0700) == NULL)
    {
      int saved_errno = errno;

      g_set_error (&self->download_error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The documents cannot be kept on this computer: %s"), g_strerror (saved_errno));
    }
  else
    self->documents_dir = g_steal_pointer (&directory);

  for (guint i = 0; self->download_error == NULL && documents != NULL && i < json_array_get_length (documents); i++)
    {
      JsonNode *node = json_array_get_element (documents, i);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *part = entry ? json_object_get_string_member_with_default (entry, "part", NULL) : NULL;
      const char *name = entry ? json_object_get_string_member_with_default (entry, "name", NULL) : NULL;
      const char *content_type = entry ? json_object_get_string_member_with_default (entry, "content_type", NULL) : NULL;
      g_autofree char *fallback = NULL;
      g_autofree char *basename = NULL;
      g_autofree char *path = NULL;
      GFile **slot;

      has_regulatory |= g_strcmp0 (part, "regulatory") == 0;
      if (g_strcmp0 (part, "loa") == 0)
        slot = &self->loa;
      else if (g_strcmp0 (part, "proof") == 0)
        slot = &self->proof;
      else
        continue;
      if (name == NULL || *slot != NULL)
        continue;

      /* The customer's own file name, so that staff know which file it is. */
      fallback = g_strconcat (part, _porting_review_page_extension_for (content_type), NULL);
      basename = _porting_review_page_dup_safe_file_name (json_object_get_string_member_with_default (entry, "filename", NULL), fallback);
      if (slot == &self->proof && g_strcmp0 (basename, loa_basename) == 0)
        {
          g_autofree char *numbered = g_strconcat ("2 ", basename, NULL);

          g_free (basename);
          basename = g_steal_pointer (&numbered);
        }
      if (slot == &self->loa)
        loa_basename = g_strdup (basename);
      path = g_build_filename (self->documents_dir, basename, NULL);
      *slot = g_file_new_for_path (path);

      self->downloads_pending++;
      porting_intake_client_download_document_async (client, porting_request_get_id (self->request), name, *slot,
                                                     self->open_cancellable, download_cb, g_object_ref (self));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->documents_group), _porting_review_page_has_documents (self));
  gtk_widget_set_visible (GTK_WIDGET (self->fit_page_button), _porting_review_page_has_documents (self));

  if (self->download_error != NULL)
    porting_review_page_downloads_done (self);
  else if (!_porting_review_page_has_documents (self))
    {
      adw_status_page_set_description (self->no_documents_page,
                                       has_regulatory
                                       ? _("This kind of request comes without an LOA or a bill. Its regulatory documents are in the details: open them from there.")
                                       : _("This kind of request comes without an LOA or a bill: everything is in the details."));
      gtk_stack_set_visible_child_name (self->documents_stack, "no-documents");
    }
  else
    {
      gtk_spinner_set_spinning (self->download_spinner, TRUE);
      gtk_stack_set_visible_child_name (self->documents_stack, "downloading");
    }
}

static PortingRequest *
find_queued (PortingReviewPage *self,
             const char        *id)
{
  GtkListBox *lists[] = { self->queue_list, self->progress_list };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (lists[i]));
         child != NULL;
         child = gtk_widget_get_next_sibling (child))
      {
        PortingRequest *request = porting_request_row_get_request (PORTING_REQUEST_ROW (child));

        if (g_strcmp0 (porting_request_get_id (request), id) == 0)
          return request;
      }
  return NULL;
}

gboolean
porting_review_page_open_request (PortingReviewPage *self,
                                  const char        *id)
{
  g_autoptr(PortingRequest) request = NULL;

  g_return_val_if_fail (PORTING_IS_REVIEW_PAGE (self), FALSE);

  request = find_queued (self, id);
  if (request == NULL || _porting_review_page_get_client (self) == NULL)
    return FALSE;
  /* The row goes when the queue is refreshed; the request stays open. */
  g_object_ref (request);

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();
  self->downloads_pending = 0;

  g_set_object (&self->request, request);
  _porting_review_page_fill_request (self);
  _porting_review_page_download (self);
  _porting_review_page_update_form (self);
  gtk_stack_set_visible_child_name (self->stack, "review");
  _porting_review_page_set_workspace (self, TRUE);

  return TRUE;
}

static void
delete_documents_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  GPtrArray *files = task_data;

  /* The files, then their directory (last). */
  for (guint i = 0; i < files->len; i++)
    g_file_delete (g_ptr_array_index (files, i), NULL, NULL);
}

/* Customers' documents stay on a reviewer's computer only while open. */
void
_porting_review_page_delete_documents (PortingReviewPage *self)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GTask) task = NULL;

  if (self->loa != NULL)
    g_ptr_array_add (files, g_steal_pointer (&self->loa));
  if (self->proof != NULL)
    g_ptr_array_add (files, g_steal_pointer (&self->proof));
  /* Their windows first: nothing shows a file that is gone. */
  _porting_review_page_close_document_windows (self);
  _porting_review_page_steal_regulatory_files (self, files);
  if (self->documents_dir != NULL)
    g_ptr_array_add (files, g_file_new_for_path (self->documents_dir));
  g_clear_pointer (&self->documents_dir, g_free);
  if (files->len == 0)
    return;

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, _porting_review_page_delete_documents);
  g_task_set_task_data (task, g_steal_pointer (&files), (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, delete_documents_thread);
}

void
_porting_review_page_close_request (PortingReviewPage *self)
{
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  g_clear_object (&self->request);
  _porting_review_page_reset_pin (self);
  porting_check_view_clear (self->check_view);
  _porting_review_page_delete_documents (self);
  _porting_review_page_update_form (self);
  _porting_review_page_set_workspace (self, FALSE);
}

gboolean
_porting_review_page_has_documents (PortingReviewPage *self)
{
  return self->loa != NULL || self->proof != NULL;
}

void
_porting_review_page_class_init_request (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_checked);
}
