/* porting-page-widget.h — one page of a document: its rendering and its highlights
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "porting-field-match.h"
#include "porting-page-text.h"

G_BEGIN_DECLS

#define PORTING_TYPE_PAGE_WIDGET (porting_page_widget_get_type ())
G_DECLARE_FINAL_TYPE (PortingPageWidget, porting_page_widget, PORTING, PAGE_WIDGET, GtkWidget)

/* @width and @height in points. */
GtkWidget  *porting_page_widget_new                (guint               page,
                                                    double              width,
                                                    double              height);
guint       porting_page_widget_get_page           (PortingPageWidget  *self);
void        porting_page_widget_get_page_size      (PortingPageWidget  *self,
                                                    double             *width,
                                                    double             *height);

/* @zoom in CSS pixels per point; with @fit_width the page fills the width it is given. */
void        porting_page_widget_set_zoom           (PortingPageWidget  *self,
                                                    double              zoom,
                                                    gboolean            fit_width);
/* CSS pixels per point as laid out now; 0 before the first allocation. */
double      porting_page_widget_get_layout_zoom    (PortingPageWidget  *self);

/* @texture rendered at @scale device pixels per point, @strips the same
 * pixels cut in horizontal strips (nullable); NULL @texture drops it. */
void        porting_page_widget_set_texture        (PortingPageWidget  *self,
                                                    GdkTexture         *texture,
                                                    GPtrArray          *strips,
                                                    double              scale);
/* The whole page, as set. */
GdkTexture *porting_page_widget_get_texture        (PortingPageWidget  *self);
double      porting_page_widget_get_texture_scale  (PortingPageWidget  *self);
/* The page moved on screen (its parent scrolled): reveals what comes into view. */
void        porting_page_widget_moved              (PortingPageWidget  *self);
/* Whether the last frame showed the texture wherever the page is on screen. */
gboolean    porting_page_widget_is_fully_drawn     (PortingPageWidget  *self);

/* @rects: PortingRect in points, origin top-left. */
void        porting_page_widget_add_highlights     (PortingPageWidget  *self,
                                                    GArray             *rects,
                                                    PortingFieldStatus  status);
void        porting_page_widget_clear_highlights   (PortingPageWidget  *self);
guint       porting_page_widget_get_n_highlights   (PortingPageWidget  *self);

/* What the page says, for assistive technologies (nullable). */
void        porting_page_widget_set_text           (PortingPageWidget  *self,
                                                    const char         *text);

G_END_DECLS
