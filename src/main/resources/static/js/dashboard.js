// Draws the dashboard's charts from the tables beside them: the tables are the data (and what
// screen readers and printers read); the charts are a view of them. Served by the app, no inline
// script, so the Content-Security-Policy stays strict.
//
// What the charts keep to, each for a reason:
// - every category label is drawn (interval 0): a skipped label puts a bar beside the wrong name;
//   long names wrap within their slot, and where slots are narrow (a phone) they are turned 45°.
// - legends are plain (they wrap onto more rows), never 'scroll', and the grid keeps clear of them.
// - tooltips are drawn inside the canvas (renderMode 'richText'): ECharts' HTML tooltip writes
//   style="" attributes that the Content-Security-Policy refuses, and its markers vanish.
// - the container's height comes from CSS classes (chart--tall, chart--taller), never style="".
document.addEventListener('DOMContentLoaded', function () {
  if (!window.echarts) {
    return;
  }
  var FONT = '12px sans-serif';
  var LEGEND_ROW = 24;
  var measure = document.createElement('canvas').getContext('2d');
  measure.font = FONT;
  var textWidth = function (text) {
    return measure.measureText(text).width;
  };
  var number = function (cell) {
    var value = cell && cell.getAttribute('data-value');
    return value === null || value === '' ? null : Number(value);
  };
  // how many rows a plain horizontal legend takes in this width (icon 25, gap 5, itemGap 10)
  var legendRows = function (names, width) {
    var rows = 1;
    var used = 0;
    names.forEach(function (name) {
      var item = 25 + 5 + textWidth(name) + 10;
      if (used > 0 && used + item > width) {
        rows += 1;
        used = 0;
      }
      used += item;
    });
    return rows;
  };
  // every label drawn: wrapped within its slot, or turned where the slot is narrower than a word
  var axisLabel = function (labels, plotWidth) {
    var slot = plotWidth / Math.max(labels.length, 1);
    var longest = labels.reduce(function (max, label) { return Math.max(max, textWidth(label)); }, 0);
    var narrowest = labels.reduce(function (max, label) {
      // the widest piece that cannot be broken: a word, or (in Japanese) about four characters
      return Math.max(max, label.split(/\s+/).reduce(function (m, word) {
        return Math.max(m, textWidth(/[\u3000-\u9fff]/.test(word) ? word.slice(0, 4) : word));
      }, 0));
    }, 0);
    if (longest <= slot - 8 || narrowest <= slot - 8) {
      return { interval: 0, hideOverlap: false, width: Math.max(slot - 8, 24), overflow: 'break', lineHeight: 14 };
    }
    return { interval: 0, hideOverlap: false, rotate: 45, width: 110, overflow: 'break', lineHeight: 14 };
  };
  document.querySelectorAll('table[data-chart]').forEach(function (table) {
    var target = document.getElementById(table.getAttribute('data-target'));
    if (!target) {
      return;
    }
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var headers = Array.prototype.map.call(table.tHead.rows[0].cells, function (cell) {
      return cell.textContent.trim();
    });
    var labels;
    var series;
    if (table.getAttribute('data-chart') === 'stacked') {
      // a month a row, a category a column: a bar a month, stacked by category
      labels = rows.map(function (row) { return row.cells[0].textContent.trim(); });
      series = headers.slice(1).map(function (name, index) {
        return { name: name, type: 'bar', stack: 'all', data: rows.map(function (row) { return number(row.cells[index + 1]) || 0; }) };
      });
    } else {
      labels = rows.map(function (row) { return row.cells[0].textContent.trim(); });
      series = [1, 2, 3].map(function (column) {
        return { name: headers[column], type: 'bar', data: rows.map(function (row) { return number(row.cells[column]); }) };
      });
    }
    var stacked = table.getAttribute('data-chart') === 'stacked';
    var chart = null;
    // laid out for the width at hand, again whenever the window changes (a phone turned)
    var draw = function () {
      var width = target.clientWidth || 600;
      var legendHeight = legendRows(series.map(function (s) { return s.name; }), width - 20) * LEGEND_ROW;
      var label = axisLabel(labels, width - 64);
      var extra = legendHeight + (label.rotate ? 80 : 28) - 2 * LEGEND_ROW;
      target.classList.toggle('chart--taller', extra > 120);
      target.classList.toggle('chart--tall', extra > 40 && extra <= 120);
      if (!chart) {
        // canvas: the tables beside each chart hold the figures for print and screen readers; an SVG would repeat element ids
        chart = window.echarts.init(target, null, { renderer: 'canvas' });
      } else {
        chart.resize();
      }
      var yAxis = { type: 'value' };
      if (stacked) {
        yAxis.minInterval = 1;
      }
      chart.setOption({
        textStyle: { fontFamily: 'sans-serif' },
        tooltip: { trigger: 'axis', renderMode: 'richText', confine: true },
        legend: { type: 'plain', bottom: 0, left: 10, right: 10, itemGap: 10 },
        grid: { left: 8, right: 16, top: 16, bottom: legendHeight + 8, containLabel: true },
        xAxis: { type: 'category', data: labels, axisLabel: label, axisTick: { alignWithLabel: true } },
        yAxis: yAxis,
        series: series
      });
    };
    draw();
    var pending = false;
    window.addEventListener('resize', function () {
      if (!pending) {
        pending = true;
        window.requestAnimationFrame(function () {
          pending = false;
          draw();
        });
      }
    });
  });
});
