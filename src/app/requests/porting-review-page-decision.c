/* porting-review-page-decision.c — support staff: the decision on a request, and the answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-review-page"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-request-ui.h"
#include "porting-review-page-private.h"
#include "porting-twilio-sid.h"

static char *
dup_csr_text (PortingReviewPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->csr_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/* ---- What the answer must hold for this kind of request ---- */

gboolean
_porting_review_needs_provider_sid (PortingRequest *request)
{
  return porting_request_get_kind (request) == PORTING_REQUEST_KIND_TWILIO_TRANSFER;
}

gboolean
_porting_review_needs_subaccount_sid (PortingRequest *request)
{
  return porting_request_get_kind (request) == PORTING_REQUEST_KIND_PORT_OUT &&
         porting_request_get_boolean (request, "gaining_is_twilio");
}

gboolean
_porting_review_needs_csr (PortingRequest *request)
{
  return porting_request_get_kind (request) == PORTING_REQUEST_KIND_PORT_OUT &&
         !porting_request_get_boolean (request, "gaining_is_twilio");
}

gboolean
_porting_review_page_has_documents (PortingReviewPage *self)
{
  return self->loa != NULL || self->proof != NULL;
}

/* ---- The form ---- */

void
_porting_review_page_update_form (PortingReviewPage *self)
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

  if (_porting_review_needs_provider_sid (self->request))
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
  else if (_porting_review_needs_subaccount_sid (self->request))
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
  else if (_porting_review_needs_csr (self->request))
    {
      csr = dup_csr_text (self);
      if (porting_text_is_blank (csr))
        {
          can_approve = FALSE;
          hint = _("To approve, write the CSR information the new provider needs.");
        }
    }

  if (can_approve && _porting_review_page_has_documents (self) &&
      !(gtk_switch_get_active (self->name_switch) && gtk_switch_get_active (self->address_switch)))
    {
      can_approve = FALSE;
      hint = _("To approve, confirm that the name and the address match in both documents.");
    }

  gtk_widget_set_visible (GTK_WIDGET (self->sid_error_label), sid_message != NULL);
  gtk_label_set_label (self->sid_error_label, sid_message != NULL ? sid_message : "");
  if (sid_message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (_porting_review_needs_provider_sid (self->request) ? self->provider_sid_row
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
  _porting_review_page_update_form (self);
}

/* ---- Sending the review ---- */

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
      _porting_review_page_update_form (self);
      return;
    }

  porting_widget_add_toast (GTK_WIDGET (self),
                            porting_request_get_status (reviewed) == PORTING_REQUEST_STATUS_REJECTED
                            ? _("Request rejected")
                            : _("Request approved"));
  _porting_review_page_close_request (self);
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

  if (_porting_review_page_has_documents (self))
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

      if (_porting_review_needs_provider_sid (self->request) &&
          porting_twilio_sid_classify (gtk_editable_get_text (GTK_EDITABLE (self->provider_sid_row)),
                                       &sid, NULL) == PORTING_SID_KIND_ACCOUNT_SID)
        json_object_set_string_member (answer, "provider_account_sid", sid);
      else if (_porting_review_needs_subaccount_sid (self->request) &&
               porting_twilio_sid_classify (gtk_editable_get_text (GTK_EDITABLE (self->subaccount_sid_row)),
                                            &sid, NULL) == PORTING_SID_KIND_ACCOUNT_SID)
        json_object_set_string_member (answer, "subaccount_sid", sid);
      else if (_porting_review_needs_csr (self->request))
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
  _porting_review_page_update_form (self);
  porting_intake_client_review_async (_porting_review_page_get_client (self),
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

void
_porting_review_page_class_init_decision (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed);
  gtk_widget_class_install_action (widget_class, "review.approve", NULL, approve_activated);
  gtk_widget_class_install_action (widget_class, "review.reject", NULL, reject_activated);
}
