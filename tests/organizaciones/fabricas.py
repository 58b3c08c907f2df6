"""Factories of the organizations registry and helpers to file and decide procedures in tests."""

from datetime import date

import factory
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from factory.django import DjangoModelFactory

from organizaciones.models import (
    ClaseTerritorio,
    DocumentoRequerido,
    EstadoOrganizacion,
    Organizacion,
    TipoOrganizacion,
)
from organizaciones.roles import ORGANIZACIONES
from tests.civic.fabricas import ComunaFactory, FuncionarioFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(nombre: str = "documento.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(nombre, PDF, content_type="application/pdf")


class OrganizacionFactory(DjangoModelFactory):
    class Meta:
        model = Organizacion

    tipo = TipoOrganizacion.JAC
    nombre = factory.Sequence(lambda n: f"Junta de Acción Comunal Barrio {n}")
    comuna = factory.SubFactory(ComunaFactory)
    clase_territorio = ClaseTerritorio.BARRIO_CAPITAL
    afiliados = 120
    estado = EstadoOrganizacion.ACTIVA
    personeria_numero = factory.Sequence(lambda n: f"Resolución {n:04d} de 2010")
    personeria_fecha = date(2010, 5, 4)
    personeria_autoridad = "Secretaría de Desarrollo Territorial"


def funcionario_ivc(**kwargs):
    usuario = FuncionarioFactory(**kwargs)
    usuario.groups.add(Group.objects.get(name=ORGANIZACIONES))
    return usuario


def peticionario(**extra) -> dict:
    return {
        "tipo_documento": "CC",
        "numero_documento": "31999888",
        "nombres": "Marta Lucía",
        "apellidos": "Arboleda",
        "correo": "presidencia.jac@correo.test",
        "telefono": "3001234567",
        "direccion": "Calle 5 # 10-20",
        "autorizacion_datos_version": "2026-01",
        **extra,
    }


def documentos_de(clase: str) -> dict:
    """A PDF for every mandatory line of the type's checklist."""
    return {
        d.pk: [pdf(f"{d.pk}.pdf")]
        for d in DocumentoRequerido.objects.filter(tipo__clase=clase, obligatorio=True)
    }


def junta(
    n: int = 5, *, mujeres: int = 2, inicio=date(2026, 7, 1), fin=date(2030, 6, 30), base: int = 1000
) -> list[dict]:
    cargos = ["presidente", "vicepresidente", "tesorero", "secretario", "fiscal", "conciliador", "delegado"]
    return [
        {
            "nombres": f"Persona {i}",
            "apellidos": "Prueba",
            "tipo_documento": "CC",
            "numero_documento": str(base + i),
            "genero": "mujer" if i < mujeres else "hombre",
            "cargo": cargos[i % len(cargos)],
            "inicio": inicio,
            "fin": fin,
        }
        for i in range(n)
    ]
