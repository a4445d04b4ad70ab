/* porting-check-view.c — an LOA and its invoice side by side, and how their fields compare
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-check-view"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-accessible.h"
#include "porting-check-view-private.h"
#include "porting-page-strip.h"

/* Narrower than this, one document at a time with a switcher. */
#define NARROW_WIDTH 700

G_DEFINE_FINAL_TYPE (PortingCheckView, porting_check_view, GTK_TYPE_WIDGET)

enum {
  CHECKED,
  OPEN_ANOTHER_FILE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
_porting_check_view_notify (PortingCheckView     *self,
                            PortingCheckViewProp  prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
_porting_check_view_emit_checked (PortingCheckView *self)
{
  g_signal_emit (self, signals[CHECKED], 0);
}

/* Verdict line */

typedef enum
{
  VERDICT_STYLE_PROGRESS,
  VERDICT_STYLE_SUCCESS,
  VERDICT_STYLE_ERROR,
  VERDICT_STYLE_WARNING,
} VerdictStyle;

/* Shown when there is a verdict and the page around does not say it. */
static void
update_verdict_status_visible (PortingCheckView *self)
{
  gtk_widget_set_visible (self->verdict_status, gtk_widget_get_visible (self->verdict_box) && !self->hide_verdict);
}

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
  update_verdict_status_visible (self);
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

void
_porting_check_view_update_verdict (PortingCheckView *self)
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
      _porting_check_view_cancel_check (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }

  update_attention (self);
  _porting_check_view_maybe_start_check (self);
  _porting_check_view_update_verdict (self);
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
  _porting_check_view_show_results (self);
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

void
porting_check_view_set_show_verdict (PortingCheckView *self,
                                     gboolean          show_verdict)
{
  g_return_if_fail (PORTING_IS_CHECK_VIEW (self));

  if (self->hide_verdict == !show_verdict)
    return;

  self->hide_verdict = !show_verdict;
  update_verdict_status_visible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_VERDICT]);
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
  int results_minimum = 0, results_natural = 0;

  gtk_widget_measure (self->main_box, orientation, for_size, minimum, natural, NULL, NULL);
  if (gtk_widget_should_layout (self->results_box))
    gtk_widget_measure (self->results_box, orientation, for_size, &results_minimum, &results_natural, NULL, NULL);

  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum += results_minimum;
      *natural += results_natural;
    }
  else
    {
      *minimum = MAX (*minimum, results_minimum);
      *natural = MAX (*natural, results_natural);
    }
}

/* The list of fields compared gets its natural height up to this share of
 * the view's, scrolling beyond it: on a short window the documents, which
 * show where each field was found, keep the most room. */
#define RESULTS_SHARE 0.3

static void
porting_check_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  PortingCheckView *self = PORTING_CHECK_VIEW (widget);
  int results_height = 0;

  /* Moving the documents between layouts cannot happen while allocating. */
  if ((width < NARROW_WIDTH) != self->narrow && self->layout_idle_id == 0)
    self->layout_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, layout_idle_cb, self, NULL);

  if (gtk_widget_should_layout (self->results_box))
    {
      int results_minimum, results_natural, main_minimum;

      gtk_widget_measure (self->results_box, GTK_ORIENTATION_VERTICAL, width,
                          &results_minimum, &results_natural, NULL, NULL);
      gtk_widget_measure (self->main_box, GTK_ORIENTATION_VERTICAL, width, &main_minimum, NULL, NULL, NULL);
      results_height = MIN (results_natural, MAX (results_minimum, (int) (height * RESULTS_SHARE)));
      results_height = MAX (results_minimum, MIN (results_height, height - main_minimum));
      gtk_widget_size_allocate (self->results_box,
                                &(GtkAllocation) { 0, height - results_height, width, results_height }, -1);
    }

  gtk_widget_size_allocate (self->main_box, &(GtkAllocation) { 0, 0, width, height - results_height }, -1);
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
    case PROP_SHOW_VERDICT:
      g_value_set_boolean (value, !self->hide_verdict);
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
    case PROP_SHOW_VERDICT:
      porting_check_view_set_show_verdict (self, g_value_get_boolean (value));
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
  /* Off where the page around says the verdict in its own words. */
  properties[PROP_SHOW_VERDICT] =
    g_param_spec_boolean ("show-verdict", NULL, NULL,
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
  gtk_widget_class_bind_template_child (widget_class, PortingCheckView, results_box);
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

  _porting_check_view_cancel_check (self);

  if (loa != NULL)
    porting_document_view_load (self->loa_view, loa, NULL);
  if (proof != NULL)
    porting_document_view_load (self->proof_view, proof, NULL);

  _porting_check_view_maybe_start_check (self);
  _porting_check_view_update_verdict (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
porting_check_view_clear (PortingCheckView *self)
{
  g_return_if_fail (PORTING_IS_CHECK_VIEW (self));

  _porting_check_view_cancel_check (self);
  porting_document_view_clear (self->loa_view);
  porting_document_view_clear (self->proof_view);
  _porting_check_view_update_verdict (self);
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
