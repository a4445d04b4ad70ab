"""Letters of Authorization, one renderer per producer.

An LOA is a dict: title, name, name_label, person, street, city_line (or city, state, zip),
carrier, account, btn, numbers, date, signature ("drawn" | "image" | "cursive" | "field" |
"typed-field" | "none"), lang.
"""

from html import escape as h

from fodt import Fodt
from producers import (PS_LATIN1_PROLOGUE, cairo_pdf, chromium_pdf, data_uri, draw_signature,
                       groff_pdf, pdf_lib_form, ps_pdf, ps_string, signature_png, signature_ps,
                       signature_strokes, signature_svg, soffice_pdf)

TERMS_EN = ("I authorize the new provider to act as my agent to port the telephone numbers listed above "
            "from my current carrier, and to obtain my account information for that purpose. I am the "
            "account holder, or authorized to sign for the account holder. I understand that porting "
            "ends my service with the current carrier for these numbers.")
TERMS_FR = ("J'autorise le nouveau fournisseur à agir en mon nom pour transférer les numéros ci-dessus "
            "de mon fournisseur actuel et à obtenir les renseignements de mon compte à cette fin. Je suis "
            "le titulaire du compte ou je suis autorisé à signer en son nom.")


def city_line(loa):
    if loa.get("city_line"):
        return loa["city_line"]
    return f'{loa["city"]}, {loa["state"]} {loa["zip"]}'


def en_rows(loa):
    rows = [(loa.get("name_label", "Customer Name"), loa["name"]),
            (loa.get("person_label", "Authorized Person"), loa["person"]),
            (loa.get("street_label", "Service Address"), loa["street"]),
            (loa.get("city_label", "City, State/Province, ZIP"), city_line(loa)),
            (loa.get("carrier_label", "Current Carrier"), loa["carrier"]),
            (loa.get("account_label", "Account Number"), loa["account"])]
    if loa.get("btn"):
        rows.append((loa.get("btn_label", "Billing Telephone Number (BTN)"), loa["btn"]))
    return rows


# ---- Chromium ------------------------------------------------------------------------------

LOA_CSS = """
@page { size: Letter; margin: 0.7in; }
body { font-family: %(font)s; font-size: 10.5pt; color: #111; }
h1 { font-size: 16pt; margin: 0 0 2px 0; } .sub { color: #555; margin-bottom: 22px; }
table.f { border-collapse: collapse; width: 100%%; }
table.f td { padding: 5px 6px; vertical-align: bottom; }
table.f td.l { width: 44%%; font-weight: 600; white-space: nowrap; }
table.f td.v { border-bottom: 1px solid #999; }
.nums { columns: 3; margin: 6px 0 14px 18px; } .nums div { margin: 2px 0; }
.terms { font-size: 9pt; line-height: 1.4; margin: 18px 0 30px 0; }
.sig { display: flex; gap: 40px; align-items: flex-end; }
.sigbox { width: 300px; height: 56px; border-bottom: 1px solid #000; display: flex; align-items: flex-end; }
.cap { font-size: 8.5pt; color: #333; margin-top: 3px; }
.cursive { font-family: "Z003", cursive; font-size: 24pt; color: #1a2a6c; padding-left: 8px; }
"""


def loa_html(loa):
    css = LOA_CSS % {"font": loa.get("font", '"DejaVu Sans", sans-serif')}
    rows = "".join(f'<tr><td class="l">{h(k)}:</td><td class="v">{h(v)}</td></tr>' for k, v in en_rows(loa))
    nums = "".join(f"<div>{h(n)}</div>" for n in loa["numbers"])
    sig = loa.get("signature", "drawn")
    if sig == "drawn":
        ink = signature_svg(loa["person"])
    elif sig == "image":
        ink = f'<img src="{data_uri(signature_png(loa["person"]))}" width="180" height="44" alt="">'
    elif sig == "cursive":
        ink = f'<span class="cursive">{h(loa["person"])}</span>'
    else:
        ink = ""
    title = loa.get("title", "Letter of Authorization")
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{h(title)}</title>
<style>{css}</style></head><body>
<h1>{h(title.upper())}</h1><div class="sub">{h(loa.get("subtitle", "Local number portability — authorization to change service provider"))}</div>
<table class="f">{rows}</table>
<p><b>{h(loa.get("numbers_label", "Telephone numbers to be ported"))}:</b></p><div class="nums">{nums}</div>
<div class="terms">{h(TERMS_EN)}</div>
<div class="sig"><div><div class="sigbox">{ink}</div><div class="cap">{h(loa.get("signature_label", "Authorized Signature"))}</div></div>
<div><div style="border-bottom:1px solid #000;width:150px;padding:0 4px">{h(loa["date"])}</div><div class="cap">Date</div></div></div>
<p class="cap" style="margin-top:18px">{h(loa.get("printed_label", "Printed name"))}: {h(loa["person"])}{(" — " + h(loa["person_title"])) if loa.get("person_title") else ""}</p>
</body></html>"""


def loa_chromium(loa, out):
    return chromium_pdf(loa_html(loa), out)


# ---- LibreOffice: a table whose label cells hold hints that wrap --------------------------------

def loa_libreoffice(loa, out):
    fr = loa.get("lang") == "fr"
    d = Fodt(font=loa.get("font", "Liberation Sans"), size=10, title=loa.get("title"),
             lang="fr" if fr else "en", country="CA" if fr else "US")
    d.p(loa.get("title", "Lettre d'autorisation" if fr else "Letter of Agency"), size=16, bold=True)
    d.p(loa.get("subtitle", "Transfert de numéros de téléphone" if fr else "Request to port telephone numbers"),
        size=9, color="#555555", space_after="0.2in")
    if fr:
        rows = [("Nom de l'entreprise", loa["name"]), ("Personne autorisée", loa["person"]),
                ("Adresse de service", loa["street"]), ("Ville", loa["city"]), ("Province", loa["state"]),
                ("Code postal", loa["zip"]), ("Fournisseur actuel", loa["carrier"]),
                ("Numéro de compte", loa["account"])]
        if loa.get("btn"):
            rows.append(("Numéro de téléphone de facturation", loa["btn"]))
        rows.append(("Numéros à transférer", "\n".join(loa["numbers"])))
    else:
        rows = [(loa.get("name_label", "Business Name (as it appears on the carrier's records)"), loa["name"]),
                (loa.get("person_label", "Authorized Signer (print)"), loa["person"]),
                (loa.get("street_label", "Service Address (no PO boxes)"), loa["street"]),
                (loa.get("city_label", "City, State, ZIP"), city_line(loa)),
                (loa.get("carrier_label", "Current Carrier (losing carrier)"), loa["carrier"]),
                (loa.get("account_label", "Account Number with current carrier"), loa["account"])]
        if loa.get("btn"):
            rows.append(("Billing Telephone Number (BTN)", loa["btn"]))
        rows.append(("Numbers to Port", "\n".join(loa["numbers"])))
    cells = [[{"text": k, "size": 9, "bold": True}, {"text": v.replace("\n", "\n\n")}] for k, v in rows]
    d.table(cells, [loa.get("label_width", 1.9), 5.1], border="0.5pt solid #888888", padding="0.05in")
    d.p(TERMS_FR if fr else TERMS_EN, size=8.5, space_before="0.2in", space_after="0.3in")
    sig = loa.get("signature", "image")
    if sig == "image":
        ink = {"xml": d.para_xml("") + f'<text:p>{d.image_xml(signature_png(loa["person"]), 1.8, 0.44)}</text:p>'}
    elif sig == "cursive":
        ink = {"text": loa["person"], "font": "Z003", "size": 22, "color": "#1a2a6c"}
    else:
        ink = ""
    d.table([[{"text": "Signature", "size": 9, "bold": True}, ink, {"text": "Date", "size": 9, "bold": True},
              loa["date"]]], [1.3, 3.0, 0.7, 2.0], border=lambda r, c: "0.5pt solid #888888", valign="bottom")
    return soffice_pdf(d.xml(), out)


# ---- cairo: boxes with the label above the value ---------------------------------------------

def loa_cairo(loa, out):
    def draw(cr, page):
        font = loa.get("font", "Liberation Sans")
        cr.select_font_face(font, 0, 1)
        cr.set_font_size(15)
        cr.move_to(54, 64)
        cr.show_text(loa.get("title", "Letter of Authorization").upper())
        cr.select_font_face(font, 0, 0)
        cr.set_font_size(9)
        cr.move_to(54, 80)
        cr.show_text(loa.get("subtitle", "Authorization to port telephone numbers"))
        y = 104
        rows = en_rows(loa)
        for i in range(0, len(rows), 2):
            for j, (label, value) in enumerate(rows[i:i + 2]):
                x = 54 + j * 252 if len(rows[i:i + 2]) == 2 or True else 54
                wid = 246
                cr.set_source_rgb(0.5, 0.5, 0.5)
                cr.set_line_width(0.6)
                cr.rectangle(x, y, wid, 38)
                cr.stroke()
                cr.set_source_rgb(0.3, 0.3, 0.3)
                cr.set_font_size(7)
                cr.move_to(x + 5, y + 10)
                cr.show_text(label.upper())
                cr.set_source_rgb(0, 0, 0)
                cr.set_font_size(10.5)
                cr.move_to(x + 5, y + 28)
                cr.show_text(value)
            y += 44
        cr.set_font_size(7)
        cr.move_to(59, y + 10)
        cr.show_text(loa.get("numbers_label", "Numbers to port").upper())
        cr.set_font_size(10.5)
        for k, n in enumerate(loa["numbers"]):
            cr.move_to(59 + (k % 3) * 160, y + 28 + (k // 3) * 15)
            cr.show_text(n)
        y += 50 + 15 * ((len(loa["numbers"]) - 1) // 3)
        cr.set_font_size(8.5)
        words, line = TERMS_EN.split(), ""
        for word in words:
            if cr.text_extents(line + " " + word).x_advance > 500:
                cr.move_to(54, y)
                cr.show_text(line)
                y += 12
                line = word
            else:
                line = (line + " " + word).strip()
        cr.move_to(54, y)
        cr.show_text(line)
        y += 60
        if loa.get("signature", "drawn") == "drawn":
            draw_signature(cr, 60, y - 44, loa["person"])
        cr.set_source_rgb(0, 0, 0)
        cr.set_line_width(0.8)
        cr.move_to(54, y)
        cr.line_to(300, y)
        cr.move_to(360, y)
        cr.line_to(540, y)
        cr.stroke()
        cr.move_to(364, y - 5)
        cr.set_font_size(10.5)
        cr.show_text(loa["date"])
        cr.set_font_size(8)
        cr.move_to(54, y + 11)
        cr.show_text(f"Signature of {loa['person']}" if loa.get("sig_caption_name") else "Signature")
        cr.move_to(360, y + 11)
        cr.show_text("Date signed")

    return cairo_pdf(out, draw, title=loa.get("title", "Letter of Authorization"))


# ---- groff ---------------------------------------------------------------------------------------

def loa_groff(loa, out):
    def esc(t):
        return t.replace("\\", "\\e")
    src = [".nr PS 11", ".nr VS 14", ".LP", ".ps 15", ".ft B",
           esc(loa.get("title", "LETTER OF AUTHORIZATION")), ".ft R", ".ps 11", ".sp 1",
           ".TS", "tab(|);", "lB l."]
    src += [f"{esc(k)}:|{esc(v)}" for k, v in en_rows(loa)]
    src += [".TE", ".sp 1", ".ft B", esc(loa.get("numbers_label", "Numbers to be ported")) + ":", ".ft R", ".br"]
    for n in loa["numbers"]:
        src += [f"\\h'2m'{n}", ".br"]
    src += [".sp 1", ".ps 9", esc(TERMS_EN), ".ps 11", ".sp 3"]
    if loa.get("signature", "drawn") == "drawn":
        # The scribble as groff splines, then back to the start of the line.
        pts = signature_strokes(loa["person"], 180, 40)
        for stroke in pts:
            (x0, y0) = stroke[0]
            moves = " ".join(f"{(b[0] - a[0]) / 72:.3f}i {(b[1] - a[1]) / 72:.3f}i" for a, b in zip(stroke, stroke[1:]))
            src.append(f"\\h'{x0 / 72:.3f}i'\\v'{(y0 - 30) / 72:.3f}i'\\D'~ {moves}'")
            src.append(".br")
            src.append(".sp -1")
    src += [".sp 1", "\\l'3i'\\h'0.5i'\\l'2i'", ".br",
            f"Signature\\h'2.35i'Date: {loa['date']}"]
    return groff_pdf("\n".join(src) + "\n", out)


# ---- Fillable forms (pdf-lib) ----------------------------------------------------------------------

def loa_form(loa, out, variant):
    """variant: appearances | need-appearances | flattened."""
    split = loa.get("split_city", False)
    texts = [{"x": 54, "y": 62, "text": loa.get("title", "Letter of Authorization").upper(), "size": 15, "bold": True},
             {"x": 54, "y": 78, "text": loa.get("subtitle", "Complete, sign and return this form to port your numbers."), "size": 8.5}]
    fields = []
    y = 104
    rows = [("customer_name", loa.get("name_label", "Customer Name"), loa["name"]),
            ("authorized_person", loa.get("person_label", "Authorized Person"), loa["person"]),
            ("service_address", loa.get("street_label", "Service Address"), loa["street"])]
    for key, label, value in rows:
        texts.append({"x": 54, "y": y + 12, "text": label, "size": 9, "bold": True})
        fields.append({"name": key, "x": 190, "y": y, "w": 368, "h": 17, "value": value, "tooltip": label})
        y += 26
    if split:
        texts.append({"x": 54, "y": y + 12, "text": "City", "size": 9, "bold": True})
        fields.append({"name": "city", "x": 190, "y": y, "w": 170, "h": 17, "value": loa["city"], "tooltip": "City"})
        texts.append({"x": 372, "y": y + 12, "text": "State", "size": 9, "bold": True})
        fields.append({"name": "state", "x": 404, "y": y, "w": 40, "h": 17, "value": loa["state"], "tooltip": "State"})
        texts.append({"x": 454, "y": y + 12, "text": "ZIP", "size": 9, "bold": True})
        fields.append({"name": "zip", "x": 478, "y": y, "w": 80, "h": 17, "value": loa["zip"], "tooltip": "ZIP Code"})
    else:
        texts.append({"x": 54, "y": y + 12, "text": "City, State, ZIP", "size": 9, "bold": True})
        fields.append({"name": "city_state_zip", "x": 190, "y": y, "w": 368, "h": 17, "value": city_line(loa),
                       "tooltip": "City, State, ZIP"})
    y += 26
    for key, label, value in [("current_carrier", "Current Carrier", loa["carrier"]),
                              ("account_number", "Account Number", loa["account"]),
                              ("btn", "Billing Telephone Number", loa.get("btn", ""))]:
        texts.append({"x": 54, "y": y + 12, "text": label, "size": 9, "bold": True})
        fields.append({"name": key, "x": 190, "y": y, "w": 200, "h": 17, "value": value, "tooltip": label})
        y += 26
    texts.append({"x": 54, "y": y + 12, "text": "Numbers to Port", "size": 9, "bold": True})
    if loa.get("numbers_one_field", True):
        fields.append({"name": "numbers_to_port", "x": 190, "y": y, "w": 200, "h": 14 * len(loa["numbers"]) + 6,
                       "value": "\n".join(loa["numbers"]), "multiline": True, "tooltip": "Numbers to port"})
        y += 14 * len(loa["numbers"]) + 16
    else:
        for k, n in enumerate(loa["numbers"]):
            fields.append({"name": f"number_{k + 1}", "x": 190 + (k % 3) * 124, "y": y + (k // 3) * 22, "w": 116,
                           "h": 17, "value": n, "tooltip": f"Number {k + 1}"})
        y += 22 * ((len(loa["numbers"]) + 2) // 3) + 10
    words, line, ty = TERMS_EN.split(), "", y + 14
    for word in words:
        if len(line) + len(word) > 105:
            texts.append({"x": 54, "y": ty, "text": line, "size": 8})
            ty += 11
            line = word
        else:
            line = (line + " " + word).strip()
    texts.append({"x": 54, "y": ty, "text": line, "size": 8})
    y = ty + 30
    page = {"texts": texts, "fields": fields,
            "lines": [{"x1": 190, "y1": y + 48, "x2": 400, "y2": y + 48}]}
    texts.append({"x": 54, "y": y + 44, "text": "Signature", "size": 9, "bold": True})
    sig = loa.get("signature", "field")
    if sig == "typed-field":
        fields.append({"name": "signature", "x": 190, "y": y + 26, "w": 210, "h": 20, "value": loa["person"],
                       "size": 14, "tooltip": "Signature (type your name)"})
    else:
        page["signature"] = {"name": "signature", "x": 192, "y": y + 2, "w": 200, "h": 44, "tooltip": "Signature",
                             "ink": signature_strokes(loa["person"], 190, 40) if sig in ("field", "drawn") else None}
    texts.append({"x": 420, "y": y + 44, "text": "Date", "size": 9, "bold": True})
    fields.append({"name": "date", "x": 448, "y": y + 30, "w": 110, "h": 17, "value": loa["date"], "tooltip": "Date"})
    return pdf_lib_form({"variant": variant, "title": loa.get("title", "Letter of Authorization"), "pages": [page]}, out)


# ---- Hand-written PostScript -----------------------------------------------------------------------

def loa_ps(loa, out):
    """A form printed by a billing system: labels with dotted leaders, drawn signature."""
    lines = [PS_LATIN1_PROLOGUE, "%%Page: 1 1"]
    lines.append(f"/TimB 16 F 60 720 {ps_string(loa.get('title', 'LETTER OF AGENCY'))} T")
    y = 680
    for k, v in en_rows(loa):
        lines.append(f"/Tim 11 F 60 {y} {ps_string((k + ' ').ljust(38, '.'))} T /TimB 11 F 270 {y} {ps_string(v)} T")
        y -= 20
    lines.append(f"/Tim 11 F 60 {y} {ps_string(loa.get('numbers_label', 'Numbers to port') + ':')} T")
    for k, n in enumerate(loa["numbers"]):
        lines.append(f"/TimB 11 F {270 + (k % 2) * 130} {y - 16 * (k // 2)} {ps_string(n)} T")
    y -= 16 * ((len(loa["numbers"]) + 1) // 2) + 24
    words, line = (TERMS_FR if loa.get("lang") == "fr" else TERMS_EN).split(), ""
    for word in words:
        if len(line) + len(word) > 95:
            lines.append(f"/Tim 9 F 60 {y} {ps_string(line)} T")
            y -= 11
            line = word
        else:
            line = (line + " " + word).strip()
    lines.append(f"/Tim 9 F 60 {y} {ps_string(line)} T")
    y -= 70
    if loa.get("signature", "drawn") == "drawn":
        lines.append(signature_ps(loa["person"], 70, y + 2))
    lines.append(f"0 setgray 0.7 setlinewidth 60 {y} moveto 300 {y} lineto stroke 360 {y} moveto 540 {y} lineto stroke")
    lines.append(f"/Tim 11 F 364 {y + 4} {ps_string(loa['date'])} T")
    lines.append(f"/Tim 8 F 60 {y - 11} {ps_string(loa.get('signature_label', 'Signature'))} T 360 {y - 11} (Date) T")
    lines.append("showpage")
    return ps_pdf("%!PS-Adobe-3.0\n%%Pages: 1\n%%EndComments\n" + "\n".join(lines) + "\n%%EOF\n", out)
