/* porting-review-page-request.c — support staff: the request open, its details and documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-review-page"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "porting-request-row.h"
#include "porting-request-ui.h"
#include "porting-accessible.h"
#include "porting-review-page-private.h"

static void
add_request_row (PortingReviewPage *self,
                 const char        *title,
                 const char        *value)
{
  GtkWidget *row;

  if (porting_text_is_blank (value))
    return;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  porting_accessible_set_row_read_only (row);
  adw_preferences_group_add (self->request_group, row);
  g_ptr_array_add (self->request_rows, row);
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

void
_porting_review_page_fill_request (PortingReviewPage *self)
{
  PortingRequest *request = self->request;
  JsonObject *fields = porting_request_get_fields (request);
  JsonNode *loa_node = json_object_get_member (fields, "loa");
  JsonObject *loa = loa_node != NULL && JSON_NODE_HOLDS_OBJECT (loa_node) ? json_node_get_object (loa_node) : NULL;
  g_autofree char *numbers = porting_request_dup_numbers_text (request);
  g_autofree char *created = porting_request_format_date_time (porting_request_get_created_at (request));
  g_autofree char *address = NULL;
  g_autofree char *title = NULL;

  for (guint i = 0; i < self->request_rows->len; i++)
    adw_preferences_group_remove (self->request_group, g_ptr_array_index (self->request_rows, i));
  g_ptr_array_set_size (self->request_rows, 0);

  title = g_strdup_printf ("%s — %s", porting_request_kind_get_title (porting_request_get_kind (request)),
                           numbers != NULL ? numbers : "");
  gtk_label_set_label (self->review_title, title);
  gtk_label_set_label (self->review_subtitle, porting_request_get_id (request));

  add_request_row (self, _("Status"), porting_request_status_get_title (porting_request_get_status (request)));
  add_request_row (self, _("Sent"), created);
  add_request_row (self, _("Numbers"), numbers);
  if (loa != NULL)
    {
      JsonNode *address_node = json_object_get_member (loa, "service_address");

      if (address_node != NULL && JSON_NODE_HOLDS_OBJECT (address_node))
        address = dup_address_text (json_node_get_object (address_node));
      add_request_row (self, _("Customer name"), json_object_get_string_member_with_default (loa, "customer_name", NULL));
      add_request_row (self, _("Service address"), address);
      add_request_row (self, _("Authorized person"), json_object_get_string_member_with_default (loa, "authorized_person", NULL));
      add_request_row (self, _("Current carrier"), json_object_get_string_member_with_default (loa, "carrier", NULL));
      add_request_row (self, _("Account number"), json_object_get_string_member_with_default (loa, "account_number", NULL));
    }
  add_request_row (self, _("Customer’s Twilio account SID"), porting_request_get_string (request, "twilio_account_sid"));
  add_request_row (self, _("Time frame"), porting_request_get_string (request, "time_frame"));
  add_request_row (self, _("Gaining provider"), porting_request_get_string (request, "gaining_provider"));
  add_request_row (self, _("Country"), porting_request_get_string (request, "country_name"));
  add_request_row (self, _("Number type"), porting_request_get_string (request, "number_type"));
  add_request_row (self, _("SIP provider"), porting_request_get_string (request, "sip_provider"));
  add_request_row (self, _("Notes"), porting_request_get_string (request, "notes"));
  add_request_row (self, _("Corrects request"), porting_request_get_string (request, "previous_request_id"));

  gtk_widget_set_visible (GTK_WIDGET (self->provider_sid_row), _porting_review_needs_provider_sid (request));
  gtk_widget_set_visible (GTK_WIDGET (self->subaccount_sid_row), _porting_review_needs_subaccount_sid (request));
  gtk_widget_set_visible (self->csr_box, _porting_review_needs_csr (request));

  gtk_editable_set_text (GTK_EDITABLE (self->provider_sid_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->subaccount_sid_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->csr_view), "", -1);
  gtk_switch_set_active (self->name_switch, FALSE);
  gtk_switch_set_active (self->address_switch, FALSE);
  adw_action_row_set_subtitle (self->name_row, "");
  adw_action_row_set_subtitle (self->address_row, "");
}

/* ---- Documents ---- */

static void
set_field_row (AdwActionRow       *row,
               GtkSwitch          *toggle,
               const PortingFieldResult *result)
{
  g_autofree char *subtitle = NULL;
  gboolean matches;

  if (result == NULL)
    return;

  matches = result->status == PORTING_FIELD_STATUS_EXACT || result->status == PORTING_FIELD_STATUS_EQUIVALENT;
  if (matches)
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

static void
on_checked (PortingReviewPage *self,
            PortingCheckView  *view)
{
  PortingCheckResult *result = porting_check_view_get_result (view);

  if (result == NULL)
    return;

  set_field_row (self->name_row, self->name_switch, porting_check_result_get_field (result, PORTING_FIELD_NAME));
  set_field_row (self->address_row, self->address_switch, porting_check_result_get_field (result, PORTING_FIELD_ADDRESS));
  _porting_review_page_update_form (self);
}

static char *
safe_file_part (const char *text)
{
  char *safe = g_strdup (text != NULL ? text : "");

  /* Names from the service never leave the cache directory. */
  for (char *p = safe; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      *p = '_';
  return safe;
}

static const char *
extension_for (const char *content_type)
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
  g_autofree char *safe_id = safe_file_part (porting_request_get_id (self->request));
  g_autofree char *root = NULL;
  g_autofree char *template = NULL;
  g_autofree char *directory = NULL;

  porting_check_view_clear (self->check_view);
  _porting_review_page_delete_documents (self);
  g_clear_error (&self->download_error);

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

  for (guint i = 0; self->download_error == NULL && documents != NULL && i < json_array_get_length (documents); i++)
    {
      JsonNode *node = json_array_get_element (documents, i);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *part = entry ? json_object_get_string_member_with_default (entry, "part", NULL) : NULL;
      const char *name = entry ? json_object_get_string_member_with_default (entry, "name", NULL) : NULL;
      g_autofree char *safe_name = NULL;
      g_autofree char *basename = NULL;
      g_autofree char *path = NULL;
      GFile **slot;

      if (g_strcmp0 (part, "loa") == 0)
        slot = &self->loa;
      else if (g_strcmp0 (part, "proof") == 0)
        slot = &self->proof;
      else
        continue;
      if (name == NULL || *slot != NULL)
        continue;

      safe_name = safe_file_part (name);
      basename = g_strconcat (safe_name,
                              extension_for (json_object_get_string_member_with_default (entry, "content_type", NULL)),
                              NULL);
      path = g_build_filename (directory, basename, NULL);
      *slot = g_file_new_for_path (path);

      self->downloads_pending++;
      porting_intake_client_download_document_async (client, porting_request_get_id (self->request), name, *slot,
                                                     self->open_cancellable, download_cb, g_object_ref (self));
    }

  gtk_widget_set_visible (self->documents_group, _porting_review_page_has_documents (self));

  if (self->download_error != NULL)
    porting_review_page_downloads_done (self);
  else if (!_porting_review_page_has_documents (self))
    gtk_stack_set_visible_child_name (self->documents_stack, "no-documents");
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
  GtkWidget *child;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->queue_list));
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
  PortingRequest *request;

  g_return_val_if_fail (PORTING_IS_REVIEW_PAGE (self), FALSE);

  request = find_queued (self, id);
  if (request == NULL || _porting_review_page_get_client (self) == NULL)
    return FALSE;

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();
  self->downloads_pending = 0;

  g_set_object (&self->request, request);
  _porting_review_page_fill_request (self);
  _porting_review_page_download (self);
  _porting_review_page_update_form (self);
  gtk_stack_set_visible_child_name (self->stack, "review");

  return TRUE;
}

static void
delete_documents_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  GPtrArray *files = task_data;
  g_autoptr(GFile) directory = NULL;

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);

      if (directory == NULL)
        directory = g_file_get_parent (file);
      g_file_delete (file, NULL, NULL);
    }
  if (directory != NULL)
    g_file_delete (directory, NULL, NULL);
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
  porting_check_view_clear (self->check_view);
  _porting_review_page_delete_documents (self);
  _porting_review_page_update_form (self);
}


void
_porting_review_page_class_init_request (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_checked);
}
