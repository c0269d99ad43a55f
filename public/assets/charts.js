/*
 * Draws every <figure class="chart"> with chart.js (served from /assets, never a CDN).
 * The numbers come from the figure's JSON spec, which the page also prints as a table;
 * without JavaScript the table stays and nothing is lost.
 */
(function () {
  'use strict';
  var PALETTE = ['#1f5fa8', '#d9822b', '#2a9d6f', '#b5453a', '#7a5ca8', '#8c6d31', '#4a4a4a'];

  function draw(figure) {
    var specNode = figure.querySelector('script.chart-spec');
    var holder = figure.querySelector('.chart-canvas');
    var canvas = holder && holder.querySelector('canvas');
    if (!specNode || !canvas || typeof window.Chart !== 'function') return;
    var spec = JSON.parse(specNode.textContent);
    holder.hidden = false;
    var single = spec.series.length === 1;
    var chart = new window.Chart(canvas, {
      type: spec.kind,
      data: {
        labels: spec.categories,
        datasets: spec.series.map(function (s, i) {
          return {
            label: s.label,
            data: s.values,
            backgroundColor: PALETTE[i % PALETTE.length],
            borderColor: PALETTE[i % PALETTE.length],
            borderWidth: spec.kind === 'line' ? 2 : 0
          };
        })
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: spec.horizontal ? 'y' : 'x',
        plugins: {
          legend: { display: !single, position: 'bottom' },
          tooltip: {
            callbacks: {
              label: function (ctx) {
                var v = ctx.raw;
                return ctx.dataset.label + '：' + (v === null || v === undefined ? '空白' : v + ' ' + spec.unit);
              }
            }
          }
        },
        scales: {
          x: { stacked: spec.stacked, beginAtZero: true, ticks: { precision: 0 } },
          y: { stacked: spec.stacked, beginAtZero: true, ticks: { precision: 0 } }
        }
      }
    });
    var rows = spec.horizontal ? spec.categories.length : 0;
    holder.style.height = Math.max(220, rows * 28 + 80) + 'px';
    chart.resize();
    figure.setAttribute('data-drawn', 'true');
  }

  function drawAll() {
    var figures = document.querySelectorAll('figure.chart');
    for (var i = 0; i < figures.length; i++) {
      try {
        draw(figures[i]);
      } catch (e) {
        // A chart that cannot be drawn leaves its table; the console says why.
        console.error('chart ' + figures[i].id + ' not drawn:', e);
      }
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', drawAll);
  else drawAll();
})();
