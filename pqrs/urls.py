from django.urls import path
from django.views.generic import RedirectView

from . import views

app_name = "pqrs"

urlpatterns = [
    path("radicar/", views.radicar, name="radicar"),
    path("radicada/<str:radicado>/", views.acuse, name="acuse"),
    path("radicada/<str:radicado>/acuse.pdf", views.acuse_pdf, name="acuse_pdf"),
    # The one tracking form is the kernel's, for every series; old links and bookmarks still work.
    path(
        "consultar/",
        RedirectView.as_view(pattern_name="expedientes:consultar", permanent=True),
        name="consultar",
    ),
    path("consultar/solicitud/", views.seguimiento, name="seguimiento"),
    path("consultar/solicitud/acuse.pdf", views.acuse_pdf_seguimiento, name="seguimiento_acuse_pdf"),
    path("consultar/solicitud/informacion/", views.aportar, name="aportar"),
    path("consultar/solicitud/calificar/", views.calificar, name="calificar"),
    path("consultar/solicitud/ampliar-plazo/", views.ampliar_plazo, name="ampliar_plazo"),
    path("consultar/solicitud/desistir/", views.desistir, name="desistir"),
    path("consultar/solicitud/corregir/", views.corregir, name="corregir"),
    path("consultar/solicitud/documento/", views.aportar_documento, name="aportar_documento"),
    path("consultar/solicitud/insistir/", views.insistir, name="insistir"),
    path("consultar/solicitud/reposicion/", views.reponer, name="reponer"),
    path("consultar/solicitud/adjuntos/<int:pk>/", views.adjunto, name="adjunto"),
    path("respuestas-publicadas/", views.respuestas_publicadas, name="respuestas_publicadas"),
]
