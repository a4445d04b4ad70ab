/* porting-accessible.h — what assistive technologies are told, and how the keyboard moves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* GTK before 4.16 hands the invalid state to AT-SPI as STATE_INVALID, which
 * screen readers take for a dead object (Orca 43 then says nothing of the
 * field at all): an error is told in the description alone there. Later
 * GTK exports STATE_INVALID_ENTRY; 4.16 is taken as the first that does. */
#define PORTING_ACCESSIBLE_HAS_INVALID_STATE GTK_CHECK_VERSION (4, 16, 0)

/* Works around what GTK 4.8 and libadwaita 1.2 tell a screen reader wrong,
 * in @root and everything under it (once per widget; call it again on
 * rows made later): mnemonic buttons named "_Next Next", icon buttons
 * read as "GtkImage", the unnamed arrow of an AdwSplitButton, combo rows
 * whose value is never told, stack pages out of sight still in the tree,
 * entry rows whose focus no one hears, lists named after their class; and
 * a row whose check box or switch is its control is one Tab stop (the
 * control), a row that does nothing is none. */
void        porting_accessible_fix_tree         (GtkWidget   *root);

/* Names @widget exactly @label (not with what its child labels say). */
void        porting_accessible_set_label        (GtkWidget   *widget,
                                                 const char  *label);
/* The widget a screen reader hears about when @field takes the focus:
 * the control of an action row, the text of an entry row (GTK 4.8), or
 * @field itself. */
GtkWidget  *porting_accessible_get_focus_target (GtkWidget   *field);
/* Gives the focus to the first control of @widget: at once, or a moment
 * later when the window is not the active one (a dialog or a file chooser
 * is closing: a screen reader would not hear the change). */
void        porting_accessible_focus_first      (GtkWidget   *widget);
/* Whether the keyboard focus is @widget or inside it. */
gboolean    porting_accessible_has_focus        (GtkWidget   *widget);

/* Tells @message at once (GTK 4.14's announcements); nothing with GTK 4.8,
 * which has no way to: say it on what has the focus there. */
void        porting_accessible_announce         (GtkWidget   *widget,
                                                 const char  *message);
/* @widget says @text as its name: a status (the verdict of a check) that
 * a keyboard user can land on. A change is heard when it has the focus;
 * with @announce, it is announced otherwise, where GTK can. */
void        porting_accessible_set_status       (GtkWidget   *widget,
                                                 const char  *text,
                                                 gboolean     announce);

/* A row that only shows something: no Tab stop, nothing to activate. */
void        porting_accessible_set_row_read_only (GtkWidget  *row);

/* @list is one Tab stop (its selected row, or the first), arrows move
 * inside it without selecting, Tab and Shift+Tab leave it; with
 * @next_stop (nullable), Tab goes there instead of to what follows the
 * list (the sidebar skips to the page's content). */
void        porting_list_box_set_single_tab_stop (GtkListBox *list,
                                                  GtkWidget *(*next_stop) (gpointer user_data),
                                                  gpointer    user_data);

/* Typing on @row picks the first item that starts with what was typed
 * (its text, or the part after " — "): "ca" picks "CA — California",
 * "cal" too. */
void        porting_combo_row_add_type_ahead    (AdwComboRow *row);

G_END_DECLS
