// Starts Swagger UI for the schema page. A file, not an inline script: the page's
// Content-Security-Policy allows scripts from this origin only (script-src 'self').
(function () {
  "use strict";
  var container = document.getElementById("swagger-container");
  if (!container || typeof window.SwaggerUIBundle !== "function") {
    return;
  }
  window.SwaggerUIBundle({
    url: container.getAttribute("data-spec-url"),
    dom_id: "#swagger-container",
    deepLinking: true,
    showExtensions: true,
    showCommonExtensions: true,
    presets: [window.SwaggerUIBundle.presets.apis, window.SwaggerUIStandalonePreset],
  });
})();
