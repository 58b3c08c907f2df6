"""The admin's free-text search on its indexes: a bounded count, and trigram indexes PostgreSQL can use."""

import pytest
from django.db import connection, transaction
from django.urls import reverse

from pqrs import paginacion
from pqrs.admin.exportacion import filas
from tests.apoyo import requiere_servicios
from tests.pqrs.factories import SolicitudFactory, coordinador

pytestmark = pytest.mark.django_db

LISTA = reverse("admin:pqrs_solicitud_changelist")


def test_una_busqueda_cuenta_hasta_su_propio_tope(client, monkeypatch):
    monkeypatch.setattr(paginacion, "TOPE_BUSQUEDA", 2)
    for _ in range(3):
        SolicitudFactory(asunto="Poda de árboles en el parque")
    client.force_login(coordinador())

    buscada = client.get(LISTA, {"q": "árboles"})
    sin_buscar = client.get(LISTA)

    assert buscada.context["cl"].paginator.acotado
    assert "más de 2 resultados" in buscada.content.decode()
    assert len(buscada.context["cl"].result_list) == 3  # the page itself is whole
    assert not sin_buscar.context["cl"].paginator.acotado
    assert "3 solicitudes" in sin_buscar.content.decode()


@pytest.mark.servicios
@pytest.mark.parametrize(
    ("termino", "indices"),
    [
        ("charco", {"pqrs_asunto_trgm_idx", "pqrs_nombres_trgm_idx", "pqrs_apellidos_trgm_idx"}),
        ("charco azul", {"pqrs_asunto_trgm_idx", "pqrs_razon_social_trgm_idx"}),
    ],
)
def test_la_busqueda_de_texto_usa_los_indices_de_trigramas(termino, indices):
    """The search's SQL (Django's icontains: UPPER(col::text) LIKE …) is the indexed expression."""
    requiere_servicios(postgres=True)
    SolicitudFactory(asunto="Relleno del humedal Charco Azul")
    consulta = filas(coordinador(), f"q={termino}").order_by().values("pk")
    sql, parametros = consulta.query.sql_with_params()

    with transaction.atomic(), connection.cursor() as cursor:
        # Few rows here: the planner would read the table; without that choice it must take an index.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", parametros)
        plan = "\n".join(fila[0] for fila in cursor.fetchall())

    assert all(indice in plan for indice in indices), plan
    assert list(consulta) != []
