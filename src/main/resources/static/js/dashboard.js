// Draws the dashboard's charts from the tables beside them: the tables are the data (and what
// screen readers and printers read); the charts are a view of them. Served by the app, no inline
// script, so the Content-Security-Policy stays strict.
document.addEventListener('DOMContentLoaded', function () {
  if (!window.echarts) {
    return;
  }
  var number = function (cell) {
    var value = cell && cell.getAttribute('data-value');
    return value === null || value === '' ? null : Number(value);
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
    var option;
    if (table.getAttribute('data-chart') === 'stacked') {
      var months = [];
      var series = {};
      rows.forEach(function (row) {
        var month = row.cells[0].textContent.trim();
        var category = row.cells[1].textContent.trim();
        if (months.indexOf(month) < 0) {
          months.push(month);
        }
        series[category] = series[category] || {};
        series[category][month] = number(row.cells[2]);
      });
      option = {
        tooltip: { trigger: 'axis' },
        legend: { type: 'scroll', bottom: 0 },
        grid: { left: 40, right: 16, top: 16, bottom: 60 },
        xAxis: { type: 'category', data: months },
        yAxis: { type: 'value', minInterval: 1 },
        series: Object.keys(series).map(function (name) {
          return { name: name, type: 'bar', stack: 'all', data: months.map(function (m) { return series[name][m] || 0; }) };
        })
      };
    } else {
      var labels = rows.map(function (row) { return row.cells[0].textContent.trim(); });
      option = {
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0, itemGap: 24 },
        grid: { left: 40, right: 16, top: 16, bottom: 60 },
        xAxis: { type: 'category', data: labels },
        yAxis: { type: 'value' },
        series: [1, 2, 3].map(function (column) {
          return { name: headers[column], type: 'bar', data: rows.map(function (row) { return number(row.cells[column]); }) };
        })
      };
    }
    // canvas: the tables beside each chart hold the figures for print and screen readers; an SVG would repeat element ids
    var chart = window.echarts.init(target, null, { renderer: 'canvas' });
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
  });
});
