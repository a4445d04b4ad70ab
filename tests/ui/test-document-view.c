/* test-document-view.c — one document view, scrolled for real under Xvfb, its pixels read back
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-document-view"

#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "porting-document-view.h"
#include "porting-page-widget.h"
#include "ui-test-util.h"

#define N_PAGES 30
#define PAGE_WIDTH 300.0    /* points */
#define PAGE_HEIGHT 400.0
#define INK_MARGIN 20.0     /* each page is black but for this much paper around */

typedef struct
{
  GtkWindow           *window;
  PortingDocumentView *view;
  GtkAdjustment       *vadjustment;
} Fixture;

/* Pages that are black but for a white margin: what shows at a page's
 * middle tells whether the page is drawn (black), waiting (white) or
 * missing (the view's background). */
static GFile *
make_document (void)
{
  g_autofree char *path = g_build_filename (ui_test_get_home (), "black-pages.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  for (guint i = 0; i < N_PAGES; i++)
    {
      cairo_rectangle (cr, INK_MARGIN, INK_MARGIN, PAGE_WIDTH - 2 * INK_MARGIN, PAGE_HEIGHT - 2 * INK_MARGIN);
      cairo_fill (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_file_new_for_path (path);
}

static gboolean
is_loaded (gpointer data)
{
  return porting_document_view_get_state (data) == PORTING_DOCUMENT_VIEW_STATE_LOADED;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = make_document ();

  f->view = PORTING_DOCUMENT_VIEW (porting_document_view_new ());
  f->window = ui_test_window_with (GTK_WIDGET (f->view), 400, 800);
  porting_document_view_load (f->view, file, NULL);
  g_assert_true (ui_test_wait_for (is_loaded, f->view));
  g_assert_cmpuint (porting_document_view_get_n_pages (f->view), ==, N_PAGES);
  f->vadjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (porting_document_view_get_page_widget (f->view, 0),
                                                  GTK_TYPE_SCROLLED_WINDOW)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ui_test_destroy_window (f->window);
}

typedef struct
{
  Fixture *f;
  guint    page;
} PageOf;

static gboolean
page_fully_drawn (gpointer data)
{
  PageOf *page_of = data;
  GtkWidget *page = porting_document_view_get_page_widget (page_of->f->view, page_of->page);

  return porting_page_widget_is_fully_drawn (PORTING_PAGE_WIDGET (page));
}

/* The colour on screen at the middle of @page's ink, read back from the
 * X server: what the last frame put there. */
static gboolean
read_page_middle (Fixture *f,
                  guint    page,
                  guint8   rgb[3])
{
#ifdef GDK_WINDOWING_X11
  GtkWidget *page_widget = porting_document_view_get_page_widget (f->view, page);
  GtkNative *native = gtk_widget_get_native (page_widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  graphene_rect_t bounds;
  double surface_x, surface_y;
  XImage *image;
  unsigned long pixel;
  int x, y;

  if (!GDK_IS_X11_SURFACE (surface))
    return FALSE;

  g_assert_true (gtk_widget_compute_bounds (page_widget, GTK_WIDGET (native), &bounds));
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  x = (int) (surface_x + bounds.origin.x + bounds.size.width / 2);
  y = (int) (surface_y + bounds.origin.y + bounds.size.height / 2);
  g_assert_cmpint (x, >, 0);
  g_assert_cmpint (x, <, gdk_surface_get_width (surface));
  g_assert_cmpint (y, >, 0);
  g_assert_cmpint (y, <, gdk_surface_get_height (surface));

  image = XGetImage (gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface)),
                     gdk_x11_surface_get_xid (surface), x, y, 1, 1, AllPlanes, ZPixmap);
  g_assert_nonnull (image);
  pixel = XGetPixel (image, 0, 0);
  rgb[0] = (pixel & image->red_mask) >> 16;
  rgb[1] = (pixel & image->green_mask) >> 8;
  rgb[2] = pixel & image->blue_mask;
  XDestroyImage (image);

  return TRUE;
#else
  return FALSE;
#endif
}

/* @page, on screen, drawn: the view revealed all of it, and a frame
 * showed that. */
static void
show_page (Fixture *f,
           guint    page)
{
  PageOf page_of = { f, page };
  guint8 rgb[3];

  g_assert_true (ui_test_wait_for (page_fully_drawn, &page_of));
  ui_test_wait_for_frames (GTK_WIDGET (f->view));
  if (!read_page_middle (f, page, rgb))
    return;

  if (g_test_verbose ())
    g_test_message ("page %u: middle is #%02x%02x%02x", page + 1, rgb[0], rgb[1], rgb[2]);
  g_assert_cmpuint (rgb[0], <, 0x40);
  g_assert_cmpuint (rgb[1], <, 0x40);
  g_assert_cmpuint (rgb[2], <, 0x40);
}

static gboolean
page_has_texture (gpointer data)
{
  PageOf *page_of = data;
  GtkWidget *page = porting_document_view_get_page_widget (page_of->f->view, page_of->page);

  return porting_page_widget_get_texture (PORTING_PAGE_WIDGET (page)) != NULL;
}

/* Pages come on screen drawn, whether they are new to the view or come
 * back after it showed others; the view draws only the pages in view. */
static void
test_document_view_scroll_back (Fixture       *f,
                                gconstpointer  data)
{
  show_page (f, 0);

  porting_document_view_scroll_to (f->view, 3, NULL);
  show_page (f, 3);

  /* Far from anything rendered: once the screen is drawn, the pages next
   * to it are rendered ahead (pages 16 and 17 on screen, 18 and 19 after). */
  porting_document_view_scroll_to (f->view, 15, NULL);
  show_page (f, 15);
  g_assert_true (ui_test_wait_for (page_has_texture, &(PageOf) { f, 18 }));

  /* Page 1 kept its rendering, drawn whole: nothing about it changes. */
  porting_document_view_scroll_to (f->view, 0, NULL);
  g_assert_cmpuint (porting_document_view_get_current_page (f->view), ==, 0);
  show_page (f, 0);

  porting_document_view_scroll_to (f->view, N_PAGES - 1, NULL);
  show_page (f, N_PAGES - 1);
  porting_document_view_scroll_to (f->view, 3, NULL);
  show_page (f, 3);

  /* Scrolled while hidden (the narrow check view hides one document). */
  gtk_widget_set_visible (GTK_WIDGET (f->view), FALSE);
  ui_test_wait_for_frames (GTK_WIDGET (f->window));
  porting_document_view_scroll_to (f->view, 0, NULL);
  gtk_widget_set_visible (GTK_WIDGET (f->view), TRUE);
  show_page (f, 0);
}

static gboolean
scroll_step (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  Fixture *f = data;

  gtk_adjustment_set_value (f->vadjustment, gtk_adjustment_get_value (f->vadjustment) + 60);
  return porting_document_view_get_current_page (f->view) < 6 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean
reached_page_6 (gpointer data)
{
  Fixture *f = data;

  return porting_document_view_get_current_page (f->view) >= 6;
}

/* Smooth scrolling, a step each frame, renders the pages it passes. */
static void
test_document_view_smooth_scroll (Fixture       *f,
                                  gconstpointer  data)
{
  show_page (f, 0);

  gtk_widget_add_tick_callback (GTK_WIDGET (f->view), scroll_step, f, NULL);
  g_assert_true (ui_test_wait_for (reached_page_6, f));

  porting_document_view_scroll_to (f->view, 6, NULL);
  show_page (f, 6);
  porting_document_view_scroll_to (f->view, 4, NULL);
  show_page (f, 4);
}

typedef struct
{
  Fixture  *f;
  gboolean  scrolling;
} BusyScroll;

/* A step each frame, in frames made long and back to back, as on a
 * machine too slow for its screen: no time is left between them. */
static gboolean
busy_scroll_step (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       data)
{
  BusyScroll *busy = data;
  Fixture *f = busy->f;

  if (!busy->scrolling)
    return G_SOURCE_REMOVE;

  g_usleep (30 * G_TIME_SPAN_MILLISECOND);
  gtk_adjustment_set_value (f->vadjustment, gtk_adjustment_get_value (f->vadjustment) + 40);

  return G_SOURCE_CONTINUE;
}

/* Pages are rendered between frames; when frames leave no time between
 * them, pages still get their renderings while the view scrolls on, before
 * they come on screen. */
static void
test_document_view_render_while_scrolling (Fixture       *f,
                                           gconstpointer  data)
{
  BusyScroll busy = { f, TRUE };

  show_page (f, 0);

  gtk_widget_add_tick_callback (GTK_WIDGET (f->view), busy_scroll_step, &busy, NULL);
  g_assert_true (ui_test_wait_for (page_has_texture, &(PageOf) { f, 8 }));
  g_assert_cmpuint (porting_document_view_get_current_page (f->view), <, 8);

  busy.scrolling = FALSE;
  ui_test_wait_for_frames (GTK_WIDGET (f->view));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ui_test_init (&argc, &argv);

  g_test_add ("/document-view/scroll-back", Fixture, NULL, fixture_set_up, test_document_view_scroll_back,
              fixture_tear_down);
  g_test_add ("/document-view/smooth-scroll", Fixture, NULL, fixture_set_up, test_document_view_smooth_scroll,
              fixture_tear_down);

  g_test_add ("/document-view/render-while-scrolling", Fixture, NULL, fixture_set_up,
              test_document_view_render_while_scrolling, fixture_tear_down);

  status = g_test_run ();
  ui_test_finish ();

  return status;
}
