/* porting-review-page.c — support staff: the queue, the documents, the answer
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-review-page"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "porting-intake-monitor.h"
#include "porting-request-row.h"
#include "porting-request-ui.h"
#include "porting-review-page.h"
#include "porting-twilio-sid.h"

#define REFRESH_INTERVAL_SECONDS 60

static const char * const queue_statuses[] = { "submitted", "in-review" };

struct _PortingReviewPage
{
  GtkWidget             parent_instance;

  PortingIntakeMonitor *monitor;
  GCancellable         *cancellable;      /* the queue */
  GCancellable         *open_cancellable; /* downloads and the review of the open request */
  GPtrArray            *queue;            /* of PortingRequest, being gathered then shown */
  guint                 queue_step;
  PortingRequest       *request;          /* open */
  GFile                *loa;
  GFile                *proof;
  guint                 downloads_pending;
  GError               *download_error;
  guint                 reviewing : 1;

  /* Template widgets */
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  GtkListBox           *queue_list;
  GtkLabel             *review_title;
  GtkLabel             *review_subtitle;
  GtkStack             *documents_stack;
  GtkSpinner           *download_spinner;
  AdwStatusPage        *download_error_page;
  PortingCheckView     *check_view;
  AdwPreferencesGroup  *request_group;
  GtkWidget            *documents_group;
  AdwActionRow         *name_row;
  AdwActionRow         *address_row;
  GtkSwitch            *name_switch;
  GtkSwitch            *address_switch;
  GtkWidget            *answer_group;
  AdwEntryRow          *provider_sid_row;
  AdwEntryRow          *subaccount_sid_row;
  AdwEntryRow          *note_row;
  GtkLabel             *sid_error_label;
  GtkWidget            *csr_box;
  GtkTextView          *csr_view;
  AdwEntryRow          *reason_row;
  GtkLabel             *hint_label;
  GtkWidget            *approve_button;
  GtkWidget            *reject_button;

  GPtrArray            *request_rows;     /* rows added to request_group */
};

G_DEFINE_FINAL_TYPE (PortingReviewPage, porting_review_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void porting_review_page_update_form (PortingReviewPage *self);
static void porting_review_page_delete_documents (PortingReviewPage *self);

/* (nullable): NULL without a session, or once disposed */
static PortingIntakeSession *
porting_review_page_get_session (PortingReviewPage *self)
{
  return self->monitor != NULL ? porting_intake_monitor_get_session (self->monitor) : NULL;
}

/* (nullable) */
static PortingIntakeClient *
porting_review_page_get_client (PortingReviewPage *self)
{
  PortingIntakeSession *session = porting_review_page_get_session (self);

  return session != NULL ? porting_intake_session_get_client (session) : NULL;
}

static char *
dup_csr_text (PortingReviewPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->csr_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/* What the answer must hold for this kind of request */

static gboolean
needs_provider_sid (PortingRequest *request)
{
  return porting_request_get_kind (request) == PORTING_REQUEST_KIND_TWILIO_TRANSFER;
}

static gboolean
needs_subaccount_sid (PortingRequest *request)
{
  return porting_request_get_kind (request) == PORTING_REQUEST_KIND_PORT_OUT &&
         porting_request_get_boolean (request, "gaining_is_twilio");
}

static gboolean
needs_csr (PortingRequest *request)
{
  return porting_request_get_kind (request) == PORTING_REQUEST_KIND_PORT_OUT &&
         !porting_request_get_boolean (request, "gaining_is_twilio");
}

static gboolean
has_documents (PortingReviewPage *self)
{
  return self->loa != NULL || self->proof != NULL;
}

/* Form */

static void
porting_review_page_update_form (PortingReviewPage *self)
{
  g_autofree char *sid_message = NULL;
  g_autofree char *csr = NULL;
  const char *hint = NULL;
  gboolean can_approve = TRUE;
  gboolean can_reject;

  if (self->request == NULL)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.approve", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.reject", FALSE);
      return;
    }

  if (needs_provider_sid (self->request))
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->provider_sid_row));
      g_autofree char *sid = NULL;

      if (porting_twilio_sid_classify (text, &sid, &sid_message) != PORTING_SID_KIND_ACCOUNT_SID)
        {
          can_approve = FALSE;
          hint = _("To approve, give our Twilio account SID for the customer’s transfer ticket.");
        }
      else if (g_ascii_strcasecmp (sid, porting_request_get_string (self->request, "twilio_account_sid") ?: "") == 0)
        {
          /* A transfer between one account and itself goes nowhere. */
          can_approve = FALSE;
          sid_message = g_strdup (_("This is the customer’s own account SID: give ours."));
          hint = _("To approve, give our Twilio account SID for the customer’s transfer ticket.");
        }
      if (porting_text_is_blank (text))
        g_clear_pointer (&sid_message, g_free);
    }
  else if (needs_subaccount_sid (self->request))
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->subaccount_sid_row));

      if (porting_twilio_sid_classify (text, NULL, &sid_message) != PORTING_SID_KIND_ACCOUNT_SID)
        {
          can_approve = FALSE;
          hint = _("To approve, give the subaccount SID the numbers move to.");
        }
      if (porting_text_is_blank (text))
        g_clear_pointer (&sid_message, g_free);
    }
  else if (needs_csr (self->request))
    {
      csr = dup_csr_text (self);
      if (porting_text_is_blank (csr))
        {
          can_approve = FALSE;
          hint = _("To approve, write the CSR information the new provider needs.");
        }
    }

  if (can_approve && has_documents (self) &&
      !(gtk_switch_get_active (self->name_switch) && gtk_switch_get_active (self->address_switch)))
    {
      can_approve = FALSE;
      hint = _("To approve, confirm that the name and the address match in both documents.");
    }

  gtk_widget_set_visible (GTK_WIDGET (self->sid_error_label), sid_message != NULL);
  gtk_label_set_label (self->sid_error_label, sid_message != NULL ? sid_message : "");
  if (sid_message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (needs_provider_sid (self->request) ? self->provider_sid_row
                                                                               : self->subaccount_sid_row),
                                "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->provider_sid_row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->subaccount_sid_row), "error");
    }

  can_reject = !porting_text_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->reason_row)));
  gtk_label_set_label (self->hint_label, !can_approve && hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), *gtk_label_get_label (self->hint_label) != '\0');

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.approve", can_approve && !self->reviewing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.reject", can_reject && !self->reviewing);
}

static void
on_form_changed (PortingReviewPage *self)
{
  porting_review_page_update_form (self);
}

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

static void
porting_review_page_fill_request (PortingReviewPage *self)
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

  gtk_widget_set_visible (GTK_WIDGET (self->provider_sid_row), needs_provider_sid (request));
  gtk_widget_set_visible (GTK_WIDGET (self->subaccount_sid_row), needs_subaccount_sid (request));
  gtk_widget_set_visible (self->csr_box, needs_csr (request));

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

/* Documents */

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
  porting_review_page_update_form (self);
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

static void
porting_review_page_download (PortingReviewPage *self)
{
  PortingIntakeClient *client = porting_review_page_get_client (self);
  JsonArray *documents = porting_request_get_documents (self->request);
  g_autofree char *safe_id = safe_file_part (porting_request_get_id (self->request));
  g_autofree char *root = NULL;
  g_autofree char *template = NULL;
  g_autofree char *directory = NULL;

  porting_check_view_clear (self->check_view);
  porting_review_page_delete_documents (self);
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

  gtk_widget_set_visible (self->documents_group, has_documents (self));

  if (self->download_error != NULL)
    porting_review_page_downloads_done (self);
  else if (!has_documents (self))
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
  if (request == NULL || porting_review_page_get_client (self) == NULL)
    return FALSE;

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();
  self->downloads_pending = 0;

  g_set_object (&self->request, request);
  porting_review_page_fill_request (self);
  porting_review_page_download (self);
  porting_review_page_update_form (self);
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
static void
porting_review_page_delete_documents (PortingReviewPage *self)
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
  g_task_set_source_tag (task, porting_review_page_delete_documents);
  g_task_set_task_data (task, g_steal_pointer (&files), (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, delete_documents_thread);
}

static void
porting_review_page_close_request (PortingReviewPage *self)
{
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  g_clear_object (&self->request);
  porting_check_view_clear (self->check_view);
  porting_review_page_delete_documents (self);
  porting_review_page_update_form (self);
}

/* Review */

static void
review_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PortingReviewPage) self = user_data;
  g_autoptr(PortingRequest) reviewed = NULL;
  g_autoptr(GError) error = NULL;

  reviewed = porting_intake_client_review_finish (PORTING_INTAKE_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->reviewing = FALSE;

  if (reviewed == NULL)
    {
      g_autofree char *title = NULL;

      /* Translators: %s says why the service did not take the decision */
      title = g_strdup_printf (_("Not saved: %s"), error->message);
      porting_widget_add_toast (GTK_WIDGET (self), title);
      porting_review_page_update_form (self);
      return;
    }

  porting_widget_add_toast (GTK_WIDGET (self),
                            porting_request_get_status (reviewed) == PORTING_REQUEST_STATUS_REJECTED
                            ? _("Request rejected")
                            : _("Request approved"));
  porting_review_page_close_request (self);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  porting_review_page_refresh (self);
}

static void
porting_review_page_send (PortingReviewPage *self,
                          gboolean           approve)
{
  g_autoptr(JsonObject) review = json_object_new ();
  g_autoptr(JsonObject) answer = json_object_new ();
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));

  if (self->request == NULL || self->reviewing)
    return;

  json_object_set_string_member (review, "decision", approve ? "approve" : "reject");

  if (has_documents (self))
    {
      JsonObject *check = json_object_new ();
      PortingCheckResult *result = porting_check_view_get_result (self->check_view);

      json_object_set_string_member (check, "name", gtk_switch_get_active (self->name_switch) ? "confirmed" : "rejected");
      json_object_set_string_member (check, "address", gtk_switch_get_active (self->address_switch) ? "confirmed" : "rejected");
      if (result != NULL)
        json_object_set_string_member (check, "verdict",
                                       porting_check_verdict_to_string (porting_check_result_get_verdict (result)));
      json_object_set_object_member (review, "document_check", check);
    }

  if (approve)
    {
      g_autofree char *sid = NULL;
      g_autofree char *csr = dup_csr_text (self);

      if (needs_provider_sid (self->request) &&
          porting_twilio_sid_classify (gtk_editable_get_text (GTK_EDITABLE (self->provider_sid_row)),
                                       &sid, NULL) == PORTING_SID_KIND_ACCOUNT_SID)
        json_object_set_string_member (answer, "provider_account_sid", sid);
      else if (needs_subaccount_sid (self->request) &&
               porting_twilio_sid_classify (gtk_editable_get_text (GTK_EDITABLE (self->subaccount_sid_row)),
                                            &sid, NULL) == PORTING_SID_KIND_ACCOUNT_SID)
        json_object_set_string_member (answer, "subaccount_sid", sid);
      else if (needs_csr (self->request))
        json_object_set_string_member (answer, "csr", csr);
    }
  else
    {
      g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));

      json_object_set_string_member (answer, "reason", reason);
    }

  if (!porting_text_is_blank (note))
    json_object_set_string_member (review, "note", note);
  if (json_object_get_size (answer) > 0)
    json_object_set_object_member (review, "answer", json_object_ref (answer));

  self->reviewing = TRUE;
  porting_review_page_update_form (self);
  porting_intake_client_review_async (porting_review_page_get_client (self),
                                      porting_request_get_id (self->request), review,
                                      self->open_cancellable, review_cb, g_object_ref (self));
}

static void
approve_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  porting_review_page_send (PORTING_REVIEW_PAGE (widget), TRUE);
}

static void
reject_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  porting_review_page_send (PORTING_REVIEW_PAGE (widget), FALSE);
}

/* Queue */

static int
compare_oldest_first (gconstpointer a,
                      gconstpointer b)
{
  PortingRequest *request_a = *(PortingRequest **) a;
  PortingRequest *request_b = *(PortingRequest **) b;

  return g_strcmp0 (porting_request_get_created_at (request_a), porting_request_get_created_at (request_b));
}

static void porting_review_page_list_next (PortingReviewPage *self);

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(PortingReviewPage) self = user_data;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GError) error = NULL;
  const char *visible;

  requests = porting_intake_client_list_finish (PORTING_INTAKE_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (requests != NULL)
    {
      for (guint i = 0; i < requests->len; i++)
        g_ptr_array_add (self->queue, g_object_ref (g_ptr_array_index (requests, i)));

      if (++self->queue_step < G_N_ELEMENTS (queue_statuses))
        {
          porting_review_page_list_next (self);
          return;
        }
    }

  g_clear_object (&self->cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  visible = gtk_stack_get_visible_child_name (self->stack);

  if (requests == NULL)
    {
      g_clear_pointer (&self->queue, g_ptr_array_unref);
      if (g_strcmp0 (visible, "review") == 0)
        {
          porting_widget_add_toast (GTK_WIDGET (self), error->message);
          return;
        }
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  g_ptr_array_sort (self->queue, compare_oldest_first);
  porting_list_box_remove_all (self->queue_list);
  for (guint i = 0; i < self->queue->len; i++)
    gtk_list_box_append (self->queue_list, porting_request_row_new (g_ptr_array_index (self->queue, i), TRUE));

  if (g_strcmp0 (visible, "review") != 0)
    gtk_stack_set_visible_child_name (self->stack, self->queue->len > 0 ? "queue" : "empty");
  g_clear_pointer (&self->queue, g_ptr_array_unref);
}

static void
porting_review_page_list_next (PortingReviewPage *self)
{
  porting_intake_client_list_async (porting_review_page_get_client (self),
                                    queue_statuses[self->queue_step], self->cancellable,
                                    list_cb, g_object_ref (self));
}

void
porting_review_page_refresh (PortingReviewPage *self)
{
  PortingIntakeSession *session;
  const char *visible;

  g_return_if_fail (PORTING_IS_REVIEW_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->queue, g_ptr_array_unref);

  session = porting_review_page_get_session (self);
  if (session == NULL)
    return;

  if (porting_intake_session_get_client (session) == NULL ||
      !porting_intake_session_get_has_token (session))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
      adw_status_page_set_description (self->error_page,
                                       _("Set the address of the intake service and your staff access token in Preferences."));
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  visible = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (visible, "queue") != 0 && g_strcmp0 (visible, "review") != 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  self->cancellable = g_cancellable_new ();
  self->queue = g_ptr_array_new_with_free_func (g_object_unref);
  self->queue_step = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  porting_review_page_list_next (self);
}

gboolean
porting_review_page_get_loading (PortingReviewPage *self)
{
  g_return_val_if_fail (PORTING_IS_REVIEW_PAGE (self), FALSE);

  return self->cancellable != NULL;
}

/* Session */

static void
on_session_changed (PortingReviewPage *self)
{
  porting_review_page_close_request (self);
  porting_list_box_remove_all (self->queue_list);
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

void
porting_review_page_set_session (PortingReviewPage    *self,
                                 PortingIntakeSession *session)
{
  g_return_if_fail (PORTING_IS_REVIEW_PAGE (self));
  g_return_if_fail (session == NULL || PORTING_IS_INTAKE_SESSION (session));

  porting_intake_monitor_set_session (self->monitor, session);
}

/* Callbacks */

static void
on_refresh_clicked (PortingReviewPage *self,
                    GtkButton         *button)
{
  porting_review_page_refresh (self);
}

static void
on_row_activated (PortingReviewPage *self,
                  GtkListBoxRow     *row,
                  GtkListBox        *list)
{
  porting_review_page_open_request (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
on_back_clicked (PortingReviewPage *self,
                 GtkButton         *button)
{
  porting_review_page_close_request (self);
  gtk_stack_set_visible_child_name (self->stack,
                                    gtk_widget_get_first_child (GTK_WIDGET (self->queue_list)) != NULL
                                    ? "queue" : "empty");
  porting_review_page_refresh (self);
}

static void
on_download_retry_clicked (PortingReviewPage *self,
                           GtkButton         *button)
{
  if (self->request == NULL)
    return;

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();
  self->downloads_pending = 0;
  porting_review_page_download (self);
  porting_review_page_update_form (self);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PortingReviewPage *self = PORTING_REVIEW_PAGE (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "review") == 0)
    on_back_clicked (self, NULL);
}

/* Widget */

static void
porting_review_page_dispose (GObject *object)
{
  PortingReviewPage *self = PORTING_REVIEW_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->monitor);

  gtk_widget_dispose_template (GTK_WIDGET (self), PORTING_TYPE_REVIEW_PAGE);

  G_OBJECT_CLASS (porting_review_page_parent_class)->dispose (object);
}

static void
porting_review_page_finalize (GObject *object)
{
  PortingReviewPage *self = PORTING_REVIEW_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->open_cancellable);
  g_clear_pointer (&self->queue, g_ptr_array_unref);
  g_clear_pointer (&self->request_rows, g_ptr_array_unref);
  g_clear_object (&self->request);
  g_clear_object (&self->loa);
  g_clear_object (&self->proof);
  g_clear_error (&self->download_error);

  G_OBJECT_CLASS (porting_review_page_parent_class)->finalize (object);
}

static void
porting_review_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PortingReviewPage *self = PORTING_REVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, porting_review_page_get_loading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porting_review_page_class_init (PortingReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = porting_review_page_dispose;
  object_class->finalize = porting_review_page_finalize;
  object_class->get_property = porting_review_page_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PORTING_TYPE_CHECK_VIEW);

  gtk_widget_class_install_action (widget_class, "review.back", NULL, back_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "review.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "review.back", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Porting/porting-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, queue_list);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, review_title);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, review_subtitle);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, documents_stack);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, download_spinner);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, download_error_page);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, check_view);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, request_group);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, documents_group);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, name_switch);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, address_switch);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, answer_group);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, provider_sid_row);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, subaccount_sid_row);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, note_row);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, sid_error_label);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, csr_box);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, csr_view);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, reason_row);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, approve_button);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, reject_button);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_checked);
  gtk_widget_class_bind_template_callback (widget_class, on_refresh_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_download_retry_clicked);

  gtk_widget_class_install_action (widget_class, "review.approve", NULL, approve_activated);
  gtk_widget_class_install_action (widget_class, "review.reject", NULL, reject_activated);
}

static void
porting_review_page_init (PortingReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->monitor = porting_intake_monitor_new (GTK_WIDGET (self), REFRESH_INTERVAL_SECONDS);
  g_signal_connect_swapped (self->monitor, "session-changed", G_CALLBACK (on_session_changed), self);
  /* The open request keeps its form; only the queue behind it is refreshed. */
  g_signal_connect_swapped (self->monitor, "refresh", G_CALLBACK (porting_review_page_refresh), self);

  self->request_rows = g_ptr_array_new ();
  g_signal_connect_object (gtk_text_view_get_buffer (self->csr_view), "changed",
                           G_CALLBACK (on_form_changed), self, G_CONNECT_SWAPPED);
  porting_review_page_update_form (self);
}

GtkWidget *
porting_review_page_new (void)
{
  return g_object_new (PORTING_TYPE_REVIEW_PAGE, NULL);
}

const char *
porting_review_page_get_state (PortingReviewPage *self)
{
  g_return_val_if_fail (PORTING_IS_REVIEW_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

PortingRequest *
porting_review_page_get_request (PortingReviewPage *self)
{
  g_return_val_if_fail (PORTING_IS_REVIEW_PAGE (self), NULL);

  return self->request;
}

PortingCheckView *
porting_review_page_get_check_view (PortingReviewPage *self)
{
  g_return_val_if_fail (PORTING_IS_REVIEW_PAGE (self), NULL);

  return self->check_view;
}

GFile *
porting_review_page_get_document (PortingReviewPage *self,
                                  const char        *part)
{
  g_return_val_if_fail (PORTING_IS_REVIEW_PAGE (self), NULL);

  if (g_strcmp0 (part, "loa") == 0)
    return self->loa;
  if (g_strcmp0 (part, "proof") == 0)
    return self->proof;
  return NULL;
}
