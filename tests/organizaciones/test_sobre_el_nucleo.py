"""Acceptance 6: the procedures reuse the kernel. Numbering, consultation codes, tracking, transitions
and reminders are declarations in `organizaciones/`, never code of its own."""

import re
from pathlib import Path

from civic.expedientes import registro
from civic.plazos import recordatorios
from organizaciones.declaraciones import EXPEDIENTES
from organizaciones.models import ClaseTramite, Tramite

RAIZ = Path(__file__).resolve().parents[2]

# What only the kernel does: number a series, make or check a code, change an
# expediente's state outside `transicionar`, lock it by hand, record or send a reminder, send mail directly.
_DEL_NUCLEO = re.compile(
    r"hash_codigo|generar_codigo|codigo_coincide|formatear_radicado|codigo_consulta_hash\s*="
    r"|tramite\.estado\s*=|Tramite\.objects[^\n]*select_for_update"
    r"|Recordatorio\(|send_mail|EmailMessage|\.radicado\s*="
)


def test_cada_tipo_de_tramite_es_un_expediente_declarado_con_su_serie():
    assert set(EXPEDIENTES) == set(ClaseTramite)
    prefijos = {registro.expediente(e.clave).prefijo_radicado for e in EXPEDIENTES.values()}
    assert len(prefijos) == len(ClaseTramite)
    assert all(registro.expediente(e.clave).model is Tramite for e in EXPEDIENTES.values())
    tipos = {regla.tipo for regla in recordatorios.reglas()}
    propias = {"organizaciones.tramite", "organizaciones.correccion", "organizaciones.requerimiento_ivc"}
    assert propias <= tipos


def test_la_app_no_reimplementa_el_nucleo():
    encontrados = [
        f"{ruta.relative_to(RAIZ)}:{n}: {linea.strip()}"
        for ruta in (RAIZ / "organizaciones").rglob("*.py")
        if "migrations" not in ruta.parts
        for n, linea in enumerate(ruta.read_text(encoding="utf-8").splitlines(), start=1)
        if _DEL_NUCLEO.search(linea)
    ]
    assert encontrados == []
