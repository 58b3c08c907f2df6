from django.conf import settings


def municipio(request):
    """The municipality's identity for the site shell (header, footer, e-mails)."""
    return {"MUNICIPIO": settings.MUNICIPIO}
