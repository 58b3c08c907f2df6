"""The kernel's parts of a staff form page: the error summary, the fields and the submit row
(templates/admin/expedientes/_errores.html, _campos.html and _enviar.html)."""

from django import forms
from django.template.loader import render_to_string


class _Form(forms.Form):
    nombre = forms.CharField(label="Nombre", help_text="Como aparece en el documento.")

    def clean(self):
        raise forms.ValidationError("Algo no cuadra.")


def test_errores_solo_con_errores_y_los_del_formulario_en_alerta():
    assert "errornote" not in render_to_string("admin/expedientes/_errores.html", {"form": _Form()})
    assert "errornote" in render_to_string(
        "admin/expedientes/_errores.html", {"form": _Form(), "hay_errores": True}
    )
    html = render_to_string("admin/expedientes/_errores.html", {"form": _Form({"nombre": "x"})})
    assert "No se guardó nada. Corrija lo indicado:" in html
    assert '<div role="alert">' in html and "Algo no cuadra." in html


def test_campos_con_error_etiqueta_y_ayuda():
    html = render_to_string("admin/expedientes/_campos.html", {"form": _Form({})})
    assert '<fieldset class="module aligned">' in html
    assert 'class="form-row errors"' in html and '<label for="id_nombre"' in html
    assert '<div class="help" id="id_nombre_helptext">Como aparece en el documento.</div>' in html


def test_enviar_con_y_sin_volver():
    html = render_to_string(
        "admin/expedientes/_enviar.html", {"boton": "Guardar", "url_volver": "/x/", "volver": "Volver"}
    )
    assert '<input type="submit" class="default" value="Guardar">' in html
    assert '<a href="/x/" class="closelink">Volver</a>' in html
    assert "closelink" not in render_to_string("admin/expedientes/_enviar.html", {"boton": "Guardar"})
