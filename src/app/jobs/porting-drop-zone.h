/* porting-drop-zone.h — a card that takes documents, dropped or chosen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PORTING_TYPE_DROP_ZONE (porting_drop_zone_get_type ())
G_DECLARE_FINAL_TYPE (PortingDropZone, porting_drop_zone, PORTING, DROP_ZONE, GtkWidget)

/*
 * Properties: "title", "hint", "icon-name"; "open-label" (a button that
 * opens the file chooser, none when NULL) and "chooser-title";
 * "accepts-images" (PNG and JPEG besides PDF); "multiple" (several files at
 * once). "file-chosen" (GFile *) is emitted for each file dropped or chosen.
 */
GtkWidget *porting_drop_zone_new    (void);
/* Shows the file chooser, as the zone's button does. */
void       porting_drop_zone_open   (PortingDropZone *self);
/* Drops on @area (the zone itself at first) go to the zone, and light it up. */
void       porting_drop_zone_attach (PortingDropZone *self,
                                     GtkWidget       *area);

G_END_DECLS
