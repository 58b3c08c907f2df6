"""The CSV every export writes: safe cells, readable accents, and the way back for an edited file."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from civic import hojas


def test_una_celda_que_empieza_como_formula_lleva_apostrofo_y_vuelve_igual():
    for texto in ('=HYPERLINK("http://x")', "+57 300", "-algo", "@SUMA(A1)", "\tcampo"):
        celda = hojas.celda(texto)
        assert celda == "'" + texto
        assert hojas.texto_de_celda(celda) == texto
    assert hojas.celda(-5) == "-5"  # a number is not a formula
    assert hojas.texto_de_celda("'normal") == "'normal"  # an apostrophe the person wrote stays


def test_fechas_momentos_y_booleanos():
    assert hojas.celda(date(2026, 7, 1)) == "2026-07-01"
    assert hojas.celda(datetime(2026, 7, 1, 3, 0, tzinfo=ZoneInfo("UTC"))) == "2026-06-30 22:00"
    assert hojas.celda(True) == "Sí"
    assert hojas.celda(False, si_no=("X", "")) == ""
    assert hojas.celda(None) == ""


def test_el_archivo_empieza_con_la_marca_de_utf8_y_una_linea_por_fila():
    lineas = list(hojas.lineas(["Nombre", "Fecha"], [["Junta «El Vallado», Cali", date(2026, 7, 1)]]))
    assert lineas == ["\ufeffNombre,Fecha\r\n", '"Junta «El Vallado», Cali",2026-07-01\r\n']
