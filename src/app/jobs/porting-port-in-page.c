/* porting-port-in-page.c — move numbers in from another carrier, step by step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page shows the steps of a PortingPortInForm: its widgets are bound to
 * the form's fields, and each step shows what the form says stops it. The
 * documents (LOA written or imported, proof, the check) are in
 * porting-port-in-page-documents.c, the port date and the Review step in
 * porting-port-in-page-details.c, moving between steps (navigation, focus,
 * keys) in porting-port-in-page-steps.c.
 */

#define G_LOG_DOMAIN "porting-port-in-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "porting-accessible.h"
#include "porting-application.h"
#include "porting-byoc-page.h"
#include "porting-drop-zone.h"
#include "porting-intake-session.h"
#include "porting-international-page.h"
#include "porting-port-in-page-private.h"
#include "porting-request-ui.h"
#include "porting-row-message.h"
#include "porting-submit-dialog.h"
#include "porting-window.h"

enum {
  PROP_0,
  PROP_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PortingPortInPage, porting_port_in_page, PORTING_TYPE_JOB_PAGE)

void
_porting_port_in_page_notify_step (PortingPortInPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

/* ---- Step 1: numbers ----------------------------------------------------- */

static void
show_outside_numbers (PortingPortInPage *self)
{
  g_auto(GStrv) outside = porting_port_in_form_dup_valid_numbers (self->form, TRUE);

  gtk_widget_set_visible (GTK_WIDGET (self->international_group), outside[0] != NULL);
  if (outside[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", outside);
      g_autofree char *subtitle =
        g_strdup_printf (_("%s: only numbers from the United States and Canada can be ported here. "
                           "Remove them from the list, and ask whether they can be ported."),
                         list);
      adw_action_row_set_subtitle (self->international_row, subtitle);
    }
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

  numbers = porting_port_in_form_dup_valid_numbers (self->form, international_only);
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

/* ---- What the form says -------------------------------------------------- */

static gboolean
field_is (GParamSpec *pspec,
          const char *name)
{
  return pspec == NULL || g_str_equal (pspec->name, name);
}

static void
porting_port_in_page_form_changed (PortingJobPage *page,
                                   GParamSpec     *pspec)
{
  PortingPortInPage *self = PORTING_PORT_IN_PAGE (page);

  if (field_is (pspec, "numbers"))
    show_outside_numbers (self);

  if (field_is (pspec, "preferred-date"))
    _porting_port_in_page_show_date (self);

  if (field_is (pspec, "typed-signature-used"))
    {
      gboolean typed;

      g_object_get (self->form, "typed-signature-used", &typed, NULL);
      adw_preferences_group_set_description (self->loa_signature_group,
                                             typed ? _("Your name in a handwriting style stands for your signature.")
                                                   : _("Sign with your mouse, finger or pen."));
    }

  if (field_is (pspec, "proof-kind"))
    {
      g_autofree char *proof_kind = NULL;

      /* A CSR is called a CSR, its date warnings too. */
      g_object_get (self->form, "proof-kind", &proof_kind, NULL);
      porting_check_view_set_proof_kind (self->check_view, proof_kind);
      /* Short titles: the room goes to the file names. */
      porting_check_view_set_titles (self->check_view, _("LOA"),
                                     g_strcmp0 (proof_kind, "csr") == 0 ? _("CSR") : _("Invoice"));
    }

  if (field_is (pspec, "imported-loa") || field_is (pspec, "proof") ||
      field_is (pspec, "import-loa") || field_is (pspec, "generated-loa"))
    {
      /* Another document is not the one that was checked. */
      g_clear_error (&self->check_error);
      _porting_port_in_page_show_files (self);
    }

  _porting_port_in_page_update_navigation (self);
}

/* ---- Submitting ----------------------------------------------------------- */

static void
show_done (PortingPortInPage *self,
           const char        *title,
           const char        *description,
           const char        *toast)
{
  gboolean was_on_steps;

  adw_status_page_set_title (self->done_status, title);
  gtk_widget_set_visible (self->show_request_button, self->sent_id != NULL);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->show_request_button), "s",
                                    self->sent_id != NULL ? self->sent_id : "");
  adw_status_page_set_description (self->done_status, description);

  /* The request is safe: the draft has done its job. */
  porting_draft_store_discard (porting_job_page_get_draft_store (PORTING_JOB_PAGE (self)),
                               PORTING_JOB_PAGE_GET_CLASS (self)->draft_flow);

  was_on_steps = _porting_port_in_page_focus_is_on_steps (self);
  gtk_stack_set_visible_child_name (self->stack, "done");
  gtk_label_set_text (self->step_title_label, title);
  gtk_label_set_text (self->step_count_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->step_dots), FALSE);
  _porting_port_in_page_update_navigation (self);
  _porting_port_in_page_focus_step (self, was_on_steps);
  if (toast != NULL)
    porting_job_page_show_toast (PORTING_JOB_PAGE (self), toast);
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

      porting_job_page_show_toast (PORTING_JOB_PAGE (self), message);
      _porting_port_in_page_update_navigation (self);
      return;
    }

  g_set_object (&self->last_request, G_FILE (object));
  g_clear_pointer (&self->sent_id, g_free);
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
  g_free (self->sent_id);
  self->sent_id = g_strdup (porting_request_get_id (stored));
  /* The one receipt: the dialog closed itself once the service had it. */
  /* Translators: %s is the request number, e.g. PRT-7K3F-Q2, then what happens next */
  description = g_strdup_printf (_("Your request number is %s.\n\n%s"),
                                 porting_request_get_display_reference (stored),
                                 porting_request_kind_get_next_steps (PORTING_REQUEST_KIND_PORT_IN));
  show_done (self, _("Request Sent"), description, NULL);
}

/* No service yet: the finished request is kept on disk. Never the PIN on
 * disk: the default JSON form leaves it out. */
static void
save_request (PortingPortInPage *self,
              PortingRequest    *request)
{
  g_autofree char *json = porting_request_to_json (request, PORTING_REQUEST_JSON_PRETTY);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *name = g_strconcat (uuid, ".json", NULL);
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), APP_ID, "requests", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      porting_job_page_show_toast (PORTING_JOB_PAGE (self),
                                   _("The request could not be saved: the folder cannot be created."));
      return;
    }

  path = g_build_filename (directory, name, NULL);
  file = g_file_new_for_path (path);
  length = strlen (json);
  bytes = g_bytes_new_take (g_steal_pointer (&json), length);

  self->submitting = TRUE;
  _porting_port_in_page_update_navigation (self);

  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE,
                                       G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                       porting_job_page_get_cancellable (PORTING_JOB_PAGE (self)), request_saved_cb, g_object_ref (self));
}

static void
porting_port_in_page_real_submit (PortingJobPage *page)
{
  PortingPortInPage *self = PORTING_PORT_IN_PAGE (page);
  g_autoptr(PortingRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  GApplication *application;

  if (self->submitting)
    return;

  request = porting_form_to_request (PORTING_FORM (self->form));
  if (!porting_request_validate (request, NULL, &error))
    {
      porting_job_page_show_toast (page, error->message);
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

      dialog = porting_submit_dialog_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, request,
                                              porting_port_in_form_get_loa (self->form),
                                              porting_port_in_form_get_proof (self->form), NULL);
      g_signal_connect_object (dialog, "submitted", G_CALLBACK (on_request_submitted), self, G_CONNECT_SWAPPED);
      porting_submit_dialog_set_close_when_stored (dialog, TRUE);
      return;
    }

  save_request (self, request);
}

void
porting_port_in_page_submit (PortingPortInPage *self)
{
  g_return_if_fail (PORTING_IS_PORT_IN_PAGE (self));

  porting_job_page_submit (PORTING_JOB_PAGE (self));
}

static void
on_submit_clicked (PortingPortInPage *self,
                   GtkButton         *button)
{
  porting_port_in_page_submit (self);
}

/* ---- Drafts --------------------------------------------------------------- */

static void
porting_port_in_page_draft_applied (PortingJobPage *page,
                                    JsonObject     *draft)
{
  PortingPortInPage *self = PORTING_PORT_IN_PAGE (page);
  g_autoptr(GPtrArray) strokes = porting_port_in_form_dup_signature (self->form);
  guint step;
  GDate date;

  porting_signature_pad_set_strokes (self->signature_pad, strokes);

  if (porting_port_in_form_get_preferred_date (self->form, &date))
    {
      g_autoptr(GDateTime) day = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                                        g_date_get_day (&date), 0, 0, 0);

      self->moving_calendar = TRUE;
      gtk_calendar_select_day (self->calendar, day);
      self->moving_calendar = FALSE;
    }

  _porting_port_in_page_clear_check (self);

  /* Never come back past a step that is no longer complete. */
  step = (guint) CLAMP (porting_draft_get_int (draft, "step"), 0, PORTING_PORT_IN_N_STEPS - 1);
  _porting_port_in_page_show_step (self, porting_port_in_form_get_resume_step (self->form, step));
}

static void
on_signature_changed (PortingPortInPage   *self,
                      PortingSignaturePad *pad)
{
  /* Nothing to clear, no Tab stop on the way to the rest of the form. */
  gtk_widget_set_sensitive (self->clear_signature_button, !porting_signature_pad_is_empty (pad));
  porting_port_in_form_set_signature (self->form, porting_signature_pad_get_strokes (pad));
}

static void
on_clear_signature_clicked (PortingPortInPage *self,
                            GtkButton         *button)
{
  porting_signature_pad_clear (self->signature_pad);
}

static void
discard_response_cb (AdwMessageDialog  *dialog,
                     const char        *response,
                     PortingPortInPage *self)
{
  g_autoptr(GFile) generated_loa = NULL;

  if (g_strcmp0 (response, "discard") != 0)
    return;

  /* The LOA written from the draft goes with it: it holds the customer's details. */
  g_object_get (self->form, "generated-loa", &generated_loa, NULL);
  if (generated_loa != NULL)
    g_file_delete_async (generated_loa, G_PRIORITY_LOW, NULL, NULL, NULL);

  porting_job_page_discard_draft (PORTING_JOB_PAGE (self));
  porting_job_page_show_toast (PORTING_JOB_PAGE (self), _("Draft discarded"));
}

/* Asked first: a port-in holds much typing, and its LOA goes too. */
static void
porting_port_in_page_discard_draft (PortingJobPage *page)
{
  PortingPortInPage *self = PORTING_PORT_IN_PAGE (page);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
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
  porting_accessible_fix_tree (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
discard_draft_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  porting_port_in_page_discard_draft (PORTING_JOB_PAGE (widget));
}

static void
on_start_over_clicked (PortingPortInPage *self,
                       GtkButton         *button)
{
  porting_job_page_apply_draft (PORTING_JOB_PAGE (self), NULL);
}

void
porting_port_in_page_correct_request (PortingPortInPage *self,
                                      PortingRequest    *request)
{
  g_autoptr(JsonObject) draft = NULL;
  g_autofree char *message = NULL;
  const char *reason;

  g_return_if_fail (PORTING_IS_PORT_IN_PAGE (self));
  g_return_if_fail (PORTING_IS_REQUEST (request));

  draft = porting_port_in_form_dup_request_draft (request);
  porting_job_page_apply_draft (PORTING_JOB_PAGE (self), draft);
  g_object_set (self->form, "previous-request-id", porting_port_in_form_get_corrected_id (request), NULL);

  reason = porting_request_get_answer_string (request, "reason");
  if (reason != NULL && *reason != '\0')
    message = g_strdup_printf (_("Correct your request: %s"), reason);
  porting_job_page_show_toast (PORTING_JOB_PAGE (self),
                               message != NULL ? message : _("Correct your request and send it again"));
}

/* ---- Object --------------------------------------------------------------- */

/* The state or province list shows the listed regions after "Choose…". */
static gboolean
region_to_position (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  const PortingRegion *region = porting_region_lookup (g_value_get_string (from));
  guint n_listed;
  const PortingRegion *listed = porting_region_get_listed (&n_listed);
  guint position = 0;

  for (guint i = 0; region != NULL && i < n_listed; i++)
    if (&listed[i] == region)
      position = i + 1;

  g_value_set_uint (to, position);
  return TRUE;
}

static gboolean
position_to_region (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  guint n_listed;
  const PortingRegion *listed = porting_region_get_listed (&n_listed);
  guint position = g_value_get_uint (from);

  g_value_set_string (to, position >= 1 && position <= n_listed ? listed[position - 1].code : "");
  return TRUE;
}

static gboolean
proof_kind_to_position (GBinding     *binding,
                        const GValue *from,
                        GValue       *to,
                        gpointer      user_data)
{
  g_value_set_uint (to, g_strcmp0 (g_value_get_string (from), "csr") == 0 ? 1 : 0);
  return TRUE;
}

static gboolean
position_to_proof_kind (GBinding     *binding,
                        const GValue *from,
                        GValue       *to,
                        gpointer      user_data)
{
  g_value_set_string (to, g_value_get_uint (from) == 1 ? "csr" : "invoice");
  return TRUE;
}

static void
bind_visible (PortingPortInPage *self,
              const char        *field,
              gpointer           widget,
              gboolean           invert)
{
  g_object_bind_property (self->form, field, widget, "visible",
                          G_BINDING_SYNC_CREATE | (invert ? G_BINDING_INVERT_BOOLEAN : 0));
}

static void
bind_fields (PortingPortInPage *self)
{
  PortingJobPage *page = PORTING_JOB_PAGE (self);
  g_autoptr(GtkStringList) region_names = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) region_expression =
    gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  const PortingRegion *regions;
  guint n_regions;

  gtk_string_list_append (region_names, _("Choose…"));
  regions = porting_region_get_listed (&n_regions);
  for (guint i = 0; i < n_regions; i++)
    {
      /* Translators: a state or province: "CA — California" */
      g_autofree char *name = g_strdup_printf (_("%s — %s"), regions[i].code, regions[i].name);
      gtk_string_list_append (region_names, name);
    }
  adw_combo_row_set_model (self->region_row, G_LIST_MODEL (region_names));
  adw_combo_row_set_expression (self->region_row, region_expression);

  porting_job_page_bind (page, "numbers", self->numbers_editor, "text");
  porting_job_page_bind (page, "contract", self->contract_check, "active");
  porting_job_page_bind (page, "all-numbers", self->all_numbers_yes_check, "active");
  porting_job_page_bind (page, "partial-port", self->all_numbers_no_check, "active");
  porting_job_page_bind (page, "current-btn", self->current_btn_row, "text");
  porting_job_page_bind (page, "new-btn", self->new_btn_row, "text");
  porting_job_page_bind (page, "import-loa", self->loa_import_check, "active");
  g_object_bind_property (self->form, "import-loa", self->loa_fill_check, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  porting_job_page_bind (page, "customer-name", self->customer_name_row, "text");
  porting_job_page_bind (page, "authorized-person", self->authorized_person_row, "text");
  porting_job_page_bind (page, "street", self->street_row, "text");
  porting_job_page_bind (page, "unit", self->unit_row, "text");
  porting_job_page_bind (page, "city", self->city_row, "text");
  g_object_bind_property_full (self->form, "region", self->region_row, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               region_to_position, position_to_region, NULL, NULL);
  porting_job_page_bind (page, "postal-code", self->postal_code_row, "text");
  porting_job_page_bind (page, "carrier", self->carrier_row, "text");
  porting_job_page_bind (page, "account-number", self->account_number_row, "text");
  porting_job_page_bind (page, "btn", self->btn_row, "text");
  porting_job_page_bind (page, "typed-signature-used", self->typed_signature_switch, "active");
  porting_job_page_bind (page, "typed-signature", self->typed_signature_row, "text");
  g_object_bind_property_full (self->form, "proof-kind", self->proof_kind_row, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               proof_kind_to_position, position_to_proof_kind, NULL, NULL);
  porting_job_page_bind (page, "sms", self->sms_switch, "active");
  porting_job_page_bind (page, "wireless", self->wireless_switch, "active");
  porting_job_page_bind (page, "wireless-account", self->wireless_account_row, "text");
  /* The PIN stays in the form, in memory: never in the draft. */
  porting_job_page_bind (page, "wireless-pin", self->wireless_pin_row, "text");
  porting_job_page_add_message_row (page, "preferred-date", GTK_WIDGET (self->date_row));

  /* The fields that depend on the answers so far. */
  bind_visible (self, "partial-port", self->partial_group, FALSE);
  bind_visible (self, "needs-new-btn", self->new_btn_row, FALSE);
  /* Asked once: a partial port gave it before the LOA. */
  bind_visible (self, "partial-port", self->btn_row, TRUE);
  bind_visible (self, "wireless", self->wireless_group, FALSE);
  bind_visible (self, "import-loa", self->loa_import_group, FALSE);
  bind_visible (self, "import-loa", self->loa_customer_group, TRUE);
  bind_visible (self, "import-loa", self->loa_address_group, TRUE);
  bind_visible (self, "import-loa", self->loa_carrier_group, TRUE);
  bind_visible (self, "import-loa", self->loa_signature_group, TRUE);
  bind_visible (self, "typed-signature-used", self->typed_signature_row, FALSE);
  bind_visible (self, "typed-signature-used", self->signature_frame, TRUE);
  bind_visible (self, "typed-signature-used", self->clear_signature_button, TRUE);
}

static void
porting_port_in_page_finalize (GObject *object)
{
  PortingPortInPage *self = PORTING_PORT_IN_PAGE (object);

  g_clear_object (&self->last_request);
  g_clear_pointer (&self->sent_id, g_free);
  g_clear_error (&self->check_error);
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
  PortingJobPageClass *page_class = PORTING_JOB_PAGE_CLASS (klass);

  object_class->finalize = porting_port_in_page_finalize;
  object_class->get_property = porting_port_in_page_get_property;
  object_class->set_property = porting_port_in_page_set_property;

  page_class->draft_flow = "port-in";
  page_class->form_type = PORTING_TYPE_PORT_IN_FORM;
  page_class->form_changed = porting_port_in_page_form_changed;
  page_class->draft_applied = porting_port_in_page_draft_applied;
  page_class->submit = porting_port_in_page_real_submit;
  page_class->discard_draft = porting_port_in_page_discard_draft;

  properties[PROP_STEP] =
    g_param_spec_uint ("step", NULL, NULL,
                       0, PORTING_PORT_IN_N_STEPS, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PORTING_TYPE_SIGNATURE_PAD);
  g_type_ensure (PORTING_TYPE_CHECK_VIEW);
  g_type_ensure (PORTING_TYPE_NUMBERS_EDITOR);
  g_type_ensure (PORTING_TYPE_DROP_ZONE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Porting/porting-port-in-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PortingPortInPage, name)
  BIND (toast_overlay);
  BIND (step_title_label);
  BIND (step_count_label);
  BIND (step_dots);
  BIND (stack);
  BIND (numbers_editor);
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
  BIND (loa_drop_zone);
  BIND (loa_file_row);
  BIND (proof_group);
  BIND (proof_kind_row);
  BIND (proof_drop_zone);
  BIND (proof_file_row);
  BIND (check_status);
  BIND (check_title_label);
  BIND (check_subtitle_label);
  BIND (check_icon_stack);
  BIND (spelling_button);
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
  BIND (show_request_button);
  BIND (back_button);
  BIND (next_button);
  BIND (submit_button);
  BIND (missing_label);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_international_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_byoc_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_signature_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_submit_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_start_over_clicked);
  _porting_port_in_page_class_init_steps (widget_class);
  _porting_port_in_page_class_init_documents (widget_class);
  _porting_port_in_page_class_init_details (widget_class);

  gtk_widget_class_install_action (widget_class, "port-in.discard-draft", NULL, discard_draft_activated);
}

static void
porting_port_in_page_init (PortingPortInPage *self)
{
  self->review_groups = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->form = PORTING_PORT_IN_FORM (porting_job_page_get_form (PORTING_JOB_PAGE (self)));
  self->numbers_view = porting_numbers_editor_get_text_view (self->numbers_editor);
  self->numbers_list = porting_numbers_editor_get_list (self->numbers_editor);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->numbers_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Numbers to port"),
                                  -1);
  porting_field_set_hint (GTK_WIDGET (self->numbers_view),
                          _("Type or paste the numbers: one per line, separated by commas, or a column copied from a spreadsheet. Any way of writing them works."));
  porting_combo_row_add_type_ahead (self->region_row);

  for (guint i = 0; i < PORTING_PORT_IN_N_STEPS; i++)
    {
      GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_widget_add_css_class (dot, "port-in-step");
      gtk_box_append (self->step_dots, dot);
    }

  bind_fields (self);
  _porting_port_in_page_init_steps (self);

  g_signal_connect_object (self->signature_pad, "changed",
                           G_CALLBACK (on_signature_changed), self, G_CONNECT_SWAPPED);
  gtk_widget_set_sensitive (self->clear_signature_button, !porting_signature_pad_is_empty (self->signature_pad));
  _porting_port_in_page_init_documents (self);
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

  return porting_job_page_get_draft_store (PORTING_JOB_PAGE (self));
}

guint
porting_port_in_page_get_step (PortingPortInPage *self)
{
  g_return_val_if_fail (PORTING_IS_PORT_IN_PAGE (self), 0);

  return MIN (_porting_port_in_page_get_visible_step (self), PORTING_PORT_IN_N_STEPS - 1);
}

void
porting_port_in_page_set_step (PortingPortInPage *self,
                               guint              step)
{
  g_return_if_fail (PORTING_IS_PORT_IN_PAGE (self));

  _porting_port_in_page_show_step (self, step);
}
