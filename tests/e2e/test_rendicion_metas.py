"""The plan's goals and the Participa page in Chromium at 1280 and 360 px with axe: the tree with its
progress bars, a goal's page with its milestones and children, and Participa."""

from datetime import date

import pytest
from playwright.sync_api import expect

from rendicion.models import Audiencia, Avance, EstadoMeta, MetaPlan
from tests.civic.fabricas import ComunaFactory, DependenciaFactory, en_bogota
from tests.e2e.test_acciones_pqrs import en_cada_ancho

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plan():
    dap = DependenciaFactory(sigla="DAP", nombre="Departamento Administrativo de Planeación")
    sbs = DependenciaFactory(sigla="SBS", nombre="Secretaría de Bienestar Social")
    comuna = ComunaFactory(numero=20, nombre="Comuna 20")
    raiz = MetaPlan.objects.create(
        codigo="1", nombre="Cali protege a la niñez", meta_cuatrienio=100, unidad="%", dependencia=dap
    )
    hogares = MetaPlan.objects.create(
        codigo="1.1",
        nombre="Hogares infantiles con cupos nuevos en las comunas de ladera",
        padre=raiz,
        peso=3,
        linea_base=10,
        meta_cuatrienio=110,
        unidad="hogares",
        dependencia=sbs,
        comuna=comuna,
    )
    MetaPlan.objects.create(
        codigo="1.2",
        nombre="Comedores comunitarios",
        padre=raiz,
        meta_cuatrienio=20,
        unidad="comedores",
        dependencia=sbs,
        estado=EstadoMeta.objects.get(nombre="En ejecución"),
    )
    for fecha, valor in ((date(2025, 3, 31), 25), (date(2025, 9, 30), 40)):
        Avance.objects.create(
            meta=hogares,
            fecha=fecha,
            valor=valor,
            descripcion="Corte de seguimiento del plan indicativo.",
            evidencia="https://datos.example.gov.co/avance.pdf",
            publicar_desde=fecha,
        )
    Audiencia.objects.create(
        titulo="Audiencia pública de rendición de cuentas", fecha=en_bogota(2026, 12, 15, 9), lugar="Concejo"
    )
    return hogares


def test_arbol_meta_y_participa(page, revisar_accesibilidad, tmp_path, plan):
    page.goto("/rendicion/metas/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Metas del plan de desarrollo")
    expect(
        page.get_by_role(
            "progressbar", name="1.1 Hogares infantiles con cupos nuevos en las comunas de ladera"
        )
    ).to_be_visible()
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "metas")

    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_label("Comuna o corregimiento").select_option(label="Comuna 20")
    page.get_by_role("button", name="Filtrar").click()
    expect(page.get_by_text("Comedores comunitarios")).to_have_count(0)
    page.get_by_role("link", name="Hogares infantiles con cupos nuevos en las comunas de ladera").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hogares infantiles")
    expect(page.get_by_role("link", name="Evidencia del avance del 30 de septiembre de 2025")).to_be_visible()
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "meta")

    page.goto("/rendicion/metas/1/".replace("1", str(plan.padre_id)))
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "meta-superior")

    page.goto("/rendicion/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Participa")
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "participa")
    print(tmp_path)
