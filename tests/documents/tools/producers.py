"""The programs that make the test documents, each behind one small function.

Every PDF goes through normalise() at the end: the producers that ignore
SOURCE_DATE_EPOCH write the day they ran into /CreationDate and a random /ID,
which would make every run differ.
"""

import base64
import hashlib
import io
import math
import os
import re
import shutil
import subprocess
import tempfile

import cairo

# 2026-11-01 12:00:00 UTC: the day every document says it was made.
SOURCE_DATE_EPOCH = 1793534400
FIXED_PDF_DATE = b"20261101120000"

TOOLS = os.path.dirname(os.path.abspath(__file__))

_env = dict(os.environ, SOURCE_DATE_EPOCH=str(SOURCE_DATE_EPOCH), TZ="UTC", LC_ALL="C.UTF-8")


def run(cmd, **kwargs):
    kwargs.setdefault("env", _env)
    kwargs.setdefault("timeout", 180)
    p = subprocess.run(cmd, capture_output=True, **kwargs)
    if p.returncode != 0:
        raise RuntimeError(f"{cmd[0]} failed ({p.returncode}): {p.stderr.decode(errors='replace')[-2000:]}")
    return p


def _tmpdir():
    return tempfile.mkdtemp(prefix="make-documents-")


# ---- Making a PDF the same on every run ------------------------------------

_DATE_RE = re.compile(rb"D:(\d{14})")
_XMP_DATE_RE = re.compile(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)[^<]*(</xmp:)")
_UUID_RE = re.compile(rb"uuid:[0-9a-fA-F-]{36}")
_ID_RE = re.compile(rb"/ID\s*\[\s*<[0-9a-fA-F]*>\s*<[0-9a-fA-F]*>\s*\]|/DocChecksum\s*/[0-9A-Fa-f]{32}")


def normalise(src, out, keep_id=False):
    """Fixed dates and a content-derived /ID; the rest as the producer wrote it."""
    data = open(src, "rb").read()
    data = _DATE_RE.sub(b"D:" + FIXED_PDF_DATE, data)
    digest = hashlib.sha1(os.path.basename(out).encode()).hexdigest()
    fixed_uuid = f"uuid:{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}".encode()
    data = _UUID_RE.sub(fixed_uuid, data)
    data = _XMP_DATE_RE.sub(rb"\g<1>2026-11-01T12:00:00Z\g<2>", data)
    # qpdf keeps the first half of an /ID it finds: blank it (same length, offsets stay) so both halves
    # are computed from the content.
    data = _ID_RE.sub(lambda m: b" " * len(m.group(0)), data)
    tmp = out + ".tmp.pdf"
    with open(tmp, "wb") as f:
        f.write(data)
    if keep_id:
        os.replace(tmp, out)
        return out
    # qpdf exits 3 for warnings it repaired; those files are still written.
    p = subprocess.run(["qpdf", "--deterministic-id", tmp, out], capture_output=True, env=_env)
    if p.returncode not in (0, 3):
        raise RuntimeError(f"qpdf failed on {src}: {p.stderr.decode()}")
    os.unlink(tmp)
    return out


# ---- Chromium ---------------------------------------------------------------

def _chromium(args, html, work):
    page = os.path.join(work, "page.html")
    with open(page, "w", encoding="utf-8") as f:
        f.write(html)
    profile = os.path.join(work, "profile")
    cmd = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={profile}", "--hide-scrollbars", "--font-render-hinting=none"] + args + [page]
    run(cmd, timeout=120)


def chromium_pdf(html, out):
    work = _tmpdir()
    try:
        tmp = os.path.join(work, "out.pdf")
        _chromium(["--no-pdf-header-footer", f"--print-to-pdf={tmp}"], html, work)
        return normalise(tmp, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def chromium_png(html, out, width, height, scale=1):
    work = _tmpdir()
    try:
        tmp = os.path.join(work, "out.png")
        _chromium([f"--window-size={width},{height}", f"--force-device-scale-factor={scale}",
                   f"--screenshot={tmp}"], html, work)
        # No time chunks: the same picture is the same file.
        run(["convert", tmp, "-strip", "-define", "png:exclude-chunks=date,time", out])
        return out
    finally:
        shutil.rmtree(work, ignore_errors=True)


# ---- LibreOffice --------------------------------------------------------------

def soffice_pdf(document, out, suffix=".fodt"):
    """Convert a flat ODF (or HTML) document with LibreOffice headless."""
    work = _tmpdir()
    try:
        src = os.path.join(work, "doc" + suffix)
        with open(src, "w", encoding="utf-8") as f:
            f.write(document)
        env = dict(_env, HOME=work)
        run(["soffice", "--headless", "--norestore", "--nolockcheck",
             f"-env:UserInstallation=file://{work}/profile",
             "--convert-to", "pdf", "--outdir", work, src], env=env, timeout=240)
        return normalise(os.path.join(work, "doc.pdf"), out)
    finally:
        shutil.rmtree(work, ignore_errors=True)


# ---- groff and Ghostscript ------------------------------------------------------

def groff_pdf(source, out, macros=("-ms",), preprocessors=("-t",)):
    work = _tmpdir()
    try:
        tmp = os.path.join(work, "out.pdf")
        p = run(["groff", "-k", *preprocessors, *macros, "-Tpdf", "-dpaper=letter", "-P-pletter"],
                input=source.encode("utf-8"))
        with open(tmp, "wb") as f:
            f.write(p.stdout)
        return normalise(tmp, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def ps_pdf(postscript, out, paper="letter"):
    work = _tmpdir()
    try:
        src = os.path.join(work, "in.ps")
        tmp = os.path.join(work, "out.pdf")
        with open(src, "wb") as f:
            f.write(postscript.encode("latin-1"))
        run(["ps2pdf", f"-sPAPERSIZE={paper}", "-dAutoRotatePages=/None", src, tmp])
        return normalise(tmp, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def ps_string(text):
    """A PostScript string literal (Latin-1, as ISOLatin1Encoding shows it)."""
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


# ReEncode the base fonts to ISO Latin-1 so that French accents show (and extract).
PS_LATIN1_PROLOGUE = """
% ISOLatin1Encoding has /minus at 45: a hyphen there, or "555-0142" would read as a minus sign.
/Latin1Hyphen ISOLatin1Encoding dup length array copy dup 45 /hyphen put def
/reencode { % newname oldname
  findfont dup length dict begin
    { 1 index /FID ne { def } { pop pop } ifelse } forall
    /Encoding Latin1Hyphen def
    currentdict
  end definefont pop
} bind def
/Helv /Helvetica reencode
/HelvB /Helvetica-Bold reencode
/Cour /Courier reencode
/CourB /Courier-Bold reencode
/Tim /Times-Roman reencode
/TimB /Times-Bold reencode
/F { exch findfont exch scalefont setfont } bind def
/T { 3 1 roll moveto show } bind def % x y (s) T
/R { dup stringwidth pop 4 -1 roll exch sub 3 -1 roll moveto show } bind def % x-right y (s) R
"""


# ---- cairo --------------------------------------------------------------------

def cairo_pdf(out, draw, pages=1, size=(612, 792), title=None):
    """draw(cr, page_index) per page; a PDF written by cairo."""
    work = _tmpdir()
    try:
        tmp = os.path.join(work, "out.pdf")
        surface = cairo.PDFSurface(tmp, *size)
        surface.set_metadata(cairo.PDFMetadata.CREATE_DATE, "2026-11-01T12:00:00Z")
        surface.set_metadata(cairo.PDFMetadata.CREATOR, "Porting test documents (cairo)")
        if title:
            surface.set_metadata(cairo.PDFMetadata.TITLE, title)
        cr = cairo.Context(surface)
        for i in range(pages):
            draw(cr, i)
            cr.show_page()
        surface.finish()
        return normalise(tmp, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def signature_strokes(seed, width=180, height=44):
    """A hand-written-looking scribble: a list of strokes, each a list of points."""
    h = hashlib.sha256(seed.encode()).digest()
    strokes = []
    x = 6.0
    n = 4 + h[0] % 3
    for s in range(n):
        pts = []
        seg = (width - 12) / n
        for k in range(7):
            t = k / 6
            px = x + t * seg * 1.1
            py = height * 0.55 + math.sin(t * math.pi * (2 + h[s + 1] % 3) + h[s + 5] / 40) * height * (0.18 + h[s + 9] % 10 / 40)
            pts.append((px, py))
        strokes.append(pts)
        x += seg
    # The underline flourish.
    strokes.append([(10, height * 0.85), (width * 0.5, height * 0.78 + h[20] % 5), (width - 8, height * 0.74)])
    return strokes


def draw_signature(cr, x, y, seed, width=180, height=44, rgb=(0.05, 0.1, 0.35)):
    """Vector ink: curves through the scribble's points."""
    cr.save()
    cr.translate(x, y)
    cr.set_source_rgb(*rgb)
    cr.set_line_width(1.3)
    cr.set_line_cap(cairo.LINE_CAP_ROUND)
    for pts in signature_strokes(seed, width, height):
        cr.move_to(*pts[0])
        for i in range(1, len(pts)):
            (x0, y0), (x1, y1) = pts[i - 1], pts[i]
            cr.curve_to(x0 + (x1 - x0) / 2, y0 - 6, x0 + (x1 - x0) / 2, y1 + 6, x1, y1)
        cr.stroke()
    cr.restore()


def signature_svg_path(seed, width=180, height=44):
    d = []
    for pts in signature_strokes(seed, width, height):
        d.append(f"M{pts[0][0]:.1f} {pts[0][1]:.1f}")
        for i in range(1, len(pts)):
            (x0, y0), (x1, y1) = pts[i - 1], pts[i]
            mx = x0 + (x1 - x0) / 2
            d.append(f"C{mx:.1f} {y0 - 6:.1f} {mx:.1f} {y1 + 6:.1f} {x1:.1f} {y1:.1f}")
    return " ".join(d)


def signature_svg(seed, width=180, height=44, color="#0d1a59"):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
            f'<path d="{signature_svg_path(seed, width, height)}" stroke="{color}" stroke-width="1.4" '
            f'fill="none" stroke-linecap="round"/></svg>')


def signature_ps(seed, x, y, width=180, height=44):
    """The same scribble as PostScript curves (y grows upwards there)."""
    out = ["gsave", f"{x} {y} translate", "0.05 0.1 0.35 setrgbcolor 1.2 setlinewidth 1 setlinecap"]
    for pts in signature_strokes(seed, width, height):
        fx = lambda p: f"{p[0]:.1f} {height - p[1]:.1f}"
        out.append(f"{fx(pts[0])} moveto")
        for i in range(1, len(pts)):
            (x0, y0), (x1, y1) = pts[i - 1], pts[i]
            mx = x0 + (x1 - x0) / 2
            out.append(f"{mx:.1f} {height - (y0 - 6):.1f} {mx:.1f} {height - (y1 + 6):.1f} {fx((x1, y1))} curveto")
        out.append("stroke")
    out.append("grestore")
    return "\n".join(out)


def signature_png(seed, width=360, height=88):
    """The scribble as a picture (for an 'embedded image' signature), PNG bytes."""
    surface = cairo.ImageSurface(cairo.FORMAT_ARGB32, width, height)
    cr = cairo.Context(surface)
    cr.scale(2, 2)
    draw_signature(cr, 0, 0, seed, width / 2, height / 2)
    buf = io.BytesIO()
    surface.write_to_png(buf)
    return buf.getvalue()


def data_uri(png_bytes):
    return "data:image/png;base64," + base64.b64encode(png_bytes).decode()


# ---- pdf-lib (fillable forms) ----------------------------------------------------

def pdf_lib_form(job, out):
    """Build and fill an AcroForm with pdf-lib (tools/forms.mjs): job is a dict."""
    import json
    if not os.path.isdir(os.path.join(TOOLS, "node_modules", "pdf-lib")):
        run(["npm", "ci", "--no-audit", "--no-fund"], cwd=TOOLS, timeout=300)
    work = _tmpdir()
    try:
        spec = os.path.join(work, "job.json")
        tmp = os.path.join(work, "out.pdf")
        with open(spec, "w", encoding="utf-8") as f:
            json.dump(job, f)
        run(["node", os.path.join(TOOLS, "forms.mjs"), spec, tmp], cwd=TOOLS)
        return normalise(tmp, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
