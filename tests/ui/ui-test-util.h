/* ui-test-util.h — what every UI test program does the same way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "porting-application.h"
#include "porting-port-in-page-private.h"
#include "porting-request.h"
#include "porting-submit-dialog.h"
#include "porting-window.h"

G_BEGIN_DECLS

/* Generous: the suite may run under the sanitizers, on 2 busy cores. Only
 * a failing test waits this long. */
#define UI_TEST_WAIT_TIMEOUT_MS 30000

/* The token the application reads from the environment unless a test sets
 * its own: it keeps the keyring out of the tests. */
#define UI_TEST_TOKEN "test-token"

typedef gboolean (*UiTestCondition) (gpointer data);

/* Call first in main(), before anything reads the XDG directories: a home
 * of the program's own (XDG data, config, cache and state dirs, $HOME),
 * the application's token from the environment, GTK and libadwaita set
 * up, animations off (transitions only slow the steps down). */
void        ui_test_init                (int              *argc,
                                         char           ***argv);
const char *ui_test_get_home            (void);
/* Call last in main(): removes the home. */
void        ui_test_finish              (void);

/* Runs the main context until @condition holds; FALSE after a timeout. */
gboolean    ui_test_wait_for            (UiTestCondition   condition,
                                         gpointer          data);
/* Lets pending layout, frame and I/O work run, a bounded number of times. */
void        ui_test_settle              (void);
/* Waits until @widget's frame clock has drawn twice: widgets just shown
 * have been allocated. */
void        ui_test_wait_for_frames     (GtkWidget        *widget);

gboolean    ui_test_widget_is_mapped    (gpointer          widget);
gboolean    ui_test_switch_is_on        (gpointer          gtk_switch);
gboolean    ui_test_is_null             (gpointer          pointer_location);

/* A file of PORTING_FIXTURES_DIR. */
GFile      *ui_test_fixture_file        (const char       *name);
/* Where the application keeps the draft of @flow ("port-in", "byoc"…). */
char       *ui_test_draft_path          (const char       *flow);
void        ui_test_delete_tree         (GFile            *file);

/* A registered, non-unique application; its window is not opened. */
PortingApplication *ui_test_application_new (void);
/* Activates @app and waits for its window on screen. */
PortingWindow      *ui_test_open_window      (PortingApplication *app);
/* @child in a window of its own, on screen. */
GtkWindow  *ui_test_window_with         (GtkWidget        *child,
                                         int               width,
                                         int               height);
void        ui_test_destroy_window      (GtkWindow        *window);

/* The first descendant of @root of @type, with @css_class when not NULL. */
GtkWidget  *ui_test_find_descendant     (GtkWidget        *root,
                                         GType             type,
                                         const char       *css_class);

typedef enum
{
  UI_TEST_LABEL_VISIBLE = 0,       /* visible, exact text */
  UI_TEST_LABEL_MAPPED  = 1 << 0,  /* on screen */
  UI_TEST_LABEL_PREFIX  = 1 << 1,  /* the text starts with @text */
} UiTestLabelFlags;

GtkLabel   *ui_test_find_label          (GtkWidget        *root,
                                         const char       *text,
                                         UiTestLabelFlags  flags);
/* A visible toplevel of @type, or NULL. */
GtkWindow  *ui_test_find_toplevel       (GType             type);

/* With $PORTING_SCREENSHOT_DIR set, saves what @window shows, as GTK drew
 * it, to NAME.png there (for people to look at; no test reads it). */
/* A key press as @window delivers it; whether something took it. Settles. */
gboolean    ui_test_send_key            (GtkWindow        *window,
                                         guint             keyval,
                                         GdkModifierType   modifiers);

void        ui_test_save_screenshot     (GtkWidget        *window,
                                         const char       *name);

/* ---- Submitting to a real porting-intake -------------------------------- */

/* Points the application at @url (NULL: the settings' address) with
 * @token, through the environment. */
void        ui_test_use_intake          (const char       *url,
                                         const char       *token);
/* Waits for the open submit dialog to finish, fails with its message
 * unless it shows a receipt, checks the receipt names the stored request,
 * and closes the dialog.
 * Returns: (transfer full): the request as the service stored it */
PortingRequest *ui_test_expect_receipt  (void);
/* Waits until the submit dialog has sent and closed itself: the page
 * behind shows the one receipt. Fails with its message when it did not. */
void        ui_test_expect_dialog_closed (void);
/* Every request @token sees, through porting-cli requests. */
JsonArray  *ui_test_stored_requests     (const char       *url,
                                         const char       *token);
/* The one stored request of @kind (it fails on two), or NULL. */
JsonObject *ui_test_find_stored         (const char       *url,
                                         const char       *token,
                                         const char       *kind);

/* ---- The port-in page in a window of its own ---------------------------- */

typedef struct
{
  GtkWindow         *window;
  PortingPortInPage *page;
} UiTestPortIn;

void        ui_test_port_in_open        (UiTestPortIn     *f);
void        ui_test_port_in_close       (UiTestPortIn     *f);
/* GTest fixture functions: each test starts from an empty draft. */
void        ui_test_port_in_setup       (UiTestPortIn     *f,
                                         gconstpointer     data);
void        ui_test_port_in_teardown    (UiTestPortIn     *f,
                                         gconstpointer     data);
typedef void (*UiTestPortInFunc) (UiTestPortIn  *f,
                                  gconstpointer  data);
/* Adds @test with the fixture above. */
void        ui_test_add_port_in         (const char       *path,
                                         UiTestPortInFunc  test);
gboolean    ui_test_port_in_wait_for_step (UiTestPortIn   *f,
                                         guint             step);
/* Conditions on the page */
gboolean    ui_test_port_in_check_finished (gpointer       page);
gboolean    ui_test_port_in_request_saved  (gpointer       page);

G_END_DECLS
