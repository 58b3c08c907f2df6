"""The registry of indicator sources: apps declare, the kernel computes and a result survives a snapshot."""

from datetime import date
from decimal import Decimal

from civic import indicadores


def test_una_fuente_registrada_se_calcula_por_su_clave_y_su_resultado_se_congela():
    def contar(desde, hasta, parametros):
        dias = (hasta - desde).days + 1
        return indicadores.Resultado(
            total=dias, unidad="días", filas=(("enero", Decimal("31")), (parametros.get("x", "?"), None))
        )

    indicadores.registrar(indicadores.Fuente(clave="prueba.dias", nombre="Días", calcular=contar))
    resultado = indicadores.calcular("prueba.dias", date(2026, 1, 1), date(2026, 1, 31), {"x": "uno"})
    assert resultado.total == 31
    congelado = resultado.como_dict()
    assert congelado == {"total": 31, "unidad": "días", "filas": [["enero", 31.0], ["uno", None]]}
    assert indicadores.Resultado.desde_dict(congelado).filas == (("enero", 31.0), ("uno", None))
    assert "prueba.dias" in [f.clave for f in indicadores.fuentes()]
