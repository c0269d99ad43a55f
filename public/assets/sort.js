/*
 * Sortable report lists: each column header of a table.sortable becomes a button.
 * Numeric columns (th[data-type=number]) sort by the cell's data-value; blanks go last.
 * Without JavaScript the list keeps the order the build gave it.
 */
(function () {
  'use strict';
  function key(cell, numeric) {
    if (!numeric) return cell.textContent.trim();
    var v = cell.getAttribute('data-value');
    return v === null || v === '' ? null : Number(v);
  }

  function setup(table) {
    var heads = table.tHead.rows[0].cells;
    var body = table.tBodies[0];
    for (var i = 0; i < heads.length; i++) {
      (function (index, th) {
        var numeric = th.getAttribute('data-type') === 'number';
        var button = document.createElement('button');
        button.type = 'button';
        // The heading's own content (a formula under an indicator's name) moves into the button.
        while (th.firstChild) button.appendChild(th.firstChild);
        th.appendChild(button);
        button.addEventListener('click', function () {
          var ascending = th.getAttribute('aria-sort') !== 'ascending';
          for (var j = 0; j < heads.length; j++) heads[j].removeAttribute('aria-sort');
          th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = key(a.cells[index], numeric);
            var y = key(b.cells[index], numeric);
            if (x === null && y === null) return 0;
            if (x === null) return 1;
            if (y === null) return -1;
            var c = numeric ? x - y : x < y ? -1 : x > y ? 1 : 0;
            return ascending ? c : -c;
          });
          rows.forEach(function (r) { body.appendChild(r); });
        });
      })(i, heads[i]);
    }
  }

  function init() {
    var tables = document.querySelectorAll('table.sortable');
    for (var i = 0; i < tables.length; i++) setup(tables[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
