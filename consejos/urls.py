from django.urls import path

from . import views

app_name = "consejos"

urlpatterns = [
    path("", views.inicio, name="inicio"),
    path("comuna/<int:pk>/", views.comuna, name="comuna"),
    path("comuna/<int:pk>/compromisos/", views.compromisos_comuna, name="compromisos_comuna"),
    path("instancia/<int:pk>/", views.instancia, name="instancia"),
    path("actas/<int:pk>/", views.acta, name="acta"),
    path("actas/<int:pk>/pdf/", views.acta_pdf, name="acta_pdf"),
    path("actas/<int:pk>/version/<int:numero>/", views.acta_version, name="acta_version"),
    path("actas/<int:pk>/firmada/", views.acta_escaneo, name="acta_escaneo"),
    path("actas/<int:pk>/anexos/<int:anexo>/", views.acta_anexo, name="acta_anexo"),
    path("buscar/", views.buscar, name="buscar"),
    path("compromisos/<int:pk>/", views.compromiso, name="compromiso"),
    path("compromisos/<int:pk>/evidencias/<int:evidencia>/", views.evidencia, name="evidencia"),
    path("calendario/comuna/<int:pk>.ics", views.calendario_comuna, name="calendario_comuna"),
    path("calendario/instancia/<int:pk>.ics", views.calendario_instancia, name="calendario_instancia"),
    path("calendario/", views.calendario_ayuda, name="calendario_ayuda"),
    path("actas.atom", views.FeedActas(), name="feed_actas"),
    path("suscribirse/", views.suscribir, name="suscribir"),
    path("suscribirse/enviado/", views.suscripcion_enviada, name="suscripcion_enviada"),
    path("suscribirse/confirmar/<str:llave>/", views.confirmar, name="confirmar"),
    path("suscribirse/baja/<str:llave>/", views.baja, name="baja"),
]
