// Draws the report's charts from the JSON block; no network. When every chart has fired its
// first 'finished' event, body[data-charts-rendered] equals body[data-charts-expected], which the
// headless check reads. Page errors are kept in body[data-page-errors] as well as the console.
(function () {
  'use strict';
  window.addEventListener('error', function (e) {
    var body = document.body;
    body.dataset.pageErrors = (body.dataset.pageErrors || '') + e.message + '\n';
  });

  var data = JSON.parse(document.getElementById('report-data').textContent);
  var BAND_COLORS = { red: '#c0392b', yellow: '#d4a017', green: '#2e8b57' };
  var QUADRANT_COLORS = {
    success: '#2e8b57',
    hollow_experience: '#d4a017',
    at_risk_experience: '#e67e22',
    failing: '#c0392b'
  };
  var DAY_MS = 24 * 3600 * 1000;
  var rendered = 0;

  function percent(v) { return v == null ? '–' : (v * 100).toFixed(1) + '%'; }
  function month(day) { return day.substring(0, 7); }
  function label(key) { return key.replace(/_/g, ' '); }

  function draw(id, option) {
    var chart = echarts.init(document.getElementById(id), null, { renderer: 'svg' });
    var counted = false;
    chart.on('finished', function () {
      if (counted) { return; }
      counted = true;
      rendered += 1;
      document.body.dataset.chartsRendered = String(rendered);
    });
    option.animation = false;
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function mrrWaterfall() {
    var months = data.revenue.map(function (m) { return month(m.month); });
    function bar(name, key, stack, color) {
      return {
        name: name, type: 'bar', stack: stack, barGap: '-100%', itemStyle: { color: color },
        data: data.revenue.map(function (m) { return m[key]; })
      };
    }
    draw('chart-mrr-waterfall', {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 70, right: 80, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: months },
      yAxis: [
        { type: 'value', name: 'movement' },
        { type: 'value', name: 'MRR end', splitLine: { show: false } }
      ],
      series: [
        bar('New', 'newMrr', 'in', '#2e8b57'),
        bar('Reactivation', 'reactivationMrr', 'in', '#5dade2'),
        bar('Expansion', 'expansionMrr', 'in', '#82c785'),
        bar('Contraction', 'contractionMrr', 'out', '#e59866'),
        bar('Churn', 'churnMrr', 'out', '#c0392b'),
        {
          name: 'MRR end', type: 'line', yAxisIndex: 1, itemStyle: { color: '#1f3a5f' },
          data: data.revenue.map(function (m) { return m.mrrEnd; })
        }
      ]
    });
  }

  function retentionRates() {
    function line(name, key, color) {
      return {
        name: name, type: 'line', connectNulls: false, itemStyle: { color: color },
        data: data.revenue.map(function (m) { return m[key]; })
      };
    }
    draw('chart-retention-rates', {
      tooltip: { trigger: 'axis', valueFormatter: percent },
      legend: { top: 0 },
      grid: { left: 70, right: 30, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: data.revenue.map(function (m) { return month(m.month); }) },
      yAxis: { type: 'value', axisLabel: { formatter: percent } },
      series: [
        line('NRR', 'nrr', '#1f3a5f'),
        line('GRR', 'grr', '#5dade2'),
        line('Logo churn rate', 'logoChurnRate', '#c0392b')
      ]
    });
  }

  function cohortHeatmap(id, title, key) {
    var cohorts = [];
    data.cohorts.forEach(function (c) {
      if (cohorts.indexOf(c.cohortMonth) < 0) { cohorts.push(c.cohortMonth); }
    });
    var offsets = [];
    for (var k = 0; k < 12; k += 1) { offsets.push(String(k)); }
    var cells = data.cohorts.filter(function (c) { return c[key] != null; }).map(function (c) {
      return { value: [c.monthsSince, cohorts.indexOf(c.cohortMonth), c[key]], partial: c.partial };
    });
    draw(id, {
      title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: {
        formatter: function (p) {
          return month(cohorts[p.value[1]]) + ', month ' + p.value[0] + ': ' + percent(p.value[2]) +
            (p.data.partial ? ' (as of ' + data.runDate + ')' : '');
        }
      },
      grid: { left: 70, right: 20, top: 40, bottom: 70 },
      xAxis: { type: 'category', data: offsets, name: 'months since', nameLocation: 'middle', nameGap: 25 },
      yAxis: { type: 'category', data: cohorts.map(month), inverse: true },
      // Fixed steps, the same on both maps, so a colour means the same retention everywhere and
      // revenue retention above 100% (expansion) is its own colour.
      visualMap: {
        type: 'piecewise', orient: 'horizontal', left: 'center', bottom: 0, itemWidth: 14,
        pieces: [
          { min: 1, label: '≥ 100%', color: '#1e8449' },
          { min: 0.8, lt: 1, label: '80-99%', color: '#82c785' },
          { min: 0.5, lt: 0.8, label: '50-79%', color: '#f4d03f' },
          { min: 0, lt: 0.5, label: '< 50%', color: '#e59866' }
        ]
      },
      series: [{
        type: 'heatmap', data: cells,
        label: {
          show: true, fontSize: 9,
          formatter: function (p) { return Math.round(p.value[2] * 100) + (p.data.partial ? '*' : ''); }
        }
      }]
    });
  }

  function healthBands() {
    var series = ['red', 'yellow', 'green'].map(function (band) {
      return {
        name: band, type: 'line', stack: 'bands', areaStyle: {}, symbol: 'none',
        itemStyle: { color: BAND_COLORS[band] }, lineStyle: { width: 1 },
        data: data.bands.filter(function (b) { return b.band === band; })
          .map(function (b) { return [b.day, b.accounts]; })
      };
    });
    draw('chart-health-bands', {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 30, top: 40, bottom: 30 },
      xAxis: { type: 'time', minInterval: DAY_MS },
      yAxis: { type: 'value', name: 'accounts', minInterval: 1 },
      series: series
    });
  }

  function quadrants() {
    var names = Object.keys(QUADRANT_COLORS);
    draw('chart-quadrants', {
      tooltip: {
        formatter: function (p) {
          return label(p.seriesName) + '<br>outcome ' + p.value[0] + ', experience ' + p.value[1] +
            ': ' + p.value[2] + ' account(s)';
        }
      },
      legend: { top: 0, formatter: label },
      grid: { left: 60, right: 30, top: 40, bottom: 45 },
      xAxis: { type: 'value', name: 'outcome score', nameLocation: 'middle', nameGap: 28, min: 0, max: 100 },
      yAxis: { type: 'value', name: 'experience score', min: 0, max: 100 },
      series: names.map(function (q) {
        return {
          name: q, type: 'scatter', itemStyle: { color: QUADRANT_COLORS[q], opacity: 0.75 },
          symbolSize: function (v) { return 6 + 4 * Math.sqrt(v[2]); },
          data: data.quadrants.filter(function (p) { return p.quadrant === q; })
            .map(function (p) { return [p.outcomeScore, p.experienceScore, p.accounts]; })
        };
      })
    });
  }

  function experience() {
    draw('chart-experience', {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 70, top: 40, bottom: 30 },
      xAxis: { type: 'time', minInterval: DAY_MS },
      yAxis: [
        { type: 'value', name: 'NPS', min: -100, max: 100 },
        { type: 'value', name: 'CSAT', min: 0, max: 1, axisLabel: { formatter: percent }, splitLine: { show: false } }
      ],
      series: [
        {
          name: 'NPS', type: 'line', symbolSize: 4, itemStyle: { color: '#1f3a5f' },
          data: data.experience.map(function (d) { return [d.day, d.nps]; })
        },
        {
          name: 'CSAT', type: 'line', symbolSize: 4, yAxisIndex: 1, itemStyle: { color: '#2e8b57' },
          data: data.experience.map(function (d) { return [d.day, d.csat]; })
        }
      ]
    });
  }

  mrrWaterfall();
  retentionRates();
  cohortHeatmap('chart-cohort-logo', 'Logo retention', 'logoRetention');
  cohortHeatmap('chart-cohort-revenue', 'Revenue retention', 'revenueRetention');
  healthBands();
  quadrants();
  experience();
}());
