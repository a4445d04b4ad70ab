/* porting-transfer-page.c — move numbers already on Twilio into our Twilio account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-transfer-page"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-port-date.h"
#include "porting-request-ui.h"
#include "porting-row-message.h"
#include "porting-transfer-page-private.h"

G_DEFINE_FINAL_TYPE (PortingTransferPage, porting_transfer_page, PORTING_TYPE_JOB_PAGE)

/* ---- What the form says ------------------------------------------------- */

static void rebuild_documents (PortingTransferPage *self);

static void
porting_transfer_page_form_changed (PortingJobPage *page,
                                    GParamSpec     *pspec)
{
  PortingTransferPage *self = PORTING_TRANSFER_PAGE (page);
  g_autoptr(GPtrArray) problems = porting_form_check (PORTING_FORM (self->form));
  g_autofree char *summary = porting_form_problems_dup_summary (problems);
  guint time_frame;
  GDate date;

  if (pspec == NULL || g_str_equal (pspec->name, "regulatory"))
    rebuild_documents (self);

  g_object_get (self->form, "time-frame", &time_frame, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->date_row), time_frame == PORTING_TRANSFER_TIME_FRAME_DATE);
  if (porting_transfer_form_get_date (self->form, &date))
    {
      g_autofree char *text = porting_port_date_format (&date);
      adw_action_row_set_subtitle (self->date_row, text);
    }
  else
    adw_action_row_set_subtitle (self->date_row, _("Not chosen yet"));

  porting_job_page_show_messages (page, problems, FALSE);
  porting_job_page_show_problem (self->missing_label, self->submit_button, summary);
}

static void
on_calendar_day_selected (PortingTransferPage *self,
                          GtkCalendar         *calendar)
{
  g_autoptr(GDateTime) selected = gtk_calendar_get_date (calendar);
  GDate date;

  if (porting_job_page_get_restoring (PORTING_JOB_PAGE (self)))
    return;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (selected),
                  g_date_time_get_month (selected), g_date_time_get_year (selected));
  porting_transfer_form_set_date (self->form, &date);
  gtk_menu_button_popdown (self->date_button);
}

/* ---- Regulatory documents ----------------------------------------------- */

static void
on_remove_document_clicked (GtkButton           *button,
                            PortingTransferPage *self)
{
  porting_transfer_form_remove_document (self->form, g_object_get_data (G_OBJECT (button), "file"));
}

static void
rebuild_documents (PortingTransferPage *self)
{
  GPtrArray *documents = porting_transfer_form_get_documents (self->form);

  porting_list_box_remove_all (self->regulatory_list);

  for (guint i = 0; i < documents->len; i++)
    {
      GFile *file = g_ptr_array_index (documents, i);
      AdwActionRow *row = porting_file_row_new (file);
      GtkWidget *remove = porting_action_row_add_remove_button (row);

      g_object_set_data_full (G_OBJECT (remove), "file", g_object_ref (file), g_object_unref);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_document_clicked), self, 0);
      gtk_list_box_append (self->regulatory_list, GTK_WIDGET (row));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->regulatory_list), documents->len > 0);
}

typedef struct
{
  PortingTransferPage *self;
  GFile               *file;
  gboolean             restored;   /* from the draft: dropped quietly when gone */
} AddDocument;

static void
add_document_free (AddDocument *add)
{
  g_object_unref (add->self);
  g_object_unref (add->file);
  g_free (add);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AddDocument, add_document_free)

static void
document_info_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AddDocument) add = user_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;

  info = g_file_query_info_finish (G_FILE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (info == NULL)
    {
      g_autofree char *name = g_file_get_basename (add->file);
      problem = g_strdup_printf (_("“%s” cannot be opened: %s"), name, error->message);
    }
  else
    problem = porting_transfer_form_check_document (add->file, info);

  if (problem == NULL)
    {
      if (!add->restored)
        porting_transfer_form_add_document (add->self->form, add->file);
    }
  else if (add->restored)
    porting_transfer_form_remove_document (add->self->form, add->file);
  else
    porting_job_page_show_toast (PORTING_JOB_PAGE (add->self), problem);
}

/* Takes @file once its type and size are known; @restored: it came back
 * with the draft, and is kept only while it is still there. */
static void
add_document (PortingTransferPage *self,
              GFile               *file,
              gboolean             restored)
{
  AddDocument *add = g_new0 (AddDocument, 1);

  add->self = g_object_ref (self);
  add->file = g_object_ref (file);
  add->restored = restored;
  g_file_query_info_async (file,
                           G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE ","
                           G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                           G_FILE_ATTRIBUTE_STANDARD_TYPE,
                           G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT,
                           porting_job_page_get_cancellable (PORTING_JOB_PAGE (self)), document_info_cb, add);
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
on_file_chosen (PortingTransferPage *self,
                GFile               *file)
{
  add_document (self, file, FALSE);
}

static void
on_add_documents_clicked (PortingTransferPage *self,
                          GtkButton           *button)
{
  porting_drop_zone_open (self->drop_zone);
}

/* ---- Submitting --------------------------------------------------------- */

static void
on_submit_clicked (PortingTransferPage *self,
                   GtkButton           *button)
{
  porting_transfer_page_submit (self);
}

void
porting_transfer_page_submit (PortingTransferPage *self)
{
  g_return_if_fail (PORTING_IS_TRANSFER_PAGE (self));

  porting_job_page_submit (PORTING_JOB_PAGE (self));
}

/* ---- Tracking ----------------------------------------------------------- */

static void
porting_transfer_page_tracker_changed (PortingJobPage *page)
{
  PortingTransferPage *self = PORTING_TRANSFER_PAGE (page);
  PortingRequest *request = porting_job_page_get_request (PORTING_JOB_PAGE (self));
  const char *sid = NULL;
  g_auto(GStrv) numbers = NULL;
  g_autofree char *numbers_text = NULL;
  g_autofree char *explanation = NULL;
  PortingRequestStatus status;

  /* The tracker shows while there is a request to follow. */
  gtk_stack_set_visible_child_name (self->stack, request != NULL ? "tracker" : "form");
  if (request == NULL)
    return;

  status = porting_request_get_status (request);
  adw_action_row_set_subtitle (self->request_row, porting_request_get_display_reference (request));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), porting_request_status_get_title (status));
  explanation = porting_request_dup_status_explanation (request);
  adw_action_row_set_subtitle (self->status_row, explanation);
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
porting_transfer_page_tracker_refreshed (PortingJobPage *page,
                                         PortingRequest *previous)
{
  PortingTransferPage *self = PORTING_TRANSFER_PAGE (page);
  PortingRequest *request = porting_job_page_get_request (page);

  if (porting_request_get_answer_string (request, "provider_account_sid") != NULL &&
      (previous == NULL || porting_request_get_answer_string (previous, "provider_account_sid") == NULL))
    porting_job_page_show_toast (PORTING_JOB_PAGE (self), _("Our Twilio account SID arrived"));
}

void
porting_transfer_page_refresh (PortingTransferPage *self)
{
  g_return_if_fail (PORTING_IS_TRANSFER_PAGE (self));

  porting_job_page_refresh (PORTING_JOB_PAGE (self));
}

static void
on_refresh_clicked (PortingTransferPage *self,
                    GtkButton           *button)
{
  porting_transfer_page_refresh (self);
}

/* ---- Drafts ------------------------------------------------------------- */

static void
porting_transfer_page_draft_applied (PortingJobPage *page,
                                     JsonObject     *draft)
{
  PortingTransferPage *self = PORTING_TRANSFER_PAGE (page);
  GPtrArray *documents = porting_transfer_form_get_documents (self->form);
  GDate date;

  if (porting_transfer_form_get_date (self->form, &date))
    {
      g_autoptr(GDateTime) day = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                                        g_date_get_day (&date), 0, 0, 0);
      gtk_calendar_select_day (self->calendar, day);
    }

  /* A document gone meanwhile just drops out. */
  for (guint i = 0; i < documents->len; i++)
    add_document (self, g_ptr_array_index (documents, i), TRUE);
}

static void
on_new_transfer_clicked (PortingTransferPage *self,
                         GtkButton           *button)
{
  porting_job_page_discard_draft (PORTING_JOB_PAGE (self));
}

/* ---- Object ------------------------------------------------------------- */

static void
porting_transfer_page_class_init (PortingTransferPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PortingJobPageClass *page_class = PORTING_JOB_PAGE_CLASS (klass);

  page_class->draft_flow = "twilio-transfer";
  page_class->form_type = PORTING_TYPE_TRANSFER_FORM;
  page_class->tracked_kind = PORTING_REQUEST_KIND_TWILIO_TRANSFER;
  page_class->tracked_key = "twilio_account_sid";
  page_class->form_changed = porting_transfer_page_form_changed;
  page_class->tracker_changed = porting_transfer_page_tracker_changed;
  page_class->tracker_refreshed = porting_transfer_page_tracker_refreshed;
  page_class->draft_applied = porting_transfer_page_draft_applied;

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
  PortingJobPage *page = PORTING_JOB_PAGE (self);


  gtk_widget_init_template (GTK_WIDGET (self));
  porting_job_page_set_refresh_button (page, GTK_WIDGET (self->refresh_button));
  self->form = PORTING_TRANSFER_FORM (porting_job_page_get_form (page));

  self->drop_zone = g_object_new (PORTING_TYPE_DROP_ZONE,
                                  "icon-name", "folder-documents-symbolic",
                                  "title", _("Drop documents here"),
                                  "hint", _("PDF documents, or PNG or JPEG images, 25 MB each at most"),
                                  "chooser-title", _("Add Regulatory Documents"),
                                  "accepts-images", TRUE,
                                  "multiple", TRUE,
                                  NULL);
  g_signal_connect_object (self->drop_zone, "file-chosen", G_CALLBACK (on_file_chosen), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->regulatory_group, GTK_WIDGET (self->drop_zone));
  /* The whole group takes the drop, not just the card. */
  porting_drop_zone_attach (self->drop_zone, GTK_WIDGET (self->regulatory_group));
  gtk_widget_set_visible (GTK_WIDGET (self->regulatory_list), FALSE);

  self->provider_sid_copy = porting_action_row_add_copy_button (self->provider_sid_row, _("Copy the SID"));
  self->steps_sid_copy = porting_action_row_add_copy_button (self->steps_sid_row, _("Copy the SID"));
  porting_action_row_add_copy_button (self->steps_numbers_row, _("Copy the Numbers"));

  porting_job_page_bind (page, "numbers", self->numbers_editor, "text");
  porting_job_page_bind (page, "account-sid", self->sid_row, "text");
  porting_job_page_bind (page, "time-frame", self->time_frame_row, "selected");
  porting_job_page_bind (page, "contract", self->contract_check, "active");
  porting_job_page_add_message_row (page, "date", GTK_WIDGET (self->date_row));
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

  return porting_job_page_get_draft_store (PORTING_JOB_PAGE (self));
}

PortingRequest *
porting_transfer_page_get_request (PortingTransferPage *self)
{
  g_return_val_if_fail (PORTING_IS_TRANSFER_PAGE (self), NULL);

  return porting_job_page_get_request (PORTING_JOB_PAGE (self));
}
