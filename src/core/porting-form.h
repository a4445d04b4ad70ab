/* porting-form.h — a request being filled in: its fields, its problems, its draft
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "porting-request.h"
#include "porting-text.h"

G_BEGIN_DECLS

/* One thing that stops a form (or a step of it) from going on. */
typedef struct
{
  char     *field;     /* the property at fault ("postal-code"); NULL for the form as a whole */
  char     *message;   /* to say under the field; NULL when the summary says it all */
  char     *summary;   /* what stops the form, in one line for the customer */
  gboolean  missing;   /* the field is empty: a page may wait for a first try to go on
                        * before it marks the field */
} PortingFormProblem;

void       porting_form_problem_free  (PortingFormProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortingFormProblem, porting_form_problem_free)

/* An empty array of PortingFormProblem. */
GPtrArray *porting_form_problems_new  (void);
/* Appends a problem (the strings are copied; @message may be NULL). */
void       porting_form_problems_add  (GPtrArray          *problems,
                                       const char         *field,
                                       const char         *message,
                                       const char         *summary,
                                       gboolean            missing);

#define PORTING_TYPE_FORM (porting_form_get_type ())
G_DECLARE_DERIVABLE_TYPE (PortingForm, porting_form, PORTING, FORM, GObject)

/**
 * PortingFormClass:
 * @check: the problems of the whole form, in the order they are told
 * @to_request: the request the form describes
 * @load_draft: puts @draft (NULL: nothing) into the form; the default sets
 *   each drafted property from the member of its name (its default value
 *   when missing) with notifications held until all are set
 *
 * A form's fields are its properties. Each one that can be read and written
 * is also a draft key of the same name, with its value as JSON (strings,
 * booleans, numbers, GFiles as paths, string arrays, JSON nodes), unless
 * porting_form_class_set_transient() says otherwise.
 */
struct _PortingFormClass
{
  GObjectClass parent_class;

  GPtrArray      *(*check)      (PortingForm  *self);
  PortingRequest *(*to_request) (PortingForm  *self);
  void            (*load_draft) (PortingForm  *self,
                                 JsonObject   *draft);

  /*< private >*/
  gpointer padding[8];
};

/* The property @name of @klass never goes to a draft (a PIN, a check result). */
void            porting_form_class_set_transient (PortingFormClass *klass,
                                                  const char       *name);

/* Returns: (element-type PortingFormProblem) (transfer full): empty when the form can be sent */
GPtrArray      *porting_form_check               (PortingForm      *self);
/* The summary of the first problem of @problems (element-type PortingFormProblem), or NULL. */
char           *porting_form_problems_dup_summary (GPtrArray       *problems);
/* The message under @field in @problems, or NULL. */
const char     *porting_form_problems_get_message (GPtrArray       *problems,
                                                  const char       *field);
/* The request the form describes; porting_request_validate() may still refuse it. */
PortingRequest *porting_form_to_request          (PortingForm      *self);

void            porting_form_load_draft          (PortingForm      *self,
                                                  JsonObject       *draft);
/* Whether @pspec, a property of @self, is a draft key. */
gboolean        porting_form_is_drafted          (PortingForm      *self,
                                                  GParamSpec       *pspec);
/* The draft value of the property @pspec; NULL for one that is empty (no
 * string, no file) or not drafted. */
JsonNode       *porting_form_dup_draft_value     (PortingForm      *self,
                                                  GParamSpec       *pspec);
/* Every drafted property that has a value. */
JsonObject     *porting_form_save_draft          (PortingForm      *self);

G_END_DECLS
