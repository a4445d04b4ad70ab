/* porting-port-out-page.c — move numbers out to another provider
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-port-out-page"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-csr-writer.h"
#include "porting-port-out-form.h"
#include "porting-port-out-page-private.h"
#include "porting-request-ui.h"

G_DEFINE_FINAL_TYPE (PortingPortOutPage, porting_port_out_page, PORTING_TYPE_JOB_PAGE)

/* ---- What the form says ------------------------------------------------- */

static void
porting_port_out_page_form_changed (PortingJobPage *page,
                                    GParamSpec     *pspec)
{
  PortingPortOutPage *self = PORTING_PORT_OUT_PAGE (page);
  g_autoptr(GPtrArray) problems = porting_form_check (porting_job_page_get_form (page));
  g_autofree char *summary = porting_form_problems_dup_summary (problems);

  /* Only a name typed and then removed earns a message under the field. */
  porting_job_page_show_messages (page, problems, TRUE);
  porting_job_page_show_problem (self->missing_label, self->submit_button, summary);
}

/* ---- Submitting --------------------------------------------------------- */

void
porting_port_out_page_submit (PortingPortOutPage *self)
{
  g_return_if_fail (PORTING_IS_PORT_OUT_PAGE (self));

  porting_job_page_submit (PORTING_JOB_PAGE (self));
}

static void
on_submit_clicked (PortingPortOutPage *self,
                   GtkButton          *button)
{
  porting_port_out_page_submit (self);
}

/* ---- Tracking ----------------------------------------------------------- */

static void
porting_port_out_page_tracker_changed (PortingJobPage *page)
{
  PortingPortOutPage *self = PORTING_PORT_OUT_PAGE (page);
  PortingRequest *request = porting_job_page_get_request (PORTING_JOB_PAGE (self));
  PortingRequestStatus status;
  const char *subaccount;
  const char *csr;
  const char *provider;
  const char *reason;
  g_autofree char *explanation = NULL;
  gboolean approved;
  gboolean answered;

  /* The tracker shows while there is a request to follow. */
  gtk_stack_set_visible_child_name (self->stack, request != NULL ? "tracker" : "form");
  if (request == NULL)
    return;

  status = porting_request_get_status (request);
  explanation = porting_request_dup_status_explanation (request);
  subaccount = porting_request_get_answer_string (request, "subaccount_sid");
  csr = porting_request_get_answer_string (request, "csr");
  reason = porting_request_get_answer_string (request, "reason");
  provider = porting_request_get_string (request, "gaining_provider");

  adw_action_row_set_subtitle (self->request_row, porting_request_get_display_reference (request));
  adw_action_row_set_subtitle (self->provider_summary_row,
                               provider != NULL ? provider : "");
  gtk_widget_set_visible (GTK_WIDGET (self->provider_summary_row), provider != NULL);

  /* The answer shown follows what came, whatever the switch said. */
  gtk_widget_set_visible (GTK_WIDGET (self->subaccount_row), subaccount != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->subaccount_hint), subaccount != NULL);
  adw_action_row_set_subtitle (self->subaccount_row, subaccount != NULL ? subaccount : "");

  gtk_widget_set_visible (self->csr_box, !porting_text_is_blank (csr));
  gtk_label_set_text (self->csr_label, csr != NULL ? csr : "");

  answered = subaccount != NULL || !porting_text_is_blank (csr);
  gtk_widget_set_visible (GTK_WIDGET (self->waiting_row), !answered);
  /* An empty boxed list would still draw its frame. */
  gtk_widget_set_visible (GTK_WIDGET (self->answer_list), !answered || subaccount != NULL);
  gtk_spinner_set_spinning (self->waiting_spinner, !answered && !porting_request_status_is_final (status));

  approved = status == PORTING_REQUEST_STATUS_APPROVED ||
             status == PORTING_REQUEST_STATUS_SUBMITTED_TO_CARRIER ||
             status == PORTING_REQUEST_STATUS_SCHEDULED ||
             status == PORTING_REQUEST_STATUS_COMPLETED;
  if (approved)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->approval_row), _("Approved"));
      adw_action_row_set_subtitle (self->approval_row,
                                   _("We released the numbers: the new provider can now complete the port."));
    }
  else if (status == PORTING_REQUEST_STATUS_REJECTED || status == PORTING_REQUEST_STATUS_ACTION_REQUIRED)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->approval_row),
                                     porting_request_status_get_title (status));
      adw_action_row_set_subtitle (self->approval_row,
                                   reason != NULL ? reason : explanation);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->approval_row), _("Waiting for approval"));
      adw_action_row_set_subtitle (self->approval_row, explanation);
    }
  gtk_image_set_from_icon_name (self->approval_icon, porting_request_status_get_icon_name (status));
  gtk_widget_remove_css_class (GTK_WIDGET (self->approval_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->approval_icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->approval_icon), "error");
  if (porting_request_status_get_style_class (status) != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->approval_icon), porting_request_status_get_style_class (status));
}

static void
porting_port_out_page_tracker_refreshed (PortingJobPage *page,
                                         PortingRequest *previous)
{
  PortingPortOutPage *self = PORTING_PORT_OUT_PAGE (page);
  if (porting_request_get_answer (porting_job_page_get_request (page)) != NULL &&
      (previous == NULL || porting_request_get_answer (previous) == NULL))
    porting_job_page_show_toast (PORTING_JOB_PAGE (self), _("Our answer arrived"));
}

void
porting_port_out_page_refresh (PortingPortOutPage *self)
{
  g_return_if_fail (PORTING_IS_PORT_OUT_PAGE (self));

  porting_job_page_refresh (PORTING_JOB_PAGE (self));
}

static void
on_refresh_clicked (PortingPortOutPage *self,
                    GtkButton          *button)
{
  porting_port_out_page_refresh (self);
}

/* ---- The CSR ------------------------------------------------------------ */

static void
on_copy_csr_clicked (PortingPortOutPage *self,
                     GtkButton          *button)
{
  porting_copy_text (GTK_WIDGET (button), gtk_label_get_text (self->csr_label));
}

static void
csr_written_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (porting_csr_writer_write_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
porting_port_out_page_save_csr_async (PortingPortOutPage  *self,
                                      GFile               *file,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PortingRequest *request;

  g_return_if_fail (PORTING_IS_PORT_OUT_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, porting_job_page_get_cancellable (PORTING_JOB_PAGE (self)), callback, user_data);
  g_task_set_source_tag (task, porting_port_out_page_save_csr_async);

  request = porting_job_page_get_request (PORTING_JOB_PAGE (self));
  if (request == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               "%s", _("There is no CSR information in this request yet."));
      return;
    }

  porting_csr_writer_write_async (request, file, porting_job_page_get_cancellable (PORTING_JOB_PAGE (self)), csr_written_cb, g_steal_pointer (&task));
}

gboolean
porting_port_out_page_save_csr_finish (PortingPortOutPage  *self,
                                       GAsyncResult        *result,
                                       GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
csr_saved_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PortingPortOutPage *self = PORTING_PORT_OUT_PAGE (object);
  g_autoptr(GError) error = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_csr_button), TRUE);

  if (!porting_port_out_page_save_csr_finish (self, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf (_("The CSR could not be saved: %s"), error->message);
          porting_job_page_show_toast (PORTING_JOB_PAGE (self), message);
        }
      return;
    }

  porting_job_page_show_toast (PORTING_JOB_PAGE (self), _("CSR saved as PDF"));
}

static void
on_save_response (GtkNativeDialog    *dialog,
                  int                 response,
                  PortingPortOutPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        {
          gtk_widget_set_sensitive (GTK_WIDGET (self->save_csr_button), FALSE);
          porting_port_out_page_save_csr_async (self, file, csr_saved_cb, NULL);
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
on_save_csr_clicked (PortingPortOutPage *self,
                     GtkButton          *button)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  PortingRequest *request = porting_job_page_get_request (PORTING_JOB_PAGE (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Save the CSR"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);

  /* Translators: the file name offered when saving; %s is the request id */
  name = g_strdup_printf (_("CSR %s.pdf"), request != NULL ? porting_request_get_display_reference (request) : "");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- Object ------------------------------------------------------------- */

static void
on_new_request_clicked (PortingPortOutPage *self,
                        GtkButton          *button)
{
  porting_job_page_discard_draft (PORTING_JOB_PAGE (self));
}

static void
porting_port_out_page_class_init (PortingPortOutPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PortingJobPageClass *page_class = PORTING_JOB_PAGE_CLASS (klass);

  page_class->draft_flow = "port-out";
  page_class->form_type = PORTING_TYPE_PORT_OUT_FORM;
  page_class->tracked_kind = PORTING_REQUEST_KIND_PORT_OUT;
  page_class->tracked_key = "gaining_provider";
  page_class->form_changed = porting_port_out_page_form_changed;
  page_class->tracker_changed = porting_port_out_page_tracker_changed;
  page_class->tracker_refreshed = porting_port_out_page_tracker_refreshed;

  g_type_ensure (PORTING_TYPE_NUMBERS_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Porting/porting-port-out-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PortingPortOutPage, name)
  BIND (toast_overlay);
  BIND (stack);
  BIND (numbers_editor);
  BIND (provider_row);
  BIND (twilio_switch);
  BIND (contract_check);
  BIND (contract_row);
  BIND (missing_label);
  BIND (submit_button);
  BIND (refresh_button);
  BIND (request_row);
  BIND (provider_summary_row);
  BIND (answer_list);
  BIND (waiting_row);
  BIND (waiting_spinner);
  BIND (subaccount_row);
  BIND (subaccount_hint);
  BIND (csr_box);
  BIND (csr_label);
  BIND (save_csr_button);
  BIND (approval_row);
  BIND (approval_icon);
  BIND (new_request_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_submit_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_refresh_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_csr_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_save_csr_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_new_request_clicked);
}

static void
porting_port_out_page_init (PortingPortOutPage *self)
{
  PortingJobPage *page = PORTING_JOB_PAGE (self);


  gtk_widget_init_template (GTK_WIDGET (self));
  porting_job_page_set_refresh_button (page, GTK_WIDGET (self->refresh_button));

  self->subaccount_copy = porting_action_row_add_copy_button (self->subaccount_row, _("Copy the SID"));

  porting_job_page_bind (page, "numbers", self->numbers_editor, "text");
  porting_job_page_bind (page, "gaining-provider", self->provider_row, "text");
  porting_job_page_bind (page, "gaining-is-twilio", self->twilio_switch, "active");
  porting_job_page_bind (page, "contract", self->contract_check, "active");
}

GtkWidget *
porting_port_out_page_new (PortingDraftStore *draft_store)
{
  g_return_val_if_fail (draft_store == NULL || PORTING_IS_DRAFT_STORE (draft_store), NULL);

  return g_object_new (PORTING_TYPE_PORT_OUT_PAGE, "draft-store", draft_store, NULL);
}

PortingDraftStore *
porting_port_out_page_get_draft_store (PortingPortOutPage *self)
{
  g_return_val_if_fail (PORTING_IS_PORT_OUT_PAGE (self), NULL);

  return porting_job_page_get_draft_store (PORTING_JOB_PAGE (self));
}

PortingRequest *
porting_port_out_page_get_request (PortingPortOutPage *self)
{
  g_return_val_if_fail (PORTING_IS_PORT_OUT_PAGE (self), NULL);

  return porting_job_page_get_request (PORTING_JOB_PAGE (self));
}
