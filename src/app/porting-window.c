/* porting-window.c — the main window: sidebar of jobs, one page per job
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-window"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-accessible.h"
#include "porting-byoc-page.h"
#include "porting-check-page.h"
#include "porting-international-page.h"
#include "porting-port-in-page.h"
#include "porting-request.h"
#include "porting-port-out-page.h"
#include "porting-requests-page.h"
#include "porting-review-page.h"
#include "porting-transfer-page.h"
#include "porting-window.h"

struct _PortingWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  GtkSelectionModel    *pages;

  /* Template widgets */
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_box;
  GtkWidget            *sidebar_separator;
  GtkListBox           *sidebar_list;
  GtkWidget            *content_box;
  AdwWindowTitle       *content_title;
  GtkWidget            *back_button;
  GtkWidget            *show_sidebar_button;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;

  /* Set while the saved state is applied, so that it is not saved back. */
  guint                 restoring : 1;
  /* The sidebar is out of the way of a review's documents. */
  guint                 sidebar_hidden_for_review : 1;
  /* No page chosen since the window opened: staff then land on the queue. */
  guint                 opening_page_shown : 1;
};

G_DEFINE_FINAL_TYPE (PortingWindow, porting_window, ADW_TYPE_APPLICATION_WINDOW)

/* The entry the jobs part of the sidebar ends before. */
#define FIRST_TOOL_PAGE "requests"

static GtkStackPage *
porting_window_get_stack_page_at (PortingWindow *self,
                                  guint          position)
{
  g_autoptr(GObject) page = g_list_model_get_item (G_LIST_MODEL (self->pages), position);

  /* The stack keeps its pages alive. */
  return (GtkStackPage *) page;
}

static GtkWidget *
create_sidebar_row (gpointer item,
                    gpointer user_data)
{
  GtkStackPage *page = GTK_STACK_PAGE (item);
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *icon;
  GtkWidget *label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  icon = gtk_image_new ();
  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);

  g_object_bind_property (page, "icon-name", icon, "icon-name", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "title", label, "label", G_BINDING_SYNC_CREATE);
  row = gtk_list_box_row_new ();
  g_object_bind_property (page, "visible", row, "visible", G_BINDING_SYNC_CREATE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, gtk_stack_page_get_name (page));
  /* Named by its title (a tooltip would only say it twice). */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);

  return row;
}

static void
update_sidebar_header (GtkListBoxRow *row,
                       GtkListBoxRow *before,
                       gpointer       user_data)
{
  /* A line between the customer jobs and the tools. */
  if (before != NULL && g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), FIRST_TOOL_PAGE) == 0)
    {
      if (gtk_list_box_row_get_header (row) == NULL)
        {
          GtkWidget *separator = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);

          gtk_widget_set_margin_top (separator, 6);
          gtk_widget_set_margin_bottom (separator, 6);
          gtk_list_box_row_set_header (row, separator);
        }
    }
  else
    {
      gtk_list_box_row_set_header (row, NULL);
    }
}

/* Folded, the header's back button leads to the sidebar; a page showing
 * something with its own way back (a request's details) keeps the only one. */
static void
porting_window_update_back_button (PortingWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);
  gboolean page_goes_back = FALSE;

  if (page != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (page), "can-go-back") != NULL)
    g_object_get (page, "can-go-back", &page_goes_back, NULL);

  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (self->leaflet) && !page_goes_back);
}

static void
porting_window_update_sidebar_buttons (PortingWindow *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  gboolean sidebar_hidden = !gtk_widget_get_visible (self->sidebar_box);

  gtk_widget_set_visible (self->show_sidebar_button, !folded && sidebar_hidden);
  porting_window_update_back_button (self);
}

static void
on_leaflet_folded_changed (PortingWindow *self,
                           GParamSpec    *pspec,
                           AdwLeaflet    *leaflet)
{
  gboolean folded = adw_leaflet_get_folded (leaflet);

  if (self->pages == NULL)
    return;

  /* Folded, the sidebar is a list to pick from, not a selection. */
  gtk_list_box_set_selection_mode (self->sidebar_list,
                                   folded ? GTK_SELECTION_NONE : GTK_SELECTION_SINGLE);

  if (folded)
    {
      /* A hidden sidebar would leave a folded window with nothing to go back to. */
      gtk_widget_set_visible (self->sidebar_box, TRUE);
      gtk_widget_set_visible (self->sidebar_separator, TRUE);
    }
  else
    {
      GtkWidget *visible = gtk_stack_get_visible_child (self->stack);

      for (guint i = 0; visible != NULL; i++)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar_list, i);

          if (row == NULL)
            break;
          if (gtk_stack_page_get_child (porting_window_get_stack_page_at (self, i)) == visible)
            {
              gtk_list_box_select_row (self->sidebar_list, row);
              break;
            }
        }
    }

  porting_window_update_sidebar_buttons (self);
}

/* A request open for review wants the whole width: the sidebar folds away
 * while it is shown, and comes back with the queue. */
static void
porting_window_update_workspace (PortingWindow *self)
{
  GtkWidget *review = gtk_stack_get_child_by_name (self->stack, "review");
  gboolean wanted = review != NULL && gtk_stack_get_visible_child (self->stack) == review &&
                    porting_review_page_get_workspace (PORTING_REVIEW_PAGE (review));

  if (wanted == self->sidebar_hidden_for_review)
    return;

  self->sidebar_hidden_for_review = wanted;
  if (!adw_leaflet_get_folded (self->leaflet))
    {
      gtk_widget_set_visible (self->sidebar_box, !wanted);
      gtk_widget_set_visible (self->sidebar_separator, !wanted);
    }
  porting_window_update_sidebar_buttons (self);
}

static void
on_visible_page_changed (PortingWindow *self,
                         GParamSpec    *pspec,
                         GtkStack      *stack)
{
  GtkWidget *visible = gtk_stack_get_visible_child (stack);
  const char *name = gtk_stack_get_visible_child_name (stack);
  guint n_pages;

  /* Pages leaving the stack while the window is disposed are not a choice. */
  if (self->pages == NULL || visible == NULL || name == NULL)
    return;

  adw_window_title_set_title (self->content_title,
                              gtk_stack_page_get_title (gtk_stack_get_page (stack, visible)));

  n_pages = g_list_model_get_n_items (G_LIST_MODEL (self->pages));
  for (guint i = 0; i < n_pages; i++)
    {
      if (gtk_stack_page_get_child (porting_window_get_stack_page_at (self, i)) == visible)
        {
          if (!adw_leaflet_get_folded (self->leaflet))
            gtk_list_box_select_row (self->sidebar_list,
                                     gtk_list_box_get_row_at_index (self->sidebar_list, i));
          break;
        }
    }

  if (!self->restoring)
    {
      g_settings_set_string (self->settings, "last-page", name);
      self->opening_page_shown = FALSE;
    }

  porting_window_update_workspace (self);
  porting_window_update_back_button (self);
}

static void
on_sidebar_row_activated (PortingWindow *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list)
{
  GtkStackPage *page = porting_window_get_stack_page_at (self, gtk_list_box_row_get_index (row));

  if (page != NULL)
    porting_window_show_page (self, gtk_stack_page_get_name (page));
}

/* Tab from the sidebar skips to the content of the page shown. */
static GtkWidget *
get_content_stop (gpointer user_data)
{
  PortingWindow *self = user_data;
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  return page != NULL && gtk_widget_get_mapped (page) ? page : NULL;
}

static void
on_back_clicked (PortingWindow *self,
                 GtkButton     *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
toggle_sidebar_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PortingWindow *self = PORTING_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    {
      if (adw_leaflet_get_visible_child (self->leaflet) == self->content_box)
        adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
      else
        adw_leaflet_set_visible_child (self->leaflet, self->content_box);
      return;
    }

  {
    gboolean show = !gtk_widget_get_visible (self->sidebar_box);

    gtk_widget_set_visible (self->sidebar_box, show);
    gtk_widget_set_visible (self->sidebar_separator, show);
    porting_window_update_sidebar_buttons (self);
  }
}

/* The review queue is only for tokens the service lets review. */
static void
porting_window_update_review_page (PortingWindow        *self,
                                   GParamSpec           *pspec,
                                   PortingIntakeSession *session)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, "review");
  gboolean staff = porting_intake_session_get_staff (session);

  if (staff && page == NULL)
    {
      GtkStackPage *stack_page;

      GtkWidget *review = porting_review_page_new ();

      porting_accessible_fix_tree (review);
      stack_page = gtk_stack_add_titled (self->stack, review, "review", _("Review Queue"));
      /* A tray, not a document: Document Check has that one. */
      gtk_stack_page_set_icon_name (stack_page, "porting-review-queue-symbolic");
      g_signal_connect_object (review, "notify::workspace", G_CALLBACK (porting_window_update_workspace),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (review, "notify::can-go-back", G_CALLBACK (porting_window_update_back_button),
                               self, G_CONNECT_SWAPPED);

      /* The service tells who is staff after the window opened on a job:
       * the queue is what staff come for. */
      if (self->opening_page_shown)
        porting_window_show_page (self, "review");
    }
  else if (!staff && page != NULL)
    {
      gtk_stack_remove (self->stack, page);
      porting_window_update_workspace (self);
    }
}

/* "application" is set after construction: the session is found then. */
static void
on_application_changed (PortingWindow *self,
                        GParamSpec    *pspec,
                        gpointer       user_data)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  PortingIntakeSession *session;

  if (!PORTING_IS_APPLICATION (app) || g_object_get_data (G_OBJECT (self), "porting-intake-session") != NULL)
    return;

  session = porting_application_get_intake_session (PORTING_APPLICATION (app));
  g_object_set_data (G_OBJECT (self), "porting-intake-session", session);
  g_signal_connect_object (session, "notify::staff",
                           G_CALLBACK (porting_window_update_review_page), self, G_CONNECT_SWAPPED);
  porting_window_update_review_page (self, NULL, session);
}

static gboolean
porting_window_close_request (GtkWindow *window)
{
  PortingWindow *self = PORTING_WINDOW (window);
  int width, height;

  /* The default size follows the window while it is not maximized,
   * so it is the size to come back to. */
  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (porting_window_parent_class)->close_request (window);
}

static void
porting_window_constructed (GObject *object)
{
  PortingWindow *self = PORTING_WINDOW (object);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autofree char *last_page = NULL;

  G_OBJECT_CLASS (porting_window_parent_class)->constructed (object);

  if (PORTING_IS_APPLICATION (app))
    self->settings = g_object_ref (porting_application_get_settings (PORTING_APPLICATION (app)));
  else
    self->settings = g_settings_new (BASE_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  self->restoring = TRUE;
  last_page = g_settings_get_string (self->settings, "last-page");
  if (gtk_stack_get_child_by_name (self->stack, last_page) != NULL)
    gtk_stack_set_visible_child_name (self->stack, last_page);
  on_visible_page_changed (self, NULL, self->stack);
  self->restoring = FALSE;
  self->opening_page_shown = TRUE;

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

static void
porting_window_dispose (GObject *object)
{
  PortingWindow *self = PORTING_WINDOW (object);

  if (self->sidebar_list != NULL)
    gtk_list_box_bind_model (self->sidebar_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->pages);

  gtk_widget_dispose_template (GTK_WIDGET (self), PORTING_TYPE_WINDOW);

  G_OBJECT_CLASS (porting_window_parent_class)->dispose (object);
}

static void
porting_window_finalize (GObject *object)
{
  PortingWindow *self = PORTING_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (porting_window_parent_class)->finalize (object);
}

static void
porting_window_class_init (PortingWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = porting_window_constructed;
  object_class->dispose = porting_window_dispose;
  object_class->finalize = porting_window_finalize;

  window_class->close_request = porting_window_close_request;

  /* Page types used in porting-window.ui: g_type_ensure (PORTING_TYPE_…_PAGE) here. */
  g_type_ensure (PORTING_TYPE_PORT_IN_PAGE);
  g_type_ensure (PORTING_TYPE_TRANSFER_PAGE);
  g_type_ensure (PORTING_TYPE_PORT_OUT_PAGE);
  g_type_ensure (PORTING_TYPE_CHECK_PAGE);
  g_type_ensure (PORTING_TYPE_REQUESTS_PAGE);
  g_type_ensure (PORTING_TYPE_INTERNATIONAL_PAGE);
  g_type_ensure (PORTING_TYPE_BYOC_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Porting/porting-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PortingWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PortingWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, PortingWindow, sidebar_separator);
  gtk_widget_class_bind_template_child (widget_class, PortingWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, PortingWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, PortingWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, PortingWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, PortingWindow, show_sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, PortingWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PortingWindow, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);

  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
}

static void
on_correct_request (PortingWindow  *self,
                    PortingRequest *request)
{
  GtkWidget *port_in_page = porting_window_get_page (self, "port-in");

  if (porting_request_get_kind (request) != PORTING_REQUEST_KIND_PORT_IN || port_in_page == NULL)
    return;

  porting_port_in_page_correct_request (PORTING_PORT_IN_PAGE (port_in_page), request);
  porting_window_show_page (self, "port-in");
}

static void
porting_window_init (PortingWindow *self)
{
  GtkWidget *requests_page;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::application", G_CALLBACK (on_application_changed), NULL);

  self->pages = gtk_stack_get_pages (self->stack);
  gtk_list_box_bind_model (self->sidebar_list, G_LIST_MODEL (self->pages),
                           create_sidebar_row, self, NULL);
  gtk_list_box_set_header_func (self->sidebar_list, update_sidebar_header, self, NULL);
  porting_list_box_set_single_tab_stop (self->sidebar_list, get_content_stop, self);
  porting_accessible_fix_tree (GTK_WIDGET (self));

  /* Start on the page itself: a folded window shows it with a back button. */
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  on_leaflet_folded_changed (self, NULL, self->leaflet);

  /* A rejected request is corrected in the flow it came from. */
  requests_page = porting_window_get_page (self, "requests");
  if (requests_page != NULL)
    {
      g_signal_connect_object (requests_page, "correct-request", G_CALLBACK (on_correct_request),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (requests_page, "notify::can-go-back", G_CALLBACK (porting_window_update_back_button),
                               self, G_CONNECT_SWAPPED);
    }
}

PortingWindow *
porting_window_new (PortingApplication *application)
{
  return g_object_new (PORTING_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * porting_window_show_page:
 * @name: a page name: "port-in", "twilio-transfer", "port-out",
 *   "international", "byoc", "requests", "document-check" or, for support
 *   staff, "review"
 *
 * Shows that page, and brings it forward when the window is folded.
 */
void
porting_window_show_page (PortingWindow *self,
                          const char    *name)
{
  g_return_if_fail (PORTING_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (gtk_stack_get_child_by_name (self->stack, name) == NULL)
    {
      g_critical ("No page named “%s” in the window", name);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, name);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

/**
 * porting_window_get_visible_page_name:
 *
 * Returns: (transfer none): the name of the page shown
 */
const char *
porting_window_get_visible_page_name (PortingWindow *self)
{
  g_return_val_if_fail (PORTING_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * porting_window_get_page:
 *
 * Returns: (transfer none) (nullable): the page widget named @name
 */
GtkWidget *
porting_window_get_page (PortingWindow *self,
                         const char    *name)
{
  g_return_val_if_fail (PORTING_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return gtk_stack_get_child_by_name (self->stack, name);
}

/**
 * porting_window_add_toast:
 * @toast: (transfer full): the toast to show over the page
 */
void
porting_window_add_toast (PortingWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (PORTING_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * porting_window_get_folded:
 *
 * Returns: whether the window is narrow enough to show one side at a time
 */
gboolean
porting_window_get_folded (PortingWindow *self)
{
  g_return_val_if_fail (PORTING_IS_WINDOW (self), FALSE);

  return adw_leaflet_get_folded (self->leaflet);
}

void
porting_window_show_request (PortingWindow *self,
                             const char    *id)
{
  GtkWidget *page;

  g_return_if_fail (PORTING_IS_WINDOW (self));
  g_return_if_fail (id != NULL);

  page = porting_window_get_page (self, "requests");
  if (page == NULL)
    return;

  porting_window_show_page (self, "requests");
  porting_requests_page_open_request (PORTING_REQUESTS_PAGE (page), id);
}

void
porting_window_show_review (PortingWindow *self,
                            const char    *id)
{
  GtkWidget *page;

  g_return_if_fail (PORTING_IS_WINDOW (self));
  g_return_if_fail (id != NULL);

  page = porting_window_get_page (self, "review");
  if (page == NULL)
    return;

  porting_window_show_page (self, "review");
  porting_review_page_show_request (PORTING_REVIEW_PAGE (page), id);
}
