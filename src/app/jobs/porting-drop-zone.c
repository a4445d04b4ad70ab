/* porting-drop-zone.c — a card that takes documents, dropped or chosen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-drop-zone"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-drop-zone.h"

struct _PortingDropZone
{
  GtkWidget      parent_instance;

  GtkImage      *icon;
  GtkLabel      *title_label;
  GtkLabel      *hint_label;
  GtkButton     *open_button;
  GtkDropTarget *target;

  char          *chooser_title;
  guint          accepts_images : 1;
  guint          multiple : 1;
};

enum {
  PROP_0,
  PROP_TITLE,
  PROP_HINT,
  PROP_ICON_NAME,
  PROP_OPEN_LABEL,
  PROP_CHOOSER_TITLE,
  PROP_ACCEPTS_IMAGES,
  PROP_MULTIPLE,
  N_PROPS
};

enum {
  FILE_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PortingDropZone, porting_drop_zone, GTK_TYPE_WIDGET)

/* ---- Choosing ------------------------------------------------------------- */

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     PortingDropZone *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_signal_emit (self, signals[FILE_CHOSEN], 0, file);
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
porting_drop_zone_open (PortingDropZone *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;
  GtkRoot *root;

  g_return_if_fail (PORTING_IS_DROP_ZONE (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = gtk_file_chooser_native_new (self->chooser_title,
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        self->multiple ? _("_Add") : _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), self->multiple);

  gtk_file_filter_set_name (filter, self->accepts_images ? _("PDF Documents and Images") : _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  if (self->accepts_images)
    {
      gtk_file_filter_add_mime_type (filter, "image/png");
      gtk_file_filter_add_mime_type (filter, "image/jpeg");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_open_clicked (PortingDropZone *self,
                 GtkButton       *button)
{
  porting_drop_zone_open (self);
}

/* ---- Dropping ------------------------------------------------------------- */

static gboolean
on_drop (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         PortingDropZone *self)
{
  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      g_signal_emit (self, signals[FILE_CHOSEN], 0, g_value_get_object (value));
      return TRUE;
    }

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);

      for (GSList *l = files; l != NULL; l = self->multiple ? l->next : NULL)
        g_signal_emit (self, signals[FILE_CHOSEN], 0, l->data);
      return files != NULL;
    }

  return FALSE;
}

static void
on_current_drop (PortingDropZone *self)
{
  if (gtk_drop_target_get_current_drop (self->target) != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "drop-hover");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-hover");
}

void
porting_drop_zone_attach (PortingDropZone *self,
                          GtkWidget       *area)
{
  g_return_if_fail (PORTING_IS_DROP_ZONE (self));
  g_return_if_fail (GTK_IS_WIDGET (area));

  gtk_widget_remove_controller (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (self->target)),
                                GTK_EVENT_CONTROLLER (g_object_ref (self->target)));
  gtk_widget_add_controller (area, GTK_EVENT_CONTROLLER (self->target));
}

/* ---- Object --------------------------------------------------------------- */

static void
porting_drop_zone_dispose (GObject *object)
{
  PortingDropZone *self = PORTING_DROP_ZONE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (porting_drop_zone_parent_class)->dispose (object);
}

static void
porting_drop_zone_finalize (GObject *object)
{
  PortingDropZone *self = PORTING_DROP_ZONE (object);

  g_clear_pointer (&self->chooser_title, g_free);

  G_OBJECT_CLASS (porting_drop_zone_parent_class)->finalize (object);
}

static void
porting_drop_zone_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PortingDropZone *self = PORTING_DROP_ZONE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, gtk_label_get_text (self->title_label));
      break;
    case PROP_HINT:
      g_value_set_string (value, gtk_label_get_text (self->hint_label));
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, gtk_image_get_icon_name (self->icon));
      break;
    case PROP_OPEN_LABEL:
      g_value_set_string (value, gtk_widget_get_visible (GTK_WIDGET (self->open_button))
                                 ? gtk_button_get_label (self->open_button) : NULL);
      break;
    case PROP_CHOOSER_TITLE:
      g_value_set_string (value, self->chooser_title);
      break;
    case PROP_ACCEPTS_IMAGES:
      g_value_set_boolean (value, self->accepts_images);
      break;
    case PROP_MULTIPLE:
      g_value_set_boolean (value, self->multiple);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porting_drop_zone_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PortingDropZone *self = PORTING_DROP_ZONE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      gtk_label_set_text (self->title_label, g_value_get_string (value));
      break;
    case PROP_HINT:
      gtk_label_set_text (self->hint_label, g_value_get_string (value));
      break;
    case PROP_ICON_NAME:
      gtk_image_set_from_icon_name (self->icon, g_value_get_string (value));
      break;
    case PROP_OPEN_LABEL:
      if (g_value_get_string (value) != NULL)
        gtk_button_set_label (self->open_button, g_value_get_string (value));
      gtk_widget_set_visible (GTK_WIDGET (self->open_button), g_value_get_string (value) != NULL);
      /* Without the button, the hint closes the card. */
      gtk_widget_set_margin_bottom (GTK_WIDGET (self->hint_label), g_value_get_string (value) != NULL ? 0 : 18);
      break;
    case PROP_CHOOSER_TITLE:
      g_free (self->chooser_title);
      self->chooser_title = g_value_dup_string (value);
      break;
    case PROP_ACCEPTS_IMAGES:
      self->accepts_images = g_value_get_boolean (value);
      break;
    case PROP_MULTIPLE:
      self->multiple = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
}

static void
porting_drop_zone_class_init (PortingDropZoneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = porting_drop_zone_dispose;
  object_class->finalize = porting_drop_zone_finalize;
  object_class->get_property = porting_drop_zone_get_property;
  object_class->set_property = porting_drop_zone_set_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_HINT] = g_param_spec_string ("hint", NULL, NULL, NULL, flags);
  properties[PROP_ICON_NAME] = g_param_spec_string ("icon-name", NULL, NULL, "document-open-symbolic", flags);
  properties[PROP_OPEN_LABEL] = g_param_spec_string ("open-label", NULL, NULL, NULL, flags);
  properties[PROP_CHOOSER_TITLE] = g_param_spec_string ("chooser-title", NULL, NULL, NULL, flags);
  properties[PROP_ACCEPTS_IMAGES] = g_param_spec_boolean ("accepts-images", NULL, NULL, FALSE, flags);
  properties[PROP_MULTIPLE] = g_param_spec_boolean ("multiple", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PortingDropZone::file-chosen:
   * @file: a file dropped on the zone or chosen in its file chooser
   */
  signals[FILE_CHOSEN] = g_signal_new ("file-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "drop-zone");
}

static void
porting_drop_zone_init (PortingDropZone *self)
{
  GtkBoxLayout *layout = GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (layout, 6);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "drop-zone");
  gtk_widget_set_margin_top (GTK_WIDGET (self), 12);

  self->icon = GTK_IMAGE (gtk_image_new_from_icon_name ("document-open-symbolic"));
  gtk_image_set_pixel_size (self->icon, 32);
  gtk_widget_add_css_class (GTK_WIDGET (self->icon), "dim-label");
  gtk_widget_set_margin_top (GTK_WIDGET (self->icon), 18);
  gtk_widget_set_parent (GTK_WIDGET (self->icon), GTK_WIDGET (self));

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_label_set_justify (self->title_label, GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_start (GTK_WIDGET (self->title_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->title_label), 12);
  gtk_widget_set_parent (GTK_WIDGET (self->title_label), GTK_WIDGET (self));

  self->hint_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "caption");
  gtk_label_set_wrap (self->hint_label, TRUE);
  gtk_label_set_justify (self->hint_label, GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_start (GTK_WIDGET (self->hint_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->hint_label), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->hint_label), 18);
  gtk_widget_set_parent (GTK_WIDGET (self->hint_label), GTK_WIDGET (self));

  self->open_button = GTK_BUTTON (gtk_button_new ());
  gtk_button_set_use_underline (self->open_button, TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self->open_button), GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (GTK_WIDGET (self->open_button), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->open_button), 18);
  gtk_widget_add_css_class (GTK_WIDGET (self->open_button), "pill");
  gtk_widget_set_visible (GTK_WIDGET (self->open_button), FALSE);
  g_signal_connect_object (self->open_button, "clicked", G_CALLBACK (on_open_clicked), self, G_CONNECT_SWAPPED);
  gtk_widget_set_parent (GTK_WIDGET (self->open_button), GTK_WIDGET (self));

  self->target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (self->target, types, G_N_ELEMENTS (types));
  g_signal_connect_object (self->target, "drop", G_CALLBACK (on_drop), self, 0);
  g_signal_connect_object (self->target, "notify::current-drop", G_CALLBACK (on_current_drop), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->target));
}

GtkWidget *
porting_drop_zone_new (void)
{
  return g_object_new (PORTING_TYPE_DROP_ZONE, NULL);
}
