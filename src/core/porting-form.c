/* porting-form.c — a request being filled in: its fields, its problems, its draft
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-form"

#include "config.h"

#include <gio/gio.h>

#include "porting-form.h"

G_DEFINE_ABSTRACT_TYPE (PortingForm, porting_form, G_TYPE_OBJECT)

/* Marks the properties that never go to a draft. */
static GQuark
transient_quark (void)
{
  return g_quark_from_static_string ("porting-form-transient");
}

void
porting_form_problem_free (PortingFormProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->field);
  g_free (problem->message);
  g_free (problem->summary);
  g_free (problem);
}

GPtrArray *
porting_form_problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) porting_form_problem_free);
}

void
porting_form_problems_add (GPtrArray  *problems,
                           const char *field,
                           const char *message,
                           const char *summary,
                           gboolean    missing)
{
  PortingFormProblem *problem;

  g_return_if_fail (problems != NULL);
  g_return_if_fail (summary != NULL);

  problem = g_new0 (PortingFormProblem, 1);
  problem->field = g_strdup (field);
  problem->message = g_strdup (message);
  problem->summary = g_strdup (summary);
  problem->missing = missing;
  g_ptr_array_add (problems, problem);
}

/* ---- Drafts --------------------------------------------------------------- */

void
porting_form_class_set_transient (PortingFormClass *klass,
                                  const char       *name)
{
  GParamSpec *pspec;

  g_return_if_fail (PORTING_IS_FORM_CLASS (klass));

  pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), name);
  g_return_if_fail (pspec != NULL);

  g_param_spec_set_qdata (pspec, transient_quark (), GINT_TO_POINTER (TRUE));
}

gboolean
porting_form_is_drafted (PortingForm *self,
                         GParamSpec  *pspec)
{
  g_return_val_if_fail (PORTING_IS_FORM (self), FALSE);
  g_return_val_if_fail (pspec != NULL, FALSE);

  return (pspec->flags & G_PARAM_READWRITE) == G_PARAM_READWRITE &&
         (pspec->flags & G_PARAM_CONSTRUCT_ONLY) == 0 &&
         g_type_is_a (pspec->owner_type, PORTING_TYPE_FORM) &&
         g_param_spec_get_qdata (pspec, transient_quark ()) == NULL;
}

JsonNode *
porting_form_dup_draft_value (PortingForm *self,
                              GParamSpec  *pspec)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GType type;

  g_return_val_if_fail (PORTING_IS_FORM (self), NULL);

  if (!porting_form_is_drafted (self, pspec))
    return NULL;

  type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  g_value_init (&value, type);
  g_object_get_property (G_OBJECT (self), pspec->name, &value);

  if (type == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (&value);
      return text != NULL ? json_node_init_string (json_node_alloc (), text) : NULL;
    }
  if (type == G_TYPE_BOOLEAN)
    return json_node_init_boolean (json_node_alloc (), g_value_get_boolean (&value));
  if (type == G_TYPE_INT)
    return json_node_init_int (json_node_alloc (), g_value_get_int (&value));
  if (type == G_TYPE_UINT)
    return json_node_init_int (json_node_alloc (), g_value_get_uint (&value));
  if (G_TYPE_IS_ENUM (type))
    return json_node_init_int (json_node_alloc (), g_value_get_enum (&value));
  if (g_type_is_a (type, G_TYPE_FILE))
    {
      GFile *file = g_value_get_object (&value);
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      return path != NULL ? json_node_init_string (json_node_alloc (), path) : NULL;
    }
  if (type == G_TYPE_STRV)
    {
      const char * const *strings = g_value_get_boxed (&value);
      JsonArray *array;

      if (strings == NULL || strings[0] == NULL)
        return NULL;
      array = json_array_new ();
      for (guint i = 0; strings[i] != NULL; i++)
        json_array_add_string_element (array, strings[i]);
      return json_node_init_array (json_node_alloc (), array);
    }
  if (type == JSON_TYPE_NODE)
    {
      JsonNode *node = g_value_get_boxed (&value);
      return node != NULL ? json_node_copy (node) : NULL;
    }

  g_critical ("%s.%s: no draft form for a %s", G_OBJECT_TYPE_NAME (self), pspec->name, g_type_name (type));
  return NULL;
}

/* Fills @value (initialised to the property's type) from @node; FALSE when
 * @node does not hold that type. */
static gboolean
value_from_node (GValue   *value,
                 JsonNode *node)
{
  GType type = G_VALUE_TYPE (value);
  GType node_type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  if (type == G_TYPE_STRING && node_type == G_TYPE_STRING)
    g_value_set_string (value, json_node_get_string (node));
  else if (type == G_TYPE_BOOLEAN && node_type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, json_node_get_boolean (node));
  else if (type == G_TYPE_INT && node_type == G_TYPE_INT64)
    g_value_set_int (value, (int) CLAMP (json_node_get_int (node), G_MININT, G_MAXINT));
  else if (type == G_TYPE_UINT && node_type == G_TYPE_INT64)
    g_value_set_uint (value, (guint) CLAMP (json_node_get_int (node), 0, G_MAXUINT));
  else if (G_TYPE_IS_ENUM (type) && node_type == G_TYPE_INT64)
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);
      GEnumValue *enum_value = g_enum_get_value (enum_class, (int) CLAMP (json_node_get_int (node), G_MININT, G_MAXINT));

      if (enum_value == NULL)
        return FALSE;
      g_value_set_enum (value, enum_value->value);
    }
  else if (g_type_is_a (type, G_TYPE_FILE) && node_type == G_TYPE_STRING)
    {
      const char *path = json_node_get_string (node);

      /* A document deleted or moved since is simply no longer chosen. */
      if (*path == '\0' || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return FALSE;
      g_value_take_object (value, g_file_new_for_path (path));
    }
  else if (type == G_TYPE_STRV && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (element));
        }
      g_value_take_boxed (value, g_strv_builder_end (builder));
    }
  else if (type == JSON_TYPE_NODE)
    g_value_set_boxed (value, node);
  else
    return FALSE;

  return TRUE;
}

static void
porting_form_real_load_draft (PortingForm *self,
                              JsonObject  *draft)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (self), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      JsonNode *node = draft != NULL ? json_object_get_member (draft, pspecs[i]->name) : NULL;
      g_auto(GValue) value = G_VALUE_INIT;

      if (!porting_form_is_drafted (self, pspecs[i]))
        continue;

      g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspecs[i]));
      /* A member of another type (an older draft) counts as missing. */
      if (node == NULL || !value_from_node (&value, node))
        g_param_value_set_default (pspecs[i], &value);
      g_object_set_property (G_OBJECT (self), pspecs[i]->name, &value);
    }
}

void
porting_form_load_draft (PortingForm *self,
                         JsonObject  *draft)
{
  g_return_if_fail (PORTING_IS_FORM (self));

  /* Whoever follows the form sees it once, whole. */
  g_object_freeze_notify (G_OBJECT (self));
  PORTING_FORM_GET_CLASS (self)->load_draft (self, draft);
  g_object_thaw_notify (G_OBJECT (self));
}

JsonObject *
porting_form_save_draft (PortingForm *self)
{
  g_autofree GParamSpec **pspecs = NULL;
  JsonObject *draft;
  guint n_pspecs;

  g_return_val_if_fail (PORTING_IS_FORM (self), NULL);

  draft = json_object_new ();
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (self), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      JsonNode *node = porting_form_dup_draft_value (self, pspecs[i]);

      if (node != NULL)
        json_object_set_member (draft, pspecs[i]->name, node);
    }

  return draft;
}

/* ---- Problems and requests ------------------------------------------------ */

GPtrArray *
porting_form_check (PortingForm *self)
{
  g_return_val_if_fail (PORTING_IS_FORM (self), NULL);

  return PORTING_FORM_GET_CLASS (self)->check (self);
}

char *
porting_form_problems_dup_summary (GPtrArray *problems)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      PortingFormProblem *problem = g_ptr_array_index (problems, i);

      if (problem->summary != NULL)
        return g_strdup (problem->summary);
    }

  return NULL;
}

const char *
porting_form_problems_get_message (GPtrArray  *problems,
                                   const char *field)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      PortingFormProblem *problem = g_ptr_array_index (problems, i);

      if (problem->message != NULL && g_strcmp0 (problem->field, field) == 0)
        return problem->message;
    }

  return NULL;
}

PortingRequest *
porting_form_to_request (PortingForm *self)
{
  g_return_val_if_fail (PORTING_IS_FORM (self), NULL);

  return PORTING_FORM_GET_CLASS (self)->to_request (self);
}

/* ---- Object --------------------------------------------------------------- */

static GPtrArray *
porting_form_real_check (PortingForm *self)
{
  return porting_form_problems_new ();
}

static void
porting_form_class_init (PortingFormClass *klass)
{
  klass->check = porting_form_real_check;
  klass->load_draft = porting_form_real_load_draft;
}

static void
porting_form_init (PortingForm *self)
{
}
