"""`FormularioNota`: an admin action whose one input is a note, handed to its one service."""

from civic.expedientes.admin import FormularioNota

llamadas: list[dict] = []


def _servicio(**kwargs):
    llamadas.append(kwargs)


class AnotarForm(FormularioNota):
    accion = "anotar"
    servicio = staticmethod(_servicio)
    parametro = "tarea"
    ayuda_nota = "Queda en el seguimiento."


class DescartarForm(AnotarForm):
    nota_obligatoria = True


def test_la_nota_es_opcional_y_llega_al_servicio_con_el_objeto():
    llamadas.clear()
    objeto = object()
    form = AnotarForm({"nota": ""}, objeto=objeto)
    assert form.is_valid()
    campo = form.fields["nota"]
    assert (str(campo.label), campo.required, campo.max_length) == ("Nota", False, 2000)
    assert campo.help_text == "Queda en el seguimiento."
    form.ejecutar("actor")
    assert llamadas == [{"tarea": objeto, "nota": "", "actor": "actor"}]


def test_obligatoria_se_llama_motivo_y_se_exige():
    form = DescartarForm({"nota": ""}, objeto=object())
    assert not form.is_valid()
    assert str(form.fields["nota"].label) == "Motivo"
    assert "nota" in form.errors
    assert not DescartarForm({"nota": "x" * 2001}, objeto=object()).is_valid()
