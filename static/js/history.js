// Draws each chart from the figure JSON that json_script put in <script id="fig-NAME">,
// into <div id="chart-NAME">. plotly.js is served from our own static files.
(function () {
  "use strict";
  function draw() {
    if (!window.Plotly) { return; }
    document.querySelectorAll('script[type="application/json"][id^="fig-"]').forEach(function (node) {
      var target = document.getElementById("chart-" + node.id.slice(4));
      if (!target) { return; }
      var fig = JSON.parse(node.textContent);
      window.Plotly.newPlot(target, fig.data, fig.layout, {responsive: true, displaylogo: false});
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
