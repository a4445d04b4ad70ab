/* porting-review-page.c — support staff: the queue, the documents, the answer
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The queue and the page are here; the request open (its details and its
 * documents) in porting-review-page-request.c, the wireless PIN in
 * porting-review-page-pin.c, the decision and the answer in
 * porting-review-page-decision.c.
 */
#define G_LOG_DOMAIN "porting-review-page"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-accessible.h"
#include "porting-request-row.h"
#include "porting-request-ui.h"
#include "porting-review-page-private.h"

#define REFRESH_INTERVAL_SECONDS 60
#define UNDO_SECONDS             8
#define PIN_SECONDS              30

G_DEFINE_FINAL_TYPE (PortingReviewPage, porting_review_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LOADING,
  PROP_WORKSPACE,
  PROP_CAN_GO_BACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* (nullable): NULL without a session, or once disposed */
PortingIntakeSession *
_porting_review_page_get_session (PortingReviewPage *self)
{
  return self->monitor != NULL ? porting_intake_monitor_get_session (self->monitor) : NULL;
}

/* (nullable) */
PortingIntakeClient *
_porting_review_page_get_client (PortingReviewPage *self)
{
  PortingIntakeSession *session = _porting_review_page_get_session (self);

  return session != NULL ? porting_intake_session_get_client (session) : NULL;
}

/* ---- The queue ---- */

static gboolean
waits_for_review (PortingRequest *request)
{
  PortingRequestStatus status = porting_request_get_status (request);

  return status == PORTING_REQUEST_STATUS_SUBMITTED || status == PORTING_REQUEST_STATUS_IN_REVIEW;
}

static int
compare_oldest_first (gconstpointer a,
                      gconstpointer b)
{
  PortingRequest *request_a = *(PortingRequest **) a;
  PortingRequest *request_b = *(PortingRequest **) b;

  return g_strcmp0 (porting_request_get_created_at (request_a), porting_request_get_created_at (request_b));
}

static gboolean
queue_is_empty (PortingReviewPage *self)
{
  return gtk_widget_get_first_child (GTK_WIDGET (self->queue_list)) == NULL &&
         gtk_widget_get_first_child (GTK_WIDGET (self->progress_list)) == NULL;
}

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

  g_clear_object (&self->cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  visible = gtk_stack_get_visible_child_name (self->stack);

  if (requests == NULL)
    {
      if (g_strcmp0 (visible, "review") == 0)
        {
          porting_widget_add_toast (GTK_WIDGET (self), error->message);
          return;
        }
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  g_ptr_array_sort (requests, compare_oldest_first);
  porting_list_box_remove_all (self->queue_list);
  porting_list_box_remove_all (self->progress_list);
  for (guint i = 0; i < requests->len; i++)
    {
      PortingRequest *request = g_ptr_array_index (requests, i);

      /* Done with, or waiting for its undo window to close. */
      if (!porting_review_status_is_open (porting_request_get_status (request)) ||
          g_strcmp0 (porting_request_get_id (request), self->pending_id) == 0)
        continue;
      gtk_list_box_append (waits_for_review (request) ? self->queue_list : self->progress_list,
                           porting_request_row_new (request, TRUE));
    }
  gtk_widget_set_visible (self->queue_empty_label,
                          gtk_widget_get_first_child (GTK_WIDGET (self->queue_list)) == NULL);
  gtk_widget_set_visible (self->progress_title,
                          gtk_widget_get_first_child (GTK_WIDGET (self->progress_list)) != NULL);

  if (g_strcmp0 (visible, "review") != 0)
    gtk_stack_set_visible_child_name (self->stack, queue_is_empty (self) ? "empty" : "queue");

  if (self->open_when_listed != NULL && self->request == NULL)
    {
      g_autofree char *id = g_steal_pointer (&self->open_when_listed);

      if (!porting_review_page_open_request (self, id))
        g_debug ("Request %s is no longer in the queue", id);
    }
  g_clear_pointer (&self->open_when_listed, g_free);
}

void
porting_review_page_show_request (PortingReviewPage *self,
                                  const char        *id)
{
  g_return_if_fail (PORTING_IS_REVIEW_PAGE (self));
  g_return_if_fail (id != NULL);

  g_clear_pointer (&self->open_when_listed, g_free);
  if (self->request == NULL)
    self->open_when_listed = g_strdup (id);
  porting_review_page_refresh (self);
}

void
porting_review_page_refresh (PortingReviewPage *self)
{
  PortingIntakeSession *session;
  const char *visible;

  g_return_if_fail (PORTING_IS_REVIEW_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  session = _porting_review_page_get_session (self);
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  /* Every page of the listing: the open ones are kept. */
  porting_intake_client_list_async (porting_intake_session_get_client (session), NULL, self->cancellable,
                                    list_cb, g_object_ref (self));
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
  _porting_review_page_flush_pending (self);
  _porting_review_page_close_request (self);
  porting_list_box_remove_all (self->queue_list);
  porting_list_box_remove_all (self->progress_list);
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
  _porting_review_page_close_request (self);
  gtk_stack_set_visible_child_name (self->stack, queue_is_empty (self) ? "empty" : "queue");
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
  _porting_review_page_download (self);
  _porting_review_page_update_form (self);
}

/* Whole pages: each document zoomed so that its first page fits the view,
 * to see a page's layout at a glance; off, back to the width. */
static void
fit_page (PortingDocumentView *view,
          gboolean             whole_page)
{
  PortingDocument *document = porting_document_view_get_document (view);
  /* The view's own header and the margins around a page. */
  const double chrome_height = 64.0;
  const double chrome_width = 32.0;
  double width, height;
  double zoom;

  if (!whole_page || document == NULL || porting_document_get_n_pages (document) == 0)
    {
      porting_document_view_set_fit_width (view, TRUE);
      return;
    }

  porting_document_get_page_size (document, 0, &width, &height);
  if (width <= 0 || height <= 0)
    return;

  /* Points to pixels on a 96 dpi screen, as the view counts its zoom. */
  zoom = MIN ((gtk_widget_get_height (GTK_WIDGET (view)) - chrome_height) / (height * 96.0 / 72.0),
              (gtk_widget_get_width (GTK_WIDGET (view)) - chrome_width) / (width * 96.0 / 72.0));
  porting_document_view_set_zoom (view, CLAMP (zoom, 0.25, 3.0));
}

static void
on_fit_page_toggled (PortingReviewPage *self,
                     GtkToggleButton   *button)
{
  gboolean whole_page = gtk_toggle_button_get_active (button);

  fit_page (porting_check_view_get_loa_view (self->check_view), whole_page);
  fit_page (porting_check_view_get_proof_view (self->check_view), whole_page);
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), whole_page ? _("Fit Width") : _("Whole Pages"));
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

  /* A decision in its undo window was made: it goes now. */
  _porting_review_page_flush_pending (self);
  _porting_review_page_reset_pin (self);
  _porting_review_page_close_document_windows (self);
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
  g_clear_pointer (&self->request_rows, g_ptr_array_unref);
  g_clear_pointer (&self->check_rows, g_ptr_array_unref);
  g_clear_object (&self->request);
  g_clear_object (&self->loa);
  g_clear_object (&self->proof);
  g_clear_pointer (&self->documents_dir, g_free);
  g_clear_pointer (&self->open_when_listed, g_free);
  g_clear_pointer (&self->regulatory, g_hash_table_unref);
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
    case PROP_WORKSPACE:
    case PROP_CAN_GO_BACK:
      /* A request open goes back to the queue. */
      g_value_set_boolean (value, self->workspace);
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
  properties[PROP_WORKSPACE] =
    g_param_spec_boolean ("workspace", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE,
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
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, queue_empty_label);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, progress_list);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, progress_title);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, review_title);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, review_subtitle);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, fit_page_button);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, panel_button);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, flap);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, documents_stack);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, download_spinner);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, download_error_page);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, no_documents_page);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, check_view);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, panel);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, request_group);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, wireless_group);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, wireless_account_row);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, pin_row);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, pin_button);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, documents_group);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, name_switch);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, address_switch);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, answer_group);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, provider_sid_row);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, subaccount_sid_row);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, note_row);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, reason_row);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, sid_error_label);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, csr_box);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, csr_view);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, history_group);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, history_list);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, more_button);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, ask_button);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, reject_button);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, approve_button);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, carrier_button);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, schedule_button);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, schedule_popover);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, foc_calendar);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, schedule_confirm_button);
  gtk_widget_class_bind_template_child (widget_class, PortingReviewPage, complete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_refresh_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_download_retry_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_fit_page_toggled);

  _porting_review_page_class_init_request (widget_class);
  _porting_review_page_class_init_pin (widget_class);
  _porting_review_page_class_init_decision (widget_class);
}

static void
porting_review_page_init (PortingReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  porting_list_box_set_single_tab_stop (self->queue_list, NULL, NULL);
  porting_list_box_set_single_tab_stop (self->progress_list, NULL, NULL);
  /* The documents' findings and the switches on them: one Tab stop, arrows inside. */
  porting_list_box_set_single_tab_stop (GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (self->name_row))), NULL, NULL);

  self->monitor = porting_intake_monitor_new (GTK_WIDGET (self), REFRESH_INTERVAL_SECONDS);
  g_signal_connect_swapped (self->monitor, "session-changed", G_CALLBACK (on_session_changed), self);
  /* The open request keeps its form; only the queue behind it is refreshed. */
  g_signal_connect_swapped (self->monitor, "refresh", G_CALLBACK (porting_review_page_refresh), self);

  self->request_rows = g_ptr_array_new ();
  self->check_rows = g_ptr_array_new ();
  self->undo_seconds = UNDO_SECONDS;
  self->pin_seconds = PIN_SECONDS;
  g_signal_connect_object (gtk_text_view_get_buffer (self->csr_view), "changed",
                           G_CALLBACK (_porting_review_page_update_form), self, G_CONNECT_SWAPPED);
  _porting_review_page_update_form (self);
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

void
_porting_review_page_set_workspace (PortingReviewPage *self,
                                    gboolean           workspace)
{
  workspace = !!workspace;
  if (self->workspace == workspace)
    return;

  self->workspace = workspace;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}

gboolean
porting_review_page_get_workspace (PortingReviewPage *self)
{
  g_return_val_if_fail (PORTING_IS_REVIEW_PAGE (self), FALSE);

  return self->workspace;
}

void
porting_review_page_set_undo_timeout (PortingReviewPage *self,
                                      guint              seconds)
{
  g_return_if_fail (PORTING_IS_REVIEW_PAGE (self));
  g_return_if_fail (seconds > 0);

  self->undo_seconds = seconds;
}

void
porting_review_page_set_pin_timeout (PortingReviewPage *self,
                                     guint              seconds)
{
  g_return_if_fail (PORTING_IS_REVIEW_PAGE (self));
  g_return_if_fail (seconds > 0);

  self->pin_seconds = seconds;
}

gboolean
porting_review_page_get_decision_pending (PortingReviewPage *self)
{
  g_return_val_if_fail (PORTING_IS_REVIEW_PAGE (self), FALSE);

  return self->pending_review != NULL;
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
