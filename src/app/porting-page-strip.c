/* porting-page-strip.c — a row of page buttons under a long document
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * To the keyboard it is one Tab stop, the page shown, with arrows to the
 * others (like a row of tabs).
 */
#define G_LOG_DOMAIN "porting-page-strip"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-page-strip.h"

struct _PortingPageStrip
{
  GtkWidget            parent_instance;

  PortingDocumentView *view;
  GtkWidget           *scroller;
  GtkWidget           *box;
  GPtrArray           *buttons;      /* GtkToggleButton*, owned by box */
  guint                updating : 1;
};

G_DEFINE_FINAL_TYPE (PortingPageStrip, porting_page_strip, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_current_page (PortingPageStrip *self)
{
  guint current = porting_document_view_get_current_page (self->view);

  self->updating = TRUE;
  for (guint i = 0; i < self->buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->buttons, i);

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), i == current);
      /* One Tab stop, the page shown (or the one the keyboard is on):
       * a long CSR is not a Tab stop per page. */
      gtk_widget_set_focusable (button, i == current || gtk_widget_has_focus (button));
    }
  self->updating = FALSE;
}

/* Arrows, Home and End go to another page, as between tabs. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                PortingPageStrip      *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *target;
  guint index;
  guint n = self->buttons->len;

  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0 || n == 0 ||
      !g_ptr_array_find (self->buttons, focus, &index))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left: case GDK_KEY_Up: case GDK_KEY_KP_Up:
      index = index > 0 ? index - 1 : 0;
      break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: case GDK_KEY_Down: case GDK_KEY_KP_Down:
      index = MIN (index + 1, n - 1);
      break;
    case GDK_KEY_Home: case GDK_KEY_KP_Home:
      index = 0;
      break;
    case GDK_KEY_End: case GDK_KEY_KP_End:
      index = n - 1;
      break;
    default:
      return FALSE;
    }

  target = g_ptr_array_index (self->buttons, index);
  gtk_widget_set_focusable (target, TRUE);
  gtk_widget_grab_focus (target);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (target), TRUE);
  if (target != focus)
    gtk_widget_set_focusable (focus, gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (focus)));

  return TRUE;
}

static void
on_page_toggled (PortingPageStrip *self,
                 GtkToggleButton  *button)
{
  guint page;

  if (self->updating)
    return;

  page = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "porting-page"));
  porting_document_view_scroll_to (self->view, page, NULL);
  show_current_page (self);
}

static void
rebuild (PortingPageStrip *self)
{
  guint n_pages = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
  g_ptr_array_set_size (self->buttons, 0);

  if (self->view != NULL && porting_document_view_get_state (self->view) == PORTING_DOCUMENT_VIEW_STATE_LOADED)
    n_pages = porting_document_view_get_n_pages (self->view);

  gtk_widget_set_visible (GTK_WIDGET (self), n_pages > 1);
  if (n_pages <= 1)
    return;

  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *label = g_strdup_printf ("%u", i + 1);
      g_autofree char *name = g_strdup_printf (_("Page %u"), i + 1);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "numeric");
      gtk_widget_set_tooltip_text (button, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data (G_OBJECT (button), "porting-page", GUINT_TO_POINTER (i));
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_page_toggled), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (self->box), button);
      g_ptr_array_add (self->buttons, button);
    }
  show_current_page (self);
}

void
porting_page_strip_set_view (PortingPageStrip    *self,
                             PortingDocumentView *view)
{
  g_return_if_fail (PORTING_IS_PAGE_STRIP (self));
  g_return_if_fail (view == NULL || PORTING_IS_DOCUMENT_VIEW (view));

  if (self->view == view)
    return;

  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (self->view, self);
  g_set_object (&self->view, view);
  if (view != NULL)
    {
      g_signal_connect_object (view, "notify::state", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (view, "notify::current-page", G_CALLBACK (show_current_page), self, G_CONNECT_SWAPPED);
    }
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

PortingDocumentView *
porting_page_strip_get_view (PortingPageStrip *self)
{
  g_return_val_if_fail (PORTING_IS_PAGE_STRIP (self), NULL);

  return self->view;
}

static void
porting_page_strip_dispose (GObject *object)
{
  PortingPageStrip *self = PORTING_PAGE_STRIP (object);

  porting_page_strip_set_view (self, NULL);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);

  G_OBJECT_CLASS (porting_page_strip_parent_class)->dispose (object);
}

static void
porting_page_strip_finalize (GObject *object)
{
  PortingPageStrip *self = PORTING_PAGE_STRIP (object);

  g_clear_pointer (&self->buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (porting_page_strip_parent_class)->finalize (object);
}

static void
porting_page_strip_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PortingPageStrip *self = PORTING_PAGE_STRIP (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_object (value, self->view);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porting_page_strip_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PortingPageStrip *self = PORTING_PAGE_STRIP (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      porting_page_strip_set_view (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porting_page_strip_class_init (PortingPageStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = porting_page_strip_dispose;
  object_class->finalize = porting_page_strip_finalize;
  object_class->get_property = porting_page_strip_get_property;
  object_class->set_property = porting_page_strip_set_property;

  properties[PROP_VIEW] =
    g_param_spec_object ("view", NULL, NULL, PORTING_TYPE_DOCUMENT_VIEW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pagestrip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
porting_page_strip_init (PortingPageStrip *self)
{
  GtkEventController *controller;

  self->buttons = g_ptr_array_new ();
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  gtk_widget_set_halign (self->box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (self->box, 6);
  gtk_widget_set_margin_end (self->box, 6);
  gtk_widget_set_margin_top (self->box, 3);
  gtk_widget_set_margin_bottom (self->box, 3);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->box);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pages"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (self->box, controller);
}

GtkWidget *
porting_page_strip_new (PortingDocumentView *view)
{
  return g_object_new (PORTING_TYPE_PAGE_STRIP, "view", view, NULL);
}
