from django.http import HttpResponse, JsonResponse


def inicio(request):
    return HttpResponse("Portal de participación")


def salud(request):
    return JsonResponse({"estado": "ok"})
