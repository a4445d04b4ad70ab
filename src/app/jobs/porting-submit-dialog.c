/* porting-submit-dialog.c — sends a request, shows the upload and the receipt
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-submit-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-accessible.h"
#include "porting-application.h"
#include "porting-request-ui.h"
#include "porting-submit-dialog.h"

struct _PortingSubmitDialog
{
  AdwWindow             parent_instance;

  PortingIntakeSession *session;
  PortingRequest       *request;
  GFile                *loa;
  GFile                *proof;
  GPtrArray            *regulatory;
  /* One key for every try: a retry never makes a second request. */
  char                 *idempotency_key;
  char                 *content_digest;
  GCancellable         *cancellable;
  PortingRequest       *stored;
  char                 *message;
  gboolean              close_when_stored;

  /* Template widgets */
  GtkStack             *stack;
  GtkProgressBar       *progress_bar;
  AdwActionRow         *id_row;
  AdwActionRow         *status_row;
  GtkLabel             *explanation_label;
  GtkLabel             *next_label;
  AdwStatusPage        *failed_page;
  AdwStatusPage        *saved_page;
  GtkWidget            *retry_button;
  GtkWidget            *done_button;
  GtkWidget            *status_widget;
};

G_DEFINE_FINAL_TYPE (PortingSubmitDialog, porting_submit_dialog, ADW_TYPE_WINDOW)

enum {
  SUBMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A request cancelled or failed and sent again in this run keeps its key, so
 * that a body the service stored before the cancel is not stored twice. The
 * key is forgotten once the service answered, so that the same content sent
 * on purpose later is a new request. */
static GHashTable *pending_keys; /* content digest → key */

static char *
dup_content_digest (PortingRequest *request,
                    GFile          *loa,
                    GFile          *proof,
                    GPtrArray      *regulatory)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *json = porting_request_to_json (request, PORTING_REQUEST_JSON_DEFAULT);
  GFile *files[2] = { loa, proof };

  g_checksum_update (checksum, (const guchar *) json, -1);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *uri = files[i] != NULL ? g_file_get_uri (files[i]) : g_strdup ("-");

      g_checksum_update (checksum, (const guchar *) uri, -1);
    }
  for (guint i = 0; regulatory != NULL && i < regulatory->len; i++)
    {
      g_autofree char *uri = g_file_get_uri (g_ptr_array_index (regulatory, i));

      g_checksum_update (checksum, (const guchar *) uri, -1);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

static char *
dup_idempotency_key (const char *digest)
{
  const char *key;

  if (pending_keys == NULL)
    pending_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  key = g_hash_table_lookup (pending_keys, digest);
  if (key == NULL)
    {
      key = g_uuid_string_random ();
      g_hash_table_insert (pending_keys, g_strdup (digest), (char *) key);
    }
  return g_strdup (key);
}

static void
forget_idempotency_key (const char *digest)
{
  if (pending_keys != NULL && digest != NULL)
    g_hash_table_remove (pending_keys, digest);
}

static void
porting_submit_dialog_show_receipt (PortingSubmitDialog *self)
{
  PortingRequestStatus status = porting_request_get_status (self->stored);

  g_autofree char *explanation = porting_request_dup_status_explanation (self->stored);

  adw_action_row_set_subtitle (self->id_row, porting_request_get_display_reference (self->stored));
  if (self->status_widget != NULL)
    adw_action_row_remove (self->status_row, self->status_widget);
  self->status_widget = porting_request_status_widget_new (status);
  adw_action_row_add_suffix (self->status_row, self->status_widget);
  gtk_label_set_label (self->explanation_label, explanation);
  gtk_label_set_label (self->next_label,
                       porting_request_kind_get_next_steps (porting_request_get_kind (self->stored)));

  gtk_stack_set_visible_child_name (self->stack, "receipt");
  gtk_widget_grab_focus (self->done_button);
}

static void
porting_submit_dialog_show_failure (PortingSubmitDialog *self,
                                    const char          *message,
                                    gboolean             can_retry)
{
  g_free (self->message);
  self->message = g_strdup (message);

  adw_status_page_set_description (self->failed_page, message);
  gtk_widget_set_visible (self->retry_button, can_retry);
  gtk_stack_set_visible_child_name (self->stack, "failed");
  if (can_retry)
    gtk_widget_grab_focus (self->retry_button);
}

static void
porting_submit_dialog_keep_for_later (PortingSubmitDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!porting_outbox_add (porting_intake_session_get_outbox (self->session), self->request,
                           self->loa, self->proof, self->regulatory, self->idempotency_key, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why the request could not be kept on this computer */
      message = g_strdup_printf (_("The service cannot be reached and the request could not be kept to send later: %s"),
                                 error->message);
      porting_submit_dialog_show_failure (self, message, TRUE);
      return;
    }

  /* The outbox sends it with this key from now on. */
  forget_idempotency_key (self->content_digest);
  g_free (self->message);
  self->message = g_strdup (_("Saved: it will be sent when the service can be reached."));
  adw_status_page_set_description (self->saved_page, self->message);
  gtk_stack_set_visible_child_name (self->stack, "saved");
}

static void
on_progress (goffset  sent,
             goffset  total,
             gpointer user_data)
{
  PortingSubmitDialog *self = user_data;
  g_autofree char *text = NULL;

  /* Closed while the last bytes went out. */
  if (self->progress_bar == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;

  if (total <= 0)
    {
      gtk_progress_bar_pulse (self->progress_bar);
      return;
    }

  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP ((double) sent / (double) total, 0.0, 1.0));
  /* Translators: upload progress, e.g. "1.2 MB of 3.4 MB" */
  {
    g_autofree char *sent_text = g_format_size (sent);
    g_autofree char *total_text = g_format_size (total);

    text = g_strdup_printf (_("%s of %s"), sent_text, total_text);
  }
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
submit_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PortingSubmitDialog) self = user_data;
  g_autoptr(PortingRequest) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *invalid_field = NULL;

  stored = porting_intake_client_submit_finish (PORTING_INTAKE_CLIENT (object), result,
                                                &invalid_field, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);

  if (stored == NULL)
    {
      if (g_error_matches (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_UNREACHABLE))
        porting_submit_dialog_keep_for_later (self);
      else
        porting_submit_dialog_show_failure (self, error->message,
                                            !g_error_matches (error, PORTING_INTAKE_ERROR,
                                                              PORTING_INTAKE_ERROR_INVALID));
      return;
    }

  forget_idempotency_key (self->content_digest);
  g_set_object (&self->stored, stored);
  porting_submit_dialog_show_receipt (self);

  g_signal_emit (self, signals[SUBMITTED], 0, stored);
  porting_intake_session_request_stored (self->session, stored);

  if (self->close_when_stored)
    gtk_window_close (GTK_WINDOW (self));
}

void
porting_submit_dialog_set_close_when_stored (PortingSubmitDialog *self,
                                             gboolean             close_when_stored)
{
  g_return_if_fail (PORTING_IS_SUBMIT_DIALOG (self));

  self->close_when_stored = !!close_when_stored;
  if (self->close_when_stored && self->stored != NULL)
    gtk_window_close (GTK_WINDOW (self));
}

/**
 * porting_submit_dialog_send:
 *
 * Sends (again) the request; the dialog was already sending at creation.
 */
void
porting_submit_dialog_send (PortingSubmitDialog *self)
{
  PortingIntakeClient *client;

  g_return_if_fail (PORTING_IS_SUBMIT_DIALOG (self));

  if (self->cancellable != NULL)
    return;

  client = porting_intake_session_get_client (self->session);
  if (client == NULL)
    {
      porting_submit_dialog_show_failure (self, _("No intake service address is set. Add it in Preferences."), FALSE);
      return;
    }
  if (!porting_intake_session_get_has_token (self->session))
    {
      porting_submit_dialog_show_failure (self, _("No access token is set. Add the token you were given in Preferences."), FALSE);
      return;
    }

  g_clear_pointer (&self->message, g_free);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, _("Starting…"));
  gtk_stack_set_visible_child_name (self->stack, "sending");

  self->cancellable = g_cancellable_new ();
  /* The task holds a reference on the dialog, which keeps the progress data valid. */
  porting_intake_client_submit_async (client, self->request, self->loa, self->proof, self->regulatory,
                                      self->idempotency_key, self->cancellable,
                                      on_progress, self,
                                      submit_cb, g_object_ref (self));
}

static void
on_cancel_clicked (PortingSubmitDialog *self,
                   GtkButton           *button)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_close_clicked (PortingSubmitDialog *self,
                  GtkButton           *button)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_retry_clicked (PortingSubmitDialog *self,
                  GtkButton           *button)
{
  porting_submit_dialog_send (self);
}

static void
on_copy_id_clicked (PortingSubmitDialog *self,
                    GtkButton           *button)
{
  if (self->stored != NULL)
    porting_copy_text (GTK_WIDGET (button), porting_request_get_display_reference (self->stored));
}

static gboolean
porting_submit_dialog_close_request (GtkWindow *window)
{
  PortingSubmitDialog *self = PORTING_SUBMIT_DIALOG (window);

  /* Closing while sending is the Cancel button; the key stays the same
   * for a later try, so a body the service already stored is not doubled. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  return GTK_WINDOW_CLASS (porting_submit_dialog_parent_class)->close_request (window);
}

static void
porting_submit_dialog_dispose (GObject *object)
{
  PortingSubmitDialog *self = PORTING_SUBMIT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PORTING_TYPE_SUBMIT_DIALOG);

  G_OBJECT_CLASS (porting_submit_dialog_parent_class)->dispose (object);
}

static void
porting_submit_dialog_finalize (GObject *object)
{
  PortingSubmitDialog *self = PORTING_SUBMIT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->request);
  g_clear_object (&self->loa);
  g_clear_object (&self->proof);
  g_clear_pointer (&self->regulatory, g_ptr_array_unref);
  g_clear_object (&self->stored);
  g_clear_pointer (&self->idempotency_key, g_free);
  g_clear_pointer (&self->content_digest, g_free);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (porting_submit_dialog_parent_class)->finalize (object);
}

static void
porting_submit_dialog_class_init (PortingSubmitDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = porting_submit_dialog_dispose;
  object_class->finalize = porting_submit_dialog_finalize;
  window_class->close_request = porting_submit_dialog_close_request;

  /**
   * PortingSubmitDialog::submitted:
   * @request: the request as the service stored it (with its id)
   */
  signals[SUBMITTED] =
    g_signal_new ("submitted",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, PORTING_TYPE_REQUEST);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Porting/porting-submit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PortingSubmitDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, PortingSubmitDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PortingSubmitDialog, id_row);
  gtk_widget_class_bind_template_child (widget_class, PortingSubmitDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, PortingSubmitDialog, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, PortingSubmitDialog, next_label);
  gtk_widget_class_bind_template_child (widget_class, PortingSubmitDialog, failed_page);
  gtk_widget_class_bind_template_child (widget_class, PortingSubmitDialog, saved_page);
  gtk_widget_class_bind_template_child (widget_class, PortingSubmitDialog, retry_button);
  gtk_widget_class_bind_template_child (widget_class, PortingSubmitDialog, done_button);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_close_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_id_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
porting_submit_dialog_init (PortingSubmitDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  porting_accessible_fix_tree (GTK_WIDGET (self));
}

PortingSubmitDialog *
porting_submit_dialog_new (GtkWindow            *parent,
                           PortingIntakeSession *session,
                           PortingRequest       *request,
                           GFile                *loa,
                           GFile                *proof,
                           GPtrArray            *regulatory)
{
  PortingSubmitDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PORTING_IS_INTAKE_SESSION (session), NULL);
  g_return_val_if_fail (PORTING_IS_REQUEST (request), NULL);

  self = g_object_new (PORTING_TYPE_SUBMIT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->session = g_object_ref (session);
  /* The request goes out as it is now, even if the page changes it meanwhile. */
  self->request = porting_request_copy (request);
  g_set_object (&self->loa, loa);
  g_set_object (&self->proof, proof);
  self->regulatory = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; regulatory != NULL && i < regulatory->len; i++)
    g_ptr_array_add (self->regulatory, g_object_ref (g_ptr_array_index (regulatory, i)));
  self->content_digest = dup_content_digest (self->request, loa, proof, regulatory);
  self->idempotency_key = dup_idempotency_key (self->content_digest);

  return self;
}

PortingSubmitDialog *
porting_submit_dialog_present (GtkWindow      *parent,
                               PortingRequest *request,
                               GFile          *loa,
                               GFile          *proof,
                               GPtrArray      *regulatory)
{
  GtkApplication *app;
  PortingSubmitDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);

  app = gtk_window_get_application (parent);
  g_return_val_if_fail (PORTING_IS_APPLICATION (app), NULL);

  self = porting_submit_dialog_new (parent,
                                    porting_application_get_intake_session (PORTING_APPLICATION (app)),
                                    request, loa, proof, regulatory);
  gtk_window_present (GTK_WINDOW (self));
  porting_submit_dialog_send (self);

  return self;
}

const char *
porting_submit_dialog_get_state (PortingSubmitDialog *self)
{
  g_return_val_if_fail (PORTING_IS_SUBMIT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

PortingRequest *
porting_submit_dialog_get_stored (PortingSubmitDialog *self)
{
  g_return_val_if_fail (PORTING_IS_SUBMIT_DIALOG (self), NULL);

  return self->stored;
}

const char *
porting_submit_dialog_get_message (PortingSubmitDialog *self)
{
  g_return_val_if_fail (PORTING_IS_SUBMIT_DIALOG (self), NULL);

  return self->message;
}
