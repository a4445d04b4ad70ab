/* test-loa-form.c — fillable LOA forms (AcroForm): values, names, labels, signatures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The forms are written here, object by object, as a viewer leaves them:
 * values in /V, with appearance streams or with NeedAppearances and none,
 * fields with printed labels beside them or with names only, a combo box,
 * separate City / State / ZIP fields, signature fields inked or empty.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <string.h>

#include "porting-document-check.h"
#include "porting-loa.h"

/* ---- A small PDF writer -------------------------------------------------- */

typedef enum
{
  FIELD_TEXT,
  FIELD_MULTILINE,
  FIELD_COMBO,
  FIELD_SIGNATURE,
} FieldKind;

typedef struct
{
  FieldKind   kind;
  const char *name;         /* /T */
  const char *tooltip;      /* /TU, or NULL */
  const char *value;        /* /V, UTF-8; NULL when empty */
  double      x, y, w, h;   /* /Rect, origin bottom-left */
  gboolean    ink;          /* a signature field: a drawn appearance */
} Field;

typedef struct
{
  double      x, y;         /* baseline, origin bottom-left */
  const char *text;         /* ASCII */
} Label;

typedef struct
{
  GString   *pdf;
  GArray    *offsets;       /* of gsize, per object (1-based ids) */
} Writer;

static guint
begin_object (Writer *writer)
{
  gsize offset = writer->pdf->len;

  g_array_append_val (writer->offsets, offset);
  g_string_append_printf (writer->pdf, "%u 0 obj\n", writer->offsets->len);
  return writer->offsets->len;
}

static void
end_object (Writer *writer)
{
  g_string_append (writer->pdf, "\nendobj\n");
}

static guint
add_stream (Writer     *writer,
            const char *dictionary,
            const char *data)
{
  guint id = begin_object (writer);

  g_string_append_printf (writer->pdf, "<< %s /Length %zu >>\nstream\n%s\nendstream", dictionary, strlen (data), data);
  end_object (writer);
  return id;
}

/* A PDF text string: UTF-16BE with its byte-order mark, in hex. */
static void
append_text_string (GString    *out,
                    const char *utf8)
{
  g_autofree gunichar2 *utf16 = NULL;
  glong n = 0;

  utf16 = g_utf8_to_utf16 (utf8, -1, NULL, &n, NULL);
  g_assert_nonnull (utf16);
  g_string_append (out, "<FEFF");
  for (glong i = 0; i < n; i++)
    g_string_append_printf (out, "%04X", utf16[i]);
  g_string_append_c (out, '>');
}

static char *
write_form (const char  *file_name,
            const Label *labels,
            guint        n_labels,
            const Field *fields,
            guint        n_fields,
            gboolean     appearances)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "forms", NULL);
  char *path = g_build_filename (dir, file_name, NULL);
  Writer writer = { g_string_new ("%PDF-1.7\n"), g_array_new (FALSE, FALSE, sizeof (gsize)) };
  g_autoptr(GString) content = g_string_new (NULL);
  g_autoptr(GString) kids = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint catalog_id, pages_id, page_id, font_id, content_id;
  guint field_ids[32];
  gsize xref;

  g_assert_cmpuint (n_fields, <=, G_N_ELEMENTS (field_ids));

  /* Ids known ahead: 1 catalog, 2 pages, 3 page, 4 font, 5 content, then fields. */
  catalog_id = begin_object (&writer);
  g_string_append (writer.pdf, "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [");
  for (guint i = 0; i < n_fields; i++)
    g_string_append_printf (writer.pdf, " %u 0 R", 6 + 2 * i);
  g_string_append_printf (writer.pdf, " ] /NeedAppearances %s /DA (/Helv 10 Tf 0 g) "
                          "/DR << /Font << /Helv 4 0 R >> >> >> >>", appearances ? "false" : "true");
  end_object (&writer);

  pages_id = begin_object (&writer);
  g_string_append (writer.pdf, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  end_object (&writer);

  for (guint i = 0; i < n_fields; i++)
    g_string_append_printf (kids, " %u 0 R", 6 + 2 * i);
  page_id = begin_object (&writer);
  g_string_append_printf (writer.pdf, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                          "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R /Annots [%s ] >>", kids->str);
  end_object (&writer);

  font_id = begin_object (&writer);
  g_string_append (writer.pdf, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  end_object (&writer);

  for (guint i = 0; i < n_labels; i++)
    g_string_append_printf (content, "BT /F1 10 Tf %.1f %.1f Td (%s) Tj ET\n", labels[i].x, labels[i].y, labels[i].text);
  content_id = add_stream (&writer, "", content->str);

  /* Each field: its widget, then its appearance stream. */
  for (guint i = 0; i < n_fields; i++)
    {
      const Field *field = &fields[i];
      g_autoptr(GString) appearance = g_string_new (NULL);
      g_autofree char *bbox = g_strdup_printf ("/Type /XObject /Subtype /Form /BBox [0 0 %.1f %.1f] "
                                               "/Resources << /Font << /Helv 4 0 R >> >>", field->w, field->h);

      field_ids[i] = begin_object (&writer);
      g_string_append_printf (writer.pdf, "<< /Type /Annot /Subtype /Widget /P 3 0 R /F 4 /T (%s) "
                              "/Rect [%.1f %.1f %.1f %.1f] /DA (/Helv 10 Tf 0 g)",
                              field->name, field->x, field->y, field->x + field->w, field->y + field->h);
      if (field->tooltip != NULL)
        {
          g_string_append (writer.pdf, " /TU ");
          append_text_string (writer.pdf, field->tooltip);
        }
      switch (field->kind)
        {
        case FIELD_TEXT:
          g_string_append (writer.pdf, " /FT /Tx");
          break;
        case FIELD_MULTILINE:
          g_string_append (writer.pdf, " /FT /Tx /Ff 4096");
          break;
        case FIELD_COMBO:
          g_string_append (writer.pdf, " /FT /Ch /Ff 131072 /Opt [(Cascade Voice) (Granite Peak Telephone) (Tidewater Networks)]");
          break;
        case FIELD_SIGNATURE:
          g_string_append (writer.pdf, " /FT /Sig");
          break;
        default:
          g_assert_not_reached ();
        }
      if (field->value != NULL && field->kind == FIELD_COMBO)
        {
          /* As its option is written, so that it is the chosen one. */
          g_string_append_printf (writer.pdf, " /V (%s)", field->value);
        }
      else if (field->value != NULL)
        {
          g_string_append (writer.pdf, " /V ");
          append_text_string (writer.pdf, field->value);
        }
      if (appearances || field->ink)
        g_string_append_printf (writer.pdf, " /AP << /N %u 0 R >>", field_ids[i] + 1);
      g_string_append (writer.pdf, " >>");
      end_object (&writer);

      /* The appearance a viewer draws: the value, or a squiggle of ink. */
      if (field->ink)
        g_string_append_printf (appearance, "1 w 4 %.1f m 30 %.1f l 50 4 l 80 %.1f l 120 6 l 160 %.1f l S",
                                field->h / 2, field->h - 3, field->h - 2, field->h / 2);
      else if (field->value != NULL)
        g_string_append (appearance, "/Tx BMC BT /Helv 10 Tf 2 5 Td (written in a viewer) Tj ET EMC");
      add_stream (&writer, bbox, appearance->str);
    }

  xref = writer.pdf->len;
  g_string_append_printf (writer.pdf, "xref\n0 %u\n0000000000 65535 f \n", writer.offsets->len + 1);
  for (guint i = 0; i < writer.offsets->len; i++)
    g_string_append_printf (writer.pdf, "%010zu 00000 n \n", g_array_index (writer.offsets, gsize, i));
  g_string_append_printf (writer.pdf, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n",
                          writer.offsets->len + 1, xref);

  g_assert_cmpuint (catalog_id, ==, 1);
  g_assert_cmpuint (pages_id, ==, 2);
  g_assert_cmpuint (page_id, ==, 3);
  g_assert_cmpuint (font_id, ==, 4);
  g_assert_cmpuint (content_id, ==, 5);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, writer.pdf->str, writer.pdf->len, &error);
  g_assert_no_error (error);

  g_string_free (writer.pdf, TRUE);
  g_array_unref (writer.offsets);
  return path;
}

static PortingDocument *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PortingDocument *document = porting_document_load (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static PortingLoaFields *
read_loa (const char *path)
{
  g_autoptr(PortingDocument) document = load (path);
  g_autoptr(GError) error = NULL;
  PortingLoaFields *fields = porting_loa_fields_read (document, NULL, &error);

  g_assert_no_error (error);
  return fields;
}

static gboolean
has_number (const PortingLoaFields *fields,
            const char             *e164)
{
  return g_ptr_array_find_with_equal_func (fields->numbers, e164, g_str_equal, NULL);
}

/* ---- Cases --------------------------------------------------------------- */

static const Label labelled_form_labels[] = {
  { 60, 730, "LETTER OF AUTHORIZATION" },
  { 60, 690, "Business Name" },
  { 60, 660, "Service Address" },
  { 60, 630, "City, State, ZIP" },
  { 60, 600, "Current Carrier" },
  { 60, 570, "Account Number" },
  { 60, 540, "Numbers to Port" },
  { 60, 460, "Signature" },
};

static const Field labelled_form_fields[] = {
  { FIELD_TEXT, "f1", NULL, "Juniper Street Bakery LLC", 200, 684, 300, 18, FALSE },
  { FIELD_TEXT, "f2", NULL, "2210 Juniper St, Unit 3", 200, 654, 300, 18, FALSE },
  { FIELD_TEXT, "f3", NULL, "Boise, ID 83702", 200, 624, 300, 18, FALSE },
  { FIELD_TEXT, "f4", NULL, "Cascade Voice", 200, 594, 300, 18, FALSE },
  { FIELD_TEXT, "f5", NULL, "CV-4410-22", 200, 564, 300, 18, FALSE },
  { FIELD_MULTILINE, "f6", NULL, "(208) 555-0131\n(208) 555-0132", 200, 504, 300, 48, FALSE },
  { FIELD_SIGNATURE, "f7", NULL, NULL, 200, 450, 200, 30, TRUE },
};

/* Labels printed beside the fields: the values read as the text of the
 * page, whether or not the viewer wrote appearance streams (what they
 * show is not what the fields hold: the fields win). */
static void
test_labelled_fields (void)
{
  for (int with_appearances = 0; with_appearances <= 1; with_appearances++)
    {
      Field form_fields[G_N_ELEMENTS (labelled_form_fields)];
      g_autofree char *path = NULL;
      g_autoptr(PortingLoaFields) fields = NULL;

      /* A viewer leaving the drawing to the next one (NeedAppearances) has
       * the name typed in the signature field, as the next one would draw
       * no ink of a signature field either. */
      memcpy (form_fields, labelled_form_fields, sizeof form_fields);
      if (!with_appearances)
        form_fields[G_N_ELEMENTS (form_fields) - 1] =
          (Field) { FIELD_TEXT, "signature", "Signature", "Pat Juniper", 200, 450, 200, 18, FALSE };
      path = write_form (with_appearances ? "labelled-ap.pdf" : "labelled-na.pdf",
                         labelled_form_labels, G_N_ELEMENTS (labelled_form_labels),
                         form_fields, G_N_ELEMENTS (form_fields), with_appearances);
      fields = read_loa (path);

      g_test_message ("appearance streams: %d", with_appearances);
      g_assert_cmpstr (fields->name, ==, "Juniper Street Bakery LLC");
      g_assert_cmpstr (fields->address, ==, "2210 Juniper St, Unit 3, Boise, ID 83702");
      g_assert_cmpstr (fields->carrier, ==, "Cascade Voice");
      g_assert_cmpstr (fields->account_number, ==, "CV-4410-22");
      g_assert_true (has_number (fields, "+12085550131"));
      g_assert_true (has_number (fields, "+12085550132"));
      /* The viewer's stale appearance text is not read. */
      g_assert_false (fields->name != NULL && strstr (fields->name, "viewer") != NULL);
      /* Signed in its signature field: ink, or a typed name. */
      g_assert_true (fields->has_signature_line);
      g_assert_true (fields->is_signed);
      g_assert_cmpint (fields->name_span.page, ==, 0);
    }
}

static const Label unlabelled_labels[] = {
  { 60, 730, "PORT REQUEST" },
};

/* No labels at all (a form whose labels are pictures): the fields' names
 * and tooltips say which is which; City / State / ZIP are joined. */
static const Field unlabelled_fields[] = {
  { FIELD_TEXT, "CustomerName", NULL, "Okafor Family Medicine", 60, 684, 300, 18, FALSE },
  { FIELD_TEXT, "ServiceAddress1", NULL, "4410 Troost Ave, Suite 200", 60, 654, 300, 18, FALSE },
  { FIELD_TEXT, "loa.city", NULL, "Kansas City", 60, 624, 120, 18, FALSE },
  { FIELD_TEXT, "loa.state", NULL, "MO", 190, 624, 40, 18, FALSE },
  { FIELD_TEXT, "loa.zip_code", NULL, "64110", 240, 624, 60, 18, FALSE },
  { FIELD_COMBO, "Dropdown3", "Current carrier (losing carrier)", "Granite Peak Telephone", 60, 594, 200, 18, FALSE },
  { FIELD_TEXT, "txtAcctNum", NULL, "GP-88120", 60, 564, 200, 18, FALSE },
  { FIELD_TEXT, "btn", NULL, "816-555-0171", 60, 534, 200, 18, FALSE },
  { FIELD_TEXT, "Text9", NULL, "Also port (816) 555-0172 please", 60, 504, 300, 18, FALSE },
  { FIELD_TEXT, "AuthorizedSignature", NULL, "Adaeze Okafor", 60, 454, 200, 18, FALSE },
};

static void
test_fields_by_name (void)
{
  g_autofree char *path = write_form ("names.pdf", unlabelled_labels, G_N_ELEMENTS (unlabelled_labels),
                                      unlabelled_fields, G_N_ELEMENTS (unlabelled_fields), FALSE);
  g_autoptr(PortingLoaFields) fields = read_loa (path);

  g_assert_cmpstr (fields->name, ==, "Okafor Family Medicine");
  g_assert_cmpstr (fields->street, ==, "4410 Troost Ave, Suite 200");
  g_assert_cmpstr (fields->city_line, ==, "Kansas City, MO 64110");
  g_assert_cmpstr (fields->address, ==, "4410 Troost Ave, Suite 200, Kansas City, MO 64110");
  g_assert_cmpstr (fields->carrier, ==, "Granite Peak Telephone");
  g_assert_cmpstr (fields->account_number, ==, "GP-88120");
  g_assert_cmpstr (fields->btn, ==, "816-555-0171");
  /* Numbers from any field. */
  g_assert_true (has_number (fields, "+18165550171"));
  g_assert_true (has_number (fields, "+18165550172"));
  /* A typed name in a signature text field. */
  g_assert_true (fields->has_signature_line);
  g_assert_true (fields->is_signed);
  /* Where the value sits, for highlighting. */
  g_assert_cmpint (fields->name_span.page, ==, 0);
  g_assert_cmpuint (fields->name_span.end - fields->name_span.start, ==, strlen ("Okafor Family Medicine"));
}

static const Field unsigned_fields[] = {
  { FIELD_TEXT, "customer_name", NULL, "Okafor Family Medicine", 200, 684, 300, 18, FALSE },
  { FIELD_SIGNATURE, "signature", NULL, NULL, 200, 450, 200, 30, FALSE },
};

/* An empty signature field: unsigned, the one warning that must stay. */
static void
test_empty_signature_field (void)
{
  g_autofree char *path = write_form ("unsigned.pdf", labelled_form_labels, G_N_ELEMENTS (labelled_form_labels),
                                      unsigned_fields, G_N_ELEMENTS (unsigned_fields), TRUE);
  g_autoptr(PortingLoaFields) fields = read_loa (path);

  g_assert_cmpstr (fields->name, ==, "Okafor Family Medicine");
  g_assert_true (fields->has_signature_line);
  g_assert_false (fields->is_signed);
}

/* A bill for the form above, drawn with cairo. */
static char *
write_bill (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "forms", NULL);
  char *path = g_build_filename (dir, "bill.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 612, 792);
  cairo_t *cr = cairo_create (surface);
  const struct { double x, y; const char *text; } lines[] = {
    { 60, 60, "CASCADE VOICE" }, { 360, 60, "Invoice date: Nov 1, 2026" },
    { 360, 74, "Account number: CV-4410-22" },
    { 60, 120, "BILL TO" }, { 60, 134, "JUNIPER STREET BAKERY LLC" }, { 60, 148, "2210 JUNIPER ST UNIT 3" },
    { 60, 162, "BOISE ID 83702" },
    { 330, 120, "REMIT TO" }, { 330, 134, "CASCADE VOICE" }, { 330, 148, "PO BOX 4410" },
    { 330, 162, "PORTLAND OR 97208" },
  };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 10);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      cairo_move_to (cr, lines[i].x, lines[i].y);
      cairo_show_text (cr, lines[i].text);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return path;
}

/* DESIGN §3.2: a field read from a form says so. */
static void
test_check_says_form (void)
{
  g_autofree char *loa_path = write_form ("check.pdf", labelled_form_labels, G_N_ELEMENTS (labelled_form_labels),
                                          labelled_form_fields, G_N_ELEMENTS (labelled_form_fields), TRUE);
  g_autofree char *bill_path = write_bill ();
  g_autoptr(PortingDocument) loa = load (loa_path);
  g_autoptr(PortingDocument) bill = load (bill_path);
  g_autoptr(PortingCheckOptions) options = porting_check_options_new ();
  g_autoptr(PortingCheckResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 5, 11, 2026);
  porting_check_options_set_today (options, &today);
  porting_check_options_add_number (options, "(208) 555-0132");
  result = porting_document_check_run (loa, bill, options, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (porting_check_result_get_verdict (result), ==, PORTING_CHECK_VERDICT_MATCH);
  for (PortingField f = PORTING_FIELD_NAME; f <= PORTING_FIELD_ACCOUNT_NUMBER; f++)
    {
      const PortingFieldResult *field = porting_check_result_get_field (result, f);

      g_test_message ("%s", porting_field_to_string (f));
      g_assert_nonnull (field);
      g_assert_cmpint (field->status, <=, PORTING_FIELD_STATUS_EQUIVALENT);
      g_assert_cmpstr (porting_text_source_to_string (field->source), ==, "form");
      g_assert_cmpfloat (field->confidence, ==, 1);
    }
  /* "CASCADE VOICE" on the bill: case alone is equivalent. */
  g_assert_cmpstr (porting_field_status_to_string (porting_check_result_get_field (result, PORTING_FIELD_CARRIER)->status),
                   ==, "equivalent");
  g_assert_cmpuint (porting_check_result_get_numbers_missing_from_loa (result)->len, ==, 0);
  g_assert_cmpuint (porting_check_result_get_warnings (result)->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/loa-form/labelled-fields", test_labelled_fields);
  g_test_add_func ("/loa-form/fields-by-name", test_fields_by_name);
  g_test_add_func ("/loa-form/empty-signature-field", test_empty_signature_field);
  g_test_add_func ("/loa-form/check-says-form", test_check_says_form);

  return g_test_run ();
}
