/* porting-numbers-editor.h — a pasted list of numbers, read as it is typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PORTING_TYPE_NUMBERS_EDITOR (porting_numbers_editor_get_type ())
G_DECLARE_FINAL_TYPE (PortingNumbersEditor, porting_numbers_editor, PORTING, NUMBERS_EDITOR, GtkWidget)

GtkWidget   *porting_numbers_editor_new           (void);
/* The text as typed ("text" property; "changed" is emitted on every edit). */
char        *porting_numbers_editor_dup_text      (PortingNumbersEditor *self);
void         porting_numbers_editor_set_text      (PortingNumbersEditor *self,
                                                   const char           *text);
/* (element-type PortingPhoneNumber) (transfer none): every item, duplicates merged */
GPtrArray   *porting_numbers_editor_get_numbers   (PortingNumbersEditor *self);
/* The valid ones in E.164, in order; NULL-terminated. */
GStrv        porting_numbers_editor_dup_e164      (PortingNumbersEditor *self);
guint        porting_numbers_editor_get_n_valid   (PortingNumbersEditor *self);
guint        porting_numbers_editor_get_n_invalid (PortingNumbersEditor *self);
guint        porting_numbers_editor_get_n_merged  (PortingNumbersEditor *self);
GtkTextView *porting_numbers_editor_get_text_view (PortingNumbersEditor *self);
/* The rows under the text, one a number. */
GtkListBox  *porting_numbers_editor_get_list      (PortingNumbersEditor *self);
/* What the line under the text says: "3 numbers (1 duplicate merged)". */
const char  *porting_numbers_editor_get_summary   (PortingNumbersEditor *self);

G_END_DECLS
