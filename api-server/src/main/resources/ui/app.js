// The page of vpcflow-digesterd: request a window, watch its progress, then the top talkers,
// the graph and a diff, all through the HTTP API. The token lives in the password field only:
// it is sent in the Authorization header and never put in a URL or stored.
'use strict';

const $ = (id) => document.getElementById(id);
const GRAPH_LIMIT = 200;
const DIFF_ROWS = 200;
let current = null; // {start, stop} of the window shown

function headers() {
  const token = $('token').value.trim();
  return token ? { Authorization: 'Bearer ' + token } : {};
}

function windowQuery(w, prefix = '') {
  return prefix + 'start=' + encodeURIComponent(w.start) + '&' + prefix + 'stop=' + encodeURIComponent(w.stop);
}

async function api(method, path) {
  const response = await fetch(path, { method, headers: headers(), cache: 'no-store' });
  if (response.status >= 400) {
    let message = response.status + ' ' + response.statusText;
    try { message = (await response.json()).message; } catch (e) { /* not JSON */ }
    throw new Error(method + ' ' + path.split('?')[0] + ': ' + message);
  }
  return response;
}

function showError(e) {
  $('error').textContent = e ? e.message : '';
}

function cell(row, text, numeric) {
  const td = document.createElement('td');
  td.textContent = text === null || text === undefined ? '-' : String(text);
  if (numeric) td.className = 'num';
  row.appendChild(td);
}

function servicePort(r) {
  return r.srcport > 0 ? r.srcport : r.dstport;
}

/** POSTs window w (unless it exists or runs) and waits until it is done, showing its progress in `shown`. */
async function build(w, shown) {
  const post = await fetch('/?' + windowQuery(w), { method: 'POST', headers: headers() });
  if (post.status !== 202 && post.status !== 409) {
    let message = String(post.status);
    try { message = (await post.json()).message; } catch (e) { /* not JSON */ }
    throw new Error('POST: ' + message);
  }
  for (;;) {
    const status = await (await api('GET', '/status?' + windowQuery(w))).json();
    const p = status.progress || {};
    shown.textContent = 'digest ' + status.id + ': ' + status.state
      + (p.percent !== undefined ? ' (' + p.percent.toFixed(1) + '%, ' + (p.objectsDone || 0) + '/' + (p.objectsTotal || 0) + ' objects)' : '');
    shown.dataset.state = status.state;
    if (status.state === 'done') return;
    if (status.state === 'failed' || status.state === 'absent') throw new Error('digest ' + status.state + ': ' + (status.reason || ''));
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function request(w) {
  showError(null);
  current = w;
  await build(w, $('progress'));
  await Promise.all([talkers(), graph()]);
}

async function talkers() {
  const params = new URLSearchParams();
  for (const name of ['action', 'protocol', 'port', 'addr', 'account', 'interface', 'top', 'by']) {
    const value = $('f-' + name).value.trim();
    if (value) params.set(name, value);
  }
  params.set('format', 'json');
  const body = await (await api('GET', '/query?' + windowQuery(current) + '&' + params)).json();
  const tbody = $('talkers').tBodies[0];
  tbody.replaceChildren();
  for (const r of body.records) {
    const row = document.createElement('tr');
    row.className = r.action;
    cell(row, r.action); cell(row, r.srcaddr); cell(row, r.dstaddr); cell(row, servicePort(r), true); cell(row, r.protocol, true);
    cell(row, r.bytes.toLocaleString('en'), true); cell(row, r.packets.toLocaleString('en'), true); cell(row, r['account-id']);
    cell(row, r['interface-id']);
    tbody.appendChild(row);
  }
  $('talkers-summary').textContent = body.matched + ' of ' + body.read + ' lines match; ' + body.written + ' shown';
}

async function graph() {
  $('graph-limit').textContent = GRAPH_LIMIT;
  const body = await (await api('GET', '/graph?' + windowQuery(current) + '&format=json&limit=' + GRAPH_LIMIT)).json();
  const elements = body.nodes.map((n) => ({ data: { id: n.id, label: n.address } }));
  body.edges.forEach((e, i) => elements.push({
    data: { id: 'e' + i, source: e.source, target: e.target, reject: e.action === 'REJECT' ? 1 : 0,
      label: (e.dstport > 0 ? e.dstport : e.srcport) + '/' + e.protocol },
  }));
  const cy = window.cytoscape({
    container: $('graph'),
    elements,
    layout: { name: 'cose', animate: false, randomize: false },
    style: [
      { selector: 'node', style: { label: 'data(label)', 'font-size': 9, 'background-color': '#4a7bd0', width: 12, height: 12 } },
      { selector: 'edge', style: { width: 1.5, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'line-color': '#2a2',
        'target-arrow-color': '#2a2', label: 'data(label)', 'font-size': 7 } },
      { selector: 'edge[reject = 1]', style: { 'line-color': '#c22', 'target-arrow-color': '#c22' } },
    ],
  });
  $('graph').dataset.nodes = String(cy.nodes().length);
  $('graph').dataset.edges = String(cy.edges().length);
  $('graph-count').textContent = cy.nodes().length + ' nodes, ' + cy.edges().length + ' edges'
    + (body.limited ? ' (of ' + body.edgesInDigest + ' in the digest)' : '');
}

async function diff(next) {
  showError(null);
  await build(next, $('diff-summary'));
  const response = await api('GET', '/diff?' + windowQuery(current, 'previous_') + '&' + windowQuery(next, 'next_') + '&format=json');
  const body = await response.json();
  const tbody = $('diff-table').tBodies[0];
  tbody.replaceChildren();
  for (const e of body.edges.slice(0, DIFF_ROWS)) {
    const row = document.createElement('tr');
    row.className = e.diff;
    cell(row, e.diff); cell(row, e.action); cell(row, e.srcaddr); cell(row, e.dstaddr); cell(row, e.srcport, true);
    cell(row, e.dstport, true); cell(row, e.protocol, true); cell(row, e.bytes.toLocaleString('en'), true);
    tbody.appendChild(row);
  }
  $('diff-summary').dataset.state = 'diffed';
  $('diff-summary').textContent = body.added + ' added, ' + body.removed + ' removed, ' + body.unchanged + ' unchanged'
    + (body.edges.length > DIFF_ROWS ? '; the first ' + DIFF_ROWS + ' changes shown' : '');
}

async function recent() {
  const body = await (await api('GET', '/digests?limit=200')).json();
  const list = $('recent');
  list.replaceChildren();
  body.digests.filter((d) => d.state === 'done').sort((a, b) => b.start.localeCompare(a.start)).slice(0, 20).forEach((d) => {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = d.start + ' .. ' + d.stop + ' (' + d.keys + ' keys)';
    button.addEventListener('click', () => {
      $('start').value = d.start;
      $('stop').value = d.stop;
      request({ start: d.start, stop: d.stop }).catch(showError);
    });
    item.appendChild(button);
    list.appendChild(item);
  });
}

$('window-form').addEventListener('submit', (event) => {
  event.preventDefault();
  request({ start: $('start').value.trim(), stop: $('stop').value.trim() }).catch(showError);
});
$('filters').addEventListener('submit', (event) => {
  event.preventDefault();
  if (current) talkers().catch(showError);
});
$('diff-form').addEventListener('submit', (event) => {
  event.preventDefault();
  if (current) diff({ start: $('next-start').value.trim(), stop: $('next-stop').value.trim() }).catch(showError);
});
$('load-recent').addEventListener('click', () => recent().catch(showError));
