"""`maquina_de_compromiso`: the one table of a commitment's life, declared from an app's own choices."""

import pytest
from django.db import models

from civic.expedientes.maquina import TransicionInvalida
from civic.plazos.compromisos import maquina_de_compromiso


class Estado(models.TextChoices):
    PENDIENTE = "pendiente", "Pendiente"
    EN_CURSO = "en_curso", "En curso"
    CUMPLIDA = "cumplida", "Cumplida"
    CANCELADA = "cancelada", "Cancelada"


class Accion(models.TextChoices):
    INICIAR = "iniciar", "iniciar"
    CUMPLIR = "cumplir", "dar por cumplida"
    CANCELAR = "cancelar", "cancelar"
    REABRIR = "reabrir", "reabrir"


def _maquina(con_reabrir=False):
    return maquina_de_compromiso(
        estados=Estado,
        acciones=Accion,
        cumplido=Estado.CUMPLIDA,
        cancelado=Estado.CANCELADA,
        sujeto="una tarea",
        sujeto_definido="la tarea",
        con_reabrir=con_reabrir,
    )


def test_corre_mientras_esta_pendiente_o_en_curso_y_se_cierra_cumplida_o_cancelada():
    maquina = _maquina()
    assert maquina.en_curso == {Estado.PENDIENTE, Estado.EN_CURSO}
    assert maquina.destino(Estado.PENDIENTE, Accion.INICIAR) == Estado.EN_CURSO
    for origen in (Estado.PENDIENTE, Estado.EN_CURSO):
        assert maquina.destino(origen, Accion.CUMPLIR) == Estado.CUMPLIDA
        assert maquina.destino(origen, Accion.CANCELAR) == Estado.CANCELADA
    assert maquina.permitidas(Estado.CUMPLIDA) == []
    with pytest.raises(TransicionInvalida, match="No se puede iniciar una tarea en estado «En curso»"):
        maquina.destino(Estado.EN_CURSO, Accion.INICIAR)


def test_reabrir_solo_si_la_app_lo_declara():
    assert not _maquina().permite(Estado.CANCELADA, Accion.REABRIR)
    maquina = _maquina(con_reabrir=True)
    assert maquina.destino(Estado.CUMPLIDA, Accion.REABRIR) == Estado.EN_CURSO
    assert maquina.destino(Estado.CANCELADA, Accion.REABRIR) == Estado.EN_CURSO
    assert not maquina.permite(Estado.PENDIENTE, Accion.REABRIR)
