from django.urls import path

from . import views

app_name = "rendicion"

urlpatterns = [
    path("", views.participa.inicio, name="inicio"),
    path("participa/", views.participa.pagina, name="participa"),
    path("metas/", views.metas.arbol, name="metas"),
    path("metas/<int:pk>/", views.metas.meta, name="meta"),
    path("metas/dependencia/<str:sigla>/", views.metas.de_dependencia, name="metas_dependencia"),
    path("metas/comuna/<int:pk>/", views.metas.de_comuna, name="metas_comuna"),
    path("informes/", views.informes.informes, name="informes"),
    path("informes/<int:pk>/", views.informes.informe, name="informe"),
    path("informes/<int:pk>/informe.pdf", views.informes.informe_pdf, name="informe_pdf"),
    path("informes/<int:pk>/indicadores.csv", views.informes.informe_csv, name="informe_csv"),
    path("informes/<int:pk>/indicadores.json", views.informes.informe_json, name="informe_json"),
    path("audiencias/", views.audiencias.lista, name="audiencias"),
    path("audiencias/<int:pk>/", views.audiencias.detalle, name="audiencia"),
    path("audiencias/<int:pk>/proponer/", views.audiencias.proponer, name="proponer_tema"),
    path("audiencias/<int:pk>/preguntar/", views.audiencias.preguntar, name="preguntar"),
    path("audiencias/<int:pk>/evaluar/", views.audiencias.evaluar, name="evaluar"),
    path(
        "audiencias/preguntas/<str:radicado>/", views.audiencias.pregunta_radicada, name="pregunta_radicada"
    ),
]
