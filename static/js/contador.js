// Live character counter of the filing form's description; the server enforces the limit whatever the
// browser does. The Spanish wording comes from the page (data-plantilla), so this file holds no text.
(function () {
  var area = document.getElementById("id_descripcion");
  var salida = document.getElementById("id_descripcion_contador");
  if (!area || !salida) return;
  var maximo = parseInt(area.getAttribute("maxlength"), 10);
  var plantilla = salida.dataset.plantilla;
  function actualizar() {
    salida.textContent = plantilla
      .replace("%(n)s", area.value.length.toLocaleString("es-CO"))
      .replace("%(max)s", maximo.toLocaleString("es-CO"));
  }
  salida.hidden = false;
  area.addEventListener("input", actualizar);
  actualizar();
})();
