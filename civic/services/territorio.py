"""Loading a municipality's territory (comunas, corregimientos, barrios, veredas) from CSV."""

import csv
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from civic.models import Barrio, Comuna

TERRITORIOS_INCLUIDOS = {
    "cali": Path(__file__).resolve().parent.parent / "data" / "territorio" / "cali.csv",
    "palmira": Path(__file__).resolve().parent.parent / "data" / "territorio" / "palmira.csv",
}
COLUMNAS = ("tipo", "numero", "nombre", "zona", "barrio", "tipo_barrio")


@dataclass(frozen=True)
class ResumenCarga:
    comunas_creadas: int
    comunas_actualizadas: int
    barrios_creados: int


@transaction.atomic
def cargar_territorio(*, ruta_csv: Path) -> ResumenCarga:
    """Create or update every comuna/corregimiento and barrio/vereda listed in the CSV.

    Idempotent: a unit is identified by (tipo, numero) and a barrio by (comuna, nombre), so loading
    the same file twice changes nothing and a corrected file updates names in place. A row with a
    barrio also declares (or repeats) its comuna. Any invalid row aborts the whole load.
    """
    creadas = actualizadas = barrios = 0
    with open(ruta_csv, newline="", encoding="utf-8") as archivo:
        lector = csv.DictReader(archivo)
        faltantes = set(COLUMNAS[:4]) - set(lector.fieldnames or ())
        if faltantes:
            raise ValidationError(f"Faltan columnas en el CSV: {', '.join(sorted(faltantes))}.")
        vistas: dict[tuple[str, int], Comuna] = {}
        for linea, fila in enumerate(lector, start=2):
            try:
                clave = (fila["tipo"].strip(), int(fila["numero"]))
            except (TypeError, ValueError) as exc:
                raise ValidationError(f"Línea {linea}: número inválido «{fila.get('numero')}».") from exc
            comuna = vistas.get(clave)
            if comuna is None:
                comuna, cambio = _guardar_comuna(clave, fila, linea)
                vistas[clave] = comuna
                creadas += cambio == "creada"
                actualizadas += cambio == "actualizada"
            nombre_barrio = (fila.get("barrio") or "").strip()
            if nombre_barrio:
                barrios += _guardar_barrio(comuna, nombre_barrio, fila, linea)
    return ResumenCarga(creadas, actualizadas, barrios)


def _guardar_comuna(clave, fila, linea) -> tuple[Comuna, str]:
    """Return the unit and what happened to it: "creada", "actualizada" or "igual"."""
    tipo, numero = clave
    datos = {"nombre": fila["nombre"].strip(), "zona": fila["zona"].strip()}
    comuna = Comuna.objects.filter(tipo=tipo, numero=numero).first()
    if comuna is None:
        comuna, cambio = Comuna(tipo=tipo, numero=numero, **datos), "creada"
    elif any(getattr(comuna, campo) != valor for campo, valor in datos.items()):
        for campo, valor in datos.items():
            setattr(comuna, campo, valor)
        cambio = "actualizada"
    else:
        return comuna, "igual"
    _validar(comuna, linea)
    comuna.save()
    return comuna, cambio


def _guardar_barrio(comuna, nombre, fila, linea) -> bool:
    if Barrio.objects.filter(comuna=comuna, nombre=nombre).exists():
        return False
    barrio = Barrio(
        comuna=comuna, nombre=nombre, tipo=(fila.get("tipo_barrio") or "").strip() or Barrio.Tipo.BARRIO
    )
    _validar(barrio, linea)
    barrio.save()
    return True


def _validar(objeto, linea):
    try:
        objeto.full_clean()
    except ValidationError as exc:
        raise ValidationError(f"Línea {linea}: {'; '.join(exc.messages)}") from exc
