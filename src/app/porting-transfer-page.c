/* porting-transfer-page.c — move numbers already on Twilio into our Twilio account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-transfer-page"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-intake-client.h"
#include "porting-job-page.h"
#include "porting-numbers-editor.h"
#include "porting-port-date.h"
#include "porting-request-ui.h"
#include "porting-request.h"
#include "porting-row-message.h"
#include "porting-transfer-page-private.h"
#include "porting-twilio-sid.h"

#define DRAFT_FLOW "twilio-transfer"

enum {
  PROP_0,
  PROP_DRAFT_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PortingTransferPage, porting_transfer_page, ADW_TYPE_BIN)

static void update_validation (PortingTransferPage *self);

/* ---- Helpers ------------------------------------------------------------ */

static void
show_toast (PortingTransferPage *self,
            const char          *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* ---- Validation --------------------------------------------------------- */

static char *
sid_problem (PortingTransferPage *self,
             gboolean            *show_inline)
{
  g_autofree char *message = NULL;
  PortingSidKind kind;

  kind = porting_twilio_sid_classify (gtk_editable_get_text (GTK_EDITABLE (self->sid_row)), NULL, &message);
  *show_inline = kind != PORTING_SID_KIND_EMPTY;

  if (kind == PORTING_SID_KIND_ACCOUNT_SID)
    return NULL;
  if (kind == PORTING_SID_KIND_EMPTY)
    return g_strdup (_("Enter your Twilio account SID."));

  return g_steal_pointer (&message);
}

static char *
date_problem (PortingTransferPage *self)
{
  g_autoptr(GDateTime) now = NULL;
  GDate today;

  if (adw_combo_row_get_selected (self->time_frame_row) != TRANSFER_TIME_FRAME_DATE)
    return NULL;
  if (!g_date_valid (&self->date))
    return g_strdup (_("Choose the date of the transfer."));

  now = g_date_time_new_now_local ();
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  if (g_date_compare (&self->date, &today) <= 0)
    return g_strdup (_("Choose a date after today."));

  return NULL;
}

char *
_porting_transfer_page_dup_problem (PortingTransferPage *self)
{
  char *problem;
  gboolean show_inline;

  if ((problem = porting_numbers_editor_dup_problem (self->numbers_editor)))
    return problem;
  if ((problem = sid_problem (self, &show_inline)))
    return problem;
  if ((problem = date_problem (self)))
    return problem;
  if (!gtk_check_button_get_active (self->contract_check))
    return g_strdup (_("Confirm that no contract is tied to these numbers."));

  return NULL;
}

static void
update_validation (PortingTransferPage *self)
{
  g_autofree char *sid_message = NULL;
  g_autofree char *date_message = NULL;
  g_autofree char *problem = NULL;
  gboolean show_inline = FALSE;

  sid_message = sid_problem (self, &show_inline);
  porting_row_set_message (GTK_WIDGET (self->sid_row), show_inline ? sid_message : NULL);

  date_message = date_problem (self);
  gtk_widget_set_visible (GTK_WIDGET (self->date_row),
                          adw_combo_row_get_selected (self->time_frame_row) == TRANSFER_TIME_FRAME_DATE);
  if (g_date_valid (&self->date))
    {
      g_autofree char *text = porting_port_date_format (&self->date);
      adw_action_row_set_subtitle (self->date_row, text);
    }
  else
    adw_action_row_set_subtitle (self->date_row, _("Not chosen yet"));
  porting_row_set_message (GTK_WIDGET (self->date_row),
                            g_date_valid (&self->date) ? date_message : NULL);

  problem = _porting_transfer_page_dup_problem (self);
  porting_job_page_show_problem (self->missing_label, self->submit_button, problem);
}

/* ---- Drafts ------------------------------------------------------------- */

static void
save_regulatory (PortingTransferPage *self)
{
  g_autoptr(JsonArray) paths = json_array_new ();
  JsonNode *node;

  if (self->restoring)
    return;

  for (guint i = 0; i < self->regulatory->len; i++)
    {
      g_autofree char *path = g_file_get_path (g_ptr_array_index (self->regulatory, i));

      if (path != NULL)
        json_array_add_string_element (paths, path);
    }
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (node, paths);
  /* The store takes the node. */
  porting_draft_store_set (self->draft_store, DRAFT_FLOW, "regulatory", node);
}

static void
form_changed (PortingTransferPage *self)
{
  update_validation (self);
}

static void
on_numbers_changed (PortingTransferPage  *self,
                    PortingNumbersEditor *editor)
{
  if (!self->restoring)
    {
      g_autofree char *text = porting_numbers_editor_dup_text (editor);
      porting_draft_store_set_string (self->draft_store, DRAFT_FLOW, "numbers", text);
    }
  form_changed (self);
}

static void
on_sid_changed (PortingTransferPage *self,
                GtkEditable         *editable)
{
  if (!self->restoring)
    {
      const char *text = gtk_editable_get_text (editable);

      /* A pasted auth token is a secret: it never reaches the disk. */
      if (porting_twilio_sid_classify (text, NULL, NULL) == PORTING_SID_KIND_AUTH_TOKEN)
        text = NULL;
      porting_draft_store_set_string (self->draft_store, DRAFT_FLOW, "account-sid", text);
    }
  form_changed (self);
}

static void
on_time_frame_changed (PortingTransferPage *self)
{
  if (!self->restoring)
    porting_draft_store_set_int (self->draft_store, DRAFT_FLOW, "time-frame",
                                 adw_combo_row_get_selected (self->time_frame_row));
  form_changed (self);
}

static void
on_contract_toggled (PortingTransferPage *self)
{
  if (!self->restoring)
    porting_draft_store_set_boolean (self->draft_store, DRAFT_FLOW, "contract",
                                     gtk_check_button_get_active (self->contract_check));
  form_changed (self);
}

static void
on_calendar_day_selected (PortingTransferPage *self,
                          GtkCalendar         *calendar)
{
  g_autoptr(GDateTime) selected = gtk_calendar_get_date (calendar);

  g_date_set_dmy (&self->date, g_date_time_get_day_of_month (selected),
                  g_date_time_get_month (selected), g_date_time_get_year (selected));

  if (!self->restoring)
    {
      g_autofree char *iso = g_date_time_format (selected, "%Y-%m-%d");
      porting_draft_store_set_string (self->draft_store, DRAFT_FLOW, "date", iso);
    }

  gtk_menu_button_popdown (self->date_button);
  form_changed (self);
}

/* ---- Regulatory documents ----------------------------------------------- */

static void remove_document (PortingTransferPage *self,
                             GFile               *file);

static void
on_remove_document_clicked (GtkButton           *button,
                            PortingTransferPage *self)
{
  remove_document (self, g_object_get_data (G_OBJECT (button), "file"));
}

static void
rebuild_documents (PortingTransferPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->regulatory_list))))
    gtk_list_box_remove (self->regulatory_list, child);

  for (guint i = 0; i < self->regulatory->len; i++)
    {
      GFile *file = g_ptr_array_index (self->regulatory, i);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *folder = parent != NULL ? g_file_get_parse_name (parent) : NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder != NULL ? folder : "");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("x-office-document-symbolic"));
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove"),
                                      -1);
      g_object_set_data_full (G_OBJECT (remove), "file", g_object_ref (file), g_object_unref);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_document_clicked), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->regulatory_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->regulatory_list), self->regulatory->len > 0);
}

static gboolean
has_document (PortingTransferPage *self,
              GFile               *file)
{
  for (guint i = 0; i < self->regulatory->len; i++)
    if (g_file_equal (g_ptr_array_index (self->regulatory, i), file))
      return TRUE;
  return FALSE;
}

static void
remove_document (PortingTransferPage *self,
                 GFile               *file)
{
  for (guint i = 0; i < self->regulatory->len; i++)
    {
      if (g_file_equal (g_ptr_array_index (self->regulatory, i), file))
        {
          g_ptr_array_remove_index (self->regulatory, i);
          break;
        }
    }

  rebuild_documents (self);
  save_regulatory (self);
  form_changed (self);
}

typedef struct
{
  PortingTransferPage *self;
  GFile               *file;
  gboolean             quiet;
} AddDocument;

static void
add_document_free (AddDocument *add)
{
  g_object_unref (add->self);
  g_object_unref (add->file);
  g_free (add);
}

static void
document_info_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AddDocument *add = user_data;
  PortingTransferPage *self = add->self;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (add->file);
  g_autofree char *message = NULL;
  const char *content_type;

  info = g_file_query_info_finish (G_FILE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    goto out;

  if (info == NULL)
    message = g_strdup_printf (_("“%s” cannot be opened: %s"), name, error->message);
  else if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    message = g_strdup_printf (_("“%s” is not a document."), name);
  else
    {
      content_type = g_file_info_get_content_type (info);
      if (content_type == NULL ||
          !(g_content_type_is_a (content_type, "application/pdf") ||
            g_content_type_is_a (content_type, "image/png") ||
            g_content_type_is_a (content_type, "image/jpeg")))
        message = g_strdup_printf (_("“%s” is not a PDF document or a PNG or JPEG image."), name);
      else if (g_file_info_get_size (info) > PORTING_INTAKE_MAX_DOCUMENT_SIZE)
        message = g_strdup_printf (_("“%s” is larger than 25 MB: make it smaller, or scan it again at a lower resolution."),
                                   name);
    }

  if (message != NULL)
    {
      if (!add->quiet)
        show_toast (self, message);
      goto out;
    }

  if (!has_document (self, add->file))
    {
      g_ptr_array_add (self->regulatory, g_object_ref (add->file));
      rebuild_documents (self);
      if (!add->quiet)
        save_regulatory (self);
      form_changed (self);
    }

out:
  add_document_free (add);
}

static void
add_document (PortingTransferPage *self,
              GFile               *file,
              gboolean             quiet)
{
  AddDocument *add = g_new0 (AddDocument, 1);

  add->self = g_object_ref (self);
  add->file = g_object_ref (file);
  add->quiet = quiet;
  g_file_query_info_async (file,
                           G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE ","
                           G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                           G_FILE_ATTRIBUTE_STANDARD_TYPE,
                           G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT,
                           self->cancellable, document_info_cb, add);
}

void
_porting_transfer_page_add_files (PortingTransferPage *self,
                                  GFile * const       *files,
                                  guint                n_files)
{
  g_return_if_fail (PORTING_IS_TRANSFER_PAGE (self));

  for (guint i = 0; i < n_files; i++)
    add_document (self, files[i], FALSE);
}

static void
on_file_chooser_response (GtkNativeDialog     *dialog,
                          int                  response,
                          PortingTransferPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          add_document (self, file, FALSE);
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
on_add_documents_clicked (PortingTransferPage *self,
                          GtkButton           *button)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Add Regulatory Documents"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);

  gtk_file_filter_set_name (filter, _("PDF Documents and Images"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_file_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static gboolean
on_drop (GtkDropTarget       *target,
         const GValue        *value,
         double               x,
         double               y,
         PortingTransferPage *self)
{
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      for (GSList *l = g_value_get_boxed (value); l != NULL; l = l->next)
        add_document (self, l->data, FALSE);
      return TRUE;
    }

  return FALSE;
}

static void
on_drop_hover (GtkDropTarget *target,
               GParamSpec    *pspec,
               GtkWidget     *zone)
{
  if (gtk_drop_target_get_current_drop (target) != NULL)
    gtk_widget_add_css_class (zone, "drop-hover");
  else
    gtk_widget_remove_css_class (zone, "drop-hover");
}

static GtkWidget *
create_drop_zone (PortingTransferPage *self)
{
  GtkWidget *zone = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("folder-documents-symbolic");
  GtkWidget *label = gtk_label_new (_("Drop documents here"));
  GtkWidget *hint = gtk_label_new (_("PDF documents, or PNG or JPEG images, 25 MB each at most"));
  GtkDropTarget *target;

  gtk_widget_add_css_class (zone, "card");
  gtk_widget_add_css_class (zone, "drop-zone");
  gtk_widget_set_margin_top (zone, 12);
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 32);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_widget_set_margin_top (icon, 18);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_justify (GTK_LABEL (hint), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_bottom (hint, 18);
  gtk_widget_set_margin_start (hint, 12);
  gtk_widget_set_margin_end (hint, 12);
  gtk_box_append (GTK_BOX (zone), icon);
  gtk_box_append (GTK_BOX (zone), label);
  gtk_box_append (GTK_BOX (zone), hint);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, 0);
  g_signal_connect_object (target, "notify::current-drop", G_CALLBACK (on_drop_hover), zone, 0);
  /* The whole group takes the drop, not just the card. */
  gtk_widget_add_controller (GTK_WIDGET (self->regulatory_group), GTK_EVENT_CONTROLLER (target));

  return zone;
}

/* ---- Submitting --------------------------------------------------------- */

static const char *
time_frame_value (PortingTransferPage *self,
                  char               **owned)
{
  switch (adw_combo_row_get_selected (self->time_frame_row))
    {
    case TRANSFER_TIME_FRAME_TWO_WEEKS:
      return "within-2-weeks";
    case TRANSFER_TIME_FRAME_MONTH:
      return "within-a-month";
    case TRANSFER_TIME_FRAME_DATE:
      if (g_date_valid (&self->date))
        {
          char text[16];

          g_date_strftime (text, sizeof text, "%Y-%m-%d", &self->date);
          return *owned = g_strdup (text);
        }
      G_GNUC_FALLTHROUGH;
    case TRANSFER_TIME_FRAME_ASAP:
    default:
      return "as-soon-as-possible";
    }
}

static PortingRequest *
build_request (PortingTransferPage *self)
{
  g_autoptr(PortingRequest) request = porting_request_new (PORTING_REQUEST_KIND_TWILIO_TRANSFER);
  g_auto(GStrv) numbers = porting_numbers_editor_dup_e164 (self->numbers_editor);
  g_autofree char *sid = NULL;
  g_autofree char *date = NULL;

  porting_twilio_sid_classify (gtk_editable_get_text (GTK_EDITABLE (self->sid_row)), &sid, NULL);
  porting_request_set_numbers (request, (const char * const *) numbers);
  porting_request_set_string (request, "twilio_account_sid", sid);
  porting_request_set_string (request, "time_frame", time_frame_value (self, &date));
  porting_request_set_boolean (request, "contract_acknowledged",
                               gtk_check_button_get_active (self->contract_check));

  return g_steal_pointer (&request);
}

void
porting_transfer_page_submit (PortingTransferPage *self)
{
  g_autoptr(PortingRequest) request = NULL;
  g_autoptr(GPtrArray) regulatory = NULL;
  g_autofree char *problem = NULL;

  g_return_if_fail (PORTING_IS_TRANSFER_PAGE (self));

  if ((problem = _porting_transfer_page_dup_problem (self)))
    {
      show_toast (self, problem);
      return;
    }

  /* The dialog keeps its own list: the page's changes as the customer edits. */
  regulatory = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->regulatory->len; i++)
    g_ptr_array_add (regulatory, g_object_ref (g_ptr_array_index (self->regulatory, i)));

  request = build_request (self);
  porting_request_tracker_submit (self->tracker, request, regulatory);
}

static void
on_submit_clicked (PortingTransferPage *self,
                   GtkButton           *button)
{
  porting_transfer_page_submit (self);
}

/* ---- Tracking ----------------------------------------------------------- */

static void
update_tracker (PortingTransferPage *self)
{
  PortingRequest *request = porting_request_tracker_get_request (self->tracker);
  const char *sid = NULL;
  g_auto(GStrv) numbers = NULL;
  g_autofree char *numbers_text = NULL;
  PortingRequestStatus status;

  /* The tracker shows while there is a request to follow. */
  gtk_stack_set_visible_child_name (self->stack, request != NULL ? "tracker" : "form");
  if (request == NULL)
    return;

  status = porting_request_get_status (request);
  adw_action_row_set_subtitle (self->request_row, porting_request_get_id (request));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), porting_request_status_get_title (status));
  adw_action_row_set_subtitle (self->status_row, porting_request_status_get_explanation (status));
  gtk_image_set_from_icon_name (self->status_icon, porting_request_status_get_icon_name (status));

  sid = porting_request_get_answer_string (request, "provider_account_sid");
  gtk_stack_set_visible_child_name (self->answer_icon_stack, sid != NULL ? "done" : "waiting");
  gtk_spinner_set_spinning (self->answer_spinner, sid == NULL && !porting_request_status_is_final (status));
  adw_action_row_set_subtitle (self->provider_sid_row,
                               sid != NULL ? sid : _("Waiting for our answer: it usually comes within one business day."));
  gtk_widget_set_visible (self->provider_sid_copy, sid != NULL);

  numbers = porting_request_dup_numbers (request);
  numbers_text = numbers != NULL ? g_strjoinv ("\n", numbers) : g_strdup ("");
  adw_action_row_set_subtitle (self->steps_numbers_row, numbers_text);
  adw_action_row_set_subtitle (self->steps_sid_row, sid != NULL ? sid : _("Comes with our answer"));
  gtk_widget_set_visible (self->steps_sid_copy, sid != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->steps_group), sid != NULL);
}

static void
on_tracker_refreshed (PortingTransferPage   *self,
                      PortingRequest        *previous,
                      PortingRequestTracker *tracker)
{
  PortingRequest *request = porting_request_tracker_get_request (tracker);

  if (porting_request_get_answer_string (request, "provider_account_sid") != NULL &&
      (previous == NULL || porting_request_get_answer_string (previous, "provider_account_sid") == NULL))
    show_toast (self, _("Our Twilio account SID arrived"));
}

void
porting_transfer_page_refresh (PortingTransferPage *self)
{
  g_return_if_fail (PORTING_IS_TRANSFER_PAGE (self));

  porting_request_tracker_refresh (self->tracker);
}

static void
on_refresh_clicked (PortingTransferPage *self,
                    GtkButton           *button)
{
  porting_transfer_page_refresh (self);
}

/* ---- Restoring ---------------------------------------------------------- */

static void
apply_draft (PortingTransferPage *self,
             JsonObject          *draft)
{
  JsonNode *node;
  const char *date;

  self->restoring = TRUE;

  porting_numbers_editor_set_text (self->numbers_editor, porting_draft_get_string (draft, "numbers"));
  gtk_editable_set_text (GTK_EDITABLE (self->sid_row), porting_draft_get_string (draft, "account-sid"));
  adw_combo_row_set_selected (self->time_frame_row,
                              draft != NULL ? (guint) CLAMP (json_object_get_int_member_with_default (draft, "time-frame", 0),
                                                             0, TRANSFER_TIME_FRAME_DATE)
                                            : 0);
  gtk_check_button_set_active (self->contract_check,
                               draft != NULL && json_object_get_boolean_member_with_default (draft, "contract", FALSE));

  g_date_clear (&self->date, 1);
  date = porting_draft_get_string (draft, "date");
  if (*date != '\0')
    {
      g_autofree char *with_time = g_strconcat (date, "T00:00:00", NULL);
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();
      g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (with_time, local);

      if (parsed != NULL)
        {
          g_date_set_dmy (&self->date, g_date_time_get_day_of_month (parsed),
                          g_date_time_get_month (parsed), g_date_time_get_year (parsed));
          gtk_calendar_select_day (self->calendar, parsed);
        }
    }

  g_ptr_array_set_size (self->regulatory, 0);
  rebuild_documents (self);
  node = draft != NULL ? json_object_get_member (draft, "regulatory") : NULL;
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *paths = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (paths); i++)
        {
          const char *path = json_array_get_string_element (paths, i);
          g_autoptr(GFile) file = path != NULL ? g_file_new_for_path (path) : NULL;

          /* A document gone meanwhile just drops out. */
          if (file != NULL)
            add_document (self, file, TRUE);
        }
    }

  porting_request_tracker_restore (self->tracker, draft);

  self->restoring = FALSE;
  update_validation (self);
}

static void
on_new_transfer_clicked (PortingTransferPage *self,
                         GtkButton           *button)
{
  porting_draft_store_discard (self->draft_store, DRAFT_FLOW);
  apply_draft (self, NULL);
}

/* ---- Object ------------------------------------------------------------- */

static void
porting_transfer_page_constructed (GObject *object)
{
  PortingTransferPage *self = PORTING_TRANSFER_PAGE (object);
  g_autoptr(JsonObject) draft = NULL;

  G_OBJECT_CLASS (porting_transfer_page_parent_class)->constructed (object);

  draft = porting_job_page_load_draft (&self->draft_store, DRAFT_FLOW);
  self->tracker = porting_request_tracker_new (GTK_WIDGET (self), self->toast_overlay,
                                               self->draft_store, DRAFT_FLOW,
                                               PORTING_REQUEST_KIND_TWILIO_TRANSFER, "twilio_account_sid");
  g_signal_connect_object (self->tracker, "changed", G_CALLBACK (update_tracker), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tracker, "refreshed", G_CALLBACK (on_tracker_refreshed), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->tracker, "refreshing", self->refresh_button, "sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);

  apply_draft (self, draft);
}

static void
porting_transfer_page_dispose (GObject *object)
{
  PortingTransferPage *self = PORTING_TRANSFER_PAGE (object);

  g_cancellable_cancel (self->cancellable);

  porting_job_page_save_draft (self->draft_store);

  G_OBJECT_CLASS (porting_transfer_page_parent_class)->dispose (object);
}

static void
porting_transfer_page_finalize (GObject *object)
{
  PortingTransferPage *self = PORTING_TRANSFER_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->tracker);
  g_clear_object (&self->draft_store);
  g_clear_pointer (&self->regulatory, g_ptr_array_unref);

  G_OBJECT_CLASS (porting_transfer_page_parent_class)->finalize (object);
}

static void
porting_transfer_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PortingTransferPage *self = PORTING_TRANSFER_PAGE (object);

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
porting_transfer_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PortingTransferPage *self = PORTING_TRANSFER_PAGE (object);

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
porting_transfer_page_class_init (PortingTransferPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = porting_transfer_page_constructed;
  object_class->dispose = porting_transfer_page_dispose;
  object_class->finalize = porting_transfer_page_finalize;
  object_class->get_property = porting_transfer_page_get_property;
  object_class->set_property = porting_transfer_page_set_property;

  properties[PROP_DRAFT_STORE] =
    g_param_spec_object ("draft-store", NULL, NULL,
                         PORTING_TYPE_DRAFT_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PORTING_TYPE_NUMBERS_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Porting/porting-transfer-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PortingTransferPage, name)
  BIND (toast_overlay);
  BIND (stack);
  BIND (numbers_editor);
  BIND (sid_row);
  BIND (regulatory_group);
  BIND (regulatory_list);
  BIND (time_frame_row);
  BIND (date_row);
  BIND (date_button);
  BIND (calendar);
  BIND (contract_check);
  BIND (contract_row);
  BIND (missing_label);
  BIND (submit_button);
  BIND (request_row);
  BIND (status_row);
  BIND (status_icon);
  BIND (refresh_button);
  BIND (answer_group);
  BIND (steps_group);
  BIND (provider_sid_row);
  BIND (answer_icon_stack);
  BIND (answer_spinner);
  BIND (steps_sid_row);
  BIND (steps_numbers_row);
  BIND (new_transfer_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_add_documents_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_submit_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_refresh_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_new_transfer_clicked);
}

static void
porting_transfer_page_init (PortingTransferPage *self)
{
  self->regulatory = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
  g_date_clear (&self->date, 1);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->drop_zone = create_drop_zone (self);
  adw_preferences_group_add (self->regulatory_group, self->drop_zone);
  gtk_widget_set_visible (GTK_WIDGET (self->regulatory_list), FALSE);

  self->provider_sid_copy = porting_action_row_add_copy_button (self->provider_sid_row, _("Copy the SID"));
  self->steps_sid_copy = porting_action_row_add_copy_button (self->steps_sid_row, _("Copy the SID"));
  porting_action_row_add_copy_button (self->steps_numbers_row, _("Copy the Numbers"));

  g_signal_connect_object (self->numbers_editor, "changed", G_CALLBACK (on_numbers_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sid_row, "changed", G_CALLBACK (on_sid_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->time_frame_row, "notify::selected", G_CALLBACK (on_time_frame_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->contract_check, "toggled", G_CALLBACK (on_contract_toggled), self, G_CONNECT_SWAPPED);
}

GtkWidget *
porting_transfer_page_new (PortingDraftStore *draft_store)
{
  g_return_val_if_fail (draft_store == NULL || PORTING_IS_DRAFT_STORE (draft_store), NULL);

  return g_object_new (PORTING_TYPE_TRANSFER_PAGE, "draft-store", draft_store, NULL);
}

PortingDraftStore *
porting_transfer_page_get_draft_store (PortingTransferPage *self)
{
  g_return_val_if_fail (PORTING_IS_TRANSFER_PAGE (self), NULL);

  return self->draft_store;
}

PortingRequest *
porting_transfer_page_get_request (PortingTransferPage *self)
{
  g_return_val_if_fail (PORTING_IS_TRANSFER_PAGE (self), NULL);

  return porting_request_tracker_get_request (self->tracker);
}
