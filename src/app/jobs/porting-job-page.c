/* porting-job-page.c — what the job pages (port in and out, transfer, inquiries) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-job-page"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-accessible.h"
#include "porting-application.h"
#include "porting-job-page.h"
#include "porting-row-message.h"

typedef struct
{
  PortingDraftStore     *draft_store;
  PortingForm           *form;
  PortingRequestTracker *tracker;
  PortingIntakeSession  *session;
  AdwToastOverlay       *toast_overlay;   /* the page's child */
  GtkWidget             *refresh_button;  /* (unowned): the page's */
  GCancellable          *cancellable;
  GHashTable            *field_widgets;   /* field name → widget (unowned) */
  GHashTable            *message_rows;    /* field name → row (unowned) */
  guint                  restoring : 1;
  /* A draft from an earlier run is in the form: said once the page shows. */
  guint                  draft_restored : 1;
} PortingJobPagePrivate;

enum {
  PROP_0,
  PROP_DRAFT_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (PortingJobPage, porting_job_page, ADW_TYPE_BIN)

/* ---- Drafts --------------------------------------------------------------- */

static void
on_form_notify (PortingJobPage *self,
                GParamSpec     *pspec,
                PortingForm    *form)
{
  PortingJobPagePrivate *priv = porting_job_page_get_instance_private (self);

  /* A draft going in: the page is shown whole once it is in. */
  if (priv->restoring)
    return;

  if (porting_form_is_drafted (form, pspec))
    porting_draft_store_set (priv->draft_store, PORTING_JOB_PAGE_GET_CLASS (self)->draft_flow,
                             pspec->name, porting_form_dup_draft_value (form, pspec));

  PORTING_JOB_PAGE_GET_CLASS (self)->form_changed (self, pspec);
}

void
porting_job_page_apply_draft (PortingJobPage *self,
                              JsonObject     *draft)
{
  PortingJobPagePrivate *priv = porting_job_page_get_instance_private (self);
  PortingJobPageClass *klass;
  gboolean was_restoring;

  g_return_if_fail (PORTING_IS_JOB_PAGE (self));

  klass = PORTING_JOB_PAGE_GET_CLASS (self);
  was_restoring = priv->restoring;
  priv->restoring = TRUE;

  porting_form_load_draft (porting_job_page_get_form (self), draft);
  klass->draft_applied (self, draft);
  if (priv->tracker != NULL)
    porting_request_tracker_restore (priv->tracker, draft);

  priv->restoring = was_restoring;
  klass->form_changed (self, NULL);
}

/* Whether @draft holds something the customer typed (not only the request
 * followed, or the step they were on). */
static gboolean
draft_has_answers (JsonObject *draft)
{
  g_autoptr(GList) members = draft != NULL ? json_object_get_members (draft) : NULL;

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_str_equal (l->data, "request-id") && !g_str_equal (l->data, "step"))
      return TRUE;
  return FALSE;
}

static void
on_map (PortingJobPage *self)
{
  PortingJobPagePrivate *priv = porting_job_page_get_instance_private (self);
  AdwToast *toast;

  if (!priv->draft_restored)
    return;

  /* What the customer typed last time is back: say so, and how to start over. */
  priv->draft_restored = FALSE;
  toast = adw_toast_new (_("Draft restored"));
  adw_toast_set_button_label (toast, _("_Discard"));
  adw_toast_set_action_name (toast, "job-page.discard-draft");
  adw_toast_overlay_add_toast (priv->toast_overlay, toast);
}

static void
discard_draft_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PORTING_JOB_PAGE_GET_CLASS (widget)->discard_draft (PORTING_JOB_PAGE (widget));
}

static void
porting_job_page_real_discard_draft (PortingJobPage *self)
{
  porting_job_page_discard_draft (self);
  porting_job_page_show_toast (self, _("Draft discarded"));
}

void
porting_job_page_discard_draft (PortingJobPage *self)
{
  PortingJobPagePrivate *priv = porting_job_page_get_instance_private (self);

  g_return_if_fail (PORTING_IS_JOB_PAGE (self));

  porting_draft_store_discard (priv->draft_store, PORTING_JOB_PAGE_GET_CLASS (self)->draft_flow);
  porting_job_page_apply_draft (self, NULL);
}

void
porting_job_page_save_draft (PortingJobPage *self)
{
  PortingJobPagePrivate *priv = porting_job_page_get_instance_private (self);

  g_return_if_fail (PORTING_IS_JOB_PAGE (self));

  /* Closing the window must not lose the last keystrokes. */
  if (priv->draft_store != NULL && porting_draft_store_is_dirty (priv->draft_store))
    porting_draft_store_flush_sync (priv->draft_store, NULL);
}

gboolean
porting_job_page_get_restoring (PortingJobPage *self)
{
  PortingJobPagePrivate *priv = porting_job_page_get_instance_private (self);

  g_return_val_if_fail (PORTING_IS_JOB_PAGE (self), FALSE);

  return priv->restoring;
}

/* ---- Fields and their messages ------------------------------------------- */

void
porting_job_page_bind (PortingJobPage *self,
                       const char     *field,
                       gpointer        widget,
                       const char     *property)
{
  PortingJobPagePrivate *priv = porting_job_page_get_instance_private (self);

  g_return_if_fail (PORTING_IS_JOB_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_bind_property (porting_job_page_get_form (self), field, widget, property,
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_hash_table_insert (priv->field_widgets, (gpointer) field, widget);
  if (GTK_IS_LIST_BOX_ROW (widget))
    g_hash_table_insert (priv->message_rows, (gpointer) field, widget);
}

void
porting_job_page_add_message_row (PortingJobPage *self,
                                  const char     *field,
                                  GtkWidget      *row)
{
  PortingJobPagePrivate *priv = porting_job_page_get_instance_private (self);

  g_return_if_fail (PORTING_IS_JOB_PAGE (self));
  g_return_if_fail (GTK_IS_LIST_BOX_ROW (row));

  g_hash_table_insert (priv->message_rows, (gpointer) field, row);
  if (!g_hash_table_contains (priv->field_widgets, field))
    g_hash_table_insert (priv->field_widgets, (gpointer) field, row);
}

GtkWidget *
porting_job_page_get_field_widget (PortingJobPage *self,
                                   const char     *field)
{
  PortingJobPagePrivate *priv = porting_job_page_get_instance_private (self);

  g_return_val_if_fail (PORTING_IS_JOB_PAGE (self), NULL);

  return field != NULL ? g_hash_table_lookup (priv->field_widgets, field) : NULL;
}

void
porting_job_page_show_messages (PortingJobPage *self,
                                GPtrArray      *problems,
                                gboolean        with_missing)
{
  PortingJobPagePrivate *priv = porting_job_page_get_instance_private (self);
  GHashTableIter iter;
  gpointer field, row;

  g_return_if_fail (PORTING_IS_JOB_PAGE (self));

  g_hash_table_iter_init (&iter, priv->message_rows);
  while (g_hash_table_iter_next (&iter, &field, &row))
    {
      const char *message = NULL;

      for (guint i = 0; problems != NULL && i < problems->len && message == NULL; i++)
        {
          PortingFormProblem *problem = g_ptr_array_index (problems, i);

          if (g_strcmp0 (problem->field, field) == 0 && (with_missing || !problem->missing))
            message = problem->message;
        }

      porting_row_set_message (row, message);
    }
}

/* ---- Sending -------------------------------------------------------------- */

void
porting_job_page_show_problem (GtkLabel   *missing_label,
                               GtkButton  *submit_button,
                               const char *problem)
{
  g_return_if_fail (GTK_IS_LABEL (missing_label));
  g_return_if_fail (GTK_IS_BUTTON (submit_button));

  gtk_label_set_text (missing_label, problem != NULL ? problem : "");
  /* Narrow windows cut the sentence short: the tooltip has it whole. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (missing_label), problem);
  gtk_widget_set_sensitive (GTK_WIDGET (submit_button), problem == NULL);
  /* A screen reader finding the button greyed out hears why. */
  porting_field_set_hint (GTK_WIDGET (submit_button), problem);
}

static gboolean
porting_job_page_real_check (PortingJobPage *self)
{
  g_autoptr(GPtrArray) problems = porting_form_check (porting_job_page_get_form (self));
  g_autofree char *summary = porting_form_problems_dup_summary (problems);

  if (summary != NULL)
    porting_job_page_show_toast (self, summary);

  return summary == NULL;
}

static void
on_inquiry_submitted (PortingJobPage      *self,
                      PortingRequest      *stored,
                      PortingSubmitDialog *dialog)
{
  PORTING_JOB_PAGE_GET_CLASS (self)->submitted (self, stored);
}

/* An inquiry goes through the page's session when it has one (tests give
 * it), else through the window's application. */
static PortingSubmitDialog *
submit_inquiry (PortingJobPage *self,
                PortingRequest *request)
{
  PortingJobPagePrivate *priv = porting_job_page_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  PortingSubmitDialog *dialog;
  GtkRoot *root;

  if (!porting_request_validate (request, NULL, &error))
    {
      porting_job_page_show_toast (self, error->message);
      return NULL;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (priv->session != NULL)
    {
      dialog = porting_submit_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                          priv->session, request, NULL, NULL, NULL);
      gtk_window_present (GTK_WINDOW (dialog));
      porting_submit_dialog_send (dialog);
      return dialog;
    }

  if (GTK_IS_WINDOW (root) && PORTING_IS_APPLICATION (gtk_window_get_application (GTK_WINDOW (root))))
    return porting_submit_dialog_present (GTK_WINDOW (root), request, NULL, NULL, NULL);

  porting_job_page_show_toast (self, _("The inquiry cannot be sent from here: open it in the Porting window."));
  return NULL;
}

gboolean
porting_job_page_send (PortingJobPage *self)
{
  PortingJobPagePrivate *priv = porting_job_page_get_instance_private (self);
  g_autoptr(PortingRequest) request = NULL;
  g_autoptr(GPtrArray) regulatory = NULL;
  GPtrArray *documents = NULL;
  PortingSubmitDialog *dialog;

  g_return_val_if_fail (PORTING_IS_JOB_PAGE (self), FALSE);

  request = porting_form_to_request (porting_job_page_get_form (self));

  if (priv->tracker != NULL)
    {
      porting_form_get_documents (priv->form, NULL, NULL, &documents);
      /* The dialog keeps its own list: the form's changes as the customer edits. */
      if (documents != NULL)
        {
          regulatory = g_ptr_array_new_with_free_func (g_object_unref);
          for (guint i = 0; i < documents->len; i++)
            g_ptr_array_add (regulatory, g_object_ref (g_ptr_array_index (documents, i)));
        }
      porting_request_tracker_submit (priv->tracker, request, regulatory);
      return TRUE;
    }

  dialog = submit_inquiry (self, request);
  if (dialog != NULL)
    g_signal_connect_object (dialog, "submitted", G_CALLBACK (on_inquiry_submitted), self, G_CONNECT_SWAPPED);

  return dialog != NULL;
}

static void
porting_job_page_real_submit (PortingJobPage *self)
{
  if (PORTING_JOB_PAGE_GET_CLASS (self)->check (self))
    porting_job_page_send (self);
}

void
porting_job_page_submit (PortingJobPage *self)
{
  g_return_if_fail (PORTING_IS_JOB_PAGE (self));

  PORTING_JOB_PAGE_GET_CLASS (self)->submit (self);
}

static void
porting_job_page_real_submitted (PortingJobPage *self,
                                 PortingRequest *stored)
{
  /* The service has it: the draft has done its job. */
  porting_job_page_discard_draft (self);
}

/* ---- Object --------------------------------------------------------------- */

static void
porting_job_page_real_form_changed (PortingJobPage *self,
                                    GParamSpec     *pspec)
{
}

static void
porting_job_page_real_draft_applied (PortingJobPage *self,
                                     JsonObject     *draft)
{
}

static void
porting_job_page_real_tracker_changed (PortingJobPage *self)
{
}

static void
porting_job_page_real_tracker_refreshed (PortingJobPage *self,
                                         PortingRequest *previous)
{
}

static void
on_tracker_changed (PortingJobPage *self)
{
  PORTING_JOB_PAGE_GET_CLASS (self)->tracker_changed (self);
}

static void
on_tracker_refreshed (PortingJobPage *self,
                      PortingRequest *previous)
{
  PORTING_JOB_PAGE_GET_CLASS (self)->tracker_refreshed (self, previous);
}

static void
porting_job_page_constructed (GObject *object)
{
  PortingJobPage *self = PORTING_JOB_PAGE (object);
  PortingJobPagePrivate *priv = porting_job_page_get_instance_private (self);
  PortingJobPageClass *klass = PORTING_JOB_PAGE_GET_CLASS (self);
  g_autoptr(JsonObject) draft = NULL;
  GtkWidget *child;

  G_OBJECT_CLASS (porting_job_page_parent_class)->constructed (object);

  g_assert (klass->draft_flow != NULL);

  child = adw_bin_get_child (ADW_BIN (self));
  g_assert (ADW_IS_TOAST_OVERLAY (child));
  priv->toast_overlay = ADW_TOAST_OVERLAY (child);

  if (priv->draft_store == NULL)
    priv->draft_store = porting_draft_store_new_for_settings (BASE_ID);

  if (klass->tracked_key != NULL)
    {
      priv->tracker = porting_request_tracker_new (GTK_WIDGET (self), priv->toast_overlay,
                                                   priv->draft_store, klass->draft_flow,
                                                   klass->tracked_kind, klass->tracked_key);
      g_signal_connect_object (priv->tracker, "changed", G_CALLBACK (on_tracker_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (priv->tracker, "refreshed", G_CALLBACK (on_tracker_refreshed), self,
                               G_CONNECT_SWAPPED);
      if (priv->refresh_button != NULL)
        g_object_bind_property (priv->tracker, "refreshing", priv->refresh_button, "sensitive",
                                G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
    }

  g_signal_connect_object (porting_job_page_get_form (self), "notify",
                           G_CALLBACK (on_form_notify), self, G_CONNECT_SWAPPED);

  /* Every widget of the subclass's template is there now. */
  porting_accessible_fix_tree (GTK_WIDGET (self));

  draft = porting_draft_store_load (priv->draft_store, klass->draft_flow);
  porting_job_page_apply_draft (self, draft);
  priv->draft_restored = draft_has_answers (draft);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  if (priv->tracker != NULL)
    klass->tracker_changed (self);
}

static void
porting_job_page_dispose (GObject *object)
{
  PortingJobPage *self = PORTING_JOB_PAGE (object);
  PortingJobPagePrivate *priv = porting_job_page_get_instance_private (self);

  g_cancellable_cancel (priv->cancellable);
  porting_job_page_save_draft (self);

  G_OBJECT_CLASS (porting_job_page_parent_class)->dispose (object);
}

static void
porting_job_page_finalize (GObject *object)
{
  PortingJobPage *self = PORTING_JOB_PAGE (object);
  PortingJobPagePrivate *priv = porting_job_page_get_instance_private (self);

  g_clear_object (&priv->tracker);
  g_clear_object (&priv->cancellable);
  g_clear_object (&priv->form);
  g_clear_object (&priv->session);
  g_clear_object (&priv->draft_store);
  g_clear_pointer (&priv->field_widgets, g_hash_table_unref);
  g_clear_pointer (&priv->message_rows, g_hash_table_unref);

  G_OBJECT_CLASS (porting_job_page_parent_class)->finalize (object);
}

static void
porting_job_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PortingJobPage *self = PORTING_JOB_PAGE (object);
  PortingJobPagePrivate *priv = porting_job_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_DRAFT_STORE:
      g_value_set_object (value, priv->draft_store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porting_job_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PortingJobPage *self = PORTING_JOB_PAGE (object);
  PortingJobPagePrivate *priv = porting_job_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_DRAFT_STORE:
      g_set_object (&priv->draft_store, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porting_job_page_class_init (PortingJobPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = porting_job_page_constructed;
  object_class->dispose = porting_job_page_dispose;
  object_class->finalize = porting_job_page_finalize;
  object_class->get_property = porting_job_page_get_property;
  object_class->set_property = porting_job_page_set_property;

  klass->form_type = PORTING_TYPE_FORM;
  klass->form_changed = porting_job_page_real_form_changed;
  klass->draft_applied = porting_job_page_real_draft_applied;
  klass->check = porting_job_page_real_check;
  klass->submit = porting_job_page_real_submit;
  klass->submitted = porting_job_page_real_submitted;
  klass->tracker_changed = porting_job_page_real_tracker_changed;
  klass->tracker_refreshed = porting_job_page_real_tracker_refreshed;
  klass->discard_draft = porting_job_page_real_discard_draft;

  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "job-page.discard-draft", NULL, discard_draft_activated);

  /**
   * PortingJobPage:draft-store:
   *
   * Where the page's draft is kept; NULL at construction for the one bound
   * to the draft-save-delay setting.
   */
  properties[PROP_DRAFT_STORE] =
    g_param_spec_object ("draft-store", NULL, NULL,
                         PORTING_TYPE_DRAFT_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
porting_job_page_init (PortingJobPage *self)
{
  PortingJobPagePrivate *priv = porting_job_page_get_instance_private (self);

  priv->cancellable = g_cancellable_new ();
  /* Field names are static: the forms' tables. */
  priv->field_widgets = g_hash_table_new (g_str_hash, g_str_equal);
  priv->message_rows = g_hash_table_new (g_str_hash, g_str_equal);
}

PortingDraftStore *
porting_job_page_get_draft_store (PortingJobPage *self)
{
  PortingJobPagePrivate *priv = porting_job_page_get_instance_private (self);

  g_return_val_if_fail (PORTING_IS_JOB_PAGE (self), NULL);

  return priv->draft_store;
}

PortingForm *
porting_job_page_get_form (PortingJobPage *self)
{
  PortingJobPagePrivate *priv = porting_job_page_get_instance_private (self);

  g_return_val_if_fail (PORTING_IS_JOB_PAGE (self), NULL);

  /* Subclasses bind their widgets to it in their init. */
  if (priv->form == NULL)
    priv->form = g_object_new (PORTING_JOB_PAGE_GET_CLASS (self)->form_type, NULL);

  return priv->form;
}

PortingRequestTracker *
porting_job_page_get_tracker (PortingJobPage *self)
{
  PortingJobPagePrivate *priv = porting_job_page_get_instance_private (self);

  g_return_val_if_fail (PORTING_IS_JOB_PAGE (self), NULL);

  return priv->tracker;
}

AdwToastOverlay *
porting_job_page_get_toast_overlay (PortingJobPage *self)
{
  PortingJobPagePrivate *priv = porting_job_page_get_instance_private (self);

  g_return_val_if_fail (PORTING_IS_JOB_PAGE (self), NULL);

  return priv->toast_overlay;
}

void
porting_job_page_show_toast (PortingJobPage *self,
                             const char     *title)
{
  PortingJobPagePrivate *priv = porting_job_page_get_instance_private (self);

  g_return_if_fail (PORTING_IS_JOB_PAGE (self));

  if (priv->toast_overlay != NULL)
    adw_toast_overlay_add_toast (priv->toast_overlay, adw_toast_new (title));
}

void
porting_job_page_set_intake_session (PortingJobPage       *self,
                                     PortingIntakeSession *session)
{
  PortingJobPagePrivate *priv = porting_job_page_get_instance_private (self);

  g_return_if_fail (PORTING_IS_JOB_PAGE (self));
  g_return_if_fail (session == NULL || PORTING_IS_INTAKE_SESSION (session));

  g_set_object (&priv->session, session);
}

GCancellable *
porting_job_page_get_cancellable (PortingJobPage *self)
{
  PortingJobPagePrivate *priv = porting_job_page_get_instance_private (self);

  g_return_val_if_fail (PORTING_IS_JOB_PAGE (self), NULL);

  return priv->cancellable;
}

void
porting_job_page_set_refresh_button (PortingJobPage *self,
                                     GtkWidget      *button)
{
  PortingJobPagePrivate *priv = porting_job_page_get_instance_private (self);

  g_return_if_fail (PORTING_IS_JOB_PAGE (self));
  g_return_if_fail (priv->tracker == NULL);

  /* The tracker comes at construction: the binding then. */
  priv->refresh_button = button;
}

PortingRequest *
porting_job_page_get_request (PortingJobPage *self)
{
  PortingJobPagePrivate *priv = porting_job_page_get_instance_private (self);

  g_return_val_if_fail (PORTING_IS_JOB_PAGE (self), NULL);

  return priv->tracker != NULL ? porting_request_tracker_get_request (priv->tracker) : NULL;
}

void
porting_job_page_refresh (PortingJobPage *self)
{
  PortingJobPagePrivate *priv = porting_job_page_get_instance_private (self);

  g_return_if_fail (PORTING_IS_JOB_PAGE (self));

  if (priv->tracker != NULL)
    porting_request_tracker_refresh (priv->tracker);
}
