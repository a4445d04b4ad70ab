/* porting-review-page-decision.c — support staff: the decision on a request, and the answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the moves the service allows from the request's status are offered
 * (porting_review_get_path()); what is sent is a PortingReview. Approving
 * asks first, saying what the customer will be told; every decision can be
 * undone while its toast is up, and is sent when the toast goes.
 */

#define G_LOG_DOMAIN "porting-review-page"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-accessible.h"
#include "porting-port-date.h"
#include "porting-request-ui.h"
#include "porting-review-page-private.h"
#include "porting-twilio-sid.h"
#include "porting-window.h"

/* A decision: the status it moves the request to, its action and button. */
typedef struct
{
  PortingRequestStatus  status;
  const char           *action;
  gsize                 button_offset;  /* in PortingReviewPage; 0: in the menu */
} Decision;

static const Decision decisions[] = {
  { PORTING_REQUEST_STATUS_APPROVED,             "review.approve",    G_STRUCT_OFFSET (PortingReviewPage, approve_button) },
  { PORTING_REQUEST_STATUS_REJECTED,             "review.reject",     G_STRUCT_OFFSET (PortingReviewPage, reject_button) },
  { PORTING_REQUEST_STATUS_ACTION_REQUIRED,      "review.ask",        G_STRUCT_OFFSET (PortingReviewPage, ask_button) },
  { PORTING_REQUEST_STATUS_SUBMITTED_TO_CARRIER, "review.to-carrier", G_STRUCT_OFFSET (PortingReviewPage, carrier_button) },
  { PORTING_REQUEST_STATUS_SCHEDULED,            "review.schedule",   G_STRUCT_OFFSET (PortingReviewPage, schedule_button) },
  { PORTING_REQUEST_STATUS_COMPLETED,            "review.complete",   G_STRUCT_OFFSET (PortingReviewPage, complete_button) },
  { PORTING_REQUEST_STATUS_CANCELLED,            "review.cancel",     0 },
  { PORTING_REQUEST_STATUS_IN_REVIEW,            "review.restart",    0 },
};

static GtkWidget *
decision_button (PortingReviewPage *self,
                 const Decision    *decision)
{
  return decision->button_offset != 0 ? G_STRUCT_MEMBER (GtkWidget *, self, decision->button_offset) : NULL;
}

static char *
dup_csr_text (PortingReviewPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->csr_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static char *
dup_reason (PortingReviewPage *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));
}

/* The calendar's day as YYYY-MM-DD, or NULL before today (no FOC date in the past). */
static char *
dup_foc_date (PortingReviewPage *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->foc_calendar);
  GDate date;
  GDate today;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                  g_date_time_get_year (day));
  porting_port_date_today (&today);
  if (g_date_compare (&date, &today) < 0)
    return NULL;
  return porting_port_date_to_iso (&date);
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

/* ---- The form ---- */

static gboolean
decision_allowed (PortingReviewPage    *self,
                  PortingRequestStatus  to)
{
  PortingRequestStatus from = porting_request_get_status (self->request);
  PortingRequestStatus path[2];

  /* Deciding starts the review on the way: "in review" is no decision of
   * its own, but for a request the customer corrected. */
  if (to == PORTING_REQUEST_STATUS_IN_REVIEW && from != PORTING_REQUEST_STATUS_ACTION_REQUIRED)
    return FALSE;
  return porting_review_get_path (from, to, path) > 0;
}

/* Whether the answer lets the request be approved; @hint says what is missing. */
static gboolean
check_answer (PortingReviewPage  *self,
              const char        **hint,
              char              **sid_message)
{
  gboolean can_approve = TRUE;

  if (_porting_review_needs_provider_sid (self->request))
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->provider_sid_row));
      g_autofree char *sid = NULL;

      if (porting_twilio_sid_classify (text, &sid, sid_message) != PORTING_SID_KIND_ACCOUNT_SID)
        {
          can_approve = FALSE;
          *hint = _("To approve, give our Twilio account SID for the customer’s transfer ticket.");
        }
      else if (g_ascii_strcasecmp (sid, porting_request_get_string (self->request, "twilio_account_sid") ?: "") == 0)
        {
          /* A transfer between one account and itself goes nowhere. */
          can_approve = FALSE;
          *sid_message = g_strdup (_("This is the customer’s own account SID: give ours."));
          *hint = _("To approve, give our Twilio account SID for the customer’s transfer ticket.");
        }
      if (porting_text_is_blank (text))
        g_clear_pointer (sid_message, g_free);
    }
  else if (_porting_review_needs_subaccount_sid (self->request))
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->subaccount_sid_row));

      if (porting_twilio_sid_classify (text, NULL, sid_message) != PORTING_SID_KIND_ACCOUNT_SID)
        {
          can_approve = FALSE;
          *hint = _("To approve, give the subaccount SID the numbers move to.");
        }
      if (porting_text_is_blank (text))
        g_clear_pointer (sid_message, g_free);
    }
  else if (_porting_review_needs_csr (self->request))
    {
      g_autofree char *csr = dup_csr_text (self);

      if (porting_text_is_blank (csr))
        {
          can_approve = FALSE;
          *hint = _("To approve, write the CSR information the new provider needs.");
        }
    }

  if (can_approve && _porting_review_page_has_documents (self) &&
      !(gtk_switch_get_active (self->name_switch) && gtk_switch_get_active (self->address_switch)))
    {
      can_approve = FALSE;
      *hint = _("To approve, confirm that the name and the address match in both documents.");
    }

  return can_approve;
}

static void
show_sid_message (PortingReviewPage *self,
                  const char        *sid_message)
{
  gtk_widget_set_visible (GTK_WIDGET (self->sid_error_label), sid_message != NULL);
  gtk_label_set_label (self->sid_error_label, sid_message != NULL ? sid_message : "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->provider_sid_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->subaccount_sid_row), "error");
  if (sid_message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (_porting_review_needs_provider_sid (self->request) ? self->provider_sid_row
                                                                                            : self->subaccount_sid_row),
                              "error");
}

void
_porting_review_page_update_form (PortingReviewPage *self)
{
  g_autofree char *sid_message = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *foc_date = NULL;
  const char *hint = NULL;
  gboolean can_approve;
  gboolean has_reason;

  if (self->request == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (decisions); i++)
        gtk_widget_action_set_enabled (GTK_WIDGET (self), decisions[i].action, FALSE);
      return;
    }

  can_approve = check_answer (self, &hint, &sid_message);
  show_sid_message (self, sid_message);
  reason = dup_reason (self);
  has_reason = !porting_text_is_blank (reason);
  foc_date = dup_foc_date (self);

  for (guint i = 0; i < G_N_ELEMENTS (decisions); i++)
    {
      const Decision *decision = &decisions[i];
      gboolean allowed = decision_allowed (self, decision->status);
      gboolean ready = TRUE;
      GtkWidget *button = decision_button (self, decision);

      switch (decision->status)
        {
        case PORTING_REQUEST_STATUS_APPROVED:
          ready = can_approve;
          break;
        case PORTING_REQUEST_STATUS_REJECTED:
        case PORTING_REQUEST_STATUS_ACTION_REQUIRED:
          /* The customer is told why, and what to do. */
          ready = has_reason;
          break;
        case PORTING_REQUEST_STATUS_SCHEDULED:
          ready = foc_date != NULL;
          break;
        default:
          break;
        }

      if (button != NULL)
        gtk_widget_set_visible (button, allowed);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), decision->action, allowed && ready && !self->reviewing);
    }
  /* The schedule button opens the calendar; its own button sends. */
  gtk_widget_set_sensitive (self->schedule_button, !self->reviewing);
  gtk_widget_set_visible (self->more_button,
                          decision_allowed (self, PORTING_REQUEST_STATUS_CANCELLED) ||
                          decision_allowed (self, PORTING_REQUEST_STATUS_IN_REVIEW));

  if (self->reviewing)
    hint = self->pending_review != NULL ? _("Sent when the toast goes: undo it there.") : _("Sending…");
  else if (!decision_allowed (self, PORTING_REQUEST_STATUS_APPROVED) || can_approve)
    hint = !has_reason && (decision_allowed (self, PORTING_REQUEST_STATUS_REJECTED) ||
                           decision_allowed (self, PORTING_REQUEST_STATUS_ACTION_REQUIRED))
           ? _("To reject or ask the customer for more, give the reason they will read.") : NULL;
  gtk_label_set_label (self->hint_label, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL);

  /* Only what this request can use. */
  gtk_widget_set_visible (GTK_WIDGET (self->provider_sid_row), _porting_review_needs_provider_sid (self->request));
  gtk_widget_set_visible (GTK_WIDGET (self->subaccount_sid_row), _porting_review_needs_subaccount_sid (self->request));
  gtk_widget_set_visible (self->csr_box, _porting_review_needs_csr (self->request) &&
                                         decision_allowed (self, PORTING_REQUEST_STATUS_APPROVED));
}

void
_porting_review_page_reset_form (PortingReviewPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_editable_set_text (GTK_EDITABLE (self->provider_sid_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->subaccount_sid_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->csr_view), "", -1);
  gtk_switch_set_active (self->name_switch, FALSE);
  gtk_switch_set_active (self->address_switch, FALSE);
  adw_action_row_set_subtitle (self->name_row, "");
  adw_action_row_set_subtitle (self->address_row, "");
  gtk_calendar_select_day (self->foc_calendar, now);
}

static void
on_form_changed (PortingReviewPage *self)
{
  _porting_review_page_update_form (self);
}

/* ---- What is sent ---- */

static PortingReview *
build_review (PortingReviewPage    *self,
              PortingRequestStatus  status)
{
  g_autoptr(PortingReview) review = NULL;
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  g_autofree char *reason = dup_reason (self);

  switch (status)
    {
    case PORTING_REQUEST_STATUS_APPROVED:
      review = porting_review_new (PORTING_REVIEW_DECISION_APPROVE);
      break;
    case PORTING_REQUEST_STATUS_REJECTED:
      review = porting_review_new (PORTING_REVIEW_DECISION_REJECT);
      break;
    case PORTING_REQUEST_STATUS_ACTION_REQUIRED:
      review = porting_review_new (PORTING_REVIEW_DECISION_ACTION_REQUIRED);
      break;
    case PORTING_REQUEST_STATUS_CANCELLED:
      review = porting_review_new (PORTING_REVIEW_DECISION_CANCEL);
      break;
    case PORTING_REQUEST_STATUS_IN_REVIEW:
      review = porting_review_new (PORTING_REVIEW_DECISION_IN_REVIEW);
      break;
    default:
      review = porting_review_new_for_status (status);
      break;
    }

  /* What staff said about the documents goes with the first decision on them. */
  if (_porting_review_page_has_documents (self) &&
      (status == PORTING_REQUEST_STATUS_APPROVED || status == PORTING_REQUEST_STATUS_REJECTED ||
       status == PORTING_REQUEST_STATUS_ACTION_REQUIRED))
    {
      PortingCheckResult *result = porting_check_view_get_result (self->check_view);

      porting_review_set_name_match (review, gtk_switch_get_active (self->name_switch)
                                             ? PORTING_REVIEW_MATCH_CONFIRMED : PORTING_REVIEW_MATCH_REJECTED);
      porting_review_set_address_match (review, gtk_switch_get_active (self->address_switch)
                                                ? PORTING_REVIEW_MATCH_CONFIRMED : PORTING_REVIEW_MATCH_REJECTED);
      if (result != NULL)
        porting_review_set_verdict (review, porting_check_verdict_to_string (porting_check_result_get_verdict (result)));
    }

  if (status == PORTING_REQUEST_STATUS_APPROVED)
    {
      g_autofree char *sid = NULL;

      if (_porting_review_needs_provider_sid (self->request) &&
          porting_twilio_sid_classify (gtk_editable_get_text (GTK_EDITABLE (self->provider_sid_row)),
                                       &sid, NULL) == PORTING_SID_KIND_ACCOUNT_SID)
        porting_review_set_answer (review, "provider_account_sid", sid);
      else if (_porting_review_needs_subaccount_sid (self->request) &&
               porting_twilio_sid_classify (gtk_editable_get_text (GTK_EDITABLE (self->subaccount_sid_row)),
                                            &sid, NULL) == PORTING_SID_KIND_ACCOUNT_SID)
        porting_review_set_answer (review, "subaccount_sid", sid);
      else if (_porting_review_needs_csr (self->request))
        {
          g_autofree char *csr = dup_csr_text (self);

          porting_review_set_answer (review, "csr", csr);
        }
    }
  else if ((status == PORTING_REQUEST_STATUS_REJECTED || status == PORTING_REQUEST_STATUS_ACTION_REQUIRED) &&
           !porting_text_is_blank (reason))
    {
      porting_review_set_answer (review, "reason", reason);
    }

  if (status == PORTING_REQUEST_STATUS_SCHEDULED)
    {
      g_autofree char *foc_date = dup_foc_date (self);

      porting_review_set_foc_date (review, foc_date);
    }

  if (!porting_text_is_blank (note))
    {
      g_autofree char *stripped = g_strstrip (g_strdup (note));

      porting_review_set_note (review, stripped);
    }

  return g_steal_pointer (&review);
}

/* ---- Sending, once the undo window has gone ---- */

static void add_toast (PortingReviewPage *self,
                       AdwToast          *toast);

static void
review_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PortingReviewPage) self = user_data;
  g_autoptr(PortingRequest) reviewed = NULL;
  g_autoptr(GError) error = NULL;
  gboolean still_open;

  reviewed = porting_intake_client_review_finish (PORTING_INTAKE_CLIENT (object), result, &error);
  self->reviewing = FALSE;

  if (reviewed == NULL)
    {
      g_autofree char *title = NULL;

      /* Translators: %s says why the service did not take the decision */
      title = g_strdup_printf (_("Not saved: %s"), error->message);
      add_toast (self, adw_toast_new (title));
      /* Another reviewer moved it meanwhile: show where it stands. */
      if (g_error_matches (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_CONFLICT))
        _porting_review_page_reload_request (self);
      _porting_review_page_update_form (self);
      return;
    }

  still_open = self->request != NULL &&
               g_strcmp0 (porting_request_get_id (self->request), porting_request_get_id (reviewed)) == 0;
  if (still_open)
    {
      _porting_review_page_close_request (self);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  else
    {
      _porting_review_page_update_form (self);
    }
  porting_review_page_refresh (self);
}

static void
take_pending (PortingReviewPage    *self,
              PortingReview       **review,
              PortingIntakeClient **client,
              char                **id)
{
  *review = g_steal_pointer (&self->pending_review);
  *client = g_steal_pointer (&self->pending_client);
  *id = g_steal_pointer (&self->pending_id);
  if (self->undo_toast != NULL)
    g_signal_handlers_disconnect_by_data (self->undo_toast, self);
  g_clear_object (&self->undo_toast);
}

static void
send_pending (PortingReviewPage *self)
{
  g_autoptr(PortingReview) review = NULL;
  g_autoptr(PortingIntakeClient) client = NULL;
  g_autofree char *id = NULL;

  take_pending (self, &review, &client, &id);
  if (review == NULL)
    return;

  /* Made: it goes even if staff open another request meanwhile. */
  porting_intake_client_send_review_async (client, id, review, NULL, review_cb, g_object_ref (self));
}

static void
flushed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PortingRequest) reviewed = NULL;
  g_autoptr(GError) error = NULL;

  reviewed = porting_intake_client_review_finish (PORTING_INTAKE_CLIENT (object), result, &error);
  if (reviewed == NULL)
    g_warning ("A decision made before the review page went was not saved: %s", error->message);
}

void
_porting_review_page_flush_pending (PortingReviewPage *self)
{
  g_autoptr(PortingReview) review = NULL;
  g_autoptr(PortingIntakeClient) client = NULL;
  g_autofree char *id = NULL;
  g_autoptr(AdwToast) toast = self->undo_toast != NULL ? g_object_ref (self->undo_toast) : NULL;

  take_pending (self, &review, &client, &id);
  if (toast != NULL)
    adw_toast_dismiss (toast);
  if (review == NULL)
    return;

  self->reviewing = FALSE;
  porting_intake_client_send_review_async (client, id, review, NULL, flushed_cb, NULL);
}

static void
on_undo_dismissed (PortingReviewPage *self,
                   AdwToast          *toast)
{
  if (toast == self->undo_toast)
    send_pending (self);
}

static void
on_undo_clicked (PortingReviewPage *self,
                 AdwToast          *toast)
{
  g_autoptr(PortingReview) review = NULL;
  g_autoptr(PortingIntakeClient) client = NULL;
  g_autofree char *id = NULL;

  if (toast != self->undo_toast)
    return;

  take_pending (self, &review, &client, &id);
  self->reviewing = FALSE;
  _porting_review_page_update_form (self);
}

static void
add_toast (PortingReviewPage *self,
           AdwToast          *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else if (PORTING_IS_WINDOW (root))
    porting_window_add_toast (PORTING_WINDOW (root), toast);
  else
    g_object_unref (toast);
}

static char *
dup_decision_title (PortingRequestStatus  status,
                    const char           *reference)
{
  switch (status)
    {
    case PORTING_REQUEST_STATUS_APPROVED:
      /* Translators: %s is the request number, PRT-7K3F-Q2 */
      return g_strdup_printf (_("%s approved"), reference);
    case PORTING_REQUEST_STATUS_REJECTED:
      /* Translators: %s is the request number, PRT-7K3F-Q2 */
      return g_strdup_printf (_("%s rejected"), reference);
    case PORTING_REQUEST_STATUS_ACTION_REQUIRED:
      /* Translators: %s is the request number, PRT-7K3F-Q2 */
      return g_strdup_printf (_("%s: the customer is asked for more"), reference);
    case PORTING_REQUEST_STATUS_SUBMITTED_TO_CARRIER:
      /* Translators: %s is the request number, PRT-7K3F-Q2 */
      return g_strdup_printf (_("%s is with the carrier"), reference);
    case PORTING_REQUEST_STATUS_SCHEDULED:
      /* Translators: %s is the request number, PRT-7K3F-Q2 */
      return g_strdup_printf (_("%s scheduled"), reference);
    case PORTING_REQUEST_STATUS_COMPLETED:
      /* Translators: %s is the request number, PRT-7K3F-Q2 */
      return g_strdup_printf (_("%s completed"), reference);
    case PORTING_REQUEST_STATUS_CANCELLED:
      /* Translators: %s is the request number, PRT-7K3F-Q2 */
      return g_strdup_printf (_("%s cancelled"), reference);
    case PORTING_REQUEST_STATUS_IN_REVIEW:
    default:
      /* Translators: %s is the request number, PRT-7K3F-Q2 */
      return g_strdup_printf (_("%s is in review again"), reference);
    }
}

/* The decision waits while its toast is up: Undo takes it back. */
static void
decide (PortingReviewPage    *self,
        PortingRequestStatus  status)
{
  g_autoptr(PortingReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  PortingIntakeClient *client = _porting_review_page_get_client (self);
  AdwToast *toast;

  if (self->request == NULL || self->reviewing || client == NULL || !decision_allowed (self, status))
    return;

  review = build_review (self, status);
  if (!porting_review_validate (review, NULL, &error))
    {
      add_toast (self, adw_toast_new (error->message));
      return;
    }

  self->pending_review = g_steal_pointer (&review);
  self->pending_client = g_object_ref (client);
  self->pending_id = g_strdup (porting_request_get_id (self->request));
  self->reviewing = TRUE;
  _porting_review_page_update_form (self);

  title = dup_decision_title (status, porting_request_get_display_reference (self->request));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, self->undo_seconds);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  self->undo_toast = g_object_ref (toast);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_undo_dismissed), self, G_CONNECT_SWAPPED);
  add_toast (self, toast);
}

/* ---- Approving: what the customer will be told, first ---- */

static char *
dup_approval_message (PortingReviewPage *self)
{
  g_autoptr(PortingRequest) approved = porting_request_copy (self->request);
  g_autoptr(PortingReview) review = build_review (self, PORTING_REQUEST_STATUS_APPROVED);
  g_autoptr(JsonObject) answer = porting_review_dup_answer_object (review);
  g_autoptr(GString) message = g_string_new (NULL);
  g_autofree char *explanation = NULL;
  const char *note = porting_review_get_note (review);
  const char *csr = porting_review_get_answer (review, "csr");
  const char *subaccount = porting_review_get_answer (review, "subaccount_sid");

  porting_request_set_status (approved, PORTING_REQUEST_STATUS_APPROVED);
  if (answer != NULL)
    porting_request_set_answer (approved, answer);
  explanation = porting_request_dup_status_explanation (approved);

  /* Translators: %s is what the Requests page will say to the customer */
  g_string_append_printf (message, _("The customer will be told: “%s”"), explanation);
  /* The check's word against it, when it found what carriers reject. */
  {
    PortingCheckResult *result = _porting_review_page_has_documents (self)
                                 ? porting_check_view_get_result (self->check_view) : NULL;

    if (result != NULL && porting_check_result_get_verdict (result) == PORTING_CHECK_VERDICT_MISMATCH)
      {
        g_autofree char *summary = porting_check_result_dup_summary (result);

        /* Translators: %s says what differs, e.g. "The account number does not match." */
        g_string_append_printf (message, "\n\n%s", summary);
      }
  }
  if (subaccount != NULL)
    /* Translators: %s is a Twilio subaccount SID */
    g_string_append_printf (message, "\n\n%s", _("With the subaccount SID to give the new provider."));
  if (csr != NULL)
    g_string_append_printf (message, "\n\n%s", _("With the CSR information you wrote, to give the new provider."));
  if (note != NULL)
    /* Translators: %s is the note staff wrote for the customer */
    g_string_append_printf (message, "\n\n%s", note);
  return g_string_free (g_steal_pointer (&message), FALSE);
}

static void
approve_response_cb (AdwMessageDialog  *dialog,
                     const char        *response,
                     PortingReviewPage *self)
{
  if (g_strcmp0 (response, "approve") == 0)
    decide (self, PORTING_REQUEST_STATUS_APPROVED);
}

static void
ask_approval (PortingReviewPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->request == NULL || self->reviewing)
    return;

  /* Translators: %s is the request number, PRT-7K3F-Q2 */
  heading = g_strdup_printf (_("Approve %s?"), porting_request_get_display_reference (self->request));
  body = dup_approval_message (self);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "approve", _("_Approve"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "approve", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "approve");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (approve_response_cb), self, 0);
  porting_accessible_fix_tree (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Every decision's action: approving asks first, scheduling closes its calendar. */
static void
decide_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PortingReviewPage *self = PORTING_REVIEW_PAGE (widget);

  for (guint i = 0; i < G_N_ELEMENTS (decisions); i++)
    {
      if (!g_str_equal (action_name, decisions[i].action))
        continue;

      if (decisions[i].status == PORTING_REQUEST_STATUS_APPROVED)
        {
          ask_approval (self);
          return;
        }
      if (decisions[i].status == PORTING_REQUEST_STATUS_SCHEDULED)
        gtk_popover_popdown (self->schedule_popover);
      decide (self, decisions[i].status);
      return;
    }
}

void
_porting_review_page_class_init_decision (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed);
  for (guint i = 0; i < G_N_ELEMENTS (decisions); i++)
    gtk_widget_class_install_action (widget_class, decisions[i].action, NULL, decide_activated);
}
