/* test-loa.c — LOA fields read from fixtures, from forms of other layouts and from our own LOA
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "porting-document.h"
#include "porting-loa-writer.h"
#include "porting-loa.h"
#include "porting-phone-number.h"

/* ---- Synthetic forms written with cairo ---------------------------------- */

typedef enum
{
  ITEM_TEXT,
  ITEM_BOX,      /* a table cell border */
  ITEM_STROKE,   /* a hand-drawn squiggle, as a signature */
  ITEM_PAGE,     /* next page */
} ItemKind;

typedef struct
{
  ItemKind    kind;
  double      x;
  double      y;       /* baseline of text; top of a box */
  const char *text;
  double      width;
  double      height;
} Item;

#define TEXT(x, y, text)       { ITEM_TEXT, x, y, text, 0, 0 }
#define BOX(x, y, w, h)        { ITEM_BOX, x, y, NULL, w, h }
#define STROKE(x, y, w, h)     { ITEM_STROKE, x, y, NULL, w, h }
#define NEW_PAGE               { ITEM_PAGE, 0, 0, NULL, 0, 0 }

static char *
write_form (const char *name,
            const Item *items,
            guint       n_items,
            double      font_size)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "forms", NULL);
  char *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  surface = cairo_pdf_surface_create (path, 612, 792);
  cr = cairo_create (surface);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, font_size);
  cairo_set_line_width (cr, 0.8);

  for (guint i = 0; i < n_items; i++)
    {
      const Item *item = &items[i];

      switch (item->kind)
        {
        case ITEM_TEXT:
          cairo_move_to (cr, item->x, item->y);
          cairo_show_text (cr, item->text);
          break;
        case ITEM_BOX:
          cairo_rectangle (cr, item->x, item->y, item->width, item->height);
          cairo_stroke (cr);
          break;
        case ITEM_STROKE:
          cairo_move_to (cr, item->x, item->y + item->height / 2);
          for (double t = 0; t <= 1.0; t += 0.02)
            cairo_line_to (cr, item->x + t * item->width,
                           item->y + item->height / 2 + sin (t * 18) * item->height / 2 * (1 - t / 2));
          cairo_stroke (cr);
          break;
        case ITEM_PAGE:
          cairo_show_page (cr);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return path;
}

static PortingLoaFields *
read_loa (const char *path,
          const char *password)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PortingDocument) document = NULL;
  PortingLoaFields *fields;

  document = porting_document_load (file, password, NULL, &error);
  g_assert_no_error (error);
  fields = porting_loa_fields_read (document, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fields);

  return fields;
}

static char *
page_text (const char *path,
           guint       page)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PortingDocument) document = porting_document_load (file, NULL, NULL, NULL);
  g_autoptr(PortingPageText) text = porting_document_get_page_text (document, page, 0, NULL, NULL);

  return g_strdup (text->text);
}

/* The span of a field points at the field's value in the page text. */
static void
assert_span (const char            *path,
             const PortingTextSpan *span,
             const char            *expected)
{
  g_autofree char *text = NULL;
  g_autofree char *found = NULL;

  g_assert_cmpint (span->page, >=, 0);
  text = page_text (path, span->page);
  g_assert_cmpuint (span->end, <=, strlen (text));
  found = g_strndup (text + span->start, span->end - span->start);
  g_assert_nonnull (strstr (found, expected));
}

static void
assert_numbers (const PortingLoaFields *fields,
                const char * const     *expected)
{
  guint n_expected = g_strv_length ((char **) expected);

  g_assert_cmpuint (fields->numbers->len, ==, n_expected);
  g_assert_cmpuint (fields->number_spans->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      g_autoptr(PortingPhoneNumber) number = porting_phone_number_parse (expected[i], NULL);

      g_assert_nonnull (number->e164);
      g_assert_true (g_ptr_array_find_with_equal_func (fields->numbers, number->e164, g_str_equal, NULL));
    }
}

/* ---- Fixtures ----------------------------------------------------------- */

static void
test_loa_fixtures (void)
{
  const char *dir = g_getenv ("PORTING_FIXTURES_DIR");
  g_autofree char *cases_path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *cases;

  g_assert_nonnull (dir);
  cases_path = g_build_filename (dir, "cases.json", NULL);
  json_parser_load_from_file (parser, cases_path, &error);
  g_assert_no_error (error);

  cases = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (cases), >=, 7);

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *test_case = json_array_get_object_element (cases, i);
      JsonObject *expected = json_object_get_object_member (test_case, "loa_fields");
      JsonArray *numbers = json_object_get_array_member (expected, "numbers");
      const char *password = json_object_get_string_member_with_default (test_case, "password", NULL);
      g_autofree char *path = g_build_filename (dir, json_object_get_string_member (test_case, "loa"), NULL);
      g_autoptr(PortingLoaFields) fields = NULL;
      g_autoptr(GPtrArray) expected_numbers = g_ptr_array_new ();

      g_test_message ("LOA %s", path);
      fields = read_loa (path, password);

      g_assert_cmpstr (fields->name, ==, json_object_get_string_member (expected, "name"));
      g_assert_cmpstr (fields->address, ==, json_object_get_string_member (expected, "address"));
      for (guint n = 0; n < json_array_get_length (numbers); n++)
        g_ptr_array_add (expected_numbers, (gpointer) json_array_get_string_element (numbers, n));
      g_ptr_array_add (expected_numbers, NULL);
      assert_numbers (fields, (const char * const *) expected_numbers->pdata);

      assert_span (path, &fields->name_span, fields->name);
      assert_span (path, &fields->street_span, fields->street);
      assert_span (path, &fields->city_line_span, fields->city_line);

      /* Every fixture LOA is signed by someone other than the customer. */
      g_assert_nonnull (fields->authorized_person);
      g_assert_cmpstr (fields->authorized_person, !=, fields->name);
      g_assert_true (fields->has_signature_line);
      g_assert_true (fields->is_signed);
      g_assert_nonnull (fields->carrier);
      g_assert_nonnull (fields->account_number);
      g_assert_nonnull (fields->date);
    }
}

static void
test_loa_fixture_details (void)
{
  g_autofree char *app = g_build_filename (g_getenv ("PORTING_FIXTURES_DIR"), "acme-exact-loa.pdf", NULL);
  g_autofree char *form = g_build_filename (g_getenv ("PORTING_FIXTURES_DIR"), "maple-csr-loa.pdf", NULL);
  g_autoptr(PortingLoaFields) fields = read_loa (app, NULL);
  g_autoptr(PortingLoaFields) maple = read_loa (form, NULL);

  g_assert_cmpstr (fields->authorized_person, ==, "Dana Whitfield");
  g_assert_cmpstr (fields->street, ==, "1200 Harbor Boulevard, Suite 400");
  g_assert_cmpstr (fields->city_line, ==, "Oakland, CA 94607");
  g_assert_cmpstr (fields->carrier, ==, "NorthStar Telecom");
  g_assert_cmpstr (fields->account_number, ==, "8841-22017-5");
  g_assert_cmpstr (fields->btn, ==, "(510) 555-0142");
  g_assert_cmpstr (fields->date, ==, "2026-11-02");
  assert_span (app, &fields->account_number_span, "8841-22017-5");

  /* "NAME OF AUTHORIZED SIGNER" is not the customer's name. */
  g_assert_cmpstr (maple->name, ==, "Boulangerie Côté & Fils Inc.");
  g_assert_cmpstr (maple->authorized_person, ==, "Élise Côté");
  g_assert_cmpstr (maple->carrier, ==, "Maple Leaf Communications");
  g_assert_cmpstr (maple->account_number, ==, "ML-300-441-982");
  g_assert_cmpstr (maple->date, ==, "2026-11-05");
  g_assert_null (maple->btn);

  /* Boxed copy keeps everything. */
  {
    g_autoptr(PortingLoaFields) copy = porting_loa_fields_copy (maple);

    g_assert_cmpstr (copy->address, ==, maple->address);
    g_assert_cmpuint (copy->numbers->len, ==, maple->numbers->len);
    g_assert_cmpint (copy->name_span.page, ==, maple->name_span.page);
  }
}

/* ---- Other layouts ------------------------------------------------------ */

static const Item table_cells[] = {
  TEXT (60, 60, "PORT REQUEST - LETTER OF AGENCY"),
  BOX (50, 88, 250, 22), TEXT (56, 103, "Account Holder Name (as it appears on bill)"),
  BOX (300, 88, 260, 22), TEXT (306, 103, "Harbor Lights Café Ltd."),
  BOX (50, 110, 250, 22), TEXT (56, 125, "Service Location"),
  BOX (300, 110, 260, 22), TEXT (306, 125, "77 King Street West, Floor 5"),
  BOX (50, 132, 250, 22), TEXT (56, 147, "City, Province, Postal Code"),
  BOX (300, 132, 260, 22), TEXT (306, 147, "Toronto, ON M5K 1A2"),
  BOX (50, 154, 250, 22), TEXT (56, 169, "Losing Carrier"),
  BOX (300, 154, 260, 22), TEXT (306, 169, "Bell Canada"),
  BOX (50, 176, 250, 22), TEXT (56, 191, "Account No."),
  BOX (300, 176, 260, 22), TEXT (306, 191, "44-55-66"),
  BOX (50, 198, 250, 22), TEXT (56, 213, "Main number"),
  BOX (300, 198, 260, 22), TEXT (306, 213, "416-555-0110"),
  BOX (50, 220, 250, 22), TEXT (56, 235, "Numbers to port"),
  BOX (300, 220, 260, 22), TEXT (306, 235, "416-555-0110, 416-555-0111"),
  BOX (50, 242, 250, 22), TEXT (56, 257, "Authorized Person"),
  BOX (300, 242, 260, 22), TEXT (306, 257, "Marc Tremblay"),
  BOX (50, 264, 250, 40), TEXT (56, 290, "Signature"),
  BOX (300, 264, 260, 40),
  BOX (50, 304, 250, 22), TEXT (56, 319, "Date"),
  BOX (300, 304, 260, 22),
};

static const Item dotted_leaders[] = {
  TEXT (60, 60, "LETTER OF AUTHORIZATION"),
  TEXT (60, 100, "Customer Name ......................... Pine Valley Dental, P.C."),
  TEXT (60, 118, "Street Address ........................ 2450 Elm Street NE"),
  TEXT (60, 136, "City .......... Minneapolis"),
  TEXT (260, 136, "State ....... MN"),
  TEXT (400, 136, "ZIP Code ....... 55418"),
  TEXT (60, 154, "Current Provider ...................... Lakes Telephone Co"),
  TEXT (60, 172, "Account # ............................. 000-77123"),
  TEXT (60, 190, "BTN ................................... 612-555-0170"),
  TEXT (60, 208, "Authorized Signer ..................... Maria Okafor"),
  TEXT (60, 240, "Signature ............................. Maria Okafor"),
  TEXT (360, 240, "Date ....... 11/03/2026"),
};

/* Two columns of labels with their values below; a drawn signature. */
static const Item label_above_value[] = {
  TEXT (60, 60, "Wireline Port Authorization"),
  TEXT (60, 100, "COMPANY NAME"), TEXT (330, 100, "ACCOUNT NUMBER"),
  TEXT (64, 116, "Northwind Traders Inc"), TEXT (334, 116, "NW-5521"),
  TEXT (60, 150, "SERVICE ADDRESS"),
  TEXT (64, 166, "100 Main Street"),
  TEXT (64, 180, "Suite 12"),
  TEXT (64, 194, "Seattle, WA 98101"),
  TEXT (60, 230, "NAME OF AUTHORIZED SIGNER"), TEXT (330, 230, "BILLING TELEPHONE NUMBER"),
  TEXT (64, 246, "Lee Park"), TEXT (334, 246, "(206) 555-0100"),
  TEXT (60, 262, "CURRENT CARRIER"),
  TEXT (64, 278, "Cascade Voice"),
  TEXT (60, 300, "TELEPHONE NUMBERS TO BE PORTED"),
  TEXT (64, 316, "(206) 555-0100"), TEXT (200, 316, "(206) 555-0101"),
  TEXT (60, 336, "I authorize the transfer of the numbers above to the new provider."),
  STROKE (70, 352, 150, 30),
  BOX (60, 390, 220, 0.1),
  TEXT (60, 402, "Authorized Signature"), TEXT (360, 402, "Date: 2026-11-10"),
};

/* The BTN column sits beside the first line of a three-line address:
 * poppler glues "98101" and "(206)" unless the page text splits them. */
static const Item glued_columns[] = {
  TEXT (60, 60, "Wireline Port Authorization"),
  TEXT (60, 100, "COMPANY NAME"), TEXT (330, 100, "ACCOUNT NUMBER"),
  TEXT (64, 116, "Northwind Traders Inc"), TEXT (334, 116, "NW-5521"),
  TEXT (60, 150, "SERVICE ADDRESS"), TEXT (330, 150, "BILLING TELEPHONE NUMBER"),
  TEXT (64, 166, "100 Main Street"), TEXT (334, 166, "(206) 555-0100"),
  TEXT (64, 180, "Suite 12"),
  TEXT (64, 194, "Seattle, WA 98101"),
  TEXT (60, 230, "TELEPHONE NUMBERS TO BE PORTED"),
  TEXT (64, 246, "(206) 555-0100"), TEXT (200, 246, "(206) 555-0101"),
};

static const Item two_pages[] = {
  TEXT (60, 60, "Letter of Authorization"),
  TEXT (60, 100, "Business Name: Two Page Hardware Co."),
  TEXT (60, 118, "Service Address: 5 Elm Road"),
  TEXT (60, 136, "Springfield, IL 62701"),
  TEXT (60, 154, "Numbers to port: listed on page 2"),
  TEXT (60, 200, "Signature:"), TEXT (130, 200, "J. Smith"),
  NEW_PAGE,
  TEXT (60, 60, "Numbers to port (continued)"),
  TEXT (70, 90, "217-555-0101"),
  TEXT (70, 104, "217-555-0102"),
  TEXT (70, 118, "+1 217 555 0103"),
};

static const Item missing_fields[] = {
  TEXT (60, 60, "LETTER OF AUTHORIZATION"),
  TEXT (60, 100, "Customer Name:"),
  TEXT (60, 118, "Service Address: ______________________"),
  TEXT (60, 136, "City, State, ZIP:"),
  TEXT (60, 154, "Account Number:"),
  TEXT (60, 200, "I authorize the new provider to port my numbers. Name and address must match the bill."),
  TEXT (60, 240, "Signature: ______________________"), TEXT (360, 240, "Date: __________"),
};

/* An expected field the form must not give. */
static const char ABSENT[] = "(absent)";

typedef enum
{
  UNCHECKED,
  YES,
  NO,
} Expect;

/* What a form must give. A NULL string or UNCHECKED is not checked. */
typedef struct
{
  const char         *path;
  const char         *file;
  const Item         *items;
  guint               n_items;
  double              font_size;
  const char * const *pages;                /* page texts given directly, instead of a file */

  const char         *name;
  const char         *street;
  const char         *city_line;
  const char         *address;
  const char         *carrier;
  const char         *account_number;
  const char         *btn;
  const char         *authorized_person;
  const char         *date;
  const char * const *numbers;              /* all of them, NULL-terminated */
  int                 numbers_page;         /* where every number sits; -1: not checked */
  const char         *name_span;            /* what the span shows */
  const char         *account_number_span;
  const char         *glued;                /* text that must not be in the first page's text */
  Expect              has_signature_line;
  Expect              is_signed;
} FormCase;

#define FORM(items) (items), G_N_ELEMENTS (items)

static const FormCase form_cases[] = {
  {
    "/loa/table-cells", "table.pdf", FORM (table_cells), 9,
    .name = "Harbor Lights Café Ltd.",
    .address = "77 King Street West, Floor 5, Toronto, ON M5K 1A2",
    .carrier = "Bell Canada",
    .account_number = "44-55-66",
    .btn = "416-555-0110",
    .authorized_person = "Marc Tremblay",
    .date = ABSENT,
    .numbers = (const char * const []) { "416-555-0110", "416-555-0111", NULL },
    .numbers_page = -1,
    .name_span = "Harbor Lights Café Ltd.",
    /* An empty signature cell: a third-party LOA nobody signed. */
    .has_signature_line = YES,
    .is_signed = NO,
  },
  {
    "/loa/dotted-leaders", "leaders.pdf", FORM (dotted_leaders), 10,
    .name = "Pine Valley Dental, P.C.",
    .street = "2450 Elm Street NE",
    .city_line = "Minneapolis, MN 55418",
    .address = "2450 Elm Street NE, Minneapolis, MN 55418",
    .carrier = "Lakes Telephone Co",
    .account_number = "000-77123",
    .btn = "612-555-0170",
    .authorized_person = "Maria Okafor",
    .date = "11/03/2026",
    .numbers = (const char * const []) { "612-555-0170", NULL },
    .numbers_page = -1,
    .is_signed = YES,
  },
  {
    "/loa/label-above-value", "above.pdf", FORM (label_above_value), 10,
    .name = "Northwind Traders Inc",
    .address = "100 Main Street, Suite 12, Seattle, WA 98101",
    .account_number = "NW-5521",
    .btn = "(206) 555-0100",
    .authorized_person = "Lee Park",
    .carrier = "Cascade Voice",
    .date = "2026-11-10",
    .numbers = (const char * const []) { "(206) 555-0100", "(206) 555-0101", NULL },
    .numbers_page = -1,
    .name_span = "Northwind Traders Inc",
    .account_number_span = "NW-5521",
    /* No text on the signature line, but ink that is not a rule. */
    .has_signature_line = YES,
    .is_signed = YES,
  },
  {
    "/loa/two-pages", "two-pages.pdf", FORM (two_pages), 10,
    .name = "Two Page Hardware Co.",
    /* An unlabelled city line under the street. */
    .address = "5 Elm Road, Springfield, IL 62701",
    .numbers = (const char * const []) { "217-555-0101", "217-555-0102", "217-555-0103", NULL },
    .numbers_page = 1,
    .is_signed = YES,
  },
  {
    "/loa/glued-columns", "glued.pdf", FORM (glued_columns), 10,
    .glued = "98101(",
    .name = "Northwind Traders Inc",
    .address = "100 Main Street, Suite 12, Seattle, WA 98101",
    .btn = "(206) 555-0100",
    .numbers_page = -1,
  },
  {
    /* Page texts given directly: nothing to load. */
    "/loa/from-pages",
    .pages = (const char * const []) {
      "LOA\n"
      "Billing Name: Ray's Bikes & Repair   Account No.: 77-001\n"
      "Address:\n"
      "\n"
      "12 Oak Avenue, Apt 3, Portland, OR 97205\n"
      "Current Carrier: Rose City Tel\n",
      "",
      NULL
    },
    .name = "Ray's Bikes & Repair",
    .account_number = "77-001",
    /* A whole address on one line needs no city line. */
    .address = "12 Oak Avenue, Apt 3, Portland, OR 97205",
    .city_line = ABSENT,
    .carrier = "Rose City Tel",
    .numbers_page = -1,
    .has_signature_line = NO,
  },
  {
    /* One field per line, the address cut into its parts. */
    "/loa/address-parts",
    .pages = (const char * const []) {
      "Number Port Authorization\n"
      "Company: Lakeview Dental LLC\n"
      "Address Line 1: 300 Lake St\n"
      "Suite: 210\n"
      "City: Chicago\n"
      "State: IL\n"
      "Zip: 60601\n"
      "Main Account Number: 12-3456\n"
      "Printed Name: Ann Lee\n"
      "Signature: ____________________\n",
      NULL
    },
    .name = "Lakeview Dental LLC",
    .street = "300 Lake St, Suite 210",
    .city_line = "Chicago, IL 60601",
    .address = "300 Lake St, Suite 210, Chicago, IL 60601",
    .account_number = "12-3456",
    .authorized_person = "Ann Lee",
    .numbers_page = -1,
    /* The printed name above is not a signature. */
    .has_signature_line = YES,
    .is_signed = NO,
  },
  {
    "/loa/missing-fields", "blank.pdf", FORM (missing_fields), 10,
    .name = ABSENT,
    .address = ABSENT,
    .street = ABSENT,
    .city_line = ABSENT,
    .account_number = ABSENT,
    .date = ABSENT,
    .numbers = (const char * const []) { NULL },
    .numbers_page = -1,
    .has_signature_line = YES,
    .is_signed = NO,
  },
};

static void
assert_field (const char *found,
              const char *expected)
{
  if (expected == ABSENT)
    g_assert_null (found);
  else if (expected != NULL)
    g_assert_cmpstr (found, ==, expected);
}

static void
assert_expected (gboolean found,
                 Expect   expected)
{
  if (expected != UNCHECKED)
    g_assert_cmpint (found, ==, expected == YES);
}

static void
test_loa_form (gconstpointer data)
{
  const FormCase *form = data;
  g_autofree char *path = NULL;
  g_autoptr(PortingLoaFields) fields = NULL;

  if (form->pages != NULL)
    {
      g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) porting_page_text_unref);

      for (guint i = 0; form->pages[i] != NULL; i++)
        g_ptr_array_add (pages, porting_page_text_new (i, g_strdup (form->pages[i])));
      fields = porting_loa_fields_new_from_pages (pages);
    }
  else
    {
      path = write_form (form->file, form->items, form->n_items, form->font_size);
      fields = read_loa (path, NULL);
    }

  if (form->glued != NULL)
    {
      g_autofree char *text = page_text (path, 0);

      g_assert_null (strstr (text, form->glued));
    }

  assert_field (fields->name, form->name);
  assert_field (fields->street, form->street);
  assert_field (fields->city_line, form->city_line);
  assert_field (fields->address, form->address);
  assert_field (fields->carrier, form->carrier);
  assert_field (fields->account_number, form->account_number);
  assert_field (fields->btn, form->btn);
  assert_field (fields->authorized_person, form->authorized_person);
  assert_field (fields->date, form->date);
  if (form->name == ABSENT)
    g_assert_cmpint (fields->name_span.page, ==, -1);

  if (form->numbers != NULL)
    assert_numbers (fields, form->numbers);
  for (guint i = 0; form->numbers_page >= 0 && i < fields->number_spans->len; i++)
    g_assert_cmpint (g_array_index (fields->number_spans, PortingTextSpan, i).page, ==, form->numbers_page);

  if (form->name_span != NULL)
    assert_span (path, &fields->name_span, form->name_span);
  if (form->account_number_span != NULL)
    assert_span (path, &fields->account_number_span, form->account_number_span);

  assert_expected (fields->has_signature_line, form->has_signature_line);
  assert_expected (fields->is_signed, form->is_signed);
}

/* ---- Our own LOA -------------------------------------------------------- */

static PortingLoaWriterData *
own_loa_data (void)
{
  PortingLoaWriterData *data = porting_loa_writer_data_new ();

  data->customer_name = g_strdup ("Les Entreprises Tremblay Ltée");
  data->authorized_person = g_strdup ("Sophie Tremblay");
  data->street = g_strdup ("1000 rue De La Gauchetière Ouest");
  data->unit = g_strdup ("Bureau 2400");
  data->city = g_strdup ("Montréal");
  data->region = g_strdup ("QC");
  data->postal_code = g_strdup ("H3B 4W5");
  data->country = g_strdup ("CA");
  data->carrier = g_strdup ("Vidéotron");
  data->account_number = g_strdup ("VT 55-1200-77");
  data->btn = g_strdup ("+15145550120");
  data->date = g_strdup ("2026-11-20");
  for (guint i = 0; i < 40; i++)
    g_ptr_array_add (data->numbers, g_strdup_printf ("+1514555%04u", 120 + i));

  return data;
}

/* A table whose cells are centred in their rows (as HTML and word
 * processors set them): a value's lines fall between its label's wrapped
 * lines. */
static void
test_loa_centred_cells (void)
{
  const Item items[] = {
    TEXT (60, 60, "Letter of Authorization"),
    BOX (50, 86, 150, 46), BOX (200, 86, 300, 46),
    TEXT (56, 98, "Customer Legal Name"),
    TEXT (206, 105, "Sagebrush Veterinary Hospital of Northern"),
    TEXT (56, 111, "(exactly as it appears"),
    TEXT (206, 118, "Nevada, PLLC"),
    TEXT (56, 124, "on your current bill)"),
    BOX (50, 132, 150, 20), BOX (200, 132, 300, 20),
    TEXT (56, 146, "Service Address"), TEXT (206, 146, "4400 Kietzke Lane, Building C"),
    BOX (50, 152, 150, 20), BOX (200, 152, 300, 20),
    TEXT (56, 166, "City, State, ZIP"), TEXT (206, 166, "Reno, NV 89502"),
    BOX (50, 172, 150, 34), BOX (200, 172, 300, 34),
    TEXT (56, 185, "Current Service"),
    TEXT (206, 192, "Meadowlark Telephone Cooperative"),
    TEXT (56, 198, "Provider"),
    BOX (50, 206, 150, 34), BOX (200, 206, 300, 34),
    TEXT (56, 219, "Account # with current"),
    TEXT (206, 226, "55-1234-9"),
    TEXT (56, 232, "provider"),
  };
  g_autofree char *path = write_form ("centred.pdf", items, G_N_ELEMENTS (items), 10);
  g_autoptr(PortingLoaFields) fields = read_loa (path, NULL);

  g_assert_cmpstr (fields->name, ==, "Sagebrush Veterinary Hospital of Northern Nevada, PLLC");
  g_assert_cmpstr (fields->address, ==, "4400 Kietzke Lane, Building C, Reno, NV 89502");
  g_assert_cmpstr (fields->carrier, ==, "Meadowlark Telephone Cooperative");
  g_assert_cmpstr (fields->account_number, ==, "55-1234-9");
}

/* Signed in a box under the label, or the box left blank; French labels. */
static void
test_loa_signature_under_label (void)
{
  const Item signed_items[] = {
    TEXT (60, 60, "Lettre d'autorisation"),
    TEXT (60, 100, "Nom de l'entreprise : Fromagerie Saint-Roch inc."),
    TEXT (60, 300, "Signature du client"),
    BOX (60, 306, 240, 40),
    STROKE (80, 312, 150, 26),
    TEXT (360, 300, "Date : 2026-11-04"),
  };
  const Item blank_items[] = {
    TEXT (60, 60, "Lettre d'autorisation"),
    TEXT (60, 100, "Nom de l'entreprise : Fromagerie Saint-Roch inc."),
    TEXT (60, 300, "Signature du client"),
    BOX (60, 306, 240, 40),
    TEXT (360, 300, "Date : 2026-11-04"),
  };
  g_autofree char *signed_path = write_form ("under-signed.pdf", signed_items, G_N_ELEMENTS (signed_items), 10);
  g_autofree char *blank_path = write_form ("under-blank.pdf", blank_items, G_N_ELEMENTS (blank_items), 10);
  g_autoptr(PortingLoaFields) signed_loa = read_loa (signed_path, NULL);
  g_autoptr(PortingLoaFields) blank_loa = read_loa (blank_path, NULL);

  g_assert_cmpstr (signed_loa->name, ==, "Fromagerie Saint-Roch inc.");
  g_assert_true (signed_loa->has_signature_line);
  g_assert_true (signed_loa->is_signed);
  g_assert_true (blank_loa->has_signature_line);
  g_assert_false (blank_loa->is_signed);
}

static void
test_loa_own_writer (void)
{
  g_autoptr(PortingLoaWriterData) data = own_loa_data ();
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "own", NULL);
  g_autofree char *drawn_path = g_build_filename (dir, "drawn.pdf", NULL);
  g_autofree char *typed_path = g_build_filename (dir, "typed.pdf", NULL);
  g_autoptr(GFile) drawn_file = g_file_new_for_path (drawn_path);
  g_autoptr(GFile) typed_file = g_file_new_for_path (typed_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PortingLoaFields) fields = NULL;
  g_autoptr(PortingLoaFields) typed = NULL;
  PortingSignaturePoint points[40];

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  data->typed_signature = g_strdup ("Sophie Tremblay");
  porting_loa_writer_write (data, typed_file, &error);
  g_assert_no_error (error);

  /* A drawn signature is ink, not text. */
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    points[i] = (PortingSignaturePoint) { i * 5.0, 20 + 15 * sin (i / 3.0), 1.0 };
  data->pad_width = 200;
  data->pad_height = 60;
  porting_loa_writer_data_add_stroke (data, points, G_N_ELEMENTS (points));
  g_clear_pointer (&data->typed_signature, g_free);
  porting_loa_writer_write (data, drawn_file, &error);
  g_assert_no_error (error);

  fields = read_loa (drawn_path, NULL);
  g_assert_cmpstr (fields->name, ==, "Les Entreprises Tremblay Ltée");
  g_assert_cmpstr (fields->authorized_person, ==, "Sophie Tremblay");
  g_assert_cmpstr (fields->address, ==, "1000 rue De La Gauchetière Ouest, Bureau 2400, Montréal, QC H3B 4W5");
  g_assert_cmpstr (fields->carrier, ==, "Vidéotron");
  g_assert_cmpstr (fields->account_number, ==, "VT 55-1200-77");
  g_assert_cmpstr (fields->btn, ==, "(514) 555-0120");
  g_assert_cmpstr (fields->date, ==, "2026-11-20");
  /* Forty numbers: the writer continues them on a second page. */
  g_assert_cmpuint (fields->numbers->len, ==, 40);
  g_assert_true (fields->has_signature_line);
  g_assert_true (fields->is_signed);

  typed = read_loa (typed_path, NULL);
  g_assert_cmpstr (typed->name, ==, fields->name);
  g_assert_cmpstr (typed->address, ==, fields->address);
  g_assert_true (typed->has_signature_line);
  g_assert_true (typed->is_signed);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/loa/fixtures", test_loa_fixtures);
  g_test_add_func ("/loa/fixture-details", test_loa_fixture_details);
  for (guint i = 0; i < G_N_ELEMENTS (form_cases); i++)
    g_test_add_data_func (form_cases[i].path, &form_cases[i], test_loa_form);
  g_test_add_func ("/loa/own-writer", test_loa_own_writer);
  g_test_add_func ("/loa/signature-under-label", test_loa_signature_under_label);
  g_test_add_func ("/loa/centred-cells", test_loa_centred_cells);

  return g_test_run ();
}
