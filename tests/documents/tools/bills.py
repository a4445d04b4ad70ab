"""Bills and CSRs (the proofs), one renderer per producer.

A bill is a dict; the keys every renderer knows:
  carrier, logo, color, remit_label, remit (lines), bill_to_label, name, addr (lines),
  account_label, account, btn_label, btn, date_label, date, due (label, value),
  amount, items [(number, description, amount)], detail_pages, lang, layout, footer
"""

from html import escape as h

from fodt import Fodt
from producers import (PS_LATIN1_PROLOGUE, chromium_pdf, groff_pdf, ps_pdf, ps_string,
                       soffice_pdf, cairo_pdf)

FR = {
    "summary": "Sommaire du compte", "items": "Détail des frais", "total": "Total à payer",
    "page": "Page {} de {}", "continued": "Détail des frais (suite)", "calls": "Détail des appels",
}
EN = {
    "summary": "Account summary", "items": "Itemized charges", "total": "Total amount due",
    "page": "Page {} of {}", "continued": "Itemized charges (continued)", "calls": "Call detail",
}


def words(bill):
    return FR if bill.get("lang") == "fr" else EN


def call_rows(bill, page, n=34):
    """Call detail lines for the pages after the first."""
    rows = []
    nums = [i[0] for i in bill["items"]] or ["(000) 555-0100"]
    for r in range(n):
        k = page * n + r
        day = 1 + k % 28
        rows.append((nums[k % len(nums)], f"10/{day:02d}", f"{8 + k % 10}:{(k * 7) % 60:02d}",
                     bill.get("call_city", "LOCAL"), f"{1 + k * 3 % 17} min", f"{(k % 4) * 0.25:.2f}"))
    return rows


def summary_pairs(bill):
    pairs = []
    if bill.get("account"):
        pairs.append((bill.get("account_label", "Account number"), bill["account"]))
    if bill.get("date"):
        pairs.append((bill.get("date_label", "Invoice date"), bill["date"]))
    if bill.get("btn"):
        pairs.append((bill.get("btn_label", "Billing telephone number"), bill["btn"]))
    if bill.get("due"):
        pairs.append(bill["due"])
    pairs.append((bill.get("amount_label", "Amount due" if bill.get("lang") != "fr" else "Montant dû"), bill["amount"]))
    return pairs


# ---- Chromium (HTML and CSS, printed to PDF) -------------------------------------

BILL_CSS = """
@page { size: Letter; margin: 0.55in 0.6in; }
* { box-sizing: border-box; }
body { font-family: %(font)s; font-size: 9.5pt; color: #222; margin: 0; }
.logo { font-size: 22pt; font-weight: 700; color: %(color)s; letter-spacing: -0.5px; }
.logo small { display: block; font-size: 8pt; font-weight: 400; letter-spacing: 2px; color: #555; }
.top { display: flex; justify-content: space-between; align-items: flex-start; margin-bottom: 22px; }
.summary { border: 1px solid #bbb; border-radius: 4px; padding: 8px 12px; min-width: 250px; }
.summary table td { padding: 1px 6px 1px 0; } .summary td.v { text-align: right; font-weight: 600; }
.blocks { display: flex; gap: 0; margin: 10px 0 18px 0; }
.block { width: 50%%; padding-right: 20px; line-height: 1.35; }
.label { font-size: 8pt; font-weight: 700; text-transform: uppercase; color: %(color)s; letter-spacing: 0.6px; margin-bottom: 3px; }
h2 { font-size: 11pt; color: %(color)s; border-bottom: 2px solid %(color)s; padding-bottom: 2px; margin: 16px 0 6px 0; }
table.items { width: 100%%; border-collapse: collapse; }
table.items td, table.items th { padding: 3px 4px; border-bottom: 1px solid #e2e2e2; text-align: left; font-size: 9pt; }
table.items td.amt, table.items th.amt { text-align: right; }
.coupon { position: absolute; left: 0; right: 0; bottom: 0; border-top: 1.5px dashed #888; padding-top: 10px; }
.coupon .row { display: flex; justify-content: space-between; }
.page { position: relative; height: 9.85in; page-break-after: always; }
.page:last-child { page-break-after: auto; }
.footer { position: absolute; bottom: 0; left: 0; right: 0; font-size: 7.5pt; color: #666; border-top: 1px solid #ddd; padding-top: 4px; }
.pagehead { display: flex; justify-content: space-between; font-size: 8.5pt; color: #444; margin-bottom: 12px; }
"""


def _lines(lines):
    return "<br>".join(h(line) for line in lines)


def _block(label, lines):
    return f'<div class="block"><div class="label">{h(label)}</div>{_lines(lines)}</div>'


def bill_html(bill):
    w = words(bill)
    css = BILL_CSS % {"font": bill.get("font", '"Liberation Sans", sans-serif'), "color": bill.get("color", "#1b5e7a")}
    logo = bill.get("logo", bill["carrier"])
    logo_html = f'<div class="logo">{h(logo[0])}<small>{h(logo[1])}</small></div>' if isinstance(logo, tuple) else f'<div class="logo">{h(logo)}</div>'
    head_extra = "".join(f"<div>{h(line)}</div>" for line in bill.get("header_lines", []))
    rows = "".join(f'<tr><td>{h(k)}</td><td class="v">{h(v)}</td></tr>' for k, v in summary_pairs(bill))
    title = bill.get("title", "Invoice" if bill.get("lang") != "fr" else "Facture")
    n_pages = 1 + bill.get("detail_pages", 0)

    customer = _block(bill.get("bill_to_label", "Bill To"), [bill["name"]] + bill["addr"])
    remit = _block(bill.get("remit_label", "Remit Payment To"), bill["remit"]) if bill.get("remit") else '<div class="block"></div>'
    layout = bill.get("layout", "billto-remit")
    blocks = remit + customer if layout == "remit-left" else customer + remit
    if layout == "coupon":
        blocks = customer + '<div class="block"></div>'
    if layout == "window":
        # A window envelope: the carrier's return address in small print, the customer's
        # address under it with no label at all.
        blocks = (f'<div class="block"><div style="font-size:7.5pt;color:#555;margin-bottom:30px">'
                  f'{_lines(bill["remit"])}</div><div style="font-size:10.5pt">{_lines([bill["name"]] + bill["addr"])}'
                  f'</div></div><div class="block"></div>')

    items = "".join(f'<tr><td>{h(n)}</td><td>{h(d)}</td><td class="amt">{h(a)}</td></tr>' for n, d, a in bill["items"])
    footer_text = bill.get("footer", bill["carrier"])
    page_no = f'<div>{h(w["page"].format(1, n_pages))}</div>' if n_pages > 1 else ""

    first = f"""<div class="page">
<div class="top"><div>{logo_html}{head_extra}</div>
<div class="summary"><div class="label">{h(title)}</div><table>{rows}</table>{page_no}</div></div>
<div class="blocks">{blocks}</div>
<h2>{h(w["summary"])}</h2>
<table class="items"><tr><td>{h(bill.get("prev_label", "Previous balance" if bill.get("lang") != "fr" else "Solde précédent"))}</td><td class="amt">{h(bill.get("previous", "$0.00"))}</td></tr>
<tr><td>{h(bill.get("new_label", "New charges" if bill.get("lang") != "fr" else "Nouveaux frais"))}</td><td class="amt">{h(bill["amount"])}</td></tr>
<tr><td><b>{h(w["total"])}</b></td><td class="amt"><b>{h(bill["amount"])}</b></td></tr></table>
<h2>{h(w["items"])}</h2>
<table class="items">{items}</table>
"""
    if layout == "coupon":
        cp = bill["coupon"]
        first += f"""<div class="coupon"><div style="font-size:8pt;color:#555;margin-bottom:6px">{h(cp["note"])}</div>
<div class="row"><div><table>{"".join(f'<tr><td>{h(k)}</td><td class="v"><b>{h(v)}</b></td></tr>' for k, v in cp["pairs"])}</table></div>
<div style="width:45%;line-height:1.4;font-size:10.5pt">{_lines(cp["address"])}</div></div></div>"""
    else:
        first += f'<div class="footer">{h(footer_text)}</div>'
    first += "</div>"

    pages = [first]
    for p in range(bill.get("detail_pages", 0)):
        rows = "".join("<tr>" + "".join(f"<td>{h(c)}</td>" for c in r) + "</tr>" for r in call_rows(bill, p))
        pages.append(f"""<div class="page"><div class="pagehead"><div><b>{h(bill["carrier"])}</b></div>
<div>{h(bill.get("account_label", "Account number"))} {h(bill.get("account", ""))} · {h(w["page"].format(p + 2, n_pages))}</div></div>
<h2>{h(w["calls"])}</h2><table class="items">{rows}</table><div class="footer">{h(footer_text)}</div></div>""")

    return (f'<!doctype html><html lang="{bill.get("lang", "en")}"><head><meta charset="utf-8"><title>{h(title)}</title>'
            f"<style>{css}</style></head><body>{''.join(pages)}</body></html>")


def bill_chromium(bill, out):
    return chromium_pdf(bill_html(bill), out)


# ---- LibreOffice (a flat ODF document) ---------------------------------------------

def bill_libreoffice(bill, out):
    w = words(bill)
    d = Fodt(font=bill.get("font", "Liberation Serif"), size=10, title="Invoice",
             lang="fr" if bill.get("lang") == "fr" else "en", country="CA" if bill.get("lang") == "fr" else "US")
    color = bill.get("color", "#7a3b1b")
    logo = bill.get("logo", bill["carrier"])
    logo_text = logo[0] + " " + logo[1] if isinstance(logo, tuple) else logo
    summary = "\n".join(f"{k}: {v}" for k, v in summary_pairs(bill))
    head = d.para_xml(logo_text, size=18, bold=True, color=color) + "".join(
        d.para_xml(line, size=8) for line in bill.get("header_lines", []))
    d.table([[{"xml": head}, {"xml": d.para_xml(summary, align="end")}]], [4.0, 3.3])
    d.p("")
    label = dict(size=8, bold=True, color=color)
    customer = {"xml": d.para_xml(bill.get("bill_to_label", "Bill To"), **label) + d.para_xml("\n".join([bill["name"]] + bill["addr"]))}
    if bill.get("remit") and bill.get("layout") != "coupon":
        remit = {"xml": d.para_xml(bill.get("remit_label", "Remit Payment To"), **label) + d.para_xml("\n".join(bill["remit"]))}
        cells = [remit, customer] if bill.get("layout") == "remit-left" else [customer, remit]
    else:
        cells = [customer, ""]
    d.table([cells], [3.65, 3.65])
    d.p(w["summary"], size=11, bold=True, color=color, space_before="0.15in")
    fr = bill.get("lang") == "fr"
    d.table([["Solde précédent" if fr else "Previous balance", bill.get("previous", "$0.00")],
             ["Nouveaux frais" if fr else "New charges", bill["amount"]],
             [{"text": w["total"], "bold": True}, {"text": bill["amount"], "bold": True, "align": "end"}]],
            [5.8, 1.5], border=lambda r, c: None)
    d.p(w["items"], size=11, bold=True, color=color, space_before="0.15in")
    d.table([[n, desc, {"text": a, "align": "end"}] for n, desc, a in bill["items"]], [1.6, 4.4, 1.3],
            border=lambda r, c: None)
    if bill.get("layout") == "coupon":
        cp = bill["coupon"]
        for _ in range(bill.get("coupon_gap", 8)):
            d.p("")
        d.p("✂ " + "- " * 60, size=7, color="#888888")
        d.p(cp["note"], size=8)
        left = "\n".join(f"{k}: {v}" for k, v in cp["pairs"])
        d.table([[left, {"text": "\n".join(cp["address"]), "size": 11}]], [3.65, 3.65], padding="0.08in")
    else:
        d.p(bill.get("footer", bill["carrier"]), size=7.5, color="#666666", space_before="0.3in")
    n_pages = 1 + bill.get("detail_pages", 0)
    for p in range(bill.get("detail_pages", 0)):
        d.p(f'{bill["carrier"]} — {bill.get("account_label", "Account number")} {bill.get("account", "")} — '
            f'{w["page"].format(p + 2, n_pages)}', size=8, page_break=True)
        d.p(w["calls"], size=11, bold=True, color=color)
        d.table([list(r) for r in call_rows(bill, p, 40)], [1.3, 0.8, 0.7, 2.4, 1.1, 1.0], border=lambda r, c: None,
                padding="0.01in")
    return soffice_pdf(d.xml(), out)


# ---- Hand-written PostScript through ps2pdf ------------------------------------------

def statement_ps(bill, out):
    """A statement: CUSTOMER block beside REMIT TO, as a billing system prints it."""
    lines = [PS_LATIN1_PROLOGUE, "%%Page: 1 1"]
    y = 740
    lines.append(f"/HelvB 20 F 54 {y} {ps_string(bill['logo'] if isinstance(bill['logo'], str) else ' '.join(bill['logo']))} T")
    lines.append(f"/Helv 8 F 54 {y - 14} {ps_string(bill.get('tagline', ''))} T")
    lines.append(f"/HelvB 13 F 558 {y} {ps_string(bill.get('title', 'STATEMENT'))} R")
    yy = y - 18
    for k, v in summary_pairs(bill):
        lines.append(f"/Helv 9 F 400 {yy} {ps_string(k.upper() + ':')} T /HelvB 9 F 558 {yy} {ps_string(v)} R")
        yy -= 12
    y = min(yy, 660) - 20
    lines.append(f"0.5 setlinewidth 54 {y + 14} moveto 558 {y + 14} lineto stroke")
    left, right = (bill.get("bill_to_label", "CUSTOMER"), [bill["name"]] + bill["addr"]), (bill.get("remit_label", "REMIT TO"), bill["remit"])
    if bill.get("layout") == "remit-left":
        left, right = right, left
    for x, (label, block) in ((54, left), (320, right)):
        lines.append(f"/HelvB 8.5 F {x} {y} {ps_string(label)} T")
        yy = y - 13
        for line in block:
            lines.append(f"/Cour 10 F {x} {yy} {ps_string(line)} T")
            yy -= 12
    y -= 90
    lines.append(f"54 {y + 14} moveto 558 {y + 14} lineto stroke")
    lines.append(f"/HelvB 10 F 54 {y} {ps_string(bill.get('items_title', 'CURRENT CHARGES'))} T")
    y -= 16
    for n, desc, amt in bill["items"]:
        lines.append(f"/Cour 9 F 54 {y} {ps_string(n)} T 170 {y} {ps_string(desc)} T 558 {y} {ps_string(amt)} R")
        y -= 12
    y -= 8
    lines.append(f"/HelvB 10 F 54 {y} {ps_string(bill.get('total_label', 'TOTAL DUE'))} T 558 {y} {ps_string(bill['amount'])} R")
    lines.append(f"/Helv 7.5 F 54 50 {ps_string(bill.get('footer', bill['carrier']))} T")
    lines.append("showpage")
    return ps_pdf("%!PS-Adobe-3.0\n%%Pages: 1\n%%BoundingBox: 0 0 612 792\n%%EndComments\n" + "\n".join(lines) + "\n%%EOF\n", out)


def csr_ps(csr, out):
    """A CSR as a mainframe report: Courier, dotted leaders, fixed columns."""
    lines = [PS_LATIN1_PROLOGUE, "%%Page: 1 1", "/Cour 9.5 F"]
    y = 750
    rows = [f"{csr.get('report', 'CUSTOMER SERVICE RECORD')}".ljust(52) + f"RUN DATE {csr['run_date']}" if csr.get("run_date") else csr.get("report", "CUSTOMER SERVICE RECORD"),
            f"{csr['carrier'].upper()}".ljust(52) + "PAGE 1", ""]
    for label, value in csr["fields"]:
        if isinstance(value, list):
            rows.append(f"{label} ".ljust(20, ".") + " " + value[0])
            rows.extend(" " * 21 + v for v in value[1:])
        else:
            rows.append(f"{label} ".ljust(20, ".") + " " + value)
    rows += ["", "WORKING TELEPHONE NUMBERS"]
    rows += [f"  WTN {n}   {s}" for n, s in csr["wtns"]]
    rows += ["", "*** END OF RECORD ***"]
    for r in rows:
        lines.append(f"40 {y} {ps_string(r)} T")
        y -= 12.5
    lines.append("showpage")
    return ps_pdf("%!PS-Adobe-3.0\n%%Pages: 1\n%%EndComments\n" + "\n".join(lines) + "\n%%EOF\n", out)


# ---- groff (tbl and ms) ----------------------------------------------------------------

def _roff(text):
    text = text.replace("\\", "\\e")
    return ("\\&" + text) if text[:1] in ".'" else text


def csr_groff(csr, out):
    """A CSR laid out with tbl: labels in capitals, the run date in the heading."""
    src = [".ps 10", ".vs 12p", ".nr PS 10", ".nr VS 12", ".LP",
           f".ft B\n{_roff(csr.get('report', 'CUSTOMER SERVICE RECORD'))}\n.ft R", ".sp 0.3",
           ".TS", "tab(|);", "l l l l.",
           f"CARRIER|{_roff(csr['carrier'].upper())}|RUN DATE|{csr.get('run_date', '')}" if csr.get("run_date") else f"CARRIER|{_roff(csr['carrier'].upper())}||",
           ".TE", ".sp 0.5", ".TS", "tab(|);", "lB l.", ]
    for label, value in csr["fields"]:
        if isinstance(value, list):
            src.append(f"{label}|{_roff(value[0])}")
            src.extend(f"\\^|{_roff(v)}" if False else f"|{_roff(v)}" for v in value[1:])
        else:
            src.append(f"{label}|{_roff(value)}")
    src += [".TE", ".sp", ".ft B", "WORKING TELEPHONE NUMBERS", ".ft R", ".TS", "tab(|);", "l l l."]
    src += [f"WTN|{n}|{s}" for n, s in csr["wtns"]]
    src += [".TE"]
    return groff_pdf("\n".join(src) + "\n", out)


def bill_groff(bill, out):
    """A plain statement typeset by groff: customer block and remit block side by side (tbl)."""
    w = words(bill)
    logo = bill.get("logo", bill["carrier"])
    logo = " ".join(logo) if isinstance(logo, tuple) else logo
    left = [bill.get("bill_to_label", "Bill To")] + [bill["name"]] + bill["addr"]
    right = [bill.get("remit_label", "Remit Payment To")] + bill["remit"] if bill.get("remit") else []
    if bill.get("layout") == "remit-left":
        left, right = right, left
    src = [".nr PS 10", ".nr VS 12", ".LP", ".ps 18", ".ft B", _roff(logo), ".ft R", ".ps 10", ".sp 0.5",
           ".TS", "tab(|);", "l r."]
    for k, v in summary_pairs(bill):
        src.append(f"{_roff(k)}|{_roff(v)}")
    src += [".TE", ".sp 1", ".TS", "tab(|);", "lB lB", "l l."]
    rows = max(len(left), len(right))
    for i in range(rows):
        a = left[i] if i < len(left) else ""
        b = right[i] if i < len(right) else ""
        src.append(f"{_roff(a)}|{_roff(b)}" if i else f"{_roff(a)}|{_roff(b)}")
    src += [".TE", ".sp 1", ".ft B", w["items"], ".ft R", ".TS", "tab(|);", "l l r."]
    src += [f"{n}|{_roff(d)}|{a}" for n, d, a in bill["items"]]
    src += [".TE", ".sp 2", ".ps 8", _roff(bill.get("footer", bill["carrier"]))]
    return groff_pdf("\n".join(src) + "\n", out)


# ---- cairo, drawn directly -------------------------------------------------------------------

def bill_cairo(bill, out):
    """A bill drawn box by box, as a reporting library would: customer box, remit box, items."""
    w = words(bill)
    color = tuple(int(bill.get("color", "#2d5a27")[i:i + 2], 16) / 255 for i in (1, 3, 5))

    def draw(cr, page):
        cr.set_source_rgb(*color)
        cr.select_font_face(bill.get("font", "DejaVu Sans"), 0, 1)
        cr.set_font_size(19)
        logo = bill.get("logo", bill["carrier"])
        cr.move_to(50, 62)
        cr.show_text(" ".join(logo) if isinstance(logo, tuple) else logo)
        cr.set_source_rgb(0, 0, 0)
        cr.select_font_face(bill.get("font", "DejaVu Sans"), 0, 0)
        cr.set_font_size(9)
        y = 50
        for k, v in summary_pairs(bill):
            cr.move_to(360, y)
            cr.show_text(k)
            ext = cr.text_extents(v)
            cr.move_to(560 - ext.x_advance, y)
            cr.show_text(v)
            y += 13
        top = max(y + 20, 130)
        boxes = [(50, bill.get("bill_to_label", "Bill To"), [bill["name"]] + bill["addr"])]
        if bill.get("remit"):
            boxes.append((320, bill.get("remit_label", "Remit Payment To"), bill["remit"]))
        if bill.get("layout") == "remit-left" and len(boxes) == 2:
            boxes = [(50, boxes[1][1], boxes[1][2]), (320, boxes[0][1], boxes[0][2])]
        for x, label, lines in boxes:
            cr.set_source_rgb(0.6, 0.6, 0.6)
            cr.set_line_width(0.6)
            cr.rectangle(x, top, 240, 20 + 13 * len(lines))
            cr.stroke()
            cr.set_source_rgb(*color)
            cr.select_font_face(bill.get("font", "DejaVu Sans"), 0, 1)
            cr.set_font_size(8)
            cr.move_to(x + 8, top + 12)
            cr.show_text(label.upper())
            cr.set_source_rgb(0, 0, 0)
            cr.select_font_face(bill.get("font", "DejaVu Sans"), 0, 0)
            cr.set_font_size(9.5)
            for i, line in enumerate(lines):
                cr.move_to(x + 8, top + 26 + 13 * i)
                cr.show_text(line)
        y = top + 110
        cr.select_font_face(bill.get("font", "DejaVu Sans"), 0, 1)
        cr.set_font_size(10.5)
        cr.move_to(50, y)
        cr.show_text(w["items"])
        cr.select_font_face(bill.get("font", "DejaVu Sans"), 0, 0)
        cr.set_font_size(9)
        y += 16
        for n, desc, amt in bill["items"]:
            cr.move_to(50, y)
            cr.show_text(n)
            cr.move_to(160, y)
            cr.show_text(desc)
            ext = cr.text_extents(amt)
            cr.move_to(560 - ext.x_advance, y)
            cr.show_text(amt)
            y += 13
        cr.set_font_size(7.5)
        cr.move_to(50, 760)
        cr.show_text(bill.get("footer", bill["carrier"]))

    return cairo_pdf(out, draw, title="Invoice")
