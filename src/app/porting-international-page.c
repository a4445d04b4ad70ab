/* porting-international-page.c — ask whether a number in another country can be ported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-international-page"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-application.h"
#include "porting-international-page-private.h"
#include "porting-job-page.h"
#include "porting-phone-number.h"
#include "porting-request-ui.h"
#include "porting-row-message.h"
#include "porting-submit-dialog.h"

#define DRAFT_FLOW "international"
/* A half-typed number is not an error yet: its reason waits for a pause. */
#define REASON_DELAY_MS 800
#define PORTABILITY_DELAY_MS 400

/* What the request says for each position of the Type row. */
static const char * const type_names[] = { "local", "mobile", "toll-free" };

enum {
  PROP_0,
  PROP_DRAFT_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PortingInternationalPage, porting_international_page, ADW_TYPE_BIN)

static void update_queue (PortingInternationalPage *self);

static const char *
row_text (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static void
show_toast (PortingInternationalPage *self,
            const char               *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

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

/* ---- Validation -------------------------------------------------------- */

static char *
number_message (PortingInternationalPage *self,
                gboolean                  show_required)
{
  g_autoptr(PortingPhoneNumber) number = NULL;
  const char *text = row_text (self->number_row);

  if (porting_text_is_blank (text))
    return show_required ? g_strdup (_("Type the number with its country code, such as +44 20 7946 0958.")) : NULL;

  number = porting_phone_number_parse (text, NULL);
  if (!number->valid)
    return g_strdup (number->reason != NULL ? number->reason
                                            : _("This is not a telephone number. Type it with its country code, such as +44 20 7946 0958."));

  if (porting_phone_number_is_us_or_ca (number))
    return g_strdup (_("This number is in the United States or Canada: move it with Port In instead."));

  return NULL;
}

static char *
country_message (PortingInternationalPage *self,
                 gboolean                  show_required)
{
  if (porting_text_is_blank (row_text (self->country_row)) && show_required)
    return g_strdup (_("Enter the country of the number."));

  return NULL;
}

static char *
e164_message (PortingInternationalPage *self,
              gboolean                  show_required)
{
  g_autoptr(PortingPhoneNumber) number = NULL;
  const char *text = row_text (self->e164_row);

  if (porting_text_is_blank (text))
    return show_required ? g_strdup (_("Enter the number in international form, such as +442079460958.")) : NULL;

  number = porting_phone_number_parse (text, NULL);
  if (text[strspn (text, " ")] != '+' || number->e164 == NULL || !number->valid)
    return g_strdup (_("Write the number in international form: a + followed by the country code and the number, such as +442079460958."));

  return NULL;
}

/* Shows the messages of the detail rows; the number row has its own timing. */
static gboolean
check_details (PortingInternationalPage *self)
{
  g_autofree char *country = country_message (self, self->show_required);
  g_autofree char *e164 = e164_message (self, self->show_required);

  porting_row_set_message (GTK_WIDGET (self->country_row), country);
  porting_row_set_message (GTK_WIDGET (self->e164_row), e164);

  return country == NULL && e164 == NULL;
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
  g_autoptr(PortingPhoneNumber) number = porting_phone_number_parse (row_text (self->e164_row), NULL);
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

/* ---- The number and what it tells ------------------------------------- */

static int
type_position (PortingNumberType type)
{
  switch (type)
    {
    case PORTING_NUMBER_TYPE_FIXED_LINE:
    case PORTING_NUMBER_TYPE_FIXED_LINE_OR_MOBILE:
      return INTERNATIONAL_TYPE_LOCAL;

    case PORTING_NUMBER_TYPE_MOBILE:
      return INTERNATIONAL_TYPE_MOBILE;

    case PORTING_NUMBER_TYPE_TOLL_FREE:
      return INTERNATIONAL_TYPE_TOLL_FREE;

    case PORTING_NUMBER_TYPE_UNKNOWN:
    case PORTING_NUMBER_TYPE_PREMIUM_RATE:
    case PORTING_NUMBER_TYPE_SHARED_COST:
    case PORTING_NUMBER_TYPE_VOIP:
    case PORTING_NUMBER_TYPE_PERSONAL_NUMBER:
    case PORTING_NUMBER_TYPE_PAGER:
    case PORTING_NUMBER_TYPE_UAN:
    case PORTING_NUMBER_TYPE_VOICEMAIL:
    default:
      return -1;
    }
}

/* Fills the details from the number field when it holds a number of another
 * country; returns the reason it does not, for later. */
static char *
fill_from_number (PortingInternationalPage *self)
{
  g_autoptr(PortingPhoneNumber) number = porting_phone_number_parse (row_text (self->number_row), NULL);
  g_autofree char *message = number_message (self, FALSE);
  int position;

  if (message != NULL || !number->valid)
    return g_steal_pointer (&message);

  g_free (self->region);
  self->region = g_strdup (number->region);

  if (number->region != NULL)
    {
      g_autofree char *country = porting_phone_number_country_display_name (number->region);

      gtk_editable_set_text (GTK_EDITABLE (self->country_row),
                             country != NULL ? country : (number->country_name != NULL ? number->country_name : ""));
    }
  gtk_editable_set_text (GTK_EDITABLE (self->e164_row), number->e164);

  /* Types with no place in the list (VoIP, shared cost…) start as local: the
   * customer sees it and can say otherwise. */
  position = type_position (number->type);
  adw_combo_row_set_selected (self->type_row, position >= 0 ? (guint) position : INTERNATIONAL_TYPE_LOCAL);

  return NULL;
}

static gboolean
reason_timeout_cb (gpointer user_data)
{
  PortingInternationalPage *self = user_data;
  g_autofree char *message = number_message (self, self->show_required);

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

static void
on_number_changed (PortingInternationalPage *self,
                   GtkEditable              *editable)
{
  g_autofree char *reason = NULL;

  if (self->restoring)
    return;

  porting_draft_store_set_string (self->draft_store, DRAFT_FLOW, "number", row_text (editable));

  reason = fill_from_number (self);
  g_clear_handle_id (&self->reason_timeout_id, g_source_remove);
  porting_row_set_message (GTK_WIDGET (self->number_row), NULL);
  if (reason != NULL)
    self->reason_timeout_id = g_timeout_add (REASON_DELAY_MS, reason_timeout_cb, self);
}

static void
on_field_changed (PortingInternationalPage *self,
                  GtkEditable              *editable)
{
  const char *key = g_object_get_data (G_OBJECT (editable), "draft-key");

  if (self->restoring)
    return;

  porting_draft_store_set_string (self->draft_store, DRAFT_FLOW, key, gtk_editable_get_text (editable));

  if (editable == GTK_EDITABLE (self->e164_row))
    {
      g_autoptr(PortingPhoneNumber) number = porting_phone_number_parse (row_text (self->e164_row), NULL);

      /* The country code goes with the number actually sent. */
      if (number->valid)
        {
          g_free (self->region);
          self->region = g_strdup (number->region);
        }
      schedule_portability (self);
    }

  check_details (self);
}

static void
on_type_changed (PortingInternationalPage *self,
                 GParamSpec               *pspec,
                 AdwComboRow              *row)
{
  if (!self->restoring)
    porting_draft_store_set_int (self->draft_store, DRAFT_FLOW, "type", adw_combo_row_get_selected (row));
}

/* ---- Numbers waiting for their turn ------------------------------------ */

static void
save_queue (PortingInternationalPage *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->restoring)
    return;

  for (guint i = 0; i < self->queue->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (self->queue, i));
    }

  if (text->len > 0)
    porting_draft_store_set_string (self->draft_store, DRAFT_FLOW, "queue", text->str);
  else
    porting_draft_store_set (self->draft_store, DRAFT_FLOW, "queue", NULL);
}

/* Puts the number of @row in the form; what the form held waits in its place. */
static void
on_queue_use_clicked (GtkButton                *button,
                      PortingInternationalPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "queue-index"));
  g_autofree char *number = NULL;
  const char *current = row_text (self->number_row);

  g_return_if_fail (index < self->queue->len);

  number = g_strdup (g_ptr_array_index (self->queue, index));
  if (!porting_text_is_blank (current))
    {
      g_free (g_ptr_array_index (self->queue, index));
      g_ptr_array_index (self->queue, index) = g_strdup (current);
    }
  else
    g_ptr_array_remove_index (self->queue, index);

  gtk_editable_set_text (GTK_EDITABLE (self->number_row), number);
  save_queue (self);
  update_queue (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->number_row));
}

static void
on_queue_remove_clicked (GtkButton                *button,
                         PortingInternationalPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "queue-index"));

  g_return_if_fail (index < self->queue->len);

  g_ptr_array_remove_index (self->queue, index);
  save_queue (self);
  update_queue (self);
}

static void
update_queue (PortingInternationalPage *self)
{
  for (guint i = 0; i < self->queue_rows->len; i++)
    adw_preferences_group_remove (self->queue_group, g_ptr_array_index (self->queue_rows, i));
  g_ptr_array_set_size (self->queue_rows, 0);

  for (guint i = 0; i < self->queue->len; i++)
    {
      const char *text = g_ptr_array_index (self->queue, i);
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

      remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_set_valign (remove_button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (remove_button, _("Remove"));
      gtk_widget_add_css_class (remove_button, "flat");
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove"), -1);
      g_object_set_data (G_OBJECT (remove_button), "queue-index", GUINT_TO_POINTER (i));
      g_signal_connect (remove_button, "clicked", G_CALLBACK (on_queue_remove_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove_button);

      adw_preferences_group_add (self->queue_group, row);
      g_ptr_array_add (self->queue_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->queue_group), self->queue->len > 0);
}

guint
_porting_international_page_get_n_queued (PortingInternationalPage *self)
{
  g_return_val_if_fail (PORTING_IS_INTERNATIONAL_PAGE (self), 0);

  return self->queue->len;
}

static gboolean
is_known_number (PortingInternationalPage *self,
                 const char               *text)
{
  g_autoptr(PortingPhoneNumber) number = porting_phone_number_parse (text, NULL);
  g_autoptr(PortingPhoneNumber) current = porting_phone_number_parse (row_text (self->number_row), NULL);

  if (number->e164 != NULL && g_strcmp0 (number->e164, current->e164) == 0)
    return TRUE;

  for (guint i = 0; i < self->queue->len; i++)
    {
      const char *queued_text = g_ptr_array_index (self->queue, i);
      g_autoptr(PortingPhoneNumber) queued = porting_phone_number_parse (queued_text, NULL);

      if (g_str_equal (queued_text, text) ||
          (number->e164 != NULL && g_strcmp0 (number->e164, queued->e164) == 0))
        return TRUE;
    }

  return FALSE;
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

  for (guint i = 0; numbers != NULL && numbers[i] != NULL; i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (numbers[i]));

      if (porting_text_is_blank (text) || is_known_number (self, text))
        continue;

      if (porting_text_is_blank (row_text (self->number_row)))
        gtk_editable_set_text (GTK_EDITABLE (self->number_row), text);
      else
        g_ptr_array_add (self->queue, g_steal_pointer (&text));
    }

  save_queue (self);
  update_queue (self);
}

/* ---- Drafts ------------------------------------------------------------ */

/* Puts every field as @draft says; NULL empties the form. */
static void
apply_draft (PortingInternationalPage *self,
             JsonObject               *draft)
{
  g_autoptr(PortingPhoneNumber) number = NULL;
  g_auto(GStrv) queue = NULL;
  gint64 type;

  self->restoring = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (self->number_row), porting_draft_get_string (draft, "number"));
  gtk_editable_set_text (GTK_EDITABLE (self->country_row), porting_draft_get_string (draft, "country-name"));
  gtk_editable_set_text (GTK_EDITABLE (self->e164_row), porting_draft_get_string (draft, "international-number"));
  type = porting_draft_get_int (draft, "type");
  adw_combo_row_set_selected (self->type_row, type >= 0 && type < (gint64) G_N_ELEMENTS (type_names) ? (guint) type : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), porting_draft_get_string (draft, "notes"));

  number = porting_phone_number_parse (row_text (self->e164_row), NULL);
  g_free (self->region);
  self->region = g_strdup (number->region);

  g_ptr_array_set_size (self->queue, 0);
  queue = g_strsplit (porting_draft_get_string (draft, "queue"), "\n", -1);
  for (guint i = 0; queue[i] != NULL; i++)
    {
      if (!porting_text_is_blank (queue[i]))
        g_ptr_array_add (self->queue, g_strdup (queue[i]));
    }
  update_queue (self);

  self->restoring = FALSE;

  /* A restored form says at once what is wrong in it. */
  self->show_required = FALSE;
  _porting_international_page_update_now (self);
  check_details (self);
}

/* ---- Submitting -------------------------------------------------------- */

PortingRequest *
_porting_international_page_build_request (PortingInternationalPage *self)
{
  g_autoptr(PortingRequest) request = NULL;
  g_autoptr(PortingPhoneNumber) number = NULL;
  g_autofree char *number_error = NULL;
  g_autofree char *country_name = NULL;
  g_autofree char *notes = NULL;
  guint type;
  gboolean details_ok;

  g_return_val_if_fail (PORTING_IS_INTERNATIONAL_PAGE (self), NULL);

  self->show_required = TRUE;
  g_clear_handle_id (&self->reason_timeout_id, g_source_remove);
  number_error = number_message (self, TRUE);
  porting_row_set_message (GTK_WIDGET (self->number_row), number_error);
  details_ok = check_details (self);

  if (number_error != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->number_row));
      return NULL;
    }
  if (!details_ok)
    {
      gtk_widget_grab_focus (GTK_WIDGET (porting_row_get_message (GTK_WIDGET (self->country_row)) != NULL
                                         ? self->country_row : self->e164_row));
      return NULL;
    }

  number = porting_phone_number_parse (row_text (self->e164_row), NULL);
  country_name = g_strstrip (g_strdup (row_text (self->country_row)));
  notes = g_strstrip (g_strdup (row_text (self->notes_row)));
  type = adw_combo_row_get_selected (self->type_row);

  request = porting_request_new (PORTING_REQUEST_KIND_INTERNATIONAL_INQUIRY);
  porting_request_set_string (request, "country", number->region != NULL ? number->region : self->region);
  porting_request_set_string (request, "country_name", country_name);
  porting_request_set_string (request, "number", number->e164);
  porting_request_set_string (request, "number_type", type_names[MIN (type, G_N_ELEMENTS (type_names) - 1)]);
  if (notes[0] != '\0')
    porting_request_set_string (request, "notes", notes);

  return g_steal_pointer (&request);
}

static void
on_submitted (PortingSubmitDialog      *dialog,
              PortingRequest           *stored,
              PortingInternationalPage *self)
{
  g_autoptr(GPtrArray) waiting = g_steal_pointer (&self->queue);

  /* The service has it: the draft has done its job, and the next number
   * of the list takes its place. */
  self->queue = g_ptr_array_new_with_free_func (g_free);
  porting_draft_store_discard (self->draft_store, DRAFT_FLOW);
  apply_draft (self, NULL);

  g_ptr_array_add (waiting, NULL);
  porting_international_page_set_numbers (self, (const char * const *) waiting->pdata);

  show_toast (self, _("Inquiry sent"));
}

gboolean
porting_international_page_submit (PortingInternationalPage *self)
{
  g_autoptr(PortingRequest) request = NULL;
  PortingSubmitDialog *dialog;

  g_return_val_if_fail (PORTING_IS_INTERNATIONAL_PAGE (self), FALSE);

  request = _porting_international_page_build_request (self);
  if (request == NULL)
    return FALSE;

  dialog = porting_job_page_submit_inquiry (GTK_WIDGET (self), self->toast_overlay, self->session, request);
  if (dialog != NULL)
    g_signal_connect_object (dialog, "submitted", G_CALLBACK (on_submitted), self, 0);

  return dialog != NULL;
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

  return self->draft_store;
}

void
porting_international_page_set_intake_session (PortingInternationalPage *self,
                                               PortingIntakeSession     *session)
{
  g_return_if_fail (PORTING_IS_INTERNATIONAL_PAGE (self));
  g_return_if_fail (session == NULL || PORTING_IS_INTAKE_SESSION (session));

  g_set_object (&self->session, session);
}

static void
porting_international_page_map (GtkWidget *widget)
{
  PortingInternationalPage *self = PORTING_INTERNATIONAL_PAGE (widget);
  g_autofree char *e164_error = NULL;

  GTK_WIDGET_CLASS (porting_international_page_parent_class)->map (widget);

  /* The answer may have changed since: ask each time the page shows. */
  e164_error = e164_message (self, TRUE);
  if (e164_error == NULL)
    schedule_portability (self);
}

static void
porting_international_page_constructed (GObject *object)
{
  PortingInternationalPage *self = PORTING_INTERNATIONAL_PAGE (object);
  g_autoptr(JsonObject) draft = NULL;

  G_OBJECT_CLASS (porting_international_page_parent_class)->constructed (object);

  draft = porting_job_page_load_draft (&self->draft_store, DRAFT_FLOW);
  apply_draft (self, draft);
}

static void
porting_international_page_dispose (GObject *object)
{
  PortingInternationalPage *self = PORTING_INTERNATIONAL_PAGE (object);

  g_cancellable_cancel (self->portability_cancellable);
  g_clear_handle_id (&self->reason_timeout_id, g_source_remove);
  g_clear_handle_id (&self->portability_timeout_id, g_source_remove);

  porting_job_page_save_draft (self->draft_store);

  G_OBJECT_CLASS (porting_international_page_parent_class)->dispose (object);
}

static void
porting_international_page_finalize (GObject *object)
{
  PortingInternationalPage *self = PORTING_INTERNATIONAL_PAGE (object);

  g_clear_object (&self->portability_cancellable);
  g_clear_object (&self->draft_store);
  g_clear_object (&self->session);
  g_clear_pointer (&self->queue, g_ptr_array_unref);
  g_clear_pointer (&self->queue_rows, g_ptr_array_unref);
  g_clear_pointer (&self->region, g_free);

  G_OBJECT_CLASS (porting_international_page_parent_class)->finalize (object);
}

static void
porting_international_page_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  PortingInternationalPage *self = PORTING_INTERNATIONAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_DRAFT_STORE:
      g_value_set_object (value, self->draft_store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porting_international_page_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  PortingInternationalPage *self = PORTING_INTERNATIONAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_DRAFT_STORE:
      g_set_object (&self->draft_store, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porting_international_page_class_init (PortingInternationalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = porting_international_page_constructed;
  object_class->dispose = porting_international_page_dispose;
  object_class->finalize = porting_international_page_finalize;
  object_class->get_property = porting_international_page_get_property;
  object_class->set_property = porting_international_page_set_property;
  widget_class->map = porting_international_page_map;

  properties[PROP_DRAFT_STORE] =
    g_param_spec_object ("draft-store", NULL, NULL,
                         PORTING_TYPE_DRAFT_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Porting/porting-international-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PortingInternationalPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PortingInternationalPage, number_row);
  gtk_widget_class_bind_template_child (widget_class, PortingInternationalPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, PortingInternationalPage, country_row);
  gtk_widget_class_bind_template_child (widget_class, PortingInternationalPage, e164_row);
  gtk_widget_class_bind_template_child (widget_class, PortingInternationalPage, type_row);
  gtk_widget_class_bind_template_child (widget_class, PortingInternationalPage, portability_row);
  gtk_widget_class_bind_template_child (widget_class, PortingInternationalPage, portability_icon_stack);
  gtk_widget_class_bind_template_child (widget_class, PortingInternationalPage, portability_spinner);
  gtk_widget_class_bind_template_child (widget_class, PortingInternationalPage, portability_icon);
  gtk_widget_class_bind_template_child (widget_class, PortingInternationalPage, notes_row);
  gtk_widget_class_bind_template_child (widget_class, PortingInternationalPage, queue_group);
  gtk_widget_class_bind_template_child (widget_class, PortingInternationalPage, submit_button);
  gtk_widget_class_bind_template_callback (widget_class, on_number_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_type_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_submit_clicked);
}

static void
porting_international_page_init (PortingInternationalPage *self)
{
  self->queue = g_ptr_array_new_with_free_func (g_free);
  self->queue_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_set_data (G_OBJECT (self->country_row), "draft-key", (gpointer) "country-name");
  g_object_set_data (G_OBJECT (self->e164_row), "draft-key", (gpointer) "international-number");
  g_object_set_data (G_OBJECT (self->notes_row), "draft-key", (gpointer) "notes");
}
