import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from civic.models import Barrio, Comuna

CORREGIMIENTOS_CALI = [
    "Navarro", "El Hormiguero", "Pance", "La Buitrera", "Villacarmelo", "Los Andes", "Pichindé", "La Leonera",
    "Felidia", "El Saladito", "La Elvira", "La Castilla", "La Paz", "Montebello", "Golondrinas",
]  # fmt: skip

pytestmark = pytest.mark.django_db


def test_cali_22_comunas_y_15_corregimientos_idempotente():
    call_command("cargar_territorio", "cali")
    call_command("cargar_territorio", "cali")
    comunas = Comuna.objects.filter(tipo=Comuna.Tipo.COMUNA)
    assert comunas.count() == 22
    assert set(comunas.values_list("zona", flat=True)) == {Comuna.Zona.URBANA}
    corregimientos = Comuna.objects.filter(tipo=Comuna.Tipo.CORREGIMIENTO).order_by("numero")
    assert list(corregimientos.values_list("nombre", flat=True)) == CORREGIMIENTOS_CALI
    assert set(corregimientos.values_list("zona", flat=True)) == {Comuna.Zona.RURAL}


def test_palmira_comunas_urbanas_y_rurales():
    call_command("cargar_territorio", "palmira")
    assert Comuna.objects.filter(zona=Comuna.Zona.URBANA).count() == 7
    rurales = Comuna.objects.filter(zona=Comuna.Zona.RURAL)
    assert sorted(rurales.values_list("numero", flat=True)) == list(range(8, 17))


def test_csv_propio_con_barrios_y_veredas(tmp_path):
    archivo = tmp_path / "jamundi.csv"
    archivo.write_text(
        "tipo,numero,nombre,zona,barrio,tipo_barrio\n"
        "comuna,1,Comuna 1,urbana,Centro,barrio\n"
        "comuna,1,Comuna 1,urbana,La Pradera,barrio\n"
        "corregimiento,1,Potrerito,rural,El Cedro,vereda\n",
        encoding="utf-8",
    )
    call_command("cargar_territorio", csv=archivo)
    call_command("cargar_territorio", csv=archivo)
    assert Comuna.objects.count() == 2
    assert list(Barrio.objects.order_by("nombre").values_list("nombre", "tipo", "comuna__nombre")) == [
        ("Centro", "barrio", "Comuna 1"),
        ("El Cedro", "vereda", "Potrerito"),
        ("La Pradera", "barrio", "Comuna 1"),
    ]


def test_csv_corregido_actualiza_nombres(tmp_path):
    archivo = tmp_path / "t.csv"
    archivo.write_text("tipo,numero,nombre,zona\ncorregimiento,3,Pance,rural\n", encoding="utf-8")
    call_command("cargar_territorio", csv=archivo)
    archivo.write_text(
        "tipo,numero,nombre,zona\ncorregimiento,3,Pance (zona rural),rural\n", encoding="utf-8"
    )
    call_command("cargar_territorio", csv=archivo)
    assert Comuna.objects.get(tipo="corregimiento", numero=3).nombre == "Pance (zona rural)"


def test_csv_invalido_no_carga_nada(tmp_path):
    archivo = tmp_path / "malo.csv"
    archivo.write_text(
        "tipo,numero,nombre,zona\ncomuna,1,Comuna 1,urbana\ncomuna,dos,Comuna 2,urbana\n", encoding="utf-8"
    )
    with pytest.raises(CommandError, match="Línea 3"):
        call_command("cargar_territorio", csv=archivo)
    assert Comuna.objects.count() == 0


def test_zona_desconocida_se_rechaza(tmp_path):
    archivo = tmp_path / "malo.csv"
    archivo.write_text("tipo,numero,nombre,zona\ncomuna,1,Comuna 1,lunar\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Línea 2"):
        call_command("cargar_territorio", csv=archivo)
    assert Comuna.objects.count() == 0
