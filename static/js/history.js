// Draws each chart from the figure JSON that json_script put in <script id="fig-NAME">,
// into <div id="chart-NAME">. plotly.js is served from our own static files.
(function () {
  "use strict";
  var DAY = /^\d{4}-\d{2}-\d{2}$/;
  function emotionNames() {
    // stored labels are Korean; the page gives their names in the reader's language
    var node = document.getElementById("emotion-names");
    return node ? JSON.parse(node.textContent) : {};
  }
  function isDayAxis(data) {
    return data.length > 0 && data.every(function (trace) {
      return Array.isArray(trace.x) && trace.x.length > 0 && trace.x.every(function (x) { return DAY.test(String(x)); });
    });
  }
  function prepare(fig, names) {
    fig.data.forEach(function (trace) {
      if (trace.name && names[trace.name]) { trace.name = names[trace.name]; }
    });
    if (isDayAxis(fig.data)) {
      // one tick per day with data, written as the day: a date axis with a single day
      // otherwise zooms into milliseconds around midnight
      fig.layout = fig.layout || {};
      fig.layout.xaxis = Object.assign({}, fig.layout.xaxis, {type: "category"});
    }
    return fig;
  }
  function draw() {
    if (!window.Plotly) { return; }
    var names = emotionNames();
    document.querySelectorAll('script[type="application/json"][id^="fig-"]').forEach(function (node) {
      var target = document.getElementById("chart-" + node.id.slice(4));
      if (!target) { return; }
      var fig = prepare(JSON.parse(node.textContent), names);
      // on a phone the toolbar would sit on top of the chart for good (there is no hover)
      var narrow = window.matchMedia && window.matchMedia("(max-width: 640px)").matches;
      window.Plotly.newPlot(target, fig.data, fig.layout, {responsive: true, displaylogo: false, displayModeBar: !narrow});
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
