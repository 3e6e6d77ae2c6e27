// Draws the charts a page describes in <script type="application/json" class="chart-data">
// blocks (see src/charts/chart.ts) with Chart.js, served by the app from node_modules. Figures
// are formatted in the page's language (<html lang>), as in the tables beside each chart.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') return;

  var COLOURS = {
    blue: '#1f5fa8',
    orange: '#d9822b',
    green: '#2e7d4f',
    red: '#b3261e',
    grey: '#6b7280',
    purple: '#6d3fa0',
    teal: '#137a7f',
  };
  var locale = document.documentElement.lang === 'en' ? 'en-GB' : 'nl-NL';
  var formats = {
    euro: new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }),
    count: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
    percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }),
  };

  function alpha(hex, a) {
    var n = parseInt(hex.slice(1), 16);
    return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + a + ')';
  }

  function dataset(series) {
    var colour = COLOURS[series.colour] || COLOURS.grey;
    var base = { label: series.label, data: series.data, borderColor: colour, backgroundColor: colour };
    switch (series.style) {
      case 'bar':
        return Object.assign(base, { type: 'bar', stack: series.stack, order: 2 });
      case 'line':
        return Object.assign(base, { type: 'line', pointRadius: 2, tension: 0, order: 1, spanGaps: false });
      case 'dashed':
        return Object.assign(base, { type: 'line', borderDash: [6, 4], pointRadius: 0, order: 1 });
      case 'band-low':
        return Object.assign(base, { type: 'line', borderWidth: 0, pointRadius: 0, fill: false, order: 3 });
      case 'band-high':
        // Shaded down to the band-low series just before it.
        return Object.assign(base, {
          type: 'line',
          borderWidth: 0,
          pointRadius: 0,
          fill: '-1',
          backgroundColor: alpha(colour, 0.2),
          order: 3,
        });
      case 'point':
        return Object.assign(base, { type: 'line', showLine: false, pointRadius: 7, pointStyle: 'rectRot', order: 0 });
      default:
        return base;
    }
  }

  function draw(block) {
    var spec = JSON.parse(block.textContent);
    var canvas = document.getElementById(block.getAttribute('data-canvas'));
    if (!canvas) return null;
    var format = formats[spec.unit] || formats.count;
    var valueAxis = spec.horizontal ? 'x' : 'y';
    var scales = { x: { stacked: spec.stacked }, y: { stacked: spec.stacked } };
    scales[valueAxis].ticks = {
      precision: spec.unit === 'count' ? 0 : undefined,
      callback: function (v) { return format.format(v); },
    };
    scales[valueAxis].beginAtZero = spec.zeroBased;
    if (spec.unit === 'percent' && spec.stacked) scales[valueAxis].max = 1;
    return new Chart(canvas, {
      type: 'bar',
      data: { labels: spec.labels, datasets: spec.series.map(dataset) },
      options: {
        indexAxis: spec.horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        scales: scales,
        plugins: {
          legend: {
            labels: {
              // The interval's edges are one thing to a reader: the shaded band.
              filter: function (item) { return spec.series[item.datasetIndex].style !== 'band-low'; },
            },
          },
          tooltip: {
            callbacks: {
              label: function (ctx) {
                var v = spec.horizontal ? ctx.parsed.x : ctx.parsed.y;
                return ctx.dataset.label + ': ' + (v === null ? '—' : format.format(v));
              },
            },
          },
        },
      },
    });
  }

  var charts = [];
  document.querySelectorAll('script.chart-data').forEach(function (block) {
    var drawn = draw(block);
    if (drawn) charts.push(drawn);
  });
  // Print (the board pack's PDF) lays the page out anew: fit the charts to it.
  window.addEventListener('beforeprint', function () {
    charts.forEach(function (c) { c.resize(); });
  });
})();
