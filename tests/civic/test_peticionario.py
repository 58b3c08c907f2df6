"""The petitioner fields every filing form shares (civic.expedientes.peticionario)."""

import pytest
from django import forms
from django.core.exceptions import ValidationError

from civic.expedientes.peticionario import marcar_campos_peticionario, validar_documento, validar_telefono


@pytest.mark.parametrize("valor", ["1144000000", "AB-123.45", "PE 1234"])
def test_un_documento_con_letras_numeros_puntos_o_guiones_es_valido(valor):
    validar_documento(valor)


@pytest.mark.parametrize("valor", ["12", "1144<script>", "x" * 21])
def test_un_documento_con_otros_caracteres_se_rechaza_en_espanol(valor):
    with pytest.raises(ValidationError, match="número de documento"):
        validar_documento(valor)


def test_un_telefono_necesita_siete_digitos():
    validar_telefono("+57 (602) 555-1234")
    with pytest.raises(ValidationError, match="al menos 7 dígitos"):
        validar_telefono("123")


def test_los_campos_del_peticionario_llevan_su_proposito_para_el_navegador():
    class Formulario(forms.Form):
        nombres = forms.CharField()
        correo = forms.EmailField()
        telefono = forms.CharField()
        asunto = forms.CharField()

    form = Formulario()
    marcar_campos_peticionario(form)
    assert form.fields["nombres"].widget.attrs["autocomplete"] == "given-name"
    assert form.fields["correo"].widget.attrs["autocomplete"] == "email"
    assert form.fields["telefono"].widget.input_type == "tel"
    assert "autocomplete" not in form.fields["asunto"].widget.attrs
