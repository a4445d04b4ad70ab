/* porting-check-view-text.c — the documents of a check in words, for screen readers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sighted staff see the name and address found highlighted on the pages;
 * a screen reader is told them on the pages' Tab stop, and each page's
 * text as the page's description (to it, a page is an image).
 */
#define G_LOG_DOMAIN "porting-check-view"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-check-view-private.h"
#include "porting-page-widget.h"

/* Pages whose text a screen reader is given (a bound on what is read). */
#define MAX_DESCRIBED_PAGES 50

/* What each page says (the check read them already: they are cached). */
GPtrArray *
_porting_check_view_dup_page_texts (PortingDocument *document,
                                    GCancellable    *cancellable)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  guint n_pages = MIN (porting_document_get_n_pages (document), MAX_DESCRIBED_PAGES);

  for (guint page = 0; page < n_pages; page++)
    {
      g_autoptr(PortingPageText) page_text = NULL;

      page_text = porting_document_get_page_text (document, page, PORTING_PAGE_TEXT_FLAGS_NONE, cancellable, NULL);
      g_ptr_array_add (texts, page_text != NULL ? g_strdup (page_text->text) : NULL);
    }

  return texts;
}

/* What sighted staff see highlighted, in words: "Highlighted: Name:
 * “Acme Widgets LLC”, Exact match; Address: …", and each page's text. */
void
_porting_check_view_describe_document (PortingDocumentView *view,
                                       PortingCheckResult  *result,
                                       gboolean             proof,
                                       GPtrArray           *texts)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; result != NULL && i < _porting_check_view_n_shown_fields; i++)
    {
      const PortingFieldResult *field = porting_check_result_get_field (result, _porting_check_view_shown_fields[i]);
      const char *text = field == NULL ? NULL : proof ? field->proof_text : field->loa_text;
      const char *word;

      if (text == NULL)
        continue;
      word = _porting_check_view_get_status_word (field->status);
      /* Translators: a field found on a document, what it says, and how it
       * compares: "Name: “Acme Widgets LLC”, Exact match" */
      g_ptr_array_add (found, g_strdup_printf (_("%s: “%s”, %s"), _porting_check_view_get_field_title (field->field), text, word));
    }

  if (found->len > 0)
    {
      g_autofree char *list = NULL;
      g_autofree char *description = NULL;

      g_ptr_array_add (found, NULL);
      list = g_strjoinv ("; ", (char **) found->pdata);
      /* Translators: the fields found and highlighted on a document */
      description = g_strdup_printf (_("Highlighted: %s"), list);
      porting_document_view_set_description (view, description);
    }
  else
    porting_document_view_set_description (view, NULL);

  for (guint page = 0; texts != NULL && page < texts->len; page++)
    {
      GtkWidget *page_widget = porting_document_view_get_page_widget (view, page);

      if (page_widget != NULL)
        porting_page_widget_set_text (PORTING_PAGE_WIDGET (page_widget), g_ptr_array_index (texts, page));
    }
}
