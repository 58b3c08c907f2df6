"""An informe's indicators as open data (Ley 1712 de 2014): the same figures the page shows, as JSON and
CSV (civic.hojas), and the PDF of the whole report (civic.pdf)."""

from collections.abc import Iterator
from decimal import Decimal

from django.utils.translation import gettext as _

from civic import hojas
from civic.pdf import pdf_de_plantilla
from rendicion.models import Informe, Seccion
from rendicion.selectors.informes import Cifra


def _numero(valor):
    return float(valor) if isinstance(valor, Decimal) else valor


def unidad(cifra: Cifra) -> str:
    return cifra.indicador.unidad or (cifra.resultado.unidad if cifra.resultado else "")


def indicadores(informe: Informe, secciones: list[tuple[Seccion, list[Cifra]]]) -> list[dict]:
    """One record per indicator: the headline figure (`total`: the source's, or the typed logro), the
    typed meta and logro, and the source's breakdown rows."""
    return [
        {
            "informe": informe.titulo,
            "version": informe.version,
            "seccion": seccion.titulo,
            "indicador": cifra.indicador.nombre,
            "fuente": cifra.indicador.fuente,
            "parametros": cifra.indicador.parametros or {},
            "unidad": unidad(cifra),
            "total": _numero(cifra.valor),
            "meta": _numero(cifra.indicador.meta),
            "logro": _numero(cifra.indicador.logro),
            "cumplimiento": cifra.cumplimiento,
            "filas": [
                {"etiqueta": etiqueta, "valor": _numero(valor)}
                for etiqueta, valor in (cifra.resultado.filas if cifra.resultado else ())
            ],
        }
        for seccion, cifras in secciones
        for cifra in cifras
    ]


def como_json(informe: Informe, secciones: list[tuple[Seccion, list[Cifra]]], *, url: str = "") -> dict:
    return {
        "informe": {
            "id": informe.pk,
            "titulo": informe.titulo,
            "version": informe.version,
            "estado": informe.estado,
            "desde": informe.desde.isoformat(),
            "hasta": informe.hasta.isoformat(),
            "fecha": informe.fecha.isoformat(),
            "publicado_en": informe.publicado_en.isoformat() if informe.publicado_en else None,
            "dependencias": [d.nombre for d in informe.dependencias.all()],
            "anterior": informe.anterior_id,
            "url": url,
        },
        "indicadores": indicadores(informe, secciones),
    }


def lineas_csv(informe: Informe, secciones: list[tuple[Seccion, list[Cifra]]]) -> Iterator[str]:
    """One line per indicator (its total) followed by one line per breakdown row (fila, valor)."""

    def filas():
        for d in indicadores(informe, secciones):
            base = [
                d["informe"],
                d["version"],
                d["seccion"],
                d["indicador"],
                d["fuente"],
                d["unidad"],
                d["total"],
                d["meta"],
                d["logro"],
                d["cumplimiento"],
            ]
            yield [*base, "", ""]
            for fila in d["filas"]:
                yield [*base, fila["etiqueta"], fila["valor"]]

    return hojas.lineas(
        [
            _("informe"),
            _("versión"),
            _("sección"),
            _("indicador"),
            _("fuente"),
            _("unidad"),
            _("total"),
            _("meta"),
            _("logro"),
            _("cumplimiento (%)"),
            _("fila"),
            _("valor de la fila"),
        ],
        filas(),
    )


def pdf(contexto: dict) -> bytes:
    return pdf_de_plantilla("rendicion/informes/pdf.html", contexto)
