/* porting-form.h — a request being filled in: its fields, its problems, its draft
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "porting-request.h"
#include "porting-text.h"

G_BEGIN_DECLS

/* ---- Problems ------------------------------------------------------------ */

/* One thing that stops a form (or a step of it) from going on. */
typedef struct
{
  char     *field;     /* the field at fault ("postal-code"); NULL for the form as a whole */
  char     *message;   /* to say under the field; NULL when the summary says it all */
  char     *summary;   /* what stops the form, in one line for the customer */
  gboolean  missing;   /* the field is empty: a page may wait for a first try to go on
                        * before it marks the field */
} PortingFormProblem;

void        porting_form_problem_free         (PortingFormProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortingFormProblem, porting_form_problem_free)

/* An empty array of PortingFormProblem. */
GPtrArray  *porting_form_problems_new         (void);
/* Appends a problem (the strings are copied; @message may be NULL). */
void        porting_form_problems_add         (GPtrArray          *problems,
                                               const char         *field,
                                               const char         *message,
                                               const char         *summary,
                                               gboolean            missing);
/* The summary of the first problem, or NULL when there is none. */
char       *porting_form_problems_dup_summary (GPtrArray          *problems);
/* The message under @field, or NULL. */
const char *porting_form_problems_get_message (GPtrArray          *problems,
                                               const char         *field);
/* The first problem, or NULL. */
PortingFormProblem *porting_form_problems_get_first (GPtrArray    *problems);

/* ---- Fields -------------------------------------------------------------- */

typedef enum
{
  PORTING_FORM_FIELD_STRING,
  PORTING_FORM_FIELD_BOOLEAN,
  PORTING_FORM_FIELD_UINT,
  PORTING_FORM_FIELD_FILE,
  PORTING_FORM_FIELD_STRV,
  PORTING_FORM_FIELD_JSON,
  PORTING_FORM_FIELD_OBJECT,
} PortingFormFieldType;

typedef enum
{
  PORTING_FORM_FIELD_TRANSIENT = 1 << 0,  /* never in a draft */
  PORTING_FORM_FIELD_NULLABLE  = 1 << 1,  /* a string whose "none" is NULL, not "" */
  PORTING_FORM_FIELD_READ_ONLY = 1 << 2,  /* worked out by the form from the others */
  PORTING_FORM_FIELD_SECRET    = 1 << 3,  /* transient, and wiped from memory when replaced */
} PortingFormFieldFlags;

/* A field of a form: a property of its name, kept in the instance member at
 * @offset (char *, gboolean, guint, GFile *, GStrv, JsonNode *, GObject *). */
typedef struct
{
  const char            *name;
  PortingFormFieldType   type;
  gsize                  offset;
  PortingFormFieldFlags  flags;
  const char            *default_string;  /* NULL: "" (NULL for a nullable one) */
  guint                  maximum;         /* of a UINT */
  GType                  object_type;     /* of an OBJECT */
} PortingFormField;

#define PORTING_TYPE_FORM (porting_form_get_type ())
G_DECLARE_DERIVABLE_TYPE (PortingForm, porting_form, PORTING, FORM, GObject)

/**
 * PortingFormClass:
 * @field_changed: the field @name was set to another value (after its
 *   notification): work out what depends on it
 * @check: the problems of the whole form, in the order they are told
 * @to_request: the request the form describes
 * @load_draft: puts @draft (NULL: nothing) into the form; the default sets
 *   each drafted field from the member of its name (its default when that
 *   is missing or of another type)
 * @dup_draft_value: the draft value of a drafted field; NULL keeps it out of
 *   the draft (a secret pasted by mistake)
 * @get_documents: the files that go with the request
 *
 * A form's fields are its properties, installed from one table with
 * porting_form_class_install_fields(). Each field that is not transient or
 * read-only is also the draft key of its name, its value as JSON (strings,
 * booleans, numbers, GFiles as paths, string arrays, JSON).
 */
struct _PortingFormClass
{
  GObjectClass parent_class;

  void            (*field_changed)   (PortingForm  *self,
                                      const char   *name);
  GPtrArray      *(*check)           (PortingForm  *self);
  PortingRequest *(*to_request)      (PortingForm  *self);
  void            (*load_draft)      (PortingForm  *self,
                                      JsonObject   *draft);
  JsonNode       *(*dup_draft_value) (PortingForm  *self,
                                      GParamSpec   *pspec);
  void            (*get_documents)   (PortingForm  *self,
                                      GFile       **loa,
                                      GFile       **proof,
                                      GPtrArray   **regulatory);

  /*< private >*/
  const PortingFormField *fields;
  guint                   n_fields;
  gsize                   field_stride;
  gpointer padding[8];
};

/* Installs a property for each of the @n_fields fields at @fields, one
 * every @stride bytes (a subclass's table may hold more than the field).
 * Call once, in class_init; the form then gets and sets the members. */
void            porting_form_class_install_fields (PortingFormClass       *klass,
                                                   const PortingFormField *fields,
                                                   guint                   n_fields,
                                                   gsize                   stride);

/* The numbers of the field "numbers" (as typed), read, duplicates merged;
 * empty for a form without it. (element-type PortingPhoneNumber) (transfer none) */
GPtrArray      *porting_form_get_numbers         (PortingForm      *self);
/* How many numbers typed there merged into others. */
guint           porting_form_get_n_merged        (PortingForm      *self);

/* The day date rules count from; NULL for the real today (tests fix it). */
void            porting_form_set_today           (PortingForm      *self,
                                                  const GDate      *today);
void            porting_form_get_today           (PortingForm      *self,
                                                  GDate            *today);

/* Returns: (element-type PortingFormProblem) (transfer full): empty when the form can be sent */
GPtrArray      *porting_form_check               (PortingForm      *self);
/* The request the form describes; porting_request_validate() may still refuse it. */
PortingRequest *porting_form_to_request          (PortingForm      *self);
/* The files that go with it, each (out) (transfer none) (nullable); @regulatory
 * (element-type GFile) may be NULL when there are none. */
void            porting_form_get_documents       (PortingForm      *self,
                                                  GFile           **loa,
                                                  GFile           **proof,
                                                  GPtrArray       **regulatory);

void            porting_form_load_draft          (PortingForm      *self,
                                                  JsonObject       *draft);
/* Whether @pspec, a property of @self, is a draft key. */
gboolean        porting_form_is_drafted          (PortingForm      *self,
                                                  GParamSpec       *pspec);
/* The draft value of the property @pspec; NULL for one that is empty (no
 * string, no file), kept out, or not drafted. */
JsonNode       *porting_form_dup_draft_value     (PortingForm      *self,
                                                  GParamSpec       *pspec);
/* Every drafted field that has a value. */
JsonObject     *porting_form_save_draft          (PortingForm      *self);

G_END_DECLS
