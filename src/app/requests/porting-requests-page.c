/* porting-requests-page.c — the customer's requests and where each stands
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-requests-page"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-accessible.h"
#include "porting-intake-monitor.h"
#include "porting-request-row.h"
#include "porting-request-ui.h"
#include "porting-requests-page.h"

#define REFRESH_INTERVAL_SECONDS 60

struct _PortingRequestsPage
{
  GtkWidget             parent_instance;

  PortingIntakeMonitor *monitor;
  GCancellable         *cancellable;
  GPtrArray            *requests;        /* of PortingRequest, newest first */
  PortingRequest       *shown;           /* in the details */
  char                 *pending_id;      /* to show once listed */

  /* Template widgets */
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  AdwStatusPage        *no_token_page;
  GtkListBox           *list_box;
  GtkLabel             *refresh_error_label;
  GtkWidget            *back_button;
  GtkLabel             *details_title;
  GtkLabel             *details_subtitle;
  AdwActionRow         *status_row;
  GtkImage             *status_icon;
  AdwActionRow         *foc_row;
  GtkWidget            *answer_group;
  AdwActionRow         *provider_sid_row;
  GtkWidget            *copy_provider_sid_button;
  AdwActionRow         *subaccount_sid_row;
  AdwActionRow         *csr_row;
  AdwActionRow         *reason_row;
  AdwActionRow         *note_row;
  GtkWidget            *correct_button;
  AdwActionRow         *id_row;
  AdwActionRow         *numbers_row;
  AdwActionRow         *created_row;
  GtkListBox           *history_list;
};

G_DEFINE_FINAL_TYPE (PortingRequestsPage, porting_requests_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_LOADING,
  PROP_CAN_GO_BACK,
  N_PROPS
};

enum {
  CORRECT_REQUEST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_property_row (AdwActionRow *row,
                  const char   *value)
{
  gboolean has_value = value != NULL && *value != '\0';

  gtk_widget_set_visible (GTK_WIDGET (row), has_value);
  adw_action_row_set_subtitle (row, has_value ? value : "");
}

static PortingRequest *
find_request (PortingRequestsPage *self,
              const char          *id)
{
  for (guint i = 0; self->requests != NULL && i < self->requests->len; i++)
    {
      PortingRequest *request = g_ptr_array_index (self->requests, i);

      if (g_strcmp0 (porting_request_get_id (request), id) == 0)
        return request;
    }
  return NULL;
}

/* Details */

static void
porting_requests_page_update_details (PortingRequestsPage *self)
{
  PortingRequest *request = self->shown;
  PortingRequestStatus status = porting_request_get_status (request);
  PortingRequestKind kind = porting_request_get_kind (request);
  const char *style = porting_request_status_get_style_class (status);
  g_autofree char *numbers = porting_request_dup_numbers_text (request);
  g_autofree char *created = porting_request_format_date_time (porting_request_get_created_at (request));
  JsonArray *history = porting_request_get_history (request);
  const char *foc_date = porting_request_get_foc_date (request);
  const char *provider_sid = porting_request_get_answer_string (request, "provider_account_sid");
  const char *subaccount_sid = porting_request_get_answer_string (request, "subaccount_sid");
  const char *csr = porting_request_get_answer_string (request, "csr");
  const char *reason = porting_request_get_answer_string (request, "reason");
  const char *note = porting_request_get_staff_note (request);
  g_autofree char *explanation = porting_request_dup_status_explanation (request);

  gtk_label_set_label (self->details_title, porting_request_kind_get_title (kind));
  gtk_label_set_label (self->details_subtitle, numbers);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), porting_request_status_get_title (status));
  adw_action_row_set_subtitle (self->status_row, explanation);
  gtk_image_set_from_icon_name (self->status_icon, porting_request_status_get_icon_name (status));
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "error");
  if (style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), style);

  if (foc_date != NULL)
    {
      g_autofree char *date = porting_request_format_date (foc_date);

      set_property_row (self->foc_row, date);
    }
  else
    {
      set_property_row (self->foc_row, NULL);
    }

  set_property_row (self->provider_sid_row, provider_sid);
  set_property_row (self->subaccount_sid_row, subaccount_sid);
  set_property_row (self->csr_row, csr);
  set_property_row (self->reason_row, reason);
  set_property_row (self->note_row, note);
  gtk_widget_set_visible (self->answer_group,
                          provider_sid != NULL || subaccount_sid != NULL || csr != NULL || reason != NULL ||
                          note != NULL);

  gtk_widget_set_visible (self->correct_button, status == PORTING_REQUEST_STATUS_REJECTED);

  set_property_row (self->id_row, porting_request_get_display_reference (request));
  set_property_row (self->numbers_row, numbers);
  set_property_row (self->created_row, created);

  porting_list_box_remove_all (self->history_list);
  for (guint i = 0; history != NULL && i < json_array_get_length (history); i++)
    {
      JsonNode *node = json_array_get_element (history, i);
      GtkWidget *row = porting_history_row_new (JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL,
                                                FALSE);

      /* Newest first, like the list. */
      if (row != NULL)
        gtk_list_box_prepend (self->history_list, row);
    }
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->history_list)),
                          gtk_widget_get_first_child (GTK_WIDGET (self->history_list)) != NULL);
}

gboolean
porting_requests_page_show_request (PortingRequestsPage *self,
                                    const char          *id)
{
  PortingRequest *request;

  g_return_val_if_fail (PORTING_IS_REQUESTS_PAGE (self), FALSE);

  request = find_request (self, id);
  if (request == NULL)
    return FALSE;

  g_set_object (&self->shown, request);
  porting_requests_page_update_details (self);
  gtk_stack_set_visible_child_name (self->stack, "details");
  gtk_widget_grab_focus (self->back_button);

  return TRUE;
}

void
porting_requests_page_open_request (PortingRequestsPage *self,
                                    const char          *id)
{
  g_return_if_fail (PORTING_IS_REQUESTS_PAGE (self));
  g_return_if_fail (id != NULL);

  g_clear_pointer (&self->pending_id, g_free);
  if (porting_requests_page_show_request (self, id))
    {
      /* A notification says it changed: show what it is now. */
      porting_requests_page_refresh (self);
      return;
    }

  self->pending_id = g_strdup (id);
  porting_requests_page_refresh (self);
}

/* List */

#define OUTBOX_ROW_PREFIX "outbox:"

static void porting_requests_page_update_outbox_rows (PortingRequestsPage *self);

static void
pin_entry_changed_cb (GtkEditable      *entry,
                      AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "send",
                                           !porting_text_is_blank (gtk_editable_get_text (entry)));
}

static void
pin_response_cb (AdwMessageDialog    *dialog,
                 const char          *response,
                 PortingRequestsPage *self)
{
  PortingIntakeSession *session = porting_requests_page_get_session (self);
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "pin-row");
  const char *key = g_object_get_data (G_OBJECT (dialog), "idempotency-key");

  if (g_strcmp0 (response, "send") == 0 && session != NULL &&
      !porting_text_is_blank (gtk_editable_get_text (entry)))
    {
      /* In memory only, like a PIN typed in the port-in form. */
      porting_outbox_provide_pin (porting_intake_session_get_outbox (session), key,
                                  gtk_editable_get_text (entry));
      porting_intake_session_flush_outbox (session);
      porting_requests_page_update_outbox_rows (self);
    }
  gtk_editable_set_text (entry, "");
}

/* A wireless request kept from an earlier run lost its PIN on purpose: the
 * PIN is never written to disk. Ask for it again instead of waiting forever. */
static void
on_enter_pin_clicked (GtkButton           *button,
                      PortingRequestsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *numbers = g_object_get_data (G_OBJECT (button), "numbers");
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *list;
  GtkWidget *entry;

  /* Translators: %s lists the phone numbers of the request */
  body = g_strdup_printf (_("The port-out PIN or passcode of the wireless account for %s is never saved on this "
                            "computer. Enter it again to send the request."), numbers);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Enter the Wireless PIN"), body);
  /* A row, as in the port-in form; GTK 4.8's GtkPasswordEntry crashes when
   * a dialog is destroyed while it has the focus. */
  entry = adw_password_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Port-out PIN or passcode"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (entry), TRUE);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  g_object_set_data (G_OBJECT (dialog), "pin-row", entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "send", _("_Send"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "send", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "send", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "send");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "idempotency-key",
                          g_strdup (g_object_get_data (G_OBJECT (button), "idempotency-key")), g_free);
  g_signal_connect_object (entry, "changed", G_CALLBACK (pin_entry_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (pin_response_cb), self, 0);
  porting_accessible_fix_tree (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Requests kept on this computer until the service can be reached. */
static void
porting_requests_page_update_outbox_rows (PortingRequestsPage *self)
{
  PortingIntakeSession *session = porting_requests_page_get_session (self);
  g_autoptr(GPtrArray) items = NULL;
  GtkWidget *child;

  child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (g_str_has_prefix (gtk_widget_get_name (child), OUTBOX_ROW_PREFIX))
        gtk_list_box_remove (self->list_box, child);
      child = next;
    }

  if (session == NULL)
    return;

  items = porting_outbox_list (porting_intake_session_get_outbox (session));
  for (guint i = 0; i < items->len; i++)
    {
      PortingOutboxItem *item = g_ptr_array_index (items, i);
      g_autofree char *numbers = porting_request_dup_numbers_text (item->request);
      g_autofree char *saved = porting_request_format_date (item->queued_at);
      g_autofree char *subtitle = NULL;
      g_autofree char *name = g_strconcat (OUTBOX_ROW_PREFIX, item->idempotency_key, NULL);
      GtkWidget *row = adw_action_row_new ();

      if (porting_request_needs_pin (item->request))
        /* Translators: "+15105550142 · Saved 27 November 2026 · …" */
        subtitle = g_strdup_printf (_("%s · Saved %s · Sent once you enter the wireless PIN"),
                                    numbers != NULL ? numbers : "", saved);
      else
        /* Translators: "+15105550142 · Saved 27 November 2026" */
        subtitle = g_strdup_printf (_("%s · Saved %s"), numbers != NULL ? numbers : "", saved);
      gtk_widget_set_name (row, name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     porting_request_kind_get_title (porting_request_get_kind (item->request)));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      if (porting_request_needs_pin (item->request))
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("Enter _PIN…"));

          gtk_widget_set_tooltip_text (row, _("Saved on this computer without its PIN: enter the PIN to send it."));
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          g_object_set_data_full (G_OBJECT (button), "idempotency-key", g_strdup (item->idempotency_key), g_free);
          g_object_set_data_full (G_OBJECT (button), "numbers", g_strdup (numbers != NULL ? numbers : ""), g_free);
          g_signal_connect_object (button, "clicked", G_CALLBACK (on_enter_pin_clicked), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      else
        {
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

          gtk_widget_set_tooltip_text (row, _("Saved on this computer: it will be sent when the service can be reached."));
          gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
          gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("network-offline-symbolic"));
          gtk_box_append (GTK_BOX (box), gtk_label_new (_("Waiting to send")));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
        }
      /* Newest first, above what the service has. */
      gtk_list_box_prepend (self->list_box, row);
    }
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  PortingRequest *request_a = *(PortingRequest **) a;
  PortingRequest *request_b = *(PortingRequest **) b;

  /* ISO 8601 in UTC sorts as text. */
  return g_strcmp0 (porting_request_get_created_at (request_b), porting_request_get_created_at (request_a));
}

static void
porting_requests_page_show_no_token (PortingRequestsPage *self,
                                     const char          *description)
{
  g_clear_pointer (&self->requests, g_ptr_array_unref);
  g_clear_object (&self->shown);
  porting_list_box_remove_all (self->list_box);
  adw_status_page_set_description (self->no_token_page, description);
  gtk_stack_set_visible_child_name (self->stack, "no-token");
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(PortingRequestsPage) self = user_data;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GError) error = NULL;
  const char *visible;

  requests = porting_intake_client_list_finish (PORTING_INTAKE_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  visible = gtk_stack_get_visible_child_name (self->stack);

  if (requests == NULL)
    {
      if (g_error_matches (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_UNAUTHORIZED))
        {
          porting_requests_page_show_no_token (self, error->message);
          return;
        }

      /* A list already shown stays, with a line saying it may be old. */
      if (g_strcmp0 (visible, "list") == 0 || g_strcmp0 (visible, "details") == 0)
        {
          g_autofree char *text = NULL;

          /* Translators: %s says why the list could not be refreshed */
          text = g_strdup_printf (_("This list may be out of date: %s"), error->message);
          gtk_label_set_label (self->refresh_error_label, text);
          gtk_widget_set_visible (GTK_WIDGET (self->refresh_error_label), TRUE);
          porting_requests_page_update_outbox_rows (self);
          if (g_strcmp0 (visible, "details") == 0)
            gtk_stack_set_visible_child_name (self->stack, "list");
          return;
        }

      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->refresh_error_label), FALSE);
  g_ptr_array_sort (requests, compare_newest_first);
  g_clear_pointer (&self->requests, g_ptr_array_unref);
  self->requests = g_ptr_array_ref (requests);

  porting_list_box_remove_all (self->list_box);
  for (guint i = 0; i < requests->len; i++)
    gtk_list_box_append (self->list_box, porting_request_row_new (g_ptr_array_index (requests, i), FALSE));
  porting_requests_page_update_outbox_rows (self);

  if (self->pending_id != NULL)
    {
      g_autofree char *id = g_steal_pointer (&self->pending_id);

      if (porting_requests_page_show_request (self, id))
        return;
    }

  if (g_strcmp0 (visible, "details") == 0 && self->shown != NULL)
    {
      PortingRequest *fresh = find_request (self, porting_request_get_id (self->shown));

      if (fresh != NULL)
        {
          g_set_object (&self->shown, fresh);
          porting_requests_page_update_details (self);
          return;
        }
    }

  g_clear_object (&self->shown);
  gtk_stack_set_visible_child_name (self->stack,
                                    gtk_widget_get_first_child (GTK_WIDGET (self->list_box)) != NULL ? "list" : "empty");
}

void
porting_requests_page_refresh (PortingRequestsPage *self)
{
  PortingIntakeSession *session;
  PortingIntakeClient *client;
  const char *visible;

  g_return_if_fail (PORTING_IS_REQUESTS_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  session = porting_requests_page_get_session (self);
  if (session == NULL)
    return;

  client = porting_intake_session_get_client (session);
  if (client == NULL || !porting_intake_session_get_has_token (session))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
      porting_requests_page_show_no_token (self, client == NULL
                                           ? _("Set the address of the intake service and the access token you were given in Preferences to see your requests.")
                                           : _("Add the access token you were given in Preferences to see your requests."));
      return;
    }

  visible = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (visible, "list") != 0 && g_strcmp0 (visible, "details") != 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  self->cancellable = g_cancellable_new ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  porting_intake_client_list_async (client, NULL, self->cancellable, list_cb, g_object_ref (self));
}

gboolean
porting_requests_page_get_loading (PortingRequestsPage *self)
{
  g_return_val_if_fail (PORTING_IS_REQUESTS_PAGE (self), FALSE);

  return self->cancellable != NULL;
}

/* Session */

static void
on_session_changed (PortingRequestsPage *self)
{
  /* Another address or token: what was listed belongs to someone else. */
  g_clear_pointer (&self->requests, g_ptr_array_unref);
  g_clear_object (&self->shown);
  porting_list_box_remove_all (self->list_box);
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

static void
on_monitor_session_notify (PortingRequestsPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
porting_requests_page_set_session (PortingRequestsPage  *self,
                                   PortingIntakeSession *session)
{
  g_return_if_fail (PORTING_IS_REQUESTS_PAGE (self));
  g_return_if_fail (session == NULL || PORTING_IS_INTAKE_SESSION (session));

  porting_intake_monitor_set_session (self->monitor, session);
}

PortingIntakeSession *
porting_requests_page_get_session (PortingRequestsPage *self)
{
  g_return_val_if_fail (PORTING_IS_REQUESTS_PAGE (self), NULL);

  /* NULL once disposed. */
  return self->monitor != NULL ? porting_intake_monitor_get_session (self->monitor) : NULL;
}

/* Callbacks */

static void
on_refresh_clicked (PortingRequestsPage *self,
                    GtkButton           *button)
{
  porting_requests_page_refresh (self);
}

static void
on_row_activated (PortingRequestsPage *self,
                  GtkListBoxRow       *row,
                  GtkListBox          *list)
{
  if (!g_str_has_prefix (gtk_widget_get_name (GTK_WIDGET (row)), OUTBOX_ROW_PREFIX))
    porting_requests_page_show_request (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
on_back_clicked (PortingRequestsPage *self,
                 GtkButton           *button)
{
  g_clear_object (&self->shown);
  gtk_stack_set_visible_child_name (self->stack,
                                    gtk_widget_get_first_child (GTK_WIDGET (self->list_box)) != NULL ? "list" : "empty");
}

static void
on_copy_provider_sid_clicked (PortingRequestsPage *self,
                              GtkButton           *button)
{
  if (self->shown != NULL)
    porting_copy_text (GTK_WIDGET (button), porting_request_get_answer_string (self->shown, "provider_account_sid"));
}

static void
on_copy_subaccount_sid_clicked (PortingRequestsPage *self,
                                GtkButton           *button)
{
  if (self->shown != NULL)
    porting_copy_text (GTK_WIDGET (button), porting_request_get_answer_string (self->shown, "subaccount_sid"));
}

static void
on_copy_csr_clicked (PortingRequestsPage *self,
                     GtkButton           *button)
{
  if (self->shown != NULL)
    porting_copy_text (GTK_WIDGET (button), porting_request_get_answer_string (self->shown, "csr"));
}

static void
on_copy_id_clicked (PortingRequestsPage *self,
                    GtkButton           *button)
{
  if (self->shown != NULL)
    porting_copy_text (GTK_WIDGET (button), porting_request_get_display_reference (self->shown));
}

static void
on_copy_numbers_clicked (PortingRequestsPage *self,
                         GtkButton           *button)
{
  g_autofree char *numbers = self->shown != NULL ? porting_request_dup_numbers_e164 (self->shown) : NULL;

  porting_copy_text (GTK_WIDGET (button), numbers);
}

static void
on_correct_clicked (PortingRequestsPage *self,
                    GtkButton           *button)
{
  g_autoptr(PortingRequest) again = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *fields;

  if (self->shown == NULL)
    return;

  /* What the customer gave, without what the service added; the new
   * request names the one it corrects. */
  node = porting_request_to_json_node (self->shown, PORTING_REQUEST_JSON_DEFAULT);
  again = porting_request_new_from_json_node (node, NULL, NULL);
  if (again == NULL)
    return;

  fields = porting_request_get_fields (again);
  if (json_object_has_member (fields, "staff_document_check"))
    json_object_remove_member (fields, "staff_document_check");
  porting_request_set_string (again, "previous_request_id", porting_request_get_id (self->shown));

  g_signal_emit (self, signals[CORRECT_REQUEST], 0, again);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PortingRequestsPage *self = PORTING_REQUESTS_PAGE (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "details") == 0)
    on_back_clicked (self, NULL);
}

static void
on_stack_changed (PortingRequestsPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}

/* Widget */

static void
porting_requests_page_dispose (GObject *object)
{
  PortingRequestsPage *self = PORTING_REQUESTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->monitor);

  gtk_widget_dispose_template (GTK_WIDGET (self), PORTING_TYPE_REQUESTS_PAGE);

  G_OBJECT_CLASS (porting_requests_page_parent_class)->dispose (object);
}

static void
porting_requests_page_finalize (GObject *object)
{
  PortingRequestsPage *self = PORTING_REQUESTS_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->requests, g_ptr_array_unref);
  g_clear_object (&self->shown);
  g_clear_pointer (&self->pending_id, g_free);

  G_OBJECT_CLASS (porting_requests_page_parent_class)->finalize (object);
}

static void
porting_requests_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PortingRequestsPage *self = PORTING_REQUESTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, porting_requests_page_get_session (self));
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, porting_requests_page_get_loading (self));
      break;
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, g_strcmp0 (porting_requests_page_get_state (self), "details") == 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porting_requests_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PortingRequestsPage *self = PORTING_REQUESTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      porting_requests_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porting_requests_page_class_init (PortingRequestsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = porting_requests_page_dispose;
  object_class->finalize = porting_requests_page_finalize;
  object_class->get_property = porting_requests_page_get_property;
  object_class->set_property = porting_requests_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PORTING_TYPE_INTAKE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A request's details are shown, with their own way back to the list
   * (the window shows one back button, not two). */
  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PortingRequestsPage::correct-request:
   * @request: a new request with the rejected one's answers and
   *   "previous_request_id" naming it
   *
   * The customer wants to correct a rejected request and send it again.
   */
  signals[CORRECT_REQUEST] =
    g_signal_new ("correct-request",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, PORTING_TYPE_REQUEST);

  gtk_widget_class_install_action (widget_class, "requests.back", NULL, back_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "requests.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "requests.back", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Porting/porting-requests-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PortingRequestsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PortingRequestsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, PortingRequestsPage, no_token_page);
  gtk_widget_class_bind_template_child (widget_class, PortingRequestsPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, PortingRequestsPage, refresh_error_label);
  gtk_widget_class_bind_template_child (widget_class, PortingRequestsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, PortingRequestsPage, details_title);
  gtk_widget_class_bind_template_child (widget_class, PortingRequestsPage, details_subtitle);
  gtk_widget_class_bind_template_child (widget_class, PortingRequestsPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, PortingRequestsPage, status_icon);
  gtk_widget_class_bind_template_child (widget_class, PortingRequestsPage, foc_row);
  gtk_widget_class_bind_template_child (widget_class, PortingRequestsPage, answer_group);
  gtk_widget_class_bind_template_child (widget_class, PortingRequestsPage, provider_sid_row);
  gtk_widget_class_bind_template_child (widget_class, PortingRequestsPage, copy_provider_sid_button);
  gtk_widget_class_bind_template_child (widget_class, PortingRequestsPage, subaccount_sid_row);
  gtk_widget_class_bind_template_child (widget_class, PortingRequestsPage, csr_row);
  gtk_widget_class_bind_template_child (widget_class, PortingRequestsPage, reason_row);
  gtk_widget_class_bind_template_child (widget_class, PortingRequestsPage, note_row);
  gtk_widget_class_bind_template_child (widget_class, PortingRequestsPage, correct_button);
  gtk_widget_class_bind_template_child (widget_class, PortingRequestsPage, id_row);
  gtk_widget_class_bind_template_child (widget_class, PortingRequestsPage, numbers_row);
  gtk_widget_class_bind_template_child (widget_class, PortingRequestsPage, created_row);
  gtk_widget_class_bind_template_child (widget_class, PortingRequestsPage, history_list);
  gtk_widget_class_bind_template_callback (widget_class, on_refresh_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_provider_sid_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_subaccount_sid_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_csr_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_id_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_numbers_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_correct_clicked);
}

static void
porting_requests_page_init (PortingRequestsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  porting_list_box_set_single_tab_stop (self->list_box, NULL, NULL);

  g_signal_connect_swapped (self->stack, "notify::visible-child-name",
                            G_CALLBACK (on_stack_changed), self);
  self->monitor = porting_intake_monitor_new (GTK_WIDGET (self), REFRESH_INTERVAL_SECONDS);
  g_signal_connect_swapped (self->monitor, "session-changed", G_CALLBACK (on_session_changed), self);
  g_signal_connect_swapped (self->monitor, "refresh", G_CALLBACK (porting_requests_page_refresh), self);
  g_signal_connect_swapped (self->monitor, "notify::session", G_CALLBACK (on_monitor_session_notify), self);
}

GtkWidget *
porting_requests_page_new (void)
{
  return g_object_new (PORTING_TYPE_REQUESTS_PAGE, NULL);
}

const char *
porting_requests_page_get_state (PortingRequestsPage *self)
{
  g_return_val_if_fail (PORTING_IS_REQUESTS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

PortingRequest *
porting_requests_page_get_shown_request (PortingRequestsPage *self)
{
  g_return_val_if_fail (PORTING_IS_REQUESTS_PAGE (self), NULL);

  return self->shown;
}
