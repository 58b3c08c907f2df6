"""Public pages side by side with Django's floor, under gunicorn in production mode, with Debian's `wrk`.

Run from the repository root:

    .venv/bin/python bench/bench_publicas.py [--rondas 3] [--duracion 4] [--clientes 10 50] [--solo /pqrs/]
    .venv/bin/python bench/bench_publicas.py --perfil [--solo /pqrs/radicar/]   # where the time goes

It makes a throwaway database (a temporary SQLite; or DATABASE_URL, which must then be a database you can
fill), migrates it, loads the demo data (`cargar_demo`) and `--solicitudes` synthetic requests, collects the
static files, and starts gunicorn with 2 sync workers, DEBUG off and the product's settings, plus one
bench-only view, the floor, that answers two bytes through the same middleware stack (`bench/urls_piso.py`,
loaded through `bench/ajustes_piso.py`; the product's URLs never have it). Requests carry
`X-Forwarded-Proto: https`, as behind the city's TLS proxy. With REDIS_URL set, the cache is Redis.

The pages are the kernel's list of public pages (`civic.sitio.secciones.paginas_publicas`): each app's
sections add theirs. For each number of clients and each page, floor and page are measured in turns
(floor, page, floor, page…, `--rondas` times each) so that the noise of a busy machine hits both alike;
the table gives the median of the rounds and the ratio page/floor of requests per second.
Goal (issue 9): ratio ≥ 0.5 at 10 clients and p95 < 50 ms at 50 clients.
"""

import argparse
import json
import os
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).parent / "gunicorn")
PISO = "/__piso__/"
META_RAZON = 0.5
META_P95_MS = 50.0

# wrk prints its own report; this script's `done` adds one JSON line with what the table needs (p95 too).
LUA = """
wrk.headers["X-Forwarded-Proto"] = "https"
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '\\nRESULTADO {"peticiones": %d, "duracion_us": %d, "p50_us": %d, "p95_us": %d, '
    .. '"errores": %d, "no_2xx": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    e.connect + e.read + e.write + e.timeout, e.status))
end
"""


def argumentos():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--rondas", type=int, default=3, help="turnos piso/página por página y clientes (3)")
    p.add_argument("--duracion", type=int, default=4, help="segundos de cada medición de wrk (4)")
    p.add_argument("--clientes", type=int, nargs="+", default=[10, 50], help="conexiones de wrk (10 50)")
    p.add_argument("--solo", nargs="*", default=[], help="solo rutas que contengan estos textos")
    p.add_argument("--solicitudes", type=int, default=5000, help="solicitudes sintéticas a cargar (5000)")
    p.add_argument("--puerto", type=int, default=8765)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--conservar", action="store_true", help="no borrar la carpeta temporal al terminar")
    p.add_argument(
        "--perfil",
        action="store_true",
        help="sin gunicorn ni wrk: ms por petición de cada página en un proceso (cliente de pruebas, "
        "mismos ajustes) y su perfil de pyinstrument",
    )
    return p.parse_args()


def exigir_wrk() -> str:
    wrk = shutil.which("wrk")
    if wrk is None:
        sys.exit(
            "Falta wrk, el generador de carga de este benchmark. En Debian o Ubuntu:\n"
            "    apt-get install -y wrk      (o: sudo apt-get install -y wrk)\n"
            "y vuelva a ejecutar este comando."
        )
    return wrk


def entorno(carpeta: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", f"sqlite:///{carpeta / 'bench.sqlite3'}")
    env["PYTHONPATH"] = os.pathsep.join([str(RAIZ), str(BENCH)])
    env["BENCH_STATIC_ROOT"] = str(carpeta / "static")
    return env


def preparar(env: dict[str, str], solicitudes: int) -> list[str]:
    """Migrate, demo data, synthetic requests (DEBUG on: cargar_demo refuses otherwise), then the list
    of public pages, as the product's URLconf names them."""
    preparacion = {**env, "DEBUG": "true", "DJANGO_SETTINGS_MODULE": "civic.settings"}
    codigo = f"""
import django; django.setup()
from django.core.management import call_command
from pqrs.models import Solicitud
from civic.sitio.secciones import paginas_publicas
call_command("migrate", verbosity=0)
call_command("cargar_demo", verbosity=0, stdout=open("/dev/null", "w"))
faltan = {solicitudes} - Solicitud.objects.count()
if faltan > 0:
    call_command("generar_pqrs_sinteticas", faltan, "--semilla", "2026", stdout=open("/dev/null", "w"))
print("PAGINAS", " ".join(paginas_publicas()))
"""
    salida = subprocess.run(
        [PYTHON, "-c", codigo], env=preparacion, cwd=RAIZ, check=True, capture_output=True, text=True
    ).stdout
    linea = next(x for x in salida.splitlines() if x.startswith("PAGINAS "))
    return linea.split()[1:]


def entorno_servidor(env: dict[str, str]) -> dict[str, str]:
    return {
        **env,
        "DEBUG": "false",
        "DJANGO_SETTINGS_MODULE": "ajustes_piso",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
    }


def arrancar(env: dict[str, str], puerto: int, workers: int, carpeta: Path) -> subprocess.Popen:
    subprocess.run([PYTHON, "manage.py", "collectstatic", "--no-input", "-v0"], env=env, cwd=RAIZ, check=True)
    registro = open(carpeta / "gunicorn.log", "w")  # noqa: SIM115 (open while the server runs)
    servidor = subprocess.Popen(
        [
            GUNICORN,
            "civic.wsgi:application",
            "--workers",
            str(workers),
            "--worker-class",
            "sync",
            "--bind",
            f"127.0.0.1:{puerto}",
        ],
        env=env,
        cwd=RAIZ,
        stdout=registro,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            if pedir(puerto, PISO)[0] == 200:
                return servidor
        except OSError:
            pass
        if servidor.poll() is not None:
            break
        time.sleep(0.2)
    parar(servidor)
    sys.exit(f"gunicorn no arrancó; vea {carpeta / 'gunicorn.log'}")


def parar(servidor: subprocess.Popen) -> None:
    if servidor.poll() is None:
        os.killpg(servidor.pid, signal.SIGTERM)
        servidor.wait(timeout=30)


class SinRedireccion(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def pedir(puerto: int, ruta: str) -> tuple[int, int]:
    pedido = urllib.request.Request(
        f"http://127.0.0.1:{puerto}{ruta}", headers={"X-Forwarded-Proto": "https"}
    )
    abridor = urllib.request.build_opener(SinRedireccion)
    try:
        with abridor.open(pedido, timeout=10) as respuesta:
            return respuesta.status, len(respuesta.read())
    except urllib.error.HTTPError as error:
        return error.code, 0


def medir(wrk: str, lua: Path, puerto: int, ruta: str, clientes: int, duracion: int) -> dict:
    salida = subprocess.run(
        [
            wrk,
            f"-t{min(2, clientes)}",
            f"-c{clientes}",
            f"-d{duracion}s",
            "--timeout",
            "10s",
            "-s",
            str(lua),
            f"http://127.0.0.1:{puerto}{ruta}",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    datos = json.loads(salida.split("RESULTADO ", 1)[1])
    return {
        "rps": datos["peticiones"] / (datos["duracion_us"] / 1e6),
        "p50": datos["p50_us"] / 1000,
        "p95": datos["p95_us"] / 1000,
        "fallos": datos["errores"] + datos["no_2xx"],
    }


PERFIL = """
import sys, time
import django; django.setup()
from django.test import Client
from pyinstrument import Profiler
cliente = Client(HTTP_X_FORWARDED_PROTO="https", SERVER_NAME="127.0.0.1")
for ruta in sys.argv[1:]:
    for _ in range(20):
        assert cliente.get(ruta).status_code == 200, ruta
    inicio = time.perf_counter()
    for _ in range(200):
        cliente.get(ruta)
    print(f"{ruta}: {(time.perf_counter() - inicio) / 200 * 1000:.2f} ms por petición", flush=True)
    perfil = Profiler(interval=0.0002)
    with perfil:
        for _ in range(200):
            cliente.get(ruta)
    print(perfil.output_text(color=False, unicode=False), flush=True)
"""


def perfilar(env: dict[str, str], paginas: list[str]) -> None:
    """Where the time of each page goes, in one process with the benchmark's settings (DEBUG off)."""
    subprocess.run([PYTHON, "manage.py", "collectstatic", "--no-input", "-v0"], env=env, cwd=RAIZ, check=True)
    subprocess.run([PYTHON, "-c", PERFIL, PISO, *paginas], env=env, cwd=RAIZ, check=True)


def mediana(filas: list[dict], clave: str) -> float:
    return statistics.median(f[clave] for f in filas)


def tabla(clientes: int, resultados: dict[str, dict]) -> str:
    lineas = [
        f"\n{clientes} clientes",
        "",
        "| página | req/s | p50 ms | p95 ms | piso req/s | piso p95 ms | razón | meta |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for ruta, r in resultados.items():
        razon = statistics.median(p["rps"] / s["rps"] for p, s in zip(r["pagina"], r["piso"], strict=True))
        p95 = mediana(r["pagina"], "p95")
        meta = razon >= META_RAZON if clientes <= 10 else p95 < META_P95_MS
        fallos = sum(p["fallos"] for p in r["pagina"])
        lineas.append(
            f"| `{ruta}` | {mediana(r['pagina'], 'rps'):.0f} | {mediana(r['pagina'], 'p50'):.1f} | "
            f"{p95:.1f} | {mediana(r['piso'], 'rps'):.0f} | {mediana(r['piso'], 'p95'):.1f} | "
            f"{razon:.2f} | {'sí' if meta else 'NO'}{f' ({fallos} fallos)' if fallos else ''} |"
        )
    return "\n".join(lineas)


def main() -> None:
    args = argumentos()
    wrk = exigir_wrk()
    carpeta = Path(tempfile.mkdtemp(prefix="civic-bench-"))
    env = entorno(carpeta)
    print(f"Base de datos: {env['DATABASE_URL']}  carpeta: {carpeta}", flush=True)
    inicio = time.perf_counter()
    paginas = preparar(env, args.solicitudes)
    if args.solo:
        paginas = [p for p in paginas if any(s in p for s in args.solo)]
    print(f"Preparada en {time.perf_counter() - inicio:.0f} s; páginas: {' '.join(paginas)}", flush=True)
    if args.perfil:
        perfilar(entorno_servidor(env), paginas)
        if not args.conservar:
            shutil.rmtree(carpeta, ignore_errors=True)
        return
    lua = carpeta / "resultado.lua"
    lua.write_text(LUA)
    servidor = arrancar(entorno_servidor(env), args.puerto, args.workers, carpeta)
    try:
        for ruta in [PISO, *paginas]:
            estado, tamano = pedir(args.puerto, ruta)
            print(f"  {estado} {tamano:>7} bytes  {ruta}", flush=True)
            if estado != 200:
                sys.exit(f"{ruta} respondió {estado}: el benchmark mide páginas que responden 200.")
        for ruta in [PISO, *paginas]:  # warm-up: templates loaded and caches filled in both workers
            medir(wrk, lua, args.puerto, ruta, 10, 1)
        informe = [
            f"gunicorn {args.workers} workers sync, DEBUG off; wrk, {args.duracion} s por medición, "
            f"{args.rondas} rondas piso/página; medianas de las rondas."
        ]
        for clientes in args.clientes:
            resultados: dict[str, dict] = {}
            for ruta in paginas:
                r = resultados[ruta] = {"piso": [], "pagina": []}
                for _ in range(args.rondas):
                    r["piso"].append(medir(wrk, lua, args.puerto, PISO, clientes, args.duracion))
                    r["pagina"].append(medir(wrk, lua, args.puerto, ruta, clientes, args.duracion))
                rps = mediana(r["pagina"], "rps")
                print(f"  {clientes:>3} clientes  {ruta}: {rps:.0f} req/s", flush=True)
            informe.append(tabla(clientes, resultados))
        print("\n".join(informe))
    finally:
        parar(servidor)
        if not args.conservar:
            shutil.rmtree(carpeta, ignore_errors=True)


if __name__ == "__main__":
    main()
