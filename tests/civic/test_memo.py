"""civic.memo: one computation per process until the group changes here or in another process, or expires."""

import pytest
from django.core.cache import cache

from civic import memo

# invalidar() also acts on commit (transaction.on_commit needs the database).
pytestmark = pytest.mark.django_db


@pytest.fixture
def reloj(monkeypatch):
    """The monotonic clock memo reads, moved by hand."""
    ahora = [1000.0]
    monkeypatch.setattr(memo.time, "monotonic", lambda: ahora[0])
    return ahora


def contador():
    llamadas = []

    def calcular():
        llamadas.append(1)
        return len(llamadas)

    return calcular, llamadas


def test_se_calcula_una_vez_hasta_que_el_grupo_cambia_en_este_proceso(reloj):
    calcular, llamadas = contador()

    assert memo.memo("k", calcular, grupos=["g"]) == 1
    assert memo.memo("k", calcular, grupos=["g"]) == 1
    memo.invalidar("g")
    assert memo.memo("k", calcular, grupos=["g"]) == 2
    assert len(llamadas) == 2


def test_otro_proceso_invalida_y_este_lo_ve_en_la_siguiente_revision(reloj):
    calcular, _llamadas = contador()
    memo.memo("k", calcular, grupos=["g"])

    # Another process's invalidar(): only the shared cache changes.
    cache.set("civic:memo:g", "sello-de-otro-proceso", timeout=None)
    assert memo.memo("k", calcular, grupos=["g"]) == 1  # within the revision interval
    reloj[0] += memo.REVISION_SEGUNDOS
    assert memo.memo("k", calcular, grupos=["g"]) == 2


def test_un_grupo_ajeno_no_invalida(reloj):
    calcular, _llamadas = contador()
    memo.memo("k", calcular, grupos=["g"])

    memo.invalidar("otro")

    assert memo.memo("k", calcular, grupos=["g"]) == 1


def test_el_valor_vence_aunque_nadie_invalide(reloj):
    calcular, _llamadas = contador()
    memo.memo("k", calcular, segundos=60)

    reloj[0] += 59
    assert memo.memo("k", calcular, segundos=60) == 1
    reloj[0] += 1
    assert memo.memo("k", calcular, segundos=60) == 2


def test_la_memoria_tiene_un_tope_y_olvida_lo_menos_usado(reloj, monkeypatch):
    monkeypatch.setattr(memo, "MAXIMO", 2)
    calcular, llamadas = contador()
    memo.memo("a", calcular)
    memo.memo("b", calcular)
    memo.memo("a", calcular)  # "a" used last: "b" goes first
    memo.memo("c", calcular)

    memo.memo("a", calcular)
    assert len(llamadas) == 3
    memo.memo("b", calcular)
    assert len(llamadas) == 4
