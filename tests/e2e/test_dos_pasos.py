"""The staff second factor in the browser: enrolment page and login with the code, at 1280 and 360 px, with
axe (WCAG 2.1 AA) and no Content-Security-Policy refusal (the QR code is a data: image)."""

import time

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.civic.fabricas import FuncionarioFactory
from tests.e2e.test_acciones_pqrs import sin_bloqueos_csp

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True)]

CLAVE = "Clave-de-prueba-2026"
ANCHOS = ({"width": 1280, "height": 900}, {"width": 360, "height": 740})


def codigo_actual(dispositivo: TOTPDevice, desfase: int = 0) -> str:
    totp = TOTP(dispositivo.bin_key, dispositivo.step, dispositivo.t0, dispositivo.digits, dispositivo.drift)
    totp.time = time.time() + desfase
    return f"{totp.token():06d}"


def test_inscribirse_y_entrar_con_el_codigo(sesion_de_personal, revisar_accesibilidad, browser, tmp_path):
    usuario = FuncionarioFactory(username="ana.ventanilla")
    usuario.set_password(CLAVE)
    usuario.save()
    pagina = sesion_de_personal(usuario, CLAVE)

    with sin_bloqueos_csp(pagina):
        pagina.get_by_role("link", name="Verificación en dos pasos").click()
        expect(pagina.get_by_role("heading", level=1)).to_have_text("Verificación en dos pasos")
        qr = pagina.get_by_role("img", name="Código QR para agregar la cuenta a la aplicación")
        expect(qr).to_be_visible()
        assert pagina.evaluate("document.querySelector('.dos-pasos-qr').naturalWidth") > 0  # it loaded
    for ancho in ANCHOS:
        pagina.set_viewport_size(ancho)
        revisar_accesibilidad(pagina)
        assert pagina.evaluate("document.documentElement.scrollWidth") <= ancho["width"]
        pagina.screenshot(path=str(tmp_path / f"inscripcion-{ancho['width']}.png"), full_page=True)

    # A wrong code: the error next to the field, the page still there.
    pagina.get_by_label("Escriba el código que muestra la aplicación:").fill("12345")
    pagina.get_by_role("button", name="Activar la verificación en dos pasos").click()
    expect(pagina.get_by_role("alert")).to_contain_text("El código no coincide")
    revisar_accesibilidad(pagina)

    dispositivo = TOTPDevice.objects.get(user=usuario)
    time.sleep(1.1)  # django-otp's throttle after the wrong code
    pagina.get_by_label("Escriba el código que muestra la aplicación:").fill(codigo_actual(dispositivo))
    pagina.get_by_role("button", name="Activar la verificación en dos pasos").click()
    expect(pagina.locator(".messagelist")).to_contain_text("Verificación en dos pasos activada")
    pagina.get_by_role("link", name="Verificación en dos pasos").click()
    expect(pagina.locator("#content-main")).to_contain_text("está activa en su cuenta desde el")
    for ancho in ANCHOS:
        pagina.set_viewport_size(ancho)
        revisar_accesibilidad(pagina)
        pagina.screenshot(path=str(tmp_path / f"activa-{ancho['width']}.png"), full_page=True)

    # Signing in again asks for the code, next to its field, keeping the password typed.
    contexto = browser.new_context(base_url=pagina.url.split("/admin/")[0])
    otra = contexto.new_page()
    otra.goto("/admin/login/?next=/admin/")
    otra.get_by_label("Nombre de usuario").fill("ana.ventanilla")
    otra.get_by_label("Contraseña").fill(CLAVE)
    otra.locator("#login-form").get_by_role("button").click()
    expect(otra.get_by_role("alert")).to_contain_text("Su cuenta tiene verificación en dos pasos")
    expect(otra.get_by_label("Contraseña")).to_have_value(CLAVE)
    expect(otra.get_by_label("Código de verificación")).to_be_focused()
    for ancho in ANCHOS:
        otra.set_viewport_size(ancho)
        revisar_accesibilidad(otra)
        otra.screenshot(path=str(tmp_path / f"ingreso-{ancho['width']}.png"), full_page=True)
    # The next 30-second step: the code used to enrol cannot be used twice.
    otra.get_by_label("Código de verificación").fill(codigo_actual(dispositivo, desfase=30))
    otra.locator("#login-form").get_by_role("button").click()
    otra.wait_for_url("**/admin/")
    expect(otra.locator("#user-tools")).to_contain_text("Verificación en dos pasos")
    contexto.close()
