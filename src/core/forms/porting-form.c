/* porting-form.c — a request being filled in: its fields, its problems, its draft
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-form"

#include "config.h"

#include <string.h>

#include "porting-form.h"
#include "porting-phone-number.h"
#include "porting-twilio-sid.h"

typedef struct
{
  GDate      today;     /* invalid: the real today */
  GPtrArray *numbers;   /* of PortingPhoneNumber, from the field "numbers" */
  guint      n_merged;
} PortingFormPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (PortingForm, porting_form, G_TYPE_OBJECT)

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

gboolean
porting_form_is_drafted (PortingForm *self,
                         GParamSpec  *pspec)
{
  g_return_val_if_fail (PORTING_IS_FORM (self), FALSE);
  g_return_val_if_fail (pspec != NULL, FALSE);

  return (pspec->flags & G_PARAM_READWRITE) == G_PARAM_READWRITE &&
         g_type_is_a (pspec->owner_type, PORTING_TYPE_FORM) &&
         g_param_spec_get_qdata (pspec, transient_quark ()) == NULL;
}

JsonNode *
porting_form_dup_draft_value (PortingForm *self,
                              GParamSpec  *pspec)
{
  g_return_val_if_fail (PORTING_IS_FORM (self), NULL);

  if (!porting_form_is_drafted (self, pspec))
    return NULL;

  return PORTING_FORM_GET_CLASS (self)->dup_draft_value (self, pspec);
}

/* The numbers as typed, without any Twilio auth token pasted among them
 * (it happens with a column copied from a console): a secret never reaches
 * the disk. NULL when nothing is left out. */
static char *
dup_numbers_without_secrets (const char *text)
{
  g_autoptr(GString) kept = NULL;
  const char *p = text;
  gboolean dropped = FALSE;

  if (text == NULL)
    return NULL;

  kept = g_string_new (NULL);
  while (*p != '\0')
    {
      gsize word = strcspn (p, " \t\r\n,;\"'");
      g_autofree char *candidate = g_strndup (p, word);

      if (word > 0 && porting_twilio_sid_classify (candidate, NULL, NULL) == PORTING_SID_KIND_AUTH_TOKEN)
        dropped = TRUE;
      else
        g_string_append_len (kept, p, word);
      p += word;
      if (*p != '\0')
        g_string_append_c (kept, *p++);
    }
  return dropped ? g_string_free (g_steal_pointer (&kept), FALSE) : NULL;
}

static JsonNode *
porting_form_real_dup_draft_value (PortingForm *self,
                                   GParamSpec  *pspec)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GType type;

  type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  g_value_init (&value, type);
  g_object_get_property (G_OBJECT (self), pspec->name, &value);

  if (type == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (&value);
      g_autofree char *without_secrets = g_str_equal (pspec->name, "numbers") ? dup_numbers_without_secrets (text) : NULL;

      if (without_secrets != NULL)
        return json_node_init_string (json_node_alloc (), without_secrets);
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

PortingFormProblem *
porting_form_problems_get_first (GPtrArray *problems)
{
  return problems != NULL && problems->len > 0 ? g_ptr_array_index (problems, 0) : NULL;
}

PortingRequest *
porting_form_to_request (PortingForm *self)
{
  g_return_val_if_fail (PORTING_IS_FORM (self), NULL);

  return PORTING_FORM_GET_CLASS (self)->to_request (self);
}

void
porting_form_get_documents (PortingForm  *self,
                            GFile       **loa,
                            GFile       **proof,
                            GPtrArray   **regulatory)
{
  GFile *no_loa = NULL, *no_proof = NULL;
  GPtrArray *no_regulatory = NULL;

  g_return_if_fail (PORTING_IS_FORM (self));

  PORTING_FORM_GET_CLASS (self)->get_documents (self, loa != NULL ? loa : &no_loa,
                                                proof != NULL ? proof : &no_proof,
                                                regulatory != NULL ? regulatory : &no_regulatory);
}

/* ---- Fields --------------------------------------------------------------- */

#define FIELD_STRIDE(klass, i) ((const PortingFormField *) (gconstpointer) \
                                ((const guint8 *) (klass)->fields + (i) * (klass)->field_stride))
#define MEMBER(self, field, ctype) (*(ctype *) (gpointer) ((guint8 *) (self) + (field)->offset))

static const PortingFormField *
get_field (PortingForm *self,
           guint        prop_id)
{
  PortingFormClass *klass = PORTING_FORM_GET_CLASS (self);

  return prop_id >= 1 && prop_id <= klass->n_fields ? FIELD_STRIDE (klass, prop_id - 1) : NULL;
}

/* Two values of a field are the same: both none, or equal. */
static gboolean
same_value (gconstpointer a,
            gconstpointer b,
            GEqualFunc    equal)
{
  return a == b || (a != NULL && b != NULL && equal (a, b));
}

static void
wipe_string (char *text)
{
  if (text != NULL)
    memset (text, 0, strlen (text));
}

/* Sets @field from @value; FALSE when it held that already. */
static gboolean
set_member (PortingForm            *self,
            const PortingFormField *field,
            const GValue           *value)
{
  switch (field->type)
    {
    case PORTING_FORM_FIELD_STRING:
      {
        char **member = &MEMBER (self, field, char *);
        const char *text = g_value_get_string (value);

        if (text == NULL && !(field->flags & PORTING_FORM_FIELD_NULLABLE))
          text = field->default_string != NULL ? field->default_string : "";
        if (g_strcmp0 (*member, text) == 0)
          return FALSE;
        if (field->flags & PORTING_FORM_FIELD_SECRET)
          wipe_string (*member);
        g_free (*member);
        *member = g_strdup (text);
        return TRUE;
      }

    case PORTING_FORM_FIELD_BOOLEAN:
      {
        gboolean *member = &MEMBER (self, field, gboolean);
        gboolean active = g_value_get_boolean (value);

        if (*member == active)
          return FALSE;
        *member = active;
        return TRUE;
      }

    case PORTING_FORM_FIELD_UINT:
      {
        guint *member = &MEMBER (self, field, guint);
        guint number = MIN (g_value_get_uint (value), field->maximum);

        if (*member == number)
          return FALSE;
        *member = number;
        return TRUE;
      }

    case PORTING_FORM_FIELD_FILE:
      {
        GFile **member = &MEMBER (self, field, GFile *);
        GFile *file = g_value_get_object (value);

        if (same_value (*member, file, (GEqualFunc) g_file_equal))
          return FALSE;
        g_set_object (member, file);
        return TRUE;
      }

    case PORTING_FORM_FIELD_STRV:
      {
        char ***member = &MEMBER (self, field, char **);
        const char * const *strings = g_value_get_boxed (value);
        const char * const none[] = { NULL };

        if (g_strv_equal ((const char * const *) (*member != NULL ? *member : (char **) none),
                          strings != NULL ? strings : none))
          return FALSE;
        g_strfreev (*member);
        *member = g_strdupv ((char **) strings);
        return TRUE;
      }

    case PORTING_FORM_FIELD_JSON:
      {
        JsonNode **member = &MEMBER (self, field, JsonNode *);
        JsonNode *node = g_value_get_boxed (value);

        if (same_value (*member, node, (GEqualFunc) json_node_equal))
          return FALSE;
        g_clear_pointer (member, json_node_unref);
        *member = node != NULL ? json_node_copy (node) : NULL;
        return TRUE;
      }

    case PORTING_FORM_FIELD_OBJECT:
      return g_set_object (&MEMBER (self, field, GObject *), g_value_get_object (value));

    default:
      g_assert_not_reached ();
    }
}

static void
read_numbers (PortingForm *self,
              const char  *text)
{
  PortingFormPrivate *priv = porting_form_get_instance_private (self);

  g_clear_pointer (&priv->numbers, g_ptr_array_unref);
  priv->numbers = porting_phone_number_parse_list (text != NULL ? text : "", NULL);
  priv->n_merged = porting_numbers_count_merged (text, priv->numbers);
}

GPtrArray *
porting_form_get_numbers (PortingForm *self)
{
  PortingFormPrivate *priv = porting_form_get_instance_private (self);

  g_return_val_if_fail (PORTING_IS_FORM (self), NULL);

  return priv->numbers;
}

guint
porting_form_get_n_merged (PortingForm *self)
{
  PortingFormPrivate *priv = porting_form_get_instance_private (self);

  g_return_val_if_fail (PORTING_IS_FORM (self), 0);

  return priv->n_merged;
}

static void
porting_form_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PortingForm *self = PORTING_FORM (object);
  const PortingFormField *field = get_field (self, prop_id);

  if (field == NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (!set_member (self, field, value))
    return;

  if (g_str_equal (field->name, "numbers"))
    read_numbers (self, MEMBER (self, field, char *));
  g_object_notify_by_pspec (object, pspec);
  PORTING_FORM_GET_CLASS (self)->field_changed (self, field->name);
}

static void
porting_form_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PortingForm *self = PORTING_FORM (object);
  const PortingFormField *field = get_field (self, prop_id);

  if (field == NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  switch (field->type)
    {
    case PORTING_FORM_FIELD_STRING:
      g_value_set_string (value, MEMBER (self, field, char *));
      break;
    case PORTING_FORM_FIELD_BOOLEAN:
      g_value_set_boolean (value, MEMBER (self, field, gboolean));
      break;
    case PORTING_FORM_FIELD_UINT:
      g_value_set_uint (value, MEMBER (self, field, guint));
      break;
    case PORTING_FORM_FIELD_STRV:
    case PORTING_FORM_FIELD_JSON:
      g_value_set_boxed (value, MEMBER (self, field, gpointer));
      break;
    case PORTING_FORM_FIELD_FILE:
    case PORTING_FORM_FIELD_OBJECT:
      g_value_set_object (value, MEMBER (self, field, GObject *));
      break;
    default:
      g_assert_not_reached ();
    }
}

void
porting_form_class_install_fields (PortingFormClass       *klass,
                                   const PortingFormField *fields,
                                   guint                   n_fields,
                                   gsize                   stride)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  g_return_if_fail (PORTING_IS_FORM_CLASS (klass));
  g_return_if_fail (klass->fields == NULL);
  g_return_if_fail (stride >= sizeof (PortingFormField));

  klass->fields = fields;
  klass->n_fields = n_fields;
  klass->field_stride = stride;
  object_class->get_property = porting_form_get_property;
  object_class->set_property = porting_form_set_property;

  for (guint i = 0; i < n_fields; i++)
    {
      const PortingFormField *field = FIELD_STRIDE (klass, i);
      GParamFlags flags = G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS |
                          (field->flags & PORTING_FORM_FIELD_READ_ONLY ? G_PARAM_READABLE : G_PARAM_READWRITE);
      GParamSpec *pspec;

      switch (field->type)
        {
        case PORTING_FORM_FIELD_STRING:
          pspec = g_param_spec_string (field->name, NULL, NULL,
                                       field->default_string != NULL ? field->default_string
                                       : field->flags & PORTING_FORM_FIELD_NULLABLE ? NULL : "",
                                       flags);
          break;
        case PORTING_FORM_FIELD_BOOLEAN:
          pspec = g_param_spec_boolean (field->name, NULL, NULL, FALSE, flags);
          break;
        case PORTING_FORM_FIELD_UINT:
          pspec = g_param_spec_uint (field->name, NULL, NULL, 0, field->maximum, 0, flags);
          break;
        case PORTING_FORM_FIELD_FILE:
          pspec = g_param_spec_object (field->name, NULL, NULL, G_TYPE_FILE, flags);
          break;
        case PORTING_FORM_FIELD_STRV:
          pspec = g_param_spec_boxed (field->name, NULL, NULL, G_TYPE_STRV, flags);
          break;
        case PORTING_FORM_FIELD_JSON:
          pspec = g_param_spec_boxed (field->name, NULL, NULL, JSON_TYPE_NODE, flags);
          break;
        case PORTING_FORM_FIELD_OBJECT:
          g_return_if_fail (field->flags & (PORTING_FORM_FIELD_TRANSIENT | PORTING_FORM_FIELD_READ_ONLY));
          pspec = g_param_spec_object (field->name, NULL, NULL, field->object_type, flags);
          break;
        default:
          g_assert_not_reached ();
        }

      if (field->flags & (PORTING_FORM_FIELD_TRANSIENT | PORTING_FORM_FIELD_SECRET))
        g_param_spec_set_qdata (pspec, transient_quark (), GINT_TO_POINTER (TRUE));
      g_object_class_install_property (object_class, i + 1, pspec);
    }
}

/* ---- Today ---------------------------------------------------------------- */

void
porting_form_set_today (PortingForm *self,
                        const GDate *today)
{
  PortingFormPrivate *priv = porting_form_get_instance_private (self);

  g_return_if_fail (PORTING_IS_FORM (self));

  g_date_clear (&priv->today, 1);
  if (today != NULL && g_date_valid (today))
    priv->today = *today;
}

void
porting_form_get_today (PortingForm *self,
                        GDate       *today)
{
  PortingFormPrivate *priv = porting_form_get_instance_private (self);
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (PORTING_IS_FORM (self));
  g_return_if_fail (today != NULL);

  if (g_date_valid (&priv->today))
    {
      *today = priv->today;
      return;
    }

  now = g_date_time_new_now_local ();
  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/* ---- Object --------------------------------------------------------------- */

static void
porting_form_real_get_documents (PortingForm  *self,
                                 GFile       **loa,
                                 GFile       **proof,
                                 GPtrArray   **regulatory)
{
  *loa = NULL;
  *proof = NULL;
  *regulatory = NULL;
}

static GPtrArray *
porting_form_real_check (PortingForm *self)
{
  return porting_form_problems_new ();
}

static void
porting_form_real_field_changed (PortingForm *self,
                                 const char  *name)
{
}

static void
porting_form_constructed (GObject *object)
{
  PortingForm *self = PORTING_FORM (object);
  PortingFormClass *klass = PORTING_FORM_GET_CLASS (self);

  G_OBJECT_CLASS (porting_form_parent_class)->constructed (object);

  /* Strings start as their default, never NULL unless they may be. */
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const PortingFormField *field = FIELD_STRIDE (klass, i);

      if (field->type == PORTING_FORM_FIELD_STRING && !(field->flags & PORTING_FORM_FIELD_NULLABLE) &&
          MEMBER (self, field, char *) == NULL)
        MEMBER (self, field, char *) = g_strdup (field->default_string != NULL ? field->default_string : "");
    }
}

static void
porting_form_finalize (GObject *object)
{
  PortingForm *self = PORTING_FORM (object);
  PortingFormPrivate *priv = porting_form_get_instance_private (self);
  PortingFormClass *klass = PORTING_FORM_GET_CLASS (self);

  g_clear_pointer (&priv->numbers, g_ptr_array_unref);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const PortingFormField *field = FIELD_STRIDE (klass, i);

      switch (field->type)
        {
        case PORTING_FORM_FIELD_STRING:
          if (field->flags & PORTING_FORM_FIELD_SECRET)
            wipe_string (MEMBER (self, field, char *));
          g_clear_pointer (&MEMBER (self, field, char *), g_free);
          break;
        case PORTING_FORM_FIELD_STRV:
          g_clear_pointer (&MEMBER (self, field, char **), g_strfreev);
          break;
        case PORTING_FORM_FIELD_JSON:
          g_clear_pointer (&MEMBER (self, field, JsonNode *), json_node_unref);
          break;
        case PORTING_FORM_FIELD_FILE:
        case PORTING_FORM_FIELD_OBJECT:
          g_clear_object (&MEMBER (self, field, GObject *));
          break;
        case PORTING_FORM_FIELD_BOOLEAN:
        case PORTING_FORM_FIELD_UINT:
        default:
          break;
        }
    }

  G_OBJECT_CLASS (porting_form_parent_class)->finalize (object);
}

static void
porting_form_class_init (PortingFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = porting_form_constructed;
  object_class->finalize = porting_form_finalize;

  klass->field_changed = porting_form_real_field_changed;
  klass->check = porting_form_real_check;
  klass->load_draft = porting_form_real_load_draft;
  klass->dup_draft_value = porting_form_real_dup_draft_value;
  klass->get_documents = porting_form_real_get_documents;
}

static void
porting_form_init (PortingForm *self)
{
  PortingFormPrivate *priv = porting_form_get_instance_private (self);

  g_date_clear (&priv->today, 1);
  read_numbers (self, "");
}
