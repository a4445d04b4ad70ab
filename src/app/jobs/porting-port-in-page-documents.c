/* porting-port-in-page-documents.c — the LOA and the proof: written, dropped, checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-port-in-page"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-accessible.h"
#include "porting-document.h"
#include "porting-loa-writer.h"
#include "porting-port-in-page-private.h"
#include "porting-request-ui.h"

/* ---- Writing the LOA ------------------------------------------------------ */

typedef struct
{
  PortingPortInPage *self;
  GFile             *file;
} LoaWrite;

static void
loa_write_free (LoaWrite *write)
{
  g_object_unref (write->self);
  g_object_unref (write->file);
  g_free (write);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoaWrite, loa_write_free)

static void
loa_written_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LoaWrite) write = user_data;
  PortingPortInPage *self = write->self;
  g_autoptr(GFile) previous = NULL;
  g_autoptr(GError) error = NULL;

  self->writing_loa = FALSE;

  if (!porting_loa_writer_write_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        porting_job_page_show_toast (PORTING_JOB_PAGE (self), error->message);
      _porting_port_in_page_update_navigation (self);
      return;
    }

  /* The LOA written before holds the customer's details: it goes. */
  g_object_get (self->form, "generated-loa", &previous, NULL);
  if (previous != NULL && !g_file_equal (previous, write->file))
    g_file_delete_async (previous, G_PRIORITY_LOW, NULL, NULL, NULL);
  g_object_set (self->form, "generated-loa", write->file, NULL);

  _porting_port_in_page_show_step (self, PORTING_PORT_IN_STEP_PROOF);
}

void
_porting_port_in_page_write_loa (PortingPortInPage *self)
{
  g_autoptr(PortingLoaWriterData) data = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *uuid = g_uuid_string_random ();
  /* Never the name of the LOA it replaces, whose deletion may still be on its way. */
  g_autofree char *name = g_strdup_printf ("loa-%s-%.8s.pdf", stamp, uuid);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), APP_ID, "documents", name, NULL);
  LoaWrite *write = g_new0 (LoaWrite, 1);

  data = porting_port_in_form_dup_loa_data (self->form,
                                            gtk_widget_get_width (GTK_WIDGET (self->signature_pad)),
                                            gtk_widget_get_height (GTK_WIDGET (self->signature_pad)));

  write->self = g_object_ref (self);
  write->file = g_file_new_for_path (path);

  self->writing_loa = TRUE;
  _porting_port_in_page_update_navigation (self);

  porting_loa_writer_write_async (data, write->file, porting_job_page_get_cancellable (PORTING_JOB_PAGE (self)), loa_written_cb, write);
}

/* ---- The documents, dropped or chosen ------------------------------------- */

static void
show_file (AdwActionRow *row,
           GtkWidget    *zone,
           GFile        *file)
{
  /* The file chosen takes the place of the zone, and the focus with it
   * (its Remove button); removed, the zone takes both back. */
  gboolean focus_in_zone = porting_accessible_has_focus (zone);
  gboolean focus_in_row = porting_accessible_has_focus (GTK_WIDGET (row));

  gtk_widget_set_visible (GTK_WIDGET (row), file != NULL);
  gtk_widget_set_visible (zone, file == NULL);
  porting_file_row_set_file (row, file);

  if (file != NULL && focus_in_zone)
    porting_accessible_focus_first (GTK_WIDGET (row));
  else if (file == NULL && focus_in_row)
    porting_accessible_focus_first (zone);
}

void
_porting_port_in_page_show_files (PortingPortInPage *self)
{
  g_autoptr(GFile) imported_loa = NULL;

  g_object_get (self->form, "imported-loa", &imported_loa, NULL);
  show_file (self->loa_file_row, self->loa_drop_zone, imported_loa);
  show_file (self->proof_file_row, self->proof_drop_zone, porting_port_in_form_get_proof (self->form));
}

void
_porting_port_in_page_set_loa_file (PortingPortInPage *self,
                                    GFile             *file)
{
  g_return_if_fail (PORTING_IS_PORT_IN_PAGE (self));

  g_object_freeze_notify (G_OBJECT (self->form));
  g_object_set (self->form, "imported-loa", file, NULL);
  /* A file chosen is the LOA the customer means. */
  if (file != NULL)
    g_object_set (self->form, "import-loa", TRUE, NULL);
  g_object_thaw_notify (G_OBJECT (self->form));
}

void
_porting_port_in_page_set_proof_file (PortingPortInPage *self,
                                      GFile             *file)
{
  g_return_if_fail (PORTING_IS_PORT_IN_PAGE (self));

  g_object_set (self->form, "proof", file, NULL);
}

static void
on_loa_chosen (PortingPortInPage *self,
               GFile             *file)
{
  _porting_port_in_page_set_loa_file (self, file);
}

static void
on_proof_chosen (PortingPortInPage *self,
                 GFile             *file)
{
  _porting_port_in_page_set_proof_file (self, file);
}

static void
on_remove_loa_clicked (PortingPortInPage *self,
                       GtkButton         *button)
{
  _porting_port_in_page_set_loa_file (self, NULL);
}

static void
on_remove_proof_clicked (PortingPortInPage *self,
                         GtkButton         *button)
{
  _porting_port_in_page_set_proof_file (self, NULL);
}

/* ---- The document check --------------------------------------------------- */

void
_porting_port_in_page_clear_check (PortingPortInPage *self)
{
  g_clear_error (&self->check_error);
  gtk_widget_set_visible (self->spelling_button, FALSE);
  g_object_set (self->form, "checking", FALSE, "check-result", NULL, NULL);
}

static gboolean
is_checking (PortingPortInPage *self)
{
  gboolean checking;

  g_object_get (self->form, "checking", &checking, NULL);
  return checking;
}

/* The check view does not say its verdict here: this summary is the one
 * heard, told as it changes (the result, with @announce, even when the
 * focus is elsewhere). */
static void
set_summary (PortingPortInPage *self,
             const char        *title,
             const char        *subtitle,
             gboolean           announce)
{
  gtk_label_set_label (self->check_title_label, title);
  gtk_label_set_label (self->check_subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->check_subtitle_label), subtitle != NULL);
  porting_accessible_set_status (self->check_status, title, announce);
  if (subtitle != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->check_status),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->check_status), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
show_check_result (PortingPortInPage *self)
{
  PortingCheckResult *result = porting_port_in_form_get_check_result (self->form);
  const char *title;
  const char *subtitle = NULL;
  const char *icon = "emblem-ok-symbolic";
  const char *css = "success";
  gboolean can_use_spelling;

  gtk_stack_set_visible_child_name (self->check_icon_stack, "icon");
  gtk_spinner_stop (self->check_spinner);
  gtk_widget_remove_css_class (GTK_WIDGET (self->check_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->check_icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->check_icon), "error");

  if (self->check_error != NULL || result == NULL)
    {
      title = _("The documents could not be checked");
      subtitle = self->check_error != NULL ? self->check_error->message : NULL;
      icon = "dialog-warning-symbolic";
      css = "warning";
    }
  else
    {
      switch (porting_check_result_get_verdict (result))
        {
        case PORTING_CHECK_VERDICT_MATCH:
          title = _("The name and the address match");
          subtitle = _("The LOA and the proof show the same account holder.");
          break;

        case PORTING_CHECK_VERDICT_REVIEW:
          title = _("The proof could not be read");
          subtitle = _("It has no text that can be read (a screenshot?). Our staff will compare the documents by eye, which takes longer.");
          icon = "dialog-information-symbolic";
          css = "warning";
          break;

        case PORTING_CHECK_VERDICT_MISMATCH:
        default:
          {
            PortingFieldStatus name = porting_check_result_get_field (result, PORTING_FIELD_NAME)->status;
            PortingFieldStatus address = porting_check_result_get_field (result, PORTING_FIELD_ADDRESS)->status;
            gboolean name_ok = name == PORTING_FIELD_STATUS_EXACT || name == PORTING_FIELD_STATUS_EQUIVALENT;
            gboolean address_ok = address == PORTING_FIELD_STATUS_EXACT || address == PORTING_FIELD_STATUS_EQUIVALENT;

            if (!name_ok && !address_ok)
              title = _("The name and the address on the LOA differ from the proof");
            else if (!name_ok)
              title = _("The name on the LOA differs from the proof");
            else
              title = _("The address on the LOA differs from the proof");
          }
          subtitle = _("Carriers reject ports when the LOA does not match their records exactly. "
                       "Fix your LOA (go back to step 3) or add a newer invoice, or continue anyway.");
          icon = "dialog-warning-symbolic";
          css = "error";
          break;
        }
    }

  /* The bill writes them otherwise (equivalent or not): the LOA filled in
   * here can take its spelling. */
  can_use_spelling = result != NULL && porting_port_in_form_can_use_proof_spelling (self->form);
  if (can_use_spelling)
    subtitle = _("The bill spells the name or the address differently, and carriers compare letter by letter: "
                 "the LOA can take the bill’s spelling (you sign it again), or go on as it is.");

  set_summary (self, title, subtitle, TRUE);
  gtk_image_set_from_icon_name (self->check_icon, icon);
  gtk_widget_add_css_class (GTK_WIDGET (self->check_icon), css);
  gtk_widget_set_visible (self->spelling_button, can_use_spelling);
}

/* The LOA takes the bill's spelling: written again once signed again. */
static void
on_use_spelling_clicked (PortingPortInPage *self,
                         GtkButton         *button)
{
  g_autoptr(GFile) previous = NULL;

  g_object_get (self->form, "generated-loa", &previous, NULL);
  if (!porting_port_in_form_use_proof_spelling (self->form))
    return;

  /* The LOA written with the former spelling holds the customer's details: it goes. */
  if (previous != NULL)
    g_file_delete_async (previous, G_PRIORITY_LOW, NULL, NULL, NULL);
  porting_signature_pad_clear (self->signature_pad);
  gtk_widget_set_visible (self->spelling_button, FALSE);
  _porting_port_in_page_show_step (self, PORTING_PORT_IN_STEP_LOA);
  porting_job_page_show_toast (PORTING_JOB_PAGE (self),
                               _("The LOA now writes the name and address as the bill does: sign it again."));
}

/* The check view checks the documents side by side; its result is ours. */
static void
on_check_view_changed (PortingPortInPage *self)
{
  PortingCheckResult *result = porting_check_view_get_result (self->check_view);
  PortingDocumentView *views[] = {
    porting_check_view_get_loa_view (self->check_view),
    porting_check_view_get_proof_view (self->check_view),
  };

  if (!is_checking (self))
    return;

  if (result != NULL)
    {
      g_object_set (self->form, "checking", FALSE, "check-result", result, NULL);
      show_check_result (self);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      PortingDocumentViewState state = porting_document_view_get_state (views[i]);
      const GError *error = porting_document_view_get_error (views[i]);

      if (state == PORTING_DOCUMENT_VIEW_STATE_FAILED ||
          state == PORTING_DOCUMENT_VIEW_STATE_NEEDS_PASSWORD)
        {
          g_clear_error (&self->check_error);
          if (state == PORTING_DOCUMENT_VIEW_STATE_FAILED && error != NULL)
            self->check_error = g_error_copy (error);
          else
            self->check_error = g_error_new_literal (PORTING_DOCUMENT_ERROR,
                                                     PORTING_DOCUMENT_ERROR_NEEDS_PASSWORD,
                                                     _("A document is protected by a password: type it below to check it."));
          g_object_set (self->form, "checking", FALSE, NULL);
          show_check_result (self);
          return;
        }
    }
}

void
_porting_port_in_page_start_check (PortingPortInPage *self)
{
  GFile *loa = porting_port_in_form_get_loa (self->form);
  GFile *proof = porting_port_in_form_get_proof (self->form);

  _porting_port_in_page_clear_check (self);

  if (loa == NULL || proof == NULL)
    return;

  set_summary (self, _("Checking the documents…"), _("Looking for the LOA’s name and address in the proof"),
               FALSE);
  gtk_stack_set_visible_child_name (self->check_icon_stack, "busy");
  gtk_spinner_start (self->check_spinner);

  g_object_set (self->form, "checking", TRUE, NULL);
  porting_check_view_load (self->check_view, loa, proof);
}

void
_porting_port_in_page_init_documents (PortingPortInPage *self)
{
  g_signal_connect_object (porting_check_view_get_loa_view (self->check_view), "notify::state",
                           G_CALLBACK (on_check_view_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (porting_check_view_get_proof_view (self->check_view), "notify::state",
                           G_CALLBACK (on_check_view_changed), self, G_CONNECT_SWAPPED);
}

void
_porting_port_in_page_class_init_documents (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_loa_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_proof_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_loa_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_proof_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_check_view_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_use_spelling_clicked);
}
