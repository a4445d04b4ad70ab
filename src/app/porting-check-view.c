/* porting-check-view.c — an LOA and its invoice side by side, and how their fields compare
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-check-view"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-accessible.h"
#include "porting-check-view-private.h"
#include "porting-check-view.h"
#include "porting-page-strip.h"
#include "porting-request-ui.h"

/* Narrower than this, one document at a time with a switcher. */
#define NARROW_WIDTH 700

const PortingField _porting_check_view_shown_fields[] = {
  PORTING_FIELD_NAME,
  PORTING_FIELD_ADDRESS,
  PORTING_FIELD_ACCOUNT_NUMBER,
  PORTING_FIELD_BTN,
  PORTING_FIELD_CARRIER,
};
const guint _porting_check_view_n_shown_fields = G_N_ELEMENTS (_porting_check_view_shown_fields);
#define shown_fields _porting_check_view_shown_fields

/* Where a field sits in both documents. */
typedef struct
{
  PortingField        field;
  PortingFieldStatus  status;
  int                 loa_page;
  GArray             *loa_rects;     /* of PortingRect; NULL when none */
  int                 proof_page;
  GArray             *proof_rects;
} FieldHits;

struct _PortingCheckView
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkWidget           *main_box;
  GtkWidget           *verdict_status;
  GtkWidget           *verdict_box;
  GtkSpinner          *verdict_spinner;
  GtkImage            *verdict_icon;
  GtkLabel            *verdict_label;
  GtkWidget           *open_another_button;
  GtkStack            *layout_stack;
  GtkPaned            *wide_paned;
  GtkWidget           *loa_pane;
  GtkWidget           *proof_pane;
  PortingDocumentView *loa_view;
  PortingDocumentView *proof_view;
  AdwViewStack        *narrow_stack;
  GtkWidget           *narrow_switcher;
  GtkWidget           *results_scroller;
  GtkListBox          *results_list;
  GtkListBox          *warnings_list;

  GCancellable        *cancellable;    /* the check of the documents shown */
  guint                n_read;         /* documents read ahead of the check */
  char                *reading_text;   /* "Reading the photo… 40 %" while OCR reads */
  PortingCheckResult  *result;
  GArray              *hits;           /* of FieldHits */
  GError              *check_error;
  GPtrArray           *rows;           /* AdwActionRow*, owned by results_list */

  char                *loa_title;
  char                *proof_title;

  guint                layout_idle_id;
  guint                narrow : 1;
  guint                hide_results : 1;
  guint                proof_is_csr : 1;
};

G_DEFINE_FINAL_TYPE (PortingCheckView, porting_check_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RESULT,
  PROP_BUSY,
  PROP_SHOW_RESULTS,
  N_PROPS
};

enum {
  CHECKED,
  OPEN_ANOTHER_FILE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
clear_field_hits (gpointer data)
{
  FieldHits *hits = data;

  g_clear_pointer (&hits->loa_rects, g_array_unref);
  g_clear_pointer (&hits->proof_rects, g_array_unref);
}

static const char *
field_title (PortingField field)
{
  switch (field)
    {
    case PORTING_FIELD_NAME:
      return _("Name");
    case PORTING_FIELD_ADDRESS:
      return _("Address");
    case PORTING_FIELD_ACCOUNT_NUMBER:
      return _("Account number");
    case PORTING_FIELD_BTN:
      return _("Billing telephone number");
    case PORTING_FIELD_CARRIER:
      return _("Current carrier");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
status_presentation (PortingFieldStatus   status,
                     const char         **word,
                     const char         **icon_name,
                     const char         **style_class)
{
  switch (status)
    {
    case PORTING_FIELD_STATUS_EXACT:
      *word = _("Exact match");
      *icon_name = "object-select-symbolic";
      *style_class = "success";
      break;
    case PORTING_FIELD_STATUS_EQUIVALENT:
      *word = _("Equivalent");
      *icon_name = "object-select-symbolic";
      *style_class = "success";
      break;
    case PORTING_FIELD_STATUS_MISMATCH:
      *word = _("Mismatch");
      *icon_name = "dialog-error-symbolic";
      *style_class = "error";
      break;
    case PORTING_FIELD_STATUS_NOT_FOUND:
      *word = _("Not found");
      *icon_name = "edit-find-symbolic";
      *style_class = "warning";
      break;
    case PORTING_FIELD_STATUS_UNREADABLE:
    default:
      *word = _("Unreadable");
      *icon_name = "dialog-question-symbolic";
      *style_class = "warning";
      break;
    }
}

const char *
_porting_check_view_get_field_title (PortingField field)
{
  return field_title (field);
}

const char *
_porting_check_view_get_status_word (PortingFieldStatus status)
{
  const char *word, *icon_name, *style_class;

  status_presentation (status, &word, &icon_name, &style_class);
  return word;
}

/* Verdict line */

typedef enum
{
  VERDICT_STYLE_PROGRESS,
  VERDICT_STYLE_SUCCESS,
  VERDICT_STYLE_ERROR,
  VERDICT_STYLE_WARNING,
} VerdictStyle;

static void
set_verdict (PortingCheckView *self,
             VerdictStyle      style,
             const char       *icon_name,
             const char       *text)
{
  static const char * const classes[] = { "success", "error", "warning" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_icon), classes[i]);

  gtk_widget_set_visible (self->verdict_box, text != NULL);
  gtk_label_set_label (self->verdict_label, text);
  /* Heard as it changes when the keyboard is on it; the result announced
   * otherwise, where GTK can. */
  porting_accessible_set_status (self->verdict_status, text, style != VERDICT_STYLE_PROGRESS);

  gtk_widget_set_visible (GTK_WIDGET (self->verdict_spinner), style == VERDICT_STYLE_PROGRESS);
  gtk_spinner_set_spinning (self->verdict_spinner, style == VERDICT_STYLE_PROGRESS && text != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_icon), style != VERDICT_STYLE_PROGRESS);
  if (icon_name != NULL)
    gtk_image_set_from_icon_name (self->verdict_icon, icon_name);
  if (style != VERDICT_STYLE_PROGRESS)
    gtk_widget_add_css_class (GTK_WIDGET (self->verdict_icon), classes[style - VERDICT_STYLE_SUCCESS]);
}

static void
update_verdict (PortingCheckView *self)
{
  PortingDocumentViewState loa_state = porting_document_view_get_state (self->loa_view);
  PortingDocumentViewState proof_state = porting_document_view_get_state (self->proof_view);

  if (self->result != NULL)
    {
      /* What does not match, in words: "The account number does not match." */
      g_autofree char *summary = porting_check_result_dup_summary (self->result);

      switch (porting_check_result_get_verdict (self->result))
        {
        case PORTING_CHECK_VERDICT_MATCH:
          set_verdict (self, VERDICT_STYLE_SUCCESS, "object-select-symbolic", summary);
          break;
        case PORTING_CHECK_VERDICT_MISMATCH:
          set_verdict (self, VERDICT_STYLE_ERROR, "dialog-error-symbolic", summary);
          break;
        case PORTING_CHECK_VERDICT_REVIEW:
        default:
          set_verdict (self, VERDICT_STYLE_WARNING, "dialog-warning-symbolic", summary);
          break;
        }
    }
  else if (self->check_error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The documents could not be compared: %s"),
                                               self->check_error->message);

      set_verdict (self, VERDICT_STYLE_ERROR, "dialog-error-symbolic", text);
    }
  else if (loa_state == PORTING_DOCUMENT_VIEW_STATE_FAILED ||
           proof_state == PORTING_DOCUMENT_VIEW_STATE_FAILED)
    {
      set_verdict (self, VERDICT_STYLE_ERROR, "dialog-error-symbolic",
                   _("A document cannot be opened: open another file to compare"));
    }
  else if (loa_state == PORTING_DOCUMENT_VIEW_STATE_NEEDS_PASSWORD ||
           proof_state == PORTING_DOCUMENT_VIEW_STATE_NEEDS_PASSWORD)
    {
      set_verdict (self, VERDICT_STYLE_WARNING, "dialog-password-symbolic",
                   _("A document is protected: type its password to compare"));
    }
  else if (loa_state == PORTING_DOCUMENT_VIEW_STATE_LOADING ||
           proof_state == PORTING_DOCUMENT_VIEW_STATE_LOADING)
    {
      set_verdict (self, VERDICT_STYLE_PROGRESS, NULL, _("Opening the documents…"));
    }
  else if (self->cancellable != NULL && self->reading_text != NULL)
    {
      set_verdict (self, VERDICT_STYLE_PROGRESS, NULL, self->reading_text);
    }
  else if (self->cancellable != NULL)
    {
      set_verdict (self, VERDICT_STYLE_PROGRESS, NULL, _("Comparing the name and address…"));
    }
  else
    {
      set_verdict (self, VERDICT_STYLE_PROGRESS, NULL, NULL);
    }
}

/* Results */

static void
on_row_activated (PortingCheckView *self,
                  AdwActionRow     *row)
{
  porting_check_view_show_field (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "porting-field")));
}

static GtkWidget *
create_field_row (PortingCheckView         *self,
                  const PortingFieldResult *field)
{
  GtkWidget *row;
  GtkWidget *status_box;
  GtkWidget *icon;
  GtkWidget *label;
  const char *word, *icon_name, *style_class;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *loa_text = NULL;
  g_autofree char *proof_text = NULL;

  loa_text = g_markup_escape_text (field->loa_text ? field->loa_text : _("not found"), -1);
  proof_text = g_markup_escape_text (field->proof_text ? field->proof_text : _("not found"), -1);
  if (self->proof_is_csr)
    /* TRANSLATORS: what the LOA says, then what the Customer Service Record says */
    g_string_append_printf (subtitle, _("LOA: %s  ·  CSR: %s"), loa_text, proof_text);
  else
    /* TRANSLATORS: what the LOA says, then what the invoice says */
    g_string_append_printf (subtitle, _("LOA: %s  ·  Invoice: %s"), loa_text, proof_text);

  if (field->source == PORTING_TEXT_SOURCE_FORM)
    {
      g_string_append_c (subtitle, '\n');
      g_string_append (subtitle, _("Read from the LOA’s form fields"));
    }
  else if (field->source == PORTING_TEXT_SOURCE_OCR)
    {
      g_string_append_c (subtitle, '\n');
      /* TRANSLATORS: read by OCR from a photo, a screenshot or a scan; %d %% is how sure */
      g_string_append_printf (subtitle, _("Read from the image, %d %% sure"),
                              (int) (field->confidence * 100 + 0.5));
    }

  if (field->differences != NULL && field->differences->len > 0)
    {
      g_string_append_c (subtitle, '\n');
      /* An equivalent value says what was not counted (a leading "The"). */
      g_string_append (subtitle, field->status <= PORTING_FIELD_STATUS_EQUIVALENT ? _("Not counted:") : _("Differs:"));
      for (guint i = 0; i < field->differences->len; i++)
        {
          g_autofree char *difference = g_markup_escape_text (g_ptr_array_index (field->differences, i), -1);

          g_string_append_printf (subtitle, "%s<b>%s</b>", i == 0 ? " " : ", ", difference);
        }
    }

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field_title (field->field));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), field->proof_page >= 0 || field->loa_page >= 0);
  g_object_set_data (G_OBJECT (row), "porting-field", GINT_TO_POINTER (field->field));
  g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated), self, G_CONNECT_SWAPPED);

  /* The status in words, never by colour alone. */
  status_presentation (field->status, &word, &icon_name, &style_class);
  status_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (status_box, GTK_ALIGN_CENTER);
  icon = gtk_image_new_from_icon_name (icon_name);
  label = gtk_label_new (word);
  gtk_widget_add_css_class (icon, style_class);
  gtk_widget_add_css_class (label, style_class);
  gtk_widget_add_css_class (label, "porting-field-status");
  gtk_box_append (GTK_BOX (status_box), icon);
  gtk_box_append (GTK_BOX (status_box), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_box);
  /* A screen reader reads the status with the field, not beside an icon,
   * then what the documents say: a description hides the subtitle. */
  {
    g_autofree char *shown = NULL;
    g_autofree char *description = NULL;

    pango_parse_markup (subtitle->str, -1, 0, NULL, &shown, NULL, NULL);
    description = g_strdup_printf ("%s. %s", word, shown != NULL ? shown : "");
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  }
  porting_accessible_fix_tree (row);

  return row;
}

/* The core speaks of bills; a CSR is no bill, and carriers want it recent too. */
static char *
dup_warning_message (PortingCheckView          *self,
                     const PortingCheckWarning *warning)
{
  const GDate *date;
  char formatted[128];

  if (!self->proof_is_csr)
    return g_strdup (warning->message);

  if (g_strcmp0 (warning->code, PORTING_CHECK_WARNING_PROOF_DATE_NOT_FOUND) == 0)
    return g_strdup (_("No date could be read on the CSR. Carriers want a CSR from the last 30 days."));

  date = porting_check_result_get_proof_date (self->result);
  if (g_strcmp0 (warning->code, PORTING_CHECK_WARNING_PROOF_TOO_OLD) == 0 && date != NULL && g_date_valid (date) &&
      g_date_strftime (formatted, sizeof formatted, "%x", date) > 0)
    /* Translators: %s is a date */
    return g_strdup_printf (_("The CSR is dated %s, more than 30 days ago. Carriers want a CSR from the last 30 days."),
                            formatted);

  return g_strdup (warning->message);
}

static void
show_results (PortingCheckView *self)
{
  GPtrArray *warnings;

  porting_list_box_remove_all (self->results_list);
  porting_list_box_remove_all (self->warnings_list);
  g_ptr_array_set_size (self->rows, 0);

  if (self->result == NULL)
    {
      gtk_widget_set_visible (self->results_scroller, FALSE);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (shown_fields); i++)
    {
      const PortingFieldResult *field = porting_check_result_get_field (self->result, shown_fields[i]);
      GtkWidget *row;

      if (field == NULL)
        continue;

      row = create_field_row (self, field);
      gtk_list_box_append (self->results_list, row);
      g_ptr_array_add (self->rows, row);
    }

  warnings = porting_check_result_get_warnings (self->result);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      const PortingCheckWarning *warning = g_ptr_array_index (warnings, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      g_autofree char *message = dup_warning_message (self, warning);
      g_autofree char *title = g_markup_escape_text (message, -1);

      gtk_widget_add_css_class (icon, "warning");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      porting_accessible_set_row_read_only (row);
      gtk_list_box_append (self->warnings_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_list), warnings != NULL && warnings->len > 0);

  gtk_widget_set_visible (self->results_scroller, !self->hide_results);
}

static void
show_highlights (PortingCheckView *self)
{
  porting_document_view_clear_highlights (self->loa_view);
  porting_document_view_clear_highlights (self->proof_view);

  for (guint i = 0; self->hits != NULL && i < self->hits->len; i++)
    {
      const FieldHits *hits = &g_array_index (self->hits, FieldHits, i);

      if (hits->loa_rects != NULL)
        porting_document_view_add_highlights (self->loa_view, hits->loa_page, hits->loa_rects, hits->status);
      if (hits->proof_rects != NULL)
        porting_document_view_add_highlights (self->proof_view, hits->proof_page, hits->proof_rects, hits->status);
    }
}

/* Checking: the check itself, then where its fields sit (both off the main loop) */

typedef struct
{
  PortingDocument    *loa;
  PortingDocument    *proof;
  PortingCheckResult *result;
  GPtrArray          *loa_texts;     /* of char*, one a page, for screen readers */
  GPtrArray          *proof_texts;
} HitsData;

static void
hits_data_free (gpointer data)
{
  HitsData *hits = data;

  g_clear_object (&hits->loa);
  g_clear_object (&hits->proof);
  g_clear_object (&hits->result);
  g_clear_pointer (&hits->loa_texts, g_ptr_array_unref);
  g_clear_pointer (&hits->proof_texts, g_ptr_array_unref);
  g_free (hits);
}

static GArray *
find_rects (PortingDocument *document,
            int              page,
            guint            start,
            guint            end,
            GCancellable    *cancellable)
{
  g_autoptr(PortingPageText) page_text = NULL;
  g_autoptr(GError) error = NULL;
  GArray *rects;

  if (page < 0 || end <= start || (guint) page >= porting_document_get_n_pages (document))
    return NULL;

  page_text = porting_document_get_page_text (document, page, PORTING_PAGE_TEXT_FLAGS_WORDS,
                                               cancellable, &error);
  if (page_text == NULL)
    {
      g_debug ("No text for the highlights of page %d: %s", page + 1, error->message);
      return NULL;
    }

  /* Where the words are seen: a photo read by OCR may be turned or tilted. */
  rects = porting_document_get_highlight_rects (document, page_text, start, end);
  if (rects != NULL && rects->len == 0)
    g_clear_pointer (&rects, g_array_unref);

  return rects;
}

static GArray *
find_loa_rects (HitsData                 *data,
                const PortingFieldResult *field,
                GCancellable             *cancellable)
{
  const PortingLoaFields *loa = porting_check_result_get_loa_fields (data->result);

  /* A form prints a label between the street and the city ("City, State,
   * ZIP:"): light the two values, not the label. */
  if (field->field == PORTING_FIELD_ADDRESS && loa != NULL &&
      loa->street_span.page == field->loa_page && loa->city_line_span.page == field->loa_page &&
      loa->street_span.end <= loa->city_line_span.start)
    {
      GArray *rects = find_rects (data->loa, field->loa_page,
                                  loa->street_span.start, loa->street_span.end, cancellable);
      g_autoptr(GArray) city_rects = find_rects (data->loa, field->loa_page,
                                                 loa->city_line_span.start, loa->city_line_span.end,
                                                 cancellable);

      if (rects == NULL)
        return g_steal_pointer (&city_rects);
      if (city_rects != NULL)
        g_array_append_vals (rects, city_rects->data, city_rects->len);
      return rects;
    }

  return find_rects (data->loa, field->loa_page, field->loa_start, field->loa_end, cancellable);
}

static void
hits_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  HitsData *data = task_data;
  g_autoptr(GArray) all_hits = g_array_new (FALSE, TRUE, sizeof (FieldHits));

  g_array_set_clear_func (all_hits, clear_field_hits);

  for (guint i = 0; i < G_N_ELEMENTS (shown_fields); i++)
    {
      const PortingFieldResult *field = porting_check_result_get_field (data->result, shown_fields[i]);
      FieldHits hits = { 0 };

      if (field == NULL)
        continue;

      hits.field = field->field;
      hits.status = field->status;
      hits.loa_page = field->loa_page;
      hits.proof_page = field->proof_page;
      hits.loa_rects = find_loa_rects (data, field, cancellable);
      hits.proof_rects = find_rects (data->proof, field->proof_page, field->proof_start, field->proof_end, cancellable);
      g_array_append_val (all_hits, hits);
    }

  data->loa_texts = _porting_check_view_dup_page_texts (data->loa, cancellable);
  data->proof_texts = _porting_check_view_dup_page_texts (data->proof, cancellable);

  if (g_task_return_error_if_cancelled (task))
    return;

  g_task_return_pointer (task, g_steal_pointer (&all_hits), (GDestroyNotify) g_array_unref);
}

static void
finish_check (PortingCheckView   *self,
              PortingCheckResult *result,
              GArray             *hits,
              GError             *error)
{
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->reading_text, g_free);
  g_set_object (&self->result, result);
  g_clear_pointer (&self->hits, g_array_unref);
  self->hits = hits != NULL ? g_array_ref (hits) : NULL;
  g_clear_error (&self->check_error);
  self->check_error = error != NULL ? g_error_copy (error) : NULL;

  show_results (self);
  show_highlights (self);
  update_verdict (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  if (result != NULL)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
      g_signal_emit (self, signals[CHECKED], 0);
    }
}

static void
hits_cb (GObject      *object,
         GAsyncResult *async_result,
         gpointer      user_data)
{
  PortingCheckView *self = PORTING_CHECK_VIEW (object);
  HitsData *data = g_task_get_task_data (G_TASK (async_result));
  g_autoptr(GArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  hits = g_task_propagate_pointer (G_TASK (async_result), &error);
  if (hits == NULL)
    return;   /* only when cancelled: a newer check took over */

  finish_check (self, data->result, hits, NULL);
  _porting_check_view_describe_document (self->loa_view, self->result, FALSE, data->loa_texts);
  _porting_check_view_describe_document (self->proof_view, self->result, TRUE, data->proof_texts);
}

static void
check_cb (GObject      *object,
          GAsyncResult *async_result,
          gpointer      user_data)
{
  g_autoptr(PortingCheckView) self = user_data;
  g_autoptr(PortingCheckResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  HitsData *data;

  result = porting_document_check_finish (async_result, &error);
  if (result == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        finish_check (self, NULL, NULL, error);
      return;
    }

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  data = g_new0 (HitsData, 1);
  data->loa = g_object_ref (porting_document_view_get_document (self->loa_view));
  data->proof = g_object_ref (porting_document_view_get_document (self->proof_view));
  data->result = g_steal_pointer (&result);

  task = g_task_new (self, self->cancellable, hits_cb, NULL);
  g_task_set_source_tag (task, check_cb);
  g_task_set_task_data (task, data, hits_data_free);
  g_task_run_in_thread (task, hits_thread);
}

static void
cancel_check (PortingCheckView *self)
{
  gboolean had_result = self->result != NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->reading_text, g_free);
  g_clear_object (&self->result);
  g_clear_pointer (&self->hits, g_array_unref);
  g_clear_error (&self->check_error);

  show_results (self);
  porting_document_view_clear_highlights (self->loa_view);
  porting_document_view_clear_highlights (self->proof_view);
  porting_document_view_set_description (self->loa_view, NULL);
  porting_document_view_set_description (self->proof_view, NULL);

  if (had_result)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
}

static void read_next_document (PortingCheckView *self);

/* OCR reads a photo, a screenshot or a scan for seconds: say so, and how far. */
static void
on_read_progress (PortingDocument *document,
                  double           fraction,
                  gpointer         user_data)
{
  PortingCheckView *self = user_data;

  if (self->cancellable == NULL || self->n_read >= 2)
    return;   /* a report come after its reading */

  g_free (self->reading_text);
  self->reading_text = porting_document_get_kind (document) == PORTING_DOCUMENT_KIND_IMAGE
    /* TRANSLATORS: OCR reading a photo or a screenshot, then how far it is */
    ? g_strdup_printf (_("Reading the photo… %d %%"), (int) (fraction * 100))
    /* TRANSLATORS: OCR reading a scanned PDF page, then how far it is */
    : g_strdup_printf (_("Reading the scanned page… %d %%"), (int) (fraction * 100));
  update_verdict (self);
}

static void
read_cb (GObject      *object,
         GAsyncResult *async_result,
         gpointer      user_data)
{
  g_autoptr(PortingCheckView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!porting_document_read_text_finish (PORTING_DOCUMENT (object), async_result, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* The check says what cannot be read. */
      g_debug ("Reading ahead failed: %s", error->message);
    }

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  self->n_read++;
  g_clear_pointer (&self->reading_text, g_free);
  update_verdict (self);
  read_next_document (self);
}

/* Each document read ahead on a worker thread (OCR where it has no text),
 * then the check, which finds their text ready. */
static void
read_next_document (PortingCheckView *self)
{
  PortingDocument *documents[] = {
    porting_document_view_get_document (self->loa_view),
    porting_document_view_get_document (self->proof_view),
  };

  if (self->n_read < G_N_ELEMENTS (documents))
    {
      porting_document_read_text_async (documents[self->n_read], on_read_progress,
                                        g_object_ref (self), g_object_unref,
                                        self->cancellable, read_cb, g_object_ref (self));
      return;
    }

  porting_document_check_async (documents[0], documents[1], NULL, self->cancellable,
                                check_cb, g_object_ref (self));
}

static void
maybe_start_check (PortingCheckView *self)
{
  PortingDocument *loa = porting_document_view_get_document (self->loa_view);
  PortingDocument *proof = porting_document_view_get_document (self->proof_view);

  if (loa == NULL || proof == NULL || self->result != NULL || self->cancellable != NULL)
    return;

  self->cancellable = g_cancellable_new ();
  self->n_read = 0;
  read_next_document (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Narrow, a document waiting for its password or failing must not hide
 * behind the other one. */
static void
update_attention (PortingCheckView *self)
{
  PortingDocumentView *views[] = { self->loa_view, self->proof_view };
  GtkWidget *panes[] = { self->loa_pane, self->proof_pane };

  if (!self->narrow)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      PortingDocumentViewState state = porting_document_view_get_state (views[i]);
      gboolean attention = state == PORTING_DOCUMENT_VIEW_STATE_NEEDS_PASSWORD ||
                           state == PORTING_DOCUMENT_VIEW_STATE_FAILED;
      AdwViewStackPage *page = adw_view_stack_get_page (self->narrow_stack, panes[i]);

      if (page == NULL)
        continue;
      adw_view_stack_page_set_needs_attention (page, attention);
      if (attention)
        adw_view_stack_set_visible_child (self->narrow_stack, panes[i]);
    }
}

static gboolean
view_failed (PortingDocumentView *view)
{
  return porting_document_view_get_state (view) == PORTING_DOCUMENT_VIEW_STATE_FAILED;
}

/* A document that cannot be opened: offer another, where a page can open one. */
static void
update_open_another (PortingCheckView *self)
{
  gboolean failed = view_failed (self->loa_view) || view_failed (self->proof_view);

  gtk_widget_set_visible (self->open_another_button,
                          failed && g_signal_has_handler_pending (self, signals[OPEN_ANOTHER_FILE], 0, TRUE));
}

static void
on_open_another_clicked (PortingCheckView *self,
                         GtkButton        *button)
{
  /* The LOA first when both failed. */
  g_signal_emit (self, signals[OPEN_ANOTHER_FILE], 0, !view_failed (self->loa_view));
}

static void
on_document_state_changed (PortingCheckView    *self,
                           GParamSpec          *pspec,
                           PortingDocumentView *view)
{
  /* A document that changed makes the last check stale. */
  if (porting_document_view_get_state (view) != PORTING_DOCUMENT_VIEW_STATE_LOADED &&
      (self->result != NULL || self->cancellable != NULL || self->check_error != NULL))
    {
      cancel_check (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }

  update_attention (self);
  maybe_start_check (self);
  update_verdict (self);
  update_open_another (self);
}

/* Wide and narrow layouts */

static void
apply_titles (PortingCheckView *self)
{
  porting_document_view_set_title (self->loa_view,
                                   self->loa_title != NULL ? self->loa_title : _("Letter of Authorization"));
  porting_document_view_set_title (self->proof_view,
                                   self->proof_title != NULL ? self->proof_title
                                   : self->proof_is_csr ? _("Customer Service Record")
                                   : _("Invoice or CSR"));
}

void
porting_check_view_set_titles (PortingCheckView *self,
                               const char       *loa_title,
                               const char       *proof_title)
{
  g_return_if_fail (PORTING_IS_CHECK_VIEW (self));

  g_free (self->loa_title);
  self->loa_title = g_strdup (loa_title);
  g_free (self->proof_title);
  self->proof_title = g_strdup (proof_title);
  if (!self->narrow)
    apply_titles (self);
}

void
porting_check_view_set_proof_kind (PortingCheckView *self,
                                   const char       *proof_kind)
{
  gboolean csr;

  g_return_if_fail (PORTING_IS_CHECK_VIEW (self));

  csr = g_strcmp0 (proof_kind, "csr") == 0;
  if (self->proof_is_csr == csr)
    return;

  self->proof_is_csr = csr;
  if (self->narrow)
    {
      AdwViewStackPage *page = adw_view_stack_get_page (self->narrow_stack, self->proof_pane);

      adw_view_stack_page_set_title (page, csr ? _("CSR") : _("Invoice"));
    }
  else
    {
      apply_titles (self);
    }
  show_results (self);
}

void
porting_check_view_set_show_results (PortingCheckView *self,
                                     gboolean          show_results)
{
  g_return_if_fail (PORTING_IS_CHECK_VIEW (self));

  if (self->hide_results == !show_results)
    return;

  self->hide_results = !show_results;
  gtk_widget_set_visible (self->results_scroller, show_results && self->result != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_RESULTS]);
}

static void
apply_layout (PortingCheckView *self,
              gboolean          narrow)
{
  g_autoptr(GtkWidget) loa_pane = g_object_ref (self->loa_pane);
  g_autoptr(GtkWidget) proof_pane = g_object_ref (self->proof_pane);

  if (self->narrow == narrow)
    return;
  self->narrow = narrow;

  if (narrow)
    {
      AdwViewStackPage *page;

      gtk_paned_set_start_child (self->wide_paned, NULL);
      gtk_paned_set_end_child (self->wide_paned, NULL);
      page = adw_view_stack_add_titled (self->narrow_stack, loa_pane, "loa", _("LOA"));
      adw_view_stack_page_set_icon_name (page, "x-office-document-symbolic");
      page = adw_view_stack_add_titled (self->narrow_stack, proof_pane, "proof",
                                        self->proof_is_csr ? _("CSR") : _("Invoice"));
      adw_view_stack_page_set_icon_name (page, "mail-attachment-symbolic");
      /* The switcher made a button for each. */
      porting_accessible_fix_tree (self->narrow_switcher);
      /* The switcher names the documents: room for the file name. */
      porting_document_view_set_title (self->loa_view, NULL);
      porting_document_view_set_title (self->proof_view, NULL);
      update_attention (self);
      gtk_stack_set_visible_child_name (self->layout_stack, "narrow");
    }
  else
    {
      adw_view_stack_remove (self->narrow_stack, loa_pane);
      adw_view_stack_remove (self->narrow_stack, proof_pane);
      gtk_paned_set_start_child (self->wide_paned, loa_pane);
      gtk_paned_set_end_child (self->wide_paned, proof_pane);
      apply_titles (self);
      gtk_stack_set_visible_child_name (self->layout_stack, "wide");
    }
}

static gboolean
layout_idle_cb (gpointer user_data)
{
  PortingCheckView *self = user_data;

  self->layout_idle_id = 0;
  apply_layout (self, gtk_widget_get_width (GTK_WIDGET (self)) < NARROW_WIDTH);

  return G_SOURCE_REMOVE;
}

static void
porting_check_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  PortingCheckView *self = PORTING_CHECK_VIEW (widget);

  gtk_widget_measure (self->main_box, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
porting_check_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  PortingCheckView *self = PORTING_CHECK_VIEW (widget);

  /* Moving the documents between layouts cannot happen while allocating. */
  if ((width < NARROW_WIDTH) != self->narrow && self->layout_idle_id == 0)
    self->layout_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, layout_idle_cb, self, NULL);

  gtk_widget_allocate (self->main_box, width, height, baseline, NULL);
}

/* GObject */

static void
porting_check_view_dispose (GObject *object)
{
  PortingCheckView *self = PORTING_CHECK_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->layout_idle_id, g_source_remove);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), PORTING_TYPE_CHECK_VIEW);

  G_OBJECT_CLASS (porting_check_view_parent_class)->dispose (object);
}

static void
porting_check_view_finalize (GObject *object)
{
  PortingCheckView *self = PORTING_CHECK_VIEW (object);

  g_clear_object (&self->result);
  g_clear_pointer (&self->hits, g_array_unref);
  g_clear_error (&self->check_error);
  g_clear_pointer (&self->reading_text, g_free);
  g_clear_pointer (&self->loa_title, g_free);
  g_clear_pointer (&self->proof_title, g_free);

  G_OBJECT_CLASS (porting_check_view_parent_class)->finalize (object);
}

static void
porting_check_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PortingCheckView *self = PORTING_CHECK_VIEW (object);

  switch (prop_id)
    {
    case PROP_RESULT:
      g_value_set_object (value, self->result);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, porting_check_view_get_busy (self));
      break;
    case PROP_SHOW_RESULTS:
      g_value_set_boolean (value, !self->hide_results);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porting_check_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PortingCheckView *self = PORTING_CHECK_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_RESULTS:
      porting_check_view_set_show_results (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porting_check_view_class_init (PortingCheckViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = porting_check_view_dispose;
  object_class->finalize = porting_check_view_finalize;
  object_class->get_property = porting_check_view_get_property;
  object_class->set_property = porting_check_view_set_property;

  widget_class->measure = porting_check_view_measure;
  widget_class->size_allocate = porting_check_view_size_allocate;

  properties[PROP_RESULT] =
    g_param_spec_object ("result", NULL, NULL,
                         PORTING_TYPE_CHECK_RESULT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_RESULTS] =
    g_param_spec_boolean ("show-results", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PortingCheckView::checked:
   *
   * The check finished, its rows and highlights are shown.
   */
  signals[CHECKED] =
    g_signal_new ("checked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * PortingCheckView::open-another-file:
   * @proof: TRUE for the invoice or CSR, FALSE for the LOA
   *
   * A document could not be opened and the user asks for another in its
   * place. The button that asks is only shown when this is handled.
   */
  signals[OPEN_ANOTHER_FILE] =
    g_signal_new ("open-another-file",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  g_type_ensure (PORTING_TYPE_DOCUMENT_VIEW);
  g_type_ensure (PORTING_TYPE_PAGE_STRIP);

  gtk_widget_class_set_css_name (widget_class, "checkview");
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Porting/porting-check-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PortingCheckView, main_box);
  gtk_widget_class_bind_template_child (widget_class, PortingCheckView, verdict_status);
  gtk_widget_class_bind_template_child (widget_class, PortingCheckView, verdict_box);
  gtk_widget_class_bind_template_child (widget_class, PortingCheckView, verdict_spinner);
  gtk_widget_class_bind_template_child (widget_class, PortingCheckView, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, PortingCheckView, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, PortingCheckView, open_another_button);
  gtk_widget_class_bind_template_child (widget_class, PortingCheckView, layout_stack);
  gtk_widget_class_bind_template_child (widget_class, PortingCheckView, wide_paned);
  gtk_widget_class_bind_template_child (widget_class, PortingCheckView, loa_pane);
  gtk_widget_class_bind_template_child (widget_class, PortingCheckView, proof_pane);
  gtk_widget_class_bind_template_child (widget_class, PortingCheckView, loa_view);
  gtk_widget_class_bind_template_child (widget_class, PortingCheckView, proof_view);
  gtk_widget_class_bind_template_child (widget_class, PortingCheckView, narrow_stack);
  gtk_widget_class_bind_template_child (widget_class, PortingCheckView, narrow_switcher);
  gtk_widget_class_bind_template_child (widget_class, PortingCheckView, results_scroller);
  gtk_widget_class_bind_template_child (widget_class, PortingCheckView, results_list);
  gtk_widget_class_bind_template_child (widget_class, PortingCheckView, warnings_list);
  gtk_widget_class_bind_template_callback (widget_class, on_document_state_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_open_another_clicked);
}

static void
porting_check_view_init (PortingCheckView *self)
{
  self->rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The fields compared are one Tab stop, arrows inside. */
  porting_list_box_set_single_tab_stop (self->results_list, NULL, NULL);
  porting_accessible_fix_tree (GTK_WIDGET (self));
}

GtkWidget *
porting_check_view_new (void)
{
  return g_object_new (PORTING_TYPE_CHECK_VIEW, NULL);
}

void
porting_check_view_load (PortingCheckView *self,
                         GFile            *loa,
                         GFile            *proof)
{
  g_return_if_fail (PORTING_IS_CHECK_VIEW (self));
  g_return_if_fail (!loa || G_IS_FILE (loa));
  g_return_if_fail (!proof || G_IS_FILE (proof));

  cancel_check (self);

  if (loa != NULL)
    porting_document_view_load (self->loa_view, loa, NULL);
  if (proof != NULL)
    porting_document_view_load (self->proof_view, proof, NULL);

  maybe_start_check (self);
  update_verdict (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
porting_check_view_clear (PortingCheckView *self)
{
  g_return_if_fail (PORTING_IS_CHECK_VIEW (self));

  cancel_check (self);
  porting_document_view_clear (self->loa_view);
  porting_document_view_clear (self->proof_view);
  update_verdict (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

PortingCheckResult *
porting_check_view_get_result (PortingCheckView *self)
{
  g_return_val_if_fail (PORTING_IS_CHECK_VIEW (self), NULL);

  return self->result;
}

/**
 * porting_check_view_get_busy:
 *
 * Returns: whether a document is opening or the check is running
 */
gboolean
porting_check_view_get_busy (PortingCheckView *self)
{
  g_return_val_if_fail (PORTING_IS_CHECK_VIEW (self), FALSE);

  return self->cancellable != NULL ||
         porting_document_view_get_state (self->loa_view) == PORTING_DOCUMENT_VIEW_STATE_LOADING ||
         porting_document_view_get_state (self->proof_view) == PORTING_DOCUMENT_VIEW_STATE_LOADING;
}

const char *
porting_check_view_get_verdict_text (PortingCheckView *self)
{
  g_return_val_if_fail (PORTING_IS_CHECK_VIEW (self), NULL);

  if (!gtk_widget_get_visible (self->verdict_box))
    return NULL;

  return gtk_label_get_label (self->verdict_label);
}

PortingDocumentView *
porting_check_view_get_loa_view (PortingCheckView *self)
{
  g_return_val_if_fail (PORTING_IS_CHECK_VIEW (self), NULL);

  return self->loa_view;
}

PortingDocumentView *
porting_check_view_get_proof_view (PortingCheckView *self)
{
  g_return_val_if_fail (PORTING_IS_CHECK_VIEW (self), NULL);

  return self->proof_view;
}

GtkWidget *
porting_check_view_get_field_row (PortingCheckView *self,
                                  PortingField      field)
{
  g_return_val_if_fail (PORTING_IS_CHECK_VIEW (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "porting-field")) == (int) field)
        return row;
    }

  return NULL;
}

void
porting_check_view_show_field (PortingCheckView *self,
                               PortingField      field)
{
  g_return_if_fail (PORTING_IS_CHECK_VIEW (self));

  for (guint i = 0; self->hits != NULL && i < self->hits->len; i++)
    {
      const FieldHits *hits = &g_array_index (self->hits, FieldHits, i);

      if (hits->field != field)
        continue;

      if (hits->loa_rects != NULL)
        porting_document_view_scroll_to (self->loa_view, hits->loa_page,
                                         &g_array_index (hits->loa_rects, PortingRect, 0));
      if (hits->proof_rects != NULL)
        porting_document_view_scroll_to (self->proof_view, hits->proof_page,
                                         &g_array_index (hits->proof_rects, PortingRect, 0));

      /* Narrow, the invoice is where the answer is. */
      if (self->narrow && hits->proof_rects != NULL)
        adw_view_stack_set_visible_child_name (self->narrow_stack, "proof");
      break;
    }
}
