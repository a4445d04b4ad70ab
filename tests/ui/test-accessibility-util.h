/* test-accessibility-util.h — what GTK 4.8 tells a screen reader, keys, and the checks on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porting-check-view.h"

G_BEGIN_DECLS

/* ---- Problems ------------------------------------------------------------ */

/* The problems of a walk, each told once, in the order found. */
typedef struct
{
  GPtrArray  *lines;
  GHashTable *seen;
  char       *where;
} A11yReport;

void      a11y_report_init        (A11yReport  *report);
void      a11y_report_set_where   (A11yReport  *report,
                                   const char  *format,
                                   ...) G_GNUC_PRINTF (2, 3);
void      a11y_report_add         (A11yReport  *report,
                                   const char  *format,
                                   ...) G_GNUC_PRINTF (2, 3);
/* Lists every problem, then fails the test when there was one. */
void      a11y_report_finish      (A11yReport  *report);

/* ---- What GTK 4.8 tells the bus ------------------------------------------ */

/* Every widget of every window (targets of relations are looked up here). */
GHashTable *a11y_dup_all_widgets  (void);
/* The name AT-SPI gives @accessible (gtk_at_context_get_name() of GTK 4.8). */
char     *a11y_dup_name           (GtkAccessible *accessible,
                                   GHashTable    *widgets);
/* What a screen reader reads as its description: its own, or else what
 * its described-by targets say (Orca 43 follows the relation only when
 * there is no description). */
char     *a11y_dup_description    (GtkAccessible *accessible,
                                   GHashTable    *widgets);
/* The targets of @relation among @widgets. */
GPtrArray *a11y_dup_relation_targets (GtkAccessible         *accessible,
                                      GtkAccessibleRelation  relation,
                                      GHashTable            *widgets);
gboolean  a11y_has_true_state     (GtkAccessible      *accessible,
                                   GtkAccessibleState  state,
                                   int                 true_value);
/* A name made only of class names ("GtkButton", "GtkImage GtkLabel"). */
gboolean  a11y_name_is_class_like (const char *name);
/* "_Next Next": a mnemonic underscore read out. */
gboolean  a11y_name_has_mnemonic  (const char *name);
/* Where GTK 4.8 sends the focus event of @focus; NULL when nobody hears it. */
GtkWidget *a11y_focus_event_target (GtkWidget *focus);
/* "AdwEntryRow “Street” (shown as “Street”)", for messages. */
char     *a11y_describe_widget    (GtkWidget  *widget,
                                   GHashTable *widgets);
const char *a11y_combo_row_value  (AdwComboRow *row);
char     *a11y_normalize_space    (const char *text);

/* ---- Keys ---------------------------------------------------------------- */

GtkWidget *a11y_focus_widget      (GtkWindow  *window);
/* A key press as GTK delivers it: the capture phase from the window down
 * to the focus, then the focus and its ancestors up to the window (key
 * controllers, shortcuts, keybindings), the window's managed shortcuts,
 * the application's accelerators. Returns whether something took it. */
/* Tab (Shift+Tab with @backward), delivered as above. */
void      a11y_press_tab          (GtkWindow  *window,
                                   gboolean    backward);

/* ---- Walking ------------------------------------------------------------- */

gboolean  a11y_is_in              (GtkWidget *widget,
                                   GtkWidget *ancestor);
/* The Tab stops from @start once round (Tab pressed until the focus comes
 * back, or nowhere). */
GPtrArray *a11y_dup_tab_stops     (GtkWindow *window,
                                   GtkWidget *start);
/* What each stop under @root tells, and how the stops are laid out. */
void      a11y_check_stops        (A11yReport *report,
                                   GPtrArray  *stops,
                                   GtkWidget  *root);
/* The pages of stacks under @root that are not shown must be out of the
 * tree a screen reader walks, the one shown not named after its class. */
void      a11y_check_stacks       (A11yReport *report,
                                   GtkWidget  *root);
/* What takes the focus for @field is described by @message; it carries
 * the invalid state with GTK 4.16, and must not with GTK 4.8 (which
 * exports it as a dead object). */
void      a11y_check_invalid      (A11yReport *report,
                                   GtkWidget  *field,
                                   const char *message);
/* The check as a screen-reader user meets it: each document tells the
 * name and address found on it, each result row its status in words, the
 * verdict is a status with a name (the view's, or the page's around it
 * where the view's is hidden). */
void      a11y_check_check_view   (A11yReport       *report,
                                   PortingCheckView *view);

/* ---- Finding what the page shows ----------------------------------------- */

typedef gboolean (*A11yWidgetPredicate) (GtkWidget  *widget,
                                         const char *text);

/* The first visible widget under @root for which @predicate holds. */
GtkWidget *a11y_find_widget       (GtkWidget           *root,
                                   A11yWidgetPredicate  predicate,
                                   const char          *text);
/* A row whose title starts with @title; fails the test without one. */
GtkWidget *a11y_find_row          (GtkWidget  *root,
                                   const char *title);
/* A button labelled @label (as set, with its underscore). */
GtkWidget *a11y_find_button       (GtkWidget  *root,
                                   const char *label);
gboolean  a11y_is_stack_with_child (GtkWidget  *widget,
                                    const char *name);
/* @file chosen in the file chooser that opens (or opened). */
void      a11y_choose_file        (GFile      *file);
void      a11y_wait_for_label     (GtkWidget  *root,
                                   const char *text);

G_END_DECLS
