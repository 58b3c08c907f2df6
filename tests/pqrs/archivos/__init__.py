"""Small upload fixtures, generated in memory so no binary is committed."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

MB = 1024 * 1024


def pdf(nombre: str = "soporte.pdf", relleno: int = 0) -> SimpleUploadedFile:
    """A tiny well-formed PDF (one empty page); `relleno` bytes of comment make it as big as needed."""
    cuerpo = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
        b"trailer<</Root 1 0 R>>\n"
    )
    if relleno:
        cuerpo += b"%" + b"x" * relleno + b"\n"
    return SimpleUploadedFile(nombre, cuerpo + b"%%EOF\n", content_type="application/pdf")


def pdf_bytes() -> bytes:
    return pdf().read()


def exe_como_pdf(nombre: str = "factura.pdf") -> SimpleUploadedFile:
    # A Windows executable starts with "MZ"; the browser would still call it application/pdf.
    return SimpleUploadedFile(
        nombre, b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 512, content_type="application/pdf"
    )


def png(nombre: str = "foto.png") -> SimpleUploadedFile:
    contenido = bytes.fromhex(
        "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
        "0000000d4944415478da63f8cfc0f01f0005000201a5f5e5d00000000049454e44ae426082"
    )
    return SimpleUploadedFile(nombre, contenido, content_type="image/png")


def docx(nombre: str = "carta.docx") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return SimpleUploadedFile(nombre, buffer.getvalue(), content_type="application/octet-stream")


def zip_como_docx(nombre: str = "carta.docx") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("programa.js", "alert(1)")
    return SimpleUploadedFile(nombre, buffer.getvalue(), content_type="application/octet-stream")
