// window.TaskInspector, window.TaskInspectorReady, the postMessage bridge and the test hooks.
// Appended to inspector.js with --post-js, so it runs when the script loads, in the Emscripten glue's scope.
(function () {
  'use strict';
  var MAX_TEXT = 1 << 20;
  var listeners = { task: [], error: [] };
  var started = false;  // main() has set everything up; calls before that are queued
  var queued = [];
  var readyResolve, readyReject;
  var ready = new Promise(function (resolve, reject) { readyResolve = resolve; readyReject = reject; });
  ready['catch'](function () {}); // a failed start is reported on the page; no unhandled-rejection noise

  function withString(s, fn) {
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    if (!p) return false;
    try {
      stringToUTF8(s, p, n);
      fn(p);
    } finally {
      _free(p);
    }
    return true;
  }

  function badInput(message) {
    if (!started) { queued.push(function () { badInput(message); }); return; }
    withString(String(message).slice(0, 2000), function (p) { Module['_ti_report_bad_input'](p); });
  }

  // Serialises what a caller passed; anything JSON cannot carry becomes an error entry, never a throw.
  function toJson(value, what) {
    var text;
    try { text = JSON.stringify(value); } catch (e) { badInput(what + ': the value cannot be serialised (' + String(e && e.message || e).split('\n')[0] + ')'); return null; }
    if (typeof text !== 'string') { badInput(what + ': no usable value given'); return null; }
    if (text.length > MAX_TEXT) { badInput(what + ': value too large'); return null; }
    return text;
  }

  function callWithJson(fnName, value, what) {
    if (!started) { queued.push(function () { callWithJson(fnName, value, what); }); return; }
    var text = toJson(value, what);
    if (text === null) return;
    if (!withString(text, function (p) { Module[fnName](p); })) badInput(what + ': out of memory');
  }

  function takeString(fnName) {
    var p = Module[fnName]();
    if (!p) return '';
    try { return UTF8ToString(p); } finally { Module['_ti_free'](p); }
  }

  function configure(options) {
    if (options === null || typeof options !== 'object' || Array.isArray(options)) {
      badInput('configure: expected an object such as {baseUrl, apiKey, auth, pollSeconds, lang, theme}');
      return;
    }
    callWithJson('_ti_configure', options, 'configure');
  }

  function open(idOrIds) {
    var ids = idOrIds;
    if (typeof ids === 'number' && Number.isSafeInteger(ids) && ids >= 0) ids = String(ids);
    if (Array.isArray(ids)) {
      ids = ids.map(function (v) { return (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) ? String(v) : v; });
    } else if (typeof ids !== 'string') {
      badInput('open: expected a task id string or an array of ids');
      return;
    }
    callWithJson('_ti_open', ids, 'open');
  }

  function state() {
    if (!started) {
      return { ready: false, baseUrl: '', selectedId: '', framesRendered: 0, paused: false, tasks: [], errors: [], log: [] };
    }
    try { return JSON.parse(takeString('_ti_state')); } catch (e) {
      return { ready: false, baseUrl: '', selectedId: '', framesRendered: 0, paused: false, tasks: [], errors: [], log: [] };
    }
  }

  function on(event, callback) {
    if ((event !== 'task' && event !== 'error') || typeof callback !== 'function') {
      badInput("on: expected on('task' | 'error', function)");
      return function () {};
    }
    listeners[event].push(callback);
    return function off() {
      var i = listeners[event].indexOf(callback);
      if (i >= 0) listeners[event].splice(i, 1);
    };
  }

  var api = {
    configure: configure,
    open: open,
    state: state,
    on: on,
    // Test hooks: the widgets of the last frame (click by label), the last copied text, a paste, page hiding.
    _items: function () {
      if (!started) return [];
      try { return JSON.parse(takeString('_ti_items')); } catch (e) { return []; }
    },
    _clipboard: function () { return started ? takeString('_ti_clipboard') : ''; },
    _fonts: function () {
      if (!started) return { cjkLoaded: false, missing: [] };
      try { return JSON.parse(takeString('_ti_fonts')); } catch (e) { return { cjkLoaded: false, missing: [] }; }
    },
    _paste: function (text) {
      if (typeof text !== 'string') { badInput('_paste: expected a string'); return; }
      if (!started) { queued.push(function () { api._paste(text); }); return; }
      withString(text.slice(0, MAX_TEXT), function (p) { Module['_ti_paste'](p); });
    },
    _setPageHidden: function (hidden) {
      if (!started) { queued.push(function () { api._setPageHidden(hidden); }); return; }
      Module['_ti_set_page_hidden'](hidden ? 1 : 0);
    }
  };

  window.TaskInspector = api;
  window.TaskInspectorReady = ready;

  // Called from C++.
  Module['__tiStarted'] = function () {
    started = true;
    var q = queued;
    queued = [];
    q.forEach(function (f) { try { f(); } catch (e) { console.error('TaskInspector:', e); } });
  };
  Module['__tiReady'] = function () { readyResolve(api); };
  Module['__tiFailed'] = function (why) { readyReject(new Error(why)); };
  Module['__tiPaste'] = function (text) { api._paste(text); };
  Module['__tiEmit'] = function (event, json) {
    var payload;
    try { payload = JSON.parse(json); } catch (e) { return; }
    listeners[event].slice().forEach(function (cb) {
      // A listener's exception is the embedding page's bug; it must not unwind through the wasm frame loop.
      try { cb(payload); } catch (e) { console.error('TaskInspector ' + event + ' listener failed:', e); }
    });
    if (event === 'task' && window.parent && window.parent !== window) {
      try { window.parent.postMessage({ type: 'task-inspector:task', task: payload }, '*'); } catch (e) {}
    }
  };

  // Abort (a failed wasm download or compile) leaves a message instead of a blank canvas.
  var prevAbort = Module['onAbort'];
  Module['onAbort'] = function (what) {
    var el = document.getElementById('ti-status');
    if (el) {
      el.textContent = 'The inspector could not start: ' + String(what || 'unknown error') +
        '. Check that inspector.wasm is served (with MIME type application/wasm) next to inspector.js.';
      el.setAttribute('data-error', '1');
      el.style.display = '';
    }
    readyReject(new Error('TaskInspector failed to start: ' + what));
    if (typeof prevAbort === 'function') { try { prevAbort(what); } catch (e) {} }
  };

  // postMessage from the parent window: the same two calls, with their shapes checked.
  window.addEventListener('message', function (e) {
    if (e.source !== window.parent) return;
    var d = e.data;
    if (!d || typeof d !== 'object' || typeof d.type !== 'string' || d.type.indexOf('task-inspector:') !== 0) return;
    if (d.type === 'task-inspector:task') return; // our own announcement, seen when not framed
    if (d.type === 'task-inspector:open') {
      if (!Array.isArray(d.ids) && typeof d.ids !== 'string') {
        badInput("postMessage task-inspector:open: expected {type:'task-inspector:open', ids:[...]}");
        return;
      }
      open(d.ids);
    } else if (d.type === 'task-inspector:configure') {
      var patch = {};
      Object.keys(d).forEach(function (k) { if (k !== 'type') patch[k] = d[k]; });
      // A framing page from another origin may point the inspector at its own server, but never together with
      // a key it did not supply itself (a remembered key must not follow the base URL to someone else's host).
      var sameOrigin = false;
      try { sameOrigin = e.origin === window.location.origin; } catch (err) {}
      if (!sameOrigin && ('baseUrl' in patch || 'base' in patch) && !('apiKey' in patch)) patch.apiKey = '';
      configure(patch);
    } else {
      badInput('postMessage: unknown message type ' + JSON.stringify(d.type.slice(0, 64)));
    }
  });
})();
