/*
 * Agency pages: this agency's indicators beside another agency's of its region, for one year.
 * The page lists the other agencies as links (that list is the page without JavaScript); each item
 * carries its report.json addresses by year (data-reports), and a JSON block (script.compare-spec)
 * gives this agency's, with the indicators' names and kinds. This script makes a form of the list,
 * fetches the two report.json files from this site (the addresses as the page gives them, path
 * prefix included) and writes the table. Everything is written as text, never as markup.
 */
(function () {
  'use strict';

  /* As src/indicators/format.ts writes a value. */
  function format(kind, v) {
    if (v === null || v === undefined) return '—';
    if (kind === 'share') return (v * 100).toFixed(1) + '%';
    if (kind === 'ratio') return v.toFixed(2);
    if (kind === 'difference' && v > 0) return '+' + v;
    return String(v);
  }

  function fraction(kind, x) {
    if (kind !== 'share' && kind !== 'ratio') return '';
    return x.numerator !== null && x.denominator !== null ? x.numerator + '/' + x.denominator : '';
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  /* A report.json, once per address: the page's own address as given, so the error can name it. */
  var loaded = {};
  function load(url) {
    if (!loaded[url]) {
      loaded[url] = fetch(url, { credentials: 'same-origin' }).then(
        function (res) {
          if (!res.ok) throw new Error('无法载入 ' + url + '（HTTP ' + res.status + '）');
          return res.json().then(null, function () {
            throw new Error('无法读取 ' + url + '：不是有效的 JSON');
          });
        },
        function () {
          throw new Error('无法载入 ' + url + '（网络错误）');
        }
      );
      loaded[url].then(null, function () {
        delete loaded[url];
      });
    }
    return loaded[url];
  }

  /* One report's cell: the value, its fraction, or why it is blank. */
  function cell(report, indicator) {
    var td = el('td', '', 'value');
    var x = report.indicators && report.indicators[indicator.id];
    if (!x) {
      td.textContent = '—';
      td.className = 'value blank';
      td.appendChild(el('span', '留空：报告数据中没有这一指标', 'blank-reason'));
      return td;
    }
    td.textContent = format(indicator.kind, x.value);
    var f = fraction(indicator.kind, x);
    if (f) td.appendChild(el('span', f, 'fraction'));
    if (x.value === null) {
      td.className = 'value blank';
      td.appendChild(el('span', '留空：' + (x.blank || '原因不明'), 'blank-reason'));
    }
    return td;
  }

  function header(name, year, url) {
    var th = el('th');
    th.setAttribute('scope', 'col');
    var a = el('a', name + ' ' + year + ' 年度');
    a.setAttribute('href', url.replace(/report\.json$/, ''));
    th.appendChild(a);
    return th;
  }

  function table(spec, year, own, peer, ownReport, peerReport) {
    var wrap = el('div', '', 'table-scroll');
    wrap.setAttribute('tabindex', '0');
    wrap.setAttribute('role', 'region');
    wrap.setAttribute('aria-label', '指标对比');
    var t = el('table', '', 'indicators compare-table');
    t.appendChild(el('caption', spec.agency + '与' + peer.name + '：' + year + ' 年度指标对比'));
    var head = el('thead');
    var tr = el('tr');
    var first = el('th', '指标');
    first.setAttribute('scope', 'col');
    tr.appendChild(first);
    tr.appendChild(header(spec.agency, year, own));
    tr.appendChild(header(peer.name, year, peer.reports[year]));
    head.appendChild(tr);
    t.appendChild(head);
    var body = el('tbody');
    for (var i = 0; i < spec.indicators.length; i++) {
      var indicator = spec.indicators[i];
      var row = el('tr');
      row.setAttribute('data-indicator', indicator.id);
      var th = el('th', indicator.name);
      th.setAttribute('scope', 'row');
      row.appendChild(th);
      row.appendChild(cell(ownReport, indicator));
      row.appendChild(cell(peerReport, indicator));
      body.appendChild(row);
    }
    t.appendChild(body);
    wrap.appendChild(t);
    return wrap;
  }

  function labelled(id, text, control) {
    var label = el('label', text);
    label.setAttribute('for', id);
    control.id = id;
    var span = el('span', '', 'field');
    span.appendChild(label);
    span.appendChild(control);
    return span;
  }

  function setup(section) {
    var specNode = section.querySelector('script.compare-spec');
    var list = section.querySelector('ul.compare-peers');
    var items = section.querySelectorAll('ul.compare-peers li[data-reports]');
    if (!specNode || !list || !items.length) return;
    var spec = JSON.parse(specNode.textContent);
    var peers = [];
    for (var i = 0; i < items.length; i++) {
      peers.push({ name: items[i].getAttribute('data-name'), reports: JSON.parse(items[i].getAttribute('data-reports')) });
    }

    var form = el('form', '', 'compare-form');
    var agency = el('select');
    for (var k = 0; k < peers.length; k++) {
      var option = el('option', peers[k].name);
      option.value = String(k);
      agency.appendChild(option);
    }
    var year = el('select');
    var button = el('button', '并排对比');
    button.type = 'submit';
    form.appendChild(labelled('compare-agency', '对比机关', agency));
    form.appendChild(labelled('compare-year', '年度', year));
    form.appendChild(button);
    var status = el('p', '', 'compare-status');
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    var result = el('div', '', 'compare-result');
    list.parentNode.insertBefore(form, list);
    list.parentNode.insertBefore(status, list);
    list.parentNode.insertBefore(result, list);

    /* The years both reported, latest first. */
    function years() {
      var peer = peers[Number(agency.value)];
      var out = [];
      for (var y in peer.reports) if (Object.prototype.hasOwnProperty.call(spec.own, y)) out.push(y);
      out.sort(function (a, b) { return Number(b) - Number(a); });
      year.textContent = '';
      for (var j = 0; j < out.length; j++) year.appendChild(el('option', out[j] + ' 年度')).value = out[j];
    }
    years();
    agency.addEventListener('change', years);

    var asked = 0;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var peer = peers[Number(agency.value)];
      var y = year.value;
      if (!peer || !y) return;
      var n = ++asked;
      var own = spec.own[y];
      status.className = 'compare-status';
      status.textContent = '正在载入' + spec.agency + '和' + peer.name + ' ' + y + ' 年度的报告数据……';
      Promise.all([load(own), load(peer.reports[y])]).then(
        function (reports) {
          if (n !== asked) return;
          result.textContent = '';
          result.appendChild(table(spec, y, own, peer, reports[0], reports[1]));
          status.textContent = '已列出' + spec.agency + '与' + peer.name + ' ' + y + ' 年度的指标。';
        },
        function (error) {
          if (n !== asked) return;
          result.textContent = '';
          status.className = 'compare-status compare-error';
          status.textContent = error.message;
        }
      );
    });
  }

  function init() {
    var sections = document.querySelectorAll('section.compare');
    for (var i = 0; i < sections.length; i++) {
      try {
        setup(sections[i]);
      } catch (e) {
        // The list of links stays; the console says why there is no form.
        console.error('compare not set up:', e);
      }
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
