"""The snippet helpers of the full-text search: what is shown is escaped, matched words are marked, and
the SQLite stand-in ignores accents as PostgreSQL's configuration does."""

from civic import busqueda


def test_resaltar_escapa_el_texto_y_marca_las_palabras():
    fragmento = "<script>x</script> la \x01sesión\x02 del consejo"
    assert busqueda.resaltar(fragmento) == (
        "&lt;script&gt;x&lt;/script&gt; la <mark>sesión</mark> del consejo"
    )
    assert busqueda.resaltar(None) == ""


def test_el_fragmento_de_respaldo_ignora_tildes_y_recorta_alrededor():
    texto = "Inicio. " + "relleno " * 40 + "Se instaló la sesión sobre transporte masivo. " + "cola " * 40
    fragmento = busqueda.fragmento_de(texto, "sesion transporte")
    html = busqueda.resaltar(fragmento)
    assert "<mark>sesión</mark>" in html and "<mark>transporte</mark>" in html
    assert fragmento.startswith("…") and fragmento.endswith("…")
    assert len(fragmento) < len(texto)
