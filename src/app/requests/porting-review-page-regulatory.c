/* porting-review-page-regulatory.c — support staff: the regulatory documents of a request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Regulatory documents (a business registration, an ID, a proof of address)
 * are not checked against anything: staff read them. Each is downloaded
 * when asked for, into the open request's private directory (deleted with
 * the others when the request closes), under the customer's own name, and
 * shown in a window of its own with the document view: the service only
 * takes PDFs and PNG or JPEG images, which the view reads. The windows close
 * with the request.
 */

#define G_LOG_DOMAIN "porting-review-page"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-accessible.h"
#include "porting-document-view.h"
#include "porting-request-ui.h"
#include "porting-review-page-private.h"

#define DOCUMENT_KEY "porting-regulatory-document"

/* What self->regulatory holds for each document asked for. */
typedef struct
{
  GFile    *file;
  gboolean  downloaded;
} RegulatoryDocument;

static void
regulatory_document_free (gpointer data)
{
  RegulatoryDocument *document = data;

  g_clear_object (&document->file);
  g_free (document);
}

/* ---- Windows ---- */

/* Destroyed, whatever holds it still: no longer open. */
static void
on_document_window_destroy (GtkWidget *window,
                            gpointer   user_data)
{
  PortingReviewPage *self = user_data;

  if (self->document_windows != NULL)
    g_ptr_array_remove_fast (self->document_windows, window);
}

static void
present_document (PortingReviewPage *self,
                  GFile             *file)
{
  g_autofree char *name = g_file_get_basename (file);
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *view;
  GtkEventController *shortcuts;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* Already open: brought forward. */
  for (guint i = 0; self->document_windows != NULL && i < self->document_windows->len; i++)
    {
      GtkWindow *open = g_ptr_array_index (self->document_windows, i);

      if (g_file_equal (g_object_get_data (G_OBJECT (open), DOCUMENT_KEY), file))
        {
          gtk_window_present (open);
          return;
        }
    }

  window = adw_window_new ();
  g_object_set_data_full (G_OBJECT (window), DOCUMENT_KEY, g_object_ref (file), g_object_unref);
  gtk_window_set_title (GTK_WINDOW (window), name);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 740);
  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
      gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Regulatory Document"),
                                                         porting_request_get_display_reference (self->request)));
  gtk_box_append (GTK_BOX (box), header);
  view = porting_document_view_new ();
  gtk_widget_set_vexpand (view, TRUE);
  /* The file name under the header says which document it is. */
  porting_document_view_set_title (PORTING_DOCUMENT_VIEW (view), NULL);
  gtk_box_append (GTK_BOX (box), view);
  adw_window_set_content (ADW_WINDOW (window), box);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);

  if (self->document_windows == NULL)
    self->document_windows = g_ptr_array_new ();
  g_ptr_array_add (self->document_windows, window);
  g_signal_connect_object (window, "destroy", G_CALLBACK (on_document_window_destroy), self, G_CONNECT_DEFAULT);

  porting_document_view_load (PORTING_DOCUMENT_VIEW (view), file, NULL);
  gtk_window_present (GTK_WINDOW (window));
}

void
_porting_review_page_close_document_windows (PortingReviewPage *self)
{
  g_autoptr(GPtrArray) windows = NULL;

  if (self->document_windows == NULL)
    return;

  windows = g_steal_pointer (&self->document_windows);
  for (guint i = 0; i < windows->len; i++)
    {
      GtkWindow *window = g_ptr_array_index (windows, i);

      g_signal_handlers_disconnect_by_func (window, on_document_window_destroy, self);
      gtk_window_destroy (window);
    }
}

/* ---- Downloads ---- */

typedef struct
{
  PortingReviewPage *self;  /* owned */
  GFile             *file;
  char              *name;
} Download;

static void
download_free (Download *download)
{
  g_clear_object (&download->self);
  g_clear_object (&download->file);
  g_free (download->name);
  g_free (download);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Download, download_free)

static void
download_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Download) download = user_data;
  PortingReviewPage *self = download->self;
  g_autoptr(GError) error = NULL;
  RegulatoryDocument *document;

  if (!porting_intake_client_download_document_finish (PORTING_INTAKE_CLIENT (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Asked for again, it is downloaded again. */
      if (self->regulatory != NULL)
        g_hash_table_remove (self->regulatory, download->name);
      g_file_delete (download->file, NULL, NULL);
      porting_widget_add_toast (GTK_WIDGET (self), error->message);
      return;
    }

  document = self->regulatory != NULL ? g_hash_table_lookup (self->regulatory, download->name) : NULL;
  if (document == NULL || !g_file_equal (document->file, download->file))
    return;
  document->downloaded = TRUE;
  present_document (self, download->file);
}

/* A path in the request's directory that no other document of it has. */
static GFile *
new_document_file (PortingReviewPage *self,
                   const char        *basename)
{
  for (guint n = 1; ; n++)
    {
      g_autofree char *numbered = n == 1 ? g_strdup (basename) : g_strdup_printf ("%u %s", n, basename);
      g_autofree char *path = g_build_filename (self->documents_dir, numbered, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      gboolean taken = (self->loa != NULL && g_file_equal (file, self->loa)) ||
                       (self->proof != NULL && g_file_equal (file, self->proof));
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->regulatory);
      while (!taken && g_hash_table_iter_next (&iter, NULL, &value))
        taken = g_file_equal (file, ((RegulatoryDocument *) value)->file);
      if (!taken)
        return g_steal_pointer (&file);
    }
}

static void
open_document (PortingReviewPage *self,
               JsonObject        *entry)
{
  PortingIntakeClient *client = _porting_review_page_get_client (self);
  const char *name = json_object_get_string_member_with_default (entry, "name", NULL);
  const char *content_type = json_object_get_string_member_with_default (entry, "content_type", NULL);
  g_autofree char *fallback = NULL;
  g_autofree char *basename = NULL;
  RegulatoryDocument *document;
  Download *download;

  if (self->request == NULL || client == NULL || name == NULL)
    return;
  if (self->documents_dir == NULL)
    {
      porting_widget_add_toast (GTK_WIDGET (self), _("The documents cannot be kept on this computer"));
      return;
    }
  if (self->regulatory == NULL)
    self->regulatory = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, regulatory_document_free);

  document = g_hash_table_lookup (self->regulatory, name);
  if (document != NULL)
    {
      /* On its way: it opens when there. */
      if (document->downloaded)
        present_document (self, document->file);
      return;
    }

  fallback = g_strconcat (name, _porting_review_page_extension_for (content_type), NULL);
  basename = _porting_review_page_dup_safe_file_name (json_object_get_string_member_with_default (entry, "filename", NULL),
                                                     fallback);
  document = g_new0 (RegulatoryDocument, 1);
  document->file = new_document_file (self, basename);
  g_hash_table_insert (self->regulatory, g_strdup (name), document);

  download = g_new0 (Download, 1);
  download->self = g_object_ref (self);
  download->file = g_object_ref (document->file);
  download->name = g_strdup (name);
  porting_intake_client_download_document_async (client, porting_request_get_id (self->request), name, download->file,
                                                 self->open_cancellable, download_cb, download);
}

void
_porting_review_page_steal_regulatory_files (PortingReviewPage *self,
                                             GPtrArray         *files)
{
  g_autoptr(GHashTable) regulatory = g_steal_pointer (&self->regulatory);
  GHashTableIter iter;
  gpointer value;

  if (regulatory == NULL)
    return;

  g_hash_table_iter_init (&iter, regulatory);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (files, g_object_ref (((RegulatoryDocument *) value)->file));
}

/* ---- The rows ---- */

static void
on_open_clicked (GtkButton *button,
                 gpointer   user_data)
{
  PortingReviewPage *self = PORTING_REVIEW_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                                          PORTING_TYPE_REVIEW_PAGE));
  JsonObject *entry = user_data;

  if (self != NULL)
    open_document (self, entry);
}

void
_porting_review_page_add_regulatory_button (PortingReviewPage *self,
                                            AdwActionRow      *row,
                                            JsonObject        *entry)
{
  const char *filename = adw_action_row_get_subtitle (row);
  g_autofree char *tooltip = g_strdup_printf (_("Open %s"), filename);
  GtkWidget *button = gtk_button_new_from_icon_name ("document-open-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  porting_accessible_set_label (button, tooltip);
  /* The entry lives as long as the request, the request longer than its rows. */
  g_signal_connect_data (button, "clicked", G_CALLBACK (on_open_clicked), json_object_ref (entry),
                         (GClosureNotify) (void (*) (void)) json_object_unref, 0);
  adw_action_row_add_suffix (row, button);
  adw_action_row_set_activatable_widget (row, button);
}
