/* porting-international-page.c — ask whether a number in another country can be ported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-international-page"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-application.h"
#include "porting-international-page-private.h"
#include "porting-phone-number.h"
#include "porting-request-ui.h"
#include "porting-row-message.h"

/* A half-typed number is not an error yet: its reason waits for a pause. */
#define REASON_DELAY_MS 800
#define PORTABILITY_DELAY_MS 400

G_DEFINE_FINAL_TYPE (PortingInternationalPage, porting_international_page, PORTING_TYPE_JOB_PAGE)

static void update_queue (PortingInternationalPage *self);

static PortingIntakeClient *
get_client (PortingInternationalPage *self)
{
  GtkRoot *root;
  GtkApplication *application;

  if (self->session != NULL)
    return porting_intake_session_get_client (self->session);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (!GTK_IS_WINDOW (root))
    return NULL;

  application = gtk_window_get_application (GTK_WINDOW (root));
  if (!PORTING_IS_APPLICATION (application))
    return NULL;

  return porting_application_get_intake_client (PORTING_APPLICATION (application));
}

/* ---- What the form says ------------------------------------------------- */

/* Shows the messages of the detail rows; the number row has its own timing.
 * Returns the problems. */
static GPtrArray *
check_details (PortingInternationalPage *self)
{
  GPtrArray *problems = porting_form_check (PORTING_FORM (self->form));

  porting_job_page_show_messages (PORTING_JOB_PAGE (self), problems, self->show_required);

  return problems;
}

static gboolean
reason_timeout_cb (gpointer user_data)
{
  PortingInternationalPage *self = user_data;
  g_autofree char *message = porting_international_form_dup_number_problem (self->form, self->show_required);

  self->reason_timeout_id = 0;
  porting_row_set_message (GTK_WIDGET (self->number_row), message);

  return G_SOURCE_REMOVE;
}

void
_porting_international_page_update_now (PortingInternationalPage *self)
{
  g_return_if_fail (PORTING_IS_INTERNATIONAL_PAGE (self));

  g_clear_handle_id (&self->reason_timeout_id, g_source_remove);
  reason_timeout_cb (self);
}

/* ---- Portability, as the service sees it ------------------------------- */

typedef struct
{
  PortingInternationalPage *page;
  GCancellable             *cancellable;
} PortabilityQuery;

static void
portability_query_free (PortabilityQuery *query)
{
  g_object_unref (query->page);
  g_object_unref (query->cancellable);
  g_free (query);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortabilityQuery, portability_query_free)

static void
portability_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PortabilityQuery) query = user_data;
  PortingInternationalPage *self = query->page;
  g_autoptr(JsonObject) answer = NULL;
  g_autoptr(GError) error = NULL;
  const char *reason;

  answer = porting_intake_client_portability_finish (PORTING_INTAKE_CLIENT (object), result, &error);
  /* An answer for a number typed before, or for a page gone. */
  if (g_cancellable_is_cancelled (query->cancellable))
    return;

  gtk_spinner_stop (self->portability_spinner);
  gtk_stack_set_visible_child_name (self->portability_icon_stack, "icon");

  if (answer == NULL)
    {
      /* Only a hint: the inquiry itself does not need it. */
      gtk_widget_set_visible (GTK_WIDGET (self->portability_row), FALSE);
      g_debug ("Portability not known: %s", error->message);
      return;
    }

  reason = json_object_has_member (answer, "reason") && !json_object_get_null_member (answer, "reason")
           ? json_object_get_string_member (answer, "reason") : NULL;

  if (json_object_get_boolean_member_with_default (answer, "portable", FALSE))
    {
      gtk_image_set_from_icon_name (self->portability_icon, "emblem-ok-symbolic");
      adw_action_row_set_subtitle (self->portability_row, _("This number can be ported directly."));
    }
  else
    {
      /* The service's reason is in English and sends the customer to
       * support: this inquiry is the way to support. */
      if (reason != NULL)
        g_debug ("Not portable: %s", reason);
      gtk_image_set_from_icon_name (self->portability_icon, "dialog-information-symbolic");
      adw_action_row_set_subtitle (self->portability_row,
                                   _("Not directly: send this inquiry, and we find out what the carrier in its country needs."));
    }
}

static gboolean
portability_timeout_cb (gpointer user_data)
{
  PortingInternationalPage *self = user_data;
  PortingIntakeClient *client = get_client (self);
  g_autoptr(PortingPhoneNumber) number = porting_phone_number_parse (gtk_editable_get_text (GTK_EDITABLE (self->e164_row)), NULL);
  PortabilityQuery *query;

  self->portability_timeout_id = 0;

  if (client == NULL || number->e164 == NULL || !number->valid)
    return G_SOURCE_REMOVE;

  self->portability_cancellable = g_cancellable_new ();
  gtk_widget_set_visible (GTK_WIDGET (self->portability_row), TRUE);
  adw_action_row_set_subtitle (self->portability_row, _("Asking the porting service…"));
  gtk_stack_set_visible_child_name (self->portability_icon_stack, "spinner");
  gtk_spinner_start (self->portability_spinner);

  query = g_new0 (PortabilityQuery, 1);
  query->page = g_object_ref (self);
  query->cancellable = g_object_ref (self->portability_cancellable);
  porting_intake_client_portability_async (client, number->e164, self->portability_cancellable,
                                           portability_cb, query);

  return G_SOURCE_REMOVE;
}

static void
schedule_portability (PortingInternationalPage *self)
{
  g_cancellable_cancel (self->portability_cancellable);
  g_clear_object (&self->portability_cancellable);
  g_clear_handle_id (&self->portability_timeout_id, g_source_remove);
  gtk_spinner_stop (self->portability_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->portability_row), FALSE);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && get_client (self) != NULL)
    self->portability_timeout_id = g_timeout_add (PORTABILITY_DELAY_MS, portability_timeout_cb, self);
}

static void
porting_international_page_form_changed (PortingJobPage *page,
                                         GParamSpec     *pspec)
{
  PortingInternationalPage *self = PORTING_INTERNATIONAL_PAGE (page);
  g_autoptr(GPtrArray) problems = NULL;
  const char *name = pspec != NULL ? pspec->name : "";

  if (g_str_equal (name, "number"))
    {
      g_autofree char *reason = porting_international_form_fill_from_number (self->form);

      g_clear_handle_id (&self->reason_timeout_id, g_source_remove);
      porting_row_set_message (GTK_WIDGET (self->number_row), NULL);
      if (reason != NULL)
        self->reason_timeout_id = g_timeout_add (REASON_DELAY_MS, reason_timeout_cb, self);
    }
  else if (g_str_equal (name, "international-number"))
    schedule_portability (self);

  if (pspec == NULL || g_str_equal (name, "queue"))
    update_queue (self);

  problems = check_details (self);
}

/* ---- Numbers waiting for their turn ------------------------------------ */

static void
on_queue_use_clicked (GtkButton                *button,
                      PortingInternationalPage *self)
{
  porting_international_form_use_queued (self->form,
                                         GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "queue-index")));
  gtk_widget_grab_focus (GTK_WIDGET (self->number_row));
}

static void
on_queue_remove_clicked (GtkButton                *button,
                         PortingInternationalPage *self)
{
  porting_international_form_remove_queued (self->form,
                                            GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "queue-index")));
}

static void
update_queue (PortingInternationalPage *self)
{
  guint n_queued = porting_international_form_get_n_queued (self->form);

  for (guint i = 0; i < self->queue_rows->len; i++)
    adw_preferences_group_remove (self->queue_group, g_ptr_array_index (self->queue_rows, i));
  g_ptr_array_set_size (self->queue_rows, 0);

  for (guint i = 0; i < n_queued; i++)
    {
      const char *text = porting_international_form_get_queued (self->form, i);
      g_autoptr(PortingPhoneNumber) number = porting_phone_number_parse (text, NULL);
      g_autofree char *formatted = number->valid ? porting_phone_number_format (number) : g_strdup (text);
      g_autofree char *country = number->region != NULL ? porting_phone_number_country_display_name (number->region) : NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *use_button;
      GtkWidget *remove_button;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), formatted);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (country != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), country);

      use_button = gtk_button_new_with_label (_("Ask Now"));
      gtk_widget_set_valign (use_button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (use_button, _("Put this number in the form"));
      g_object_set_data (G_OBJECT (use_button), "queue-index", GUINT_TO_POINTER (i));
      g_signal_connect (use_button, "clicked", G_CALLBACK (on_queue_use_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), use_button);

      remove_button = porting_action_row_add_remove_button (ADW_ACTION_ROW (row));
      g_object_set_data (G_OBJECT (remove_button), "queue-index", GUINT_TO_POINTER (i));
      g_signal_connect (remove_button, "clicked", G_CALLBACK (on_queue_remove_clicked), self);

      adw_preferences_group_add (self->queue_group, row);
      g_ptr_array_add (self->queue_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->queue_group), n_queued > 0);
}

guint
_porting_international_page_get_n_queued (PortingInternationalPage *self)
{
  g_return_val_if_fail (PORTING_IS_INTERNATIONAL_PAGE (self), 0);

  return porting_international_form_get_n_queued (self->form);
}

/**
 * porting_international_page_set_numbers:
 * @numbers: (array zero-terminated=1): numbers as written
 *
 * The first new number goes into the form when it is empty; every other
 * waits in "Next Numbers", one inquiry each. Numbers already there are not
 * added twice.
 */
void
porting_international_page_set_numbers (PortingInternationalPage *self,
                                        const char * const       *numbers)
{
  g_return_if_fail (PORTING_IS_INTERNATIONAL_PAGE (self));

  porting_international_form_add_numbers (self->form, numbers);
}

/* ---- Drafts ------------------------------------------------------------ */

static void
porting_international_page_draft_applied (PortingJobPage *page,
                                          JsonObject     *draft)
{
  PortingInternationalPage *self = PORTING_INTERNATIONAL_PAGE (page);

  /* A restored form says at once what is wrong in it. */
  self->show_required = FALSE;
  _porting_international_page_update_now (self);
}

/* ---- Submitting -------------------------------------------------------- */

/* Shows every problem, the empty fields' too, and takes the focus to the
 * first field at fault; TRUE when there is none. */
static gboolean
porting_international_page_check (PortingJobPage *page)
{
  PortingInternationalPage *self = PORTING_INTERNATIONAL_PAGE (page);
  g_autoptr(GPtrArray) problems = NULL;
  PortingFormProblem *first;

  self->show_required = TRUE;
  _porting_international_page_update_now (self);
  problems = check_details (self);

  if ((first = porting_form_problems_get_first (problems)) == NULL)
    return TRUE;

  /* The number row is not among the page's bound rows: its messages wait. */
  if (g_strcmp0 (first->field, "number") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->number_row));
  else if (porting_job_page_get_field_widget (page, first->field) != NULL)
    gtk_widget_grab_focus (porting_job_page_get_field_widget (page, first->field));
  return FALSE;
}

PortingRequest *
_porting_international_page_build_request (PortingInternationalPage *self)
{
  g_return_val_if_fail (PORTING_IS_INTERNATIONAL_PAGE (self), NULL);

  if (!porting_international_page_check (PORTING_JOB_PAGE (self)))
    return NULL;

  return porting_form_to_request (PORTING_FORM (self->form));
}

static void
porting_international_page_submitted (PortingJobPage *page,
                                      PortingRequest *stored)
{
  PortingInternationalPage *self = PORTING_INTERNATIONAL_PAGE (page);
  g_auto(GStrv) waiting = porting_international_form_dup_queue (self->form);

  /* The service has it: the draft has done its job, and the next number
   * of the list takes its place. */
  PORTING_JOB_PAGE_CLASS (porting_international_page_parent_class)->submitted (page, stored);
  porting_international_form_add_numbers (self->form, (const char * const *) waiting);

  porting_job_page_show_toast (page, _("Inquiry sent"));
}

gboolean
porting_international_page_submit (PortingInternationalPage *self)
{
  g_return_val_if_fail (PORTING_IS_INTERNATIONAL_PAGE (self), FALSE);

  return porting_international_page_check (PORTING_JOB_PAGE (self)) &&
         porting_job_page_send (PORTING_JOB_PAGE (self));
}

static void
on_submit_clicked (PortingInternationalPage *self,
                   GtkButton                *button)
{
  porting_international_page_submit (self);
}

static void
on_entry_activated (PortingInternationalPage *self,
                    AdwEntryRow              *row)
{
  porting_international_page_submit (self);
}

/* ---- Object ------------------------------------------------------------ */

GtkWidget *
porting_international_page_new (PortingDraftStore *draft_store)
{
  return g_object_new (PORTING_TYPE_INTERNATIONAL_PAGE, "draft-store", draft_store, NULL);
}

PortingDraftStore *
porting_international_page_get_draft_store (PortingInternationalPage *self)
{
  g_return_val_if_fail (PORTING_IS_INTERNATIONAL_PAGE (self), NULL);

  return porting_job_page_get_draft_store (PORTING_JOB_PAGE (self));
}

void
porting_international_page_set_intake_session (PortingInternationalPage *self,
                                               PortingIntakeSession     *session)
{
  g_return_if_fail (PORTING_IS_INTERNATIONAL_PAGE (self));
  g_return_if_fail (session == NULL || PORTING_IS_INTAKE_SESSION (session));

  g_set_object (&self->session, session);
  porting_job_page_set_intake_session (PORTING_JOB_PAGE (self), session);
}

static void
porting_international_page_map (GtkWidget *widget)
{
  PortingInternationalPage *self = PORTING_INTERNATIONAL_PAGE (widget);
  g_autoptr(GPtrArray) problems = NULL;

  GTK_WIDGET_CLASS (porting_international_page_parent_class)->map (widget);

  /* The answer may have changed since: ask each time the page shows. */
  problems = porting_form_check (PORTING_FORM (self->form));
  if (porting_form_problems_get_message (problems, "international-number") == NULL)
    schedule_portability (self);
}

static void
porting_international_page_dispose (GObject *object)
{
  PortingInternationalPage *self = PORTING_INTERNATIONAL_PAGE (object);

  g_cancellable_cancel (self->portability_cancellable);
  g_clear_handle_id (&self->reason_timeout_id, g_source_remove);
  g_clear_handle_id (&self->portability_timeout_id, g_source_remove);

  G_OBJECT_CLASS (porting_international_page_parent_class)->dispose (object);
}

static void
porting_international_page_finalize (GObject *object)
{
  PortingInternationalPage *self = PORTING_INTERNATIONAL_PAGE (object);

  g_clear_object (&self->portability_cancellable);
  g_clear_object (&self->session);
  g_clear_pointer (&self->queue_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (porting_international_page_parent_class)->finalize (object);
}

static void
porting_international_page_class_init (PortingInternationalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PortingJobPageClass *page_class = PORTING_JOB_PAGE_CLASS (klass);

  object_class->dispose = porting_international_page_dispose;
  object_class->finalize = porting_international_page_finalize;
  widget_class->map = porting_international_page_map;

  page_class->draft_flow = "international";
  page_class->form_type = PORTING_TYPE_INTERNATIONAL_FORM;
  page_class->form_changed = porting_international_page_form_changed;
  page_class->draft_applied = porting_international_page_draft_applied;
  page_class->check = porting_international_page_check;
  page_class->submitted = porting_international_page_submitted;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Porting/porting-international-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PortingInternationalPage, name)
  BIND (toast_overlay);
  BIND (number_row);
  BIND (details_group);
  BIND (country_row);
  BIND (e164_row);
  BIND (type_row);
  BIND (portability_row);
  BIND (portability_icon_stack);
  BIND (portability_spinner);
  BIND (portability_icon);
  BIND (notes_row);
  BIND (queue_group);
  BIND (submit_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_submit_clicked);
}

static void
porting_international_page_init (PortingInternationalPage *self)
{
  PortingJobPage *page = PORTING_JOB_PAGE (self);

  self->queue_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->form = PORTING_INTERNATIONAL_FORM (porting_job_page_get_form (page));

  /* The number's message has a timing of its own: bound, but not among the
   * rows the page's messages go to. */
  g_object_bind_property (self->form, "number", self->number_row, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  porting_job_page_bind (page, "country-name", self->country_row, "text");
  porting_job_page_bind (page, "international-number", self->e164_row, "text");
  porting_job_page_bind (page, "type", self->type_row, "selected");
  porting_job_page_bind (page, "notes", self->notes_row, "text");
}
